package samizdat.mirror.ipfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import samizdat.io.Murmur3;

/**
 * Turns files and directories into the UnixFS DAG that kubo's {@code ipfs add -r --cid-version=1}
 * builds, streaming every block to a {@link BlockSink} children-first:
 *
 * <ul>
 *   <li>files are cut into fixed 256 KiB chunks, each a raw block ({@link Cid#RAW}); a file of one
 *       chunk (or of 0 bytes: one empty chunk) <em>is</em> that raw block;
 *   <li>files of several chunks get a balanced tree of dag-pb nodes with at most 174 links each,
 *       every node holding UnixFS {@code Data{Type=File, filesize, blocksizes...}} and links with
 *       an empty name; partial subtrees keep the full depth (a lone chunk past 174 still gets its
 *       own level-1 parent), exactly like go-unixfs's balanced layout;
 *   <li>directories are plain UnixFS directories ({@code Data{Type=Directory}}), links sorted by
 *       the UTF-8 bytes of their names, {@code Tsize} the cumulative size of the child's DAG;
 *   <li>a directory whose link names and CIDs add up to more than 256 KiB becomes a HAMT shard
 *       (fanout 256, murmur3-x64-64), as kubo does;
 *   <li>no mode, no mtime.
 * </ul>
 *
 * <p>Memory does not grow with file or site size: a file keeps at most 174 pending links per tree
 * level, a directory only its own entries. Not thread-safe (buffers are reused).
 */
final class UnixFsImporter {
  /** kubo's default chunk size ({@code size-262144}). */
  static final int CHUNK_SIZE = 256 * 1024;
  /** kubo's default maximum links per file node ({@code helpers.DefaultLinksPerBlock}). */
  static final int MAX_LINKS = 174;
  /**
   * kubo switches a directory to a HAMT shard when the sum of its links' name lengths and CID
   * lengths exceeds this (256 KiB; the reference importer's {@code links-bytes} estimate).
   */
  static final long KUBO_SHARDING_THRESHOLD = 256 * 1024;

  private static final byte[] DIRECTORY_DATA = {0x08, 0x01}; // UnixFS Data{Type=Directory}
  private static final byte[] EMPTY = new byte[0];

  private final BlockSink sink;
  private final Optional<ChunkHashers> hashers;
  private final ExportCache cache;
  private long files;
  private long knownFiles;
  /** The blocks of the file being added, for the cache. */
  private final List<Cid> fileBlocks = new ArrayList<>();
  private final MessageDigest sha256;
  private final byte[] digest = new byte[32];
  private final byte[] chunk = new byte[CHUNK_SIZE];
  private final ByteBuffer chunkBuffer = ByteBuffer.wrap(chunk);
  private final Protobuf node = new Protobuf(16 * 1024);
  private final Protobuf data = new Protobuf(2 * 1024);
  private final byte[] cidScratch = new byte[Cid.LENGTH];

  UnixFsImporter(BlockSink sink) {
    this(sink, Optional.empty(), ExportCache.none());
  }

  /**
   * @param hashers when present, chunk digests are computed on these threads ahead of the writer
   *     (see {@link ChunkHashers}); otherwise on the calling thread
   * @param cache files an earlier run read: one whose blocks the sink does not want is not read
   */
  UnixFsImporter(BlockSink sink, Optional<ExecutorService> hashers, ExportCache cache) {
    this.sink = sink;
    this.hashers = hashers.map(ChunkHashers::new);
    this.cache = cache;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** One named entry of a directory being built. */
  private record Entry(byte[] name, DagNode node) {}


  /**
   * Adds a directory tree. Hidden entries (names starting with '.') are skipped like {@code ipfs
   * add} does without {@code --hidden}; symbolic links and special files are skipped with a warning.
   *
   * @param root directory to add
   * @param bytesDone told the number of file bytes as they are read
   * @param warnings told about skipped entries (hidden files, symbolic links, special files)
   */
  DagNode addTree(Path root, LongConsumer bytesDone, Consumer<String> warnings) throws IOException {
    return addDirectory(root, "", FileStamp.unixView(root), bytesDone, warnings);
  }

  /** Adds directory {@code dir}, {@code rel} below the root ('/'-separated, "" for the root). */
  private DagNode addDirectory(Path dir, String rel, boolean unixView, LongConsumer bytesDone,
      Consumer<String> warnings) throws IOException {
    ExportCache.Directory cached = cache.directory(rel);
    List<DirectoryListing.Child> children = DirectoryListing.list(dir, rel, unixView, cached, sink, warnings);
    List<Path> toRead = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (DirectoryListing.Child c : children) {
      if (c.attrs().regularFile() && c.known().isEmpty()) {
        toRead.add(c.path());
        sizes.add(c.attrs().stamp().size());
      }
    }
    List<Entry> entries = new ArrayList<>(children.size());
    Optional<ChunkHashers.Lookahead> lookahead = hashers.map(h -> h.new Lookahead(toRead, sizes));
    try {
      for (DirectoryListing.Child c : children) {
        FileStamp stamp = c.attrs().stamp();
        DagNode added;
        if (c.attrs().directory()) {
          added = addDirectory(c.path(), DirectoryListing.join(rel, c.name()), unixView, bytesDone, warnings);
        } else if (c.known().isPresent()) {
          ExportCache.KnownFile k = c.known().get();
          for (Cid block : k.blocks()) {
            sink.putKnown(block);
          }
          files++;
          knownFiles++;
          bytesDone.accept(stamp.size());
          cached.record(c.name(), stamp, k.node(), k.blocks());
          added = k.node();
        } else {
          Optional<ChunkHashers.FileDigests> digests = lookahead.map(l -> l.take(c.path(), stamp.size()));
          added = addFile(c.path(), stamp.size(), digests, bytesDone);
          cached.record(c.name(), stamp, added, fileBlocks);
        }
        entries.add(new Entry(c.utf8(), added));
      }
      cached.close();
    } finally {
      lookahead.ifPresent(ChunkHashers.Lookahead::close);
    }
    long estimated = 0;
    for (Entry e : entries) {
      estimated += e.name().length + Cid.LENGTH;
    }
    // kubo's rule (links-bytes estimate): over 256 KiB of names and CIDs, the folder is a HAMT.
    return estimated > KUBO_SHARDING_THRESHOLD ? hamtShard(entries, 0) : directoryNode(entries);
  }

  /** An entry of a HAMT shard with its hash. */
  private record Hashed(Entry entry, long hash) {}

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /**
   * A UnixFS HAMT shard (fanout 256, murmur3-x64-64) over {@code entries}, the way kubo and the
   * reference importer build one: each of the 256 slots, picked by the next byte of the name's
   * hash, holds a single entry (link name = two hex digits + name) or, when several names share
   * the slot, a sub-shard (link name = the two hex digits).
   */
  private DagNode hamtShard(List<Entry> entries, int level) throws IOException {
    List<Hashed> hashed = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      hashed.add(new Hashed(e, Murmur3.hash64(e.name())));
    }
    return shard(hashed, level);
  }

  private DagNode shard(List<Hashed> entries, int level) throws IOException {
    if (level >= 8) {
      throw new IOException("two names with the same 64-bit HAMT hash; cannot build the shard");
    }
    List<List<Hashed>> slots = new ArrayList<>(256);
    for (int i = 0; i < 256; i++) {
      slots.add(new ArrayList<>(2));
    }
    for (Hashed h : entries) {
      slots.get((int) (h.hash() >>> (56 - 8 * level)) & 0xff).add(h);
    }
    List<Entry> links = new ArrayList<>();
    int highest = 0;
    for (int slot = 0; slot < 256; slot++) {
      List<Hashed> in = slots.get(slot);
      if (in.isEmpty()) {
        continue;
      }
      highest = slot;
      byte[] label = {HEX[slot >> 4], HEX[slot & 15]};
      if (in.size() == 1) {
        Entry e = in.get(0).entry();
        byte[] name = new byte[2 + e.name().length];
        name[0] = label[0];
        name[1] = label[1];
        System.arraycopy(e.name(), 0, name, 2, e.name().length);
        links.add(new Entry(name, e.node()));
      } else {
        links.add(new Entry(label, shard(in, level + 1)));
      }
    }
    // The bitfield of used slots, big-endian, without leading zero bytes.
    byte[] bitfield = new byte[highest / 8 + 1];
    for (int slot = 0; slot < 256; slot++) {
      if (!slots.get(slot).isEmpty()) {
        bitfield[bitfield.length - 1 - slot / 8] |= (byte) (1 << (slot % 8));
      }
    }
    data.reset();
    data.varintField(1, 5); // Type = HAMTShard
    data.bytesField(2, bitfield, 0, bitfield.length);
    data.varintField(5, 0x22); // hashType = murmur3-x64-64
    data.varintField(6, 256); // fanout
    return linkedNode(links, data.toByteArray());
  }

  /** The directory node over {@code entries} (already in name order). */
  private DagNode directoryNode(List<Entry> entries) throws IOException {
    return linkedNode(entries, DIRECTORY_DATA);
  }

  /** A dag-pb node with named links (in the given order) and UnixFS {@code unixfsData}. */
  private DagNode linkedNode(List<Entry> entries, byte[] unixfsData) throws IOException {
    node.reset();
    long childTotal = 0;
    for (Entry e : entries) {
      Cid cid = e.node().cid();
      long tsize = e.node().tsize();
      childTotal += tsize;
      int nameLen = e.name().length;
      int linkLen = 2 + Cid.LENGTH + 1 + Protobuf.varintLength(nameLen) + nameLen
          + 1 + Protobuf.varintLength(tsize);
      node.varint((2 << 3) | 2); // PBNode.Links (field 2) come before Data (field 1)
      node.varint(linkLen);
      cid.copyTo(cidScratch, 0);
      node.bytesField(1, cidScratch, 0, Cid.LENGTH); // PBLink.Hash
      node.bytesField(2, e.name(), 0, nameLen); // PBLink.Name
      node.varintField(3, tsize); // PBLink.Tsize
    }
    node.bytesField(1, unixfsData, 0, unixfsData.length);
    Cid cid = emit(Cid.DAG_PB, node.array(), node.size());
    return new DagNode(cid, node.size() + childTotal, 0);
  }

  /** Number of files added so far. */
  long fileCount() {
    return files;
  }

  /** Of those, the files taken from the cache without being read. */
  long knownFileCount() {
    return knownFiles;
  }

  /** Adds one file: its chunks and, for more than one chunk, the balanced tree over them. */
  DagNode addFile(Path file, LongConsumer bytesDone) throws IOException {
    return addFile(file, Files.size(file), Optional.empty(), bytesDone);
  }

  /**
   * Adds a file of {@code size} bytes (as listed); fails when the file turns out to have another
   * size, since its chunk digests may already be computed from what was there before.
   */
  private DagNode addFile(Path file, long size, Optional<ChunkHashers.FileDigests> digests,
      LongConsumer bytesDone) throws IOException {
    FileTree tree = new FileTree();
    long chunks = ChunkHashers.chunkCount(size);
    files++;
    fileBlocks.clear();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      for (long index = 0; index < chunks; index++) {
        int n = readChunk(ch);
        if (n != ChunkHashers.chunkLength(size, index)) {
          throw changed(file);
        }
        // An empty file still has one (empty) chunk, as in kubo: its CID is the empty raw block.
        Cid cid = digests.isPresent()
            ? emit(Cid.RAW, digests.get().digest((int) index), chunk, n)
            : emit(Cid.RAW, chunk, n);
        fileBlocks.add(cid);
        tree.add(0, new DagNode(cid, n, n));
        bytesDone.accept(n);
      }
      chunkBuffer.clear().limit(1);
      if (ch.read(chunkBuffer) > 0) {
        throw changed(file);
      }
    } catch (IOException e) {
      digests.ifPresent(ChunkHashers.FileDigests::cancel);
      throw e;
    }
    return tree.finish();
  }

  static IOException changed(Path file) {
    return new IOException(file + ": changed while being exported; run the export again");
  }

  /** Fills the chunk buffer from {@code ch}; returns the byte count (less than full only at EOF). */
  private int readChunk(FileChannel ch) throws IOException {
    chunkBuffer.clear();
    while (chunkBuffer.hasRemaining()) {
      if (ch.read(chunkBuffer) < 0) {
        break;
      }
    }
    return chunkBuffer.position();
  }

  /** Sends a block whose digest is already known. */
  private Cid emit(int codec, byte[] knownDigest, byte[] block, int len) throws IOException {
    Cid cid = Cid.of(codec, knownDigest);
    sink.put(cid, block, 0, len);
    return cid;
  }

  private Cid emit(int codec, byte[] block, int len) throws IOException {
    sha256.update(block, 0, len);
    try {
      sha256.digest(digest, 0, 32);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    Cid cid = Cid.of(codec, digest);
    sink.put(cid, block, 0, len);
    return cid;
  }

  /**
   * The balanced layout, built bottom-up as chunks arrive: level 0 holds leaves; whenever a level
   * has 174 entries they become one node on the next level. At the end each level's remainder is
   * wrapped the same way until a level holds a single node, which is the root. This is the same
   * tree as go-unixfs's depth-first balanced builder.
   */
  private final class FileTree {
    private final List<List<DagNode>> levels = new ArrayList<>();
    private final List<Boolean> promoted = new ArrayList<>();

    void add(int level, DagNode n) throws IOException {
      while (levels.size() <= level) {
        levels.add(new ArrayList<>(MAX_LINKS));
        promoted.add(false);
      }
      List<DagNode> pending = levels.get(level);
      pending.add(n);
      if (pending.size() == MAX_LINKS) {
        promote(level);
      }
    }

    private void promote(int level) throws IOException {
      List<DagNode> pending = levels.get(level);
      DagNode parent = fileNode(pending);
      pending.clear();
      promoted.set(level, true);
      add(level + 1, parent);
    }

    DagNode finish() throws IOException {
      for (int level = 0; ; level++) {
        List<DagNode> pending = levels.get(level);
        boolean top = level == levels.size() - 1;
        if (top && !promoted.get(level) && pending.size() == 1) {
          return pending.get(0);
        }
        if (!pending.isEmpty()) {
          promote(level);
        }
      }
    }
  }

  /** A UnixFS file node over {@code children}: links without names, then Data{File, filesize, blocksizes}. */
  private DagNode fileNode(List<DagNode> children) throws IOException {
    data.reset();
    long fileSize = 0;
    for (DagNode c : children) {
      fileSize += c.contentSize();
    }
    data.varintField(1, 2); // Type = File
    data.varintField(3, fileSize);
    for (DagNode c : children) {
      data.varintField(4, c.contentSize()); // blocksizes, unpacked (proto2)
    }
    node.reset();
    long childTotal = 0;
    for (DagNode c : children) {
      long tsize = c.tsize();
      childTotal += tsize;
      int linkLen = 2 + Cid.LENGTH + 2 + 1 + Protobuf.varintLength(tsize);
      node.varint((2 << 3) | 2);
      node.varint(linkLen);
      c.cid().copyTo(cidScratch, 0);
      node.bytesField(1, cidScratch, 0, Cid.LENGTH);
      node.bytesField(2, EMPTY, 0, 0); // kubo and js both write an empty Name
      node.varintField(3, tsize);
    }
    node.bytesField(1, data.array(), 0, data.size());
    Cid cid = emit(Cid.DAG_PB, node.array(), node.size());
    fileBlocks.add(cid);
    return new DagNode(cid, node.size() + childTotal, fileSize);
  }

}
