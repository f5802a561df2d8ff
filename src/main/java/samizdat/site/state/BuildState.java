package samizdat.site.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import samizdat.content.ArticleMeta;
import samizdat.content.ImageRef;
import samizdat.content.RelatedLink;
import samizdat.content.Translation;
import samizdat.io.AtomicFiles;
import samizdat.io.CacheFiles;

/**
 * What the previous build knew, kept outside the site (default {@code .samizdat-cache/} next to
 * it): for each article body its size, mtime, hash and text signature (so unchanged bodies are not
 * read again), and for each file the build wrote its input fingerprint and size (so pages whose
 * inputs did not change are not rendered again, and files of pages that disappeared can be
 * removed). Losing the cache only costs time: the next build renders everything and writes only
 * files whose bytes differ.
 *
 * <p>Maps are concurrent: render threads record into the new state.
 */
public final class BuildState {
  private static final int MAGIC = 0x53414d5a; // "SAMZ"
  // 4: metadata gained authors, lead image and translations; an older state decoded them as absent
  // 5: files gained their mtime, and the state a trailing CRC-32C of all bytes before it
  // 6: bodies gained their list excerpt
  // 7: metadata gained its digest
  private static final int VERSION = 7;
  /** The largest state that can be read: Java arrays stop short of 2 GiB. */
  static final long MAX_SIZE = Integer.MAX_VALUE - 16;

  /** What is known about an article's body file. */
  public record BodyInfo(long size, long mtime, byte[] hash, long[] signature, String excerpt) {}

  /**
   * An article's metadata as parsed, with the size and mtime of its JSON file and its digest
   * ({@code Fingerprint.add(meta)}: hashing every field of 100,000 articles again each build cost a
   * second).
   */
  public record MetaInfo(long size, long mtime, ArticleMeta meta, byte[] digest) {}

  /** An article's computed neighbours (ids), valid while the digest of all older articles is. */
  public record RelatedInfo(byte[] prefix, List<String> ids) {}

  /** A file the build wrote: its inputs' fingerprint, and its size and mtime (ms) once written. */
  public record FileInfo(byte[] fingerprint, long size, long mtime) {}

  public final Map<String, BodyInfo> bodies = new ConcurrentHashMap<>();
  public final Map<String, MetaInfo> metas = new ConcurrentHashMap<>();
  public final Map<String, RelatedInfo> related = new ConcurrentHashMap<>();
  public final Map<String, FileInfo> files = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
  /**
   * When the state was saved. Files modified within a few seconds of it may have changed again
   * without a visible mtime change, so their cached values are not trusted (git's "racy clean").
   */
  long savedAt;
  /** Digest of every input file's name, size and mtime, the templates, code and options. */
  public byte[] inputs = new byte[0];
  /** The previous build's article count and errors, reported again when nothing changed. */
  public int articleCount;
  public List<String> errors = List.of();
  private Input details;
  /** Why a saved state was not used (edited, torn, another version); empty when it was or none was there. */
  public Optional<String> note = Optional.empty();

  /** True when a file with this size and mtime can be taken to be the one {@code size/mtime} describe. */
  public boolean trust(long cachedSize, long cachedMtime, long size, long mtime) {
    return cachedSize == size && cachedMtime == mtime && mtime < savedAt - 2000;
  }

  /**
   * The state saved in {@code file}, or an empty one when there is none or it cannot be trusted
   * (then {@link #note} says why): a wrong checksum (torn, or edited by hand), another version.
   */
  public static BuildState load(Path file) {
    BuildState state = new BuildState();
    try {
      long size = Files.size(file);
      if (size > MAX_SIZE) {
        // One array holds the state while it is read; about 1.3 million articles make 2 GB.
        return ignored(file, "too large to read (" + size + " bytes, at most " + MAX_SIZE + ")");
      }
      byte[] bytes = CacheFiles.read(file, (int) size);
      if (bytes.length < 16 || java.nio.ByteBuffer.wrap(bytes).getInt() != MAGIC) {
        return ignored(file, "not a samizdat build state");
      }
      if (java.nio.ByteBuffer.wrap(bytes).getInt(4) != VERSION) {
        return ignored(file, "written by another version of samizdat");
      }
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(bytes, 0, bytes.length - 8);
      if (crc.getValue() != java.nio.ByteBuffer.wrap(bytes).getLong(bytes.length - 8)) {
        return ignored(file, "checksum does not match (torn, or edited by hand)");
      }
      Input in = new Input(bytes, bytes.length - 8); // not a copy: 158 MB at 100,000 articles
      in.readInt();
      in.readInt();
      state.savedAt = in.readLong();
      state.inputs = in.readNBytes(in.readUnsignedByte());
      state.articleCount = in.readInt();
      state.errors = readStrings(in);
      int files = in.readInt();
      for (int i = 0; i < files; i++) {
        String path = readString(in);
        byte[] fp = in.readNBytes(in.readUnsignedByte());
        state.files.put(path, new FileInfo(fp, in.readLong(), in.readLong()));
      }
      state.details = in; // articles, metadata and related lists: decoded only when needed
      return state;
    } catch (NoSuchFileException e) {
      return new BuildState();
    } catch (IOException | RuntimeException e) {
      return ignored(file, "cannot be read (" + e.getMessage() + ")"); // only costs a full render
    }
  }

  private static BuildState ignored(Path file, String why) {
    BuildState state = new BuildState();
    state.note = Optional.of(file + ": " + why + "; ignored, every page is rendered again");
    return state;
  }

  /**
   * Decodes the per-article part of a loaded state. A no-change rebuild never needs it; a
   * broken part leaves the maps empty, which only costs time.
   */
  public void loadDetails() {
    if (details == null) {
      return;
    }
    Input in = details;
    details = null;
    try {
      int bodyCount = in.readInt();
      for (int i = 0; i < bodyCount; i++) {
        String id = readString(in);
        long size = in.readLong();
        long mtime = in.readLong();
        byte[] hash = in.readNBytes(in.readUnsignedByte());
        long[] sig = new long[in.readInt()];
        for (int j = 0; j < sig.length; j++) {
          sig[j] = in.readLong();
        }
        bodies.put(id, new BodyInfo(size, mtime, hash, sig, readString(in)));
      }
      int metaCount = in.readInt();
      for (int i = 0; i < metaCount; i++) {
        String id = readString(in);
        long size = in.readLong();
        long mtime = in.readLong();
        ArticleMeta meta = readMeta(in);
        metas.put(id, new MetaInfo(size, mtime, meta, in.readNBytes(in.readUnsignedByte())));
      }
      int relatedCount = in.readInt();
      for (int i = 0; i < relatedCount; i++) {
        String id = readString(in);
        byte[] prefix = in.readNBytes(in.readUnsignedByte());
        related.put(id, new RelatedInfo(prefix, readStrings(in)));
      }
      if (in.position() != in.length()) {
        throw new IOException("trailing bytes");
      }
    } catch (IOException | RuntimeException e) {
      bodies.clear();
      metas.clear();
      related.clear();
    }
  }

  /** Notes that this state holds something the previous one did not. */
  public void markChanged() {
    changed.set(true);
  }

  /** True when saving this state would store nothing new compared to {@code previous}. */
  public boolean sameAs(BuildState previous) {
    return !changed.get() && java.util.Arrays.equals(inputs, previous.inputs)
        && articleCount == previous.articleCount && errors.equals(previous.errors)
        && bodies.size() == previous.bodies.size()
        && metas.size() == previous.metas.size() && related.size() == previous.related.size()
        && files.size() == previous.files.size();
  }

  /** Writes the state atomically, entries sorted so the file is deterministic too. */
  public void save(Path file) throws IOException {
    AtomicFiles.write(file, raw -> {
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      Buffered buffered = new Buffered(new java.util.zip.CheckedOutputStream(raw, crc));
      DataOutputStream out = new DataOutputStream(buffered);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(System.currentTimeMillis());
      out.writeByte(inputs.length);
      out.write(inputs);
      out.writeInt(articleCount);
      writeStrings(out, errors);
      out.writeInt(files.size());
      for (var e : new java.util.TreeMap<>(files).entrySet()) {
        writeString(out, e.getKey());
        out.writeByte(e.getValue().fingerprint().length);
        out.write(e.getValue().fingerprint());
        out.writeLong(e.getValue().size());
        out.writeLong(e.getValue().mtime());
      }

      out.writeInt(bodies.size());
      for (var e : new java.util.TreeMap<>(bodies).entrySet()) {
        BodyInfo b = e.getValue();
        writeString(out, e.getKey());
        out.writeLong(b.size());
        out.writeLong(b.mtime());
        out.writeByte(b.hash().length);
        out.write(b.hash());
        out.writeInt(b.signature().length);
        for (long s : b.signature()) {
          out.writeLong(s);
        }
        writeString(out, b.excerpt());
      }
      out.writeInt(metas.size());
      for (var e : new java.util.TreeMap<>(metas).entrySet()) {
        writeString(out, e.getKey());
        out.writeLong(e.getValue().size());
        out.writeLong(e.getValue().mtime());
        writeMeta(out, e.getValue().meta());
        out.writeByte(e.getValue().digest().length);
        out.write(e.getValue().digest());
      }
      out.writeInt(related.size());
      for (var e : new java.util.TreeMap<>(related).entrySet()) {
        writeString(out, e.getKey());
        out.writeByte(e.getValue().prefix().length);
        out.write(e.getValue().prefix());
        writeStrings(out, e.getValue().ids());
      }
      out.flush();
      // The checksum of everything above, past the checked stream.
      new DataOutputStream(raw).writeLong(crc.getValue());
    }, false);
  }

  // A compact codec for ArticleMeta: reading it back is much faster than parsing 10,000 JSON files.

  private static void writeMeta(DataOutputStream out, ArticleMeta m) throws IOException {
    writeString(out, m.id());
    writeString(out, m.title());
    writeOptional(out, m.url());
    writeOptional(out, m.site());
    writeString(out, m.language());
    out.writeLong(m.published().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
    writeStrings(out, m.authors());
    writeOptional(out, m.source());
    writeStrings(out, m.tags());
    out.writeBoolean(m.image().isPresent());
    if (m.image().isPresent()) {
      writeImage(out, m.image().get());
    }
    out.writeInt(m.related().size());
    for (RelatedLink r : m.related()) {
      writeString(out, r.title());
      writeString(out, r.url());
    }
    out.writeInt(m.images().size());
    for (ImageRef i : m.images()) {
      writeImage(out, i);
    }
    out.writeInt(m.translations().size());
    for (Translation t : m.translations()) {
      writeString(out, t.language());
      writeString(out, t.url());
    }
    writeString(out, m.profile());
    writeString(out, m.rawSha256());
    out.writeLong(m.firstIngested().getEpochSecond());
    out.writeInt(m.firstIngested().getNano());
  }

  private static ArticleMeta readMeta(Input in) throws IOException {
    String id = readString(in);
    String title = readString(in);
    Optional<String> url = readOptional(in);
    Optional<String> site = readOptional(in);
    String language = readString(in);
    long day = in.readLong();
    Optional<LocalDate> published = day == Long.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
    List<String> authors = readStrings(in);
    Optional<String> source = readOptional(in);
    List<String> tags = readStrings(in);
    Optional<ImageRef> image = in.readBoolean() ? Optional.of(readImage(in)) : Optional.empty();
    int nr = in.readInt();
    List<RelatedLink> related = new ArrayList<>(nr);
    for (int i = 0; i < nr; i++) {
      related.add(new RelatedLink(readString(in), readString(in)));
    }
    int ni = in.readInt();
    List<ImageRef> images = new ArrayList<>(ni);
    for (int i = 0; i < ni; i++) {
      images.add(readImage(in));
    }
    int nt = in.readInt();
    List<Translation> translations = new ArrayList<>(nt);
    for (int i = 0; i < nt; i++) {
      translations.add(new Translation(readString(in), readString(in)));
    }
    String profile = readString(in);
    String raw = readString(in);
    Instant first = Instant.ofEpochSecond(in.readLong(), in.readInt());
    return new ArticleMeta(id, title, url, site, language, published, authors, source, tags, image,
        related, images, translations, profile, raw, first);
  }

  private static void writeImage(DataOutputStream out, ImageRef i) throws IOException {
    writeOptional(out, i.file());
    writeString(out, i.originalUrl());
    writeString(out, i.alt());
    writeString(out, i.caption());
  }

  private static ImageRef readImage(Input in) throws IOException {
    return new ImageRef(readOptional(in), readString(in), readString(in), readString(in));
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(Input in) throws IOException {
    return in.readString();
  }

  private static void writeOptional(DataOutputStream out, Optional<String> s) throws IOException {
    out.writeBoolean(s.isPresent());
    if (s.isPresent()) {
      writeString(out, s.get());
    }
  }

  private static Optional<String> readOptional(Input in) throws IOException {
    return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
  }

  private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  private static List<String> readStrings(Input in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  /**
   * A buffer in front of the state file without BufferedOutputStream's lock per call: writeInt
   * and writeLong of DataOutputStream call it once per byte, hundreds of thousands of times.
   */
  private static final class Buffered extends OutputStream {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int len;

    Buffered(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      if (len == buf.length) {
        flushBuffer();
      }
      buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
      if (n > buf.length - len) {
        flushBuffer();
        if (n > buf.length) {
          out.write(b, off, n);
          return;
        }
      }
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }

    private void flushBuffer() throws IOException {
      out.write(buf, 0, len);
      len = 0;
    }

    @Override
    public void flush() throws IOException {
      flushBuffer();
      out.flush();
    }
  }

  /** Reads the saved state from memory: much faster than DataInputStream's per-byte calls. */
  private static final class Input {
    private final java.nio.ByteBuffer buf;

    /** The first {@code length} bytes of {@code bytes}. */
    Input(byte[] bytes, int length) {
      buf = java.nio.ByteBuffer.wrap(bytes, 0, length); // big-endian, like DataOutputStream
    }

    int readInt() {
      return buf.getInt();
    }

    long readLong() {
      return buf.getLong();
    }

    int readUnsignedByte() {
      return buf.get() & 0xff;
    }

    boolean readBoolean() {
      return buf.get() != 0;
    }

    byte[] readNBytes(int n) {
      byte[] b = new byte[n];
      buf.get(b);
      return b;
    }

    String readString() {
      int n = buf.getInt();
      String s = new String(buf.array(), buf.position(), n, StandardCharsets.UTF_8);
      buf.position(buf.position() + n);
      return s;
    }

    int position() {
      return buf.position();
    }

    int length() {
      return buf.limit();
    }
  }
}
