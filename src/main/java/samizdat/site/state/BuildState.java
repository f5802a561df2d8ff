package samizdat.site.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import samizdat.content.ArticleMeta;
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
  // 7: metadata gained its digest; the file list and the per-article part each have their length
  //    or place and a CRC-32C of their own, so the article part is read as a stream, and only when
  //    a build needs it
  // 8: related lists as positions in time order, not ids
  // 9: the per-article part in one file per month of publication (StateSegments), listed with
  //    their lengths and checksums in the file list's part
  static final int VERSION = 9;

  /** What is known about an article's body file. */
  public record BodyInfo(long size, long mtime, byte[] hash, long[] signature, String excerpt) {}

  /**
   * An article's metadata as parsed, with the size and mtime of its JSON file and its digest
   * ({@code Fingerprint.add(meta)}: hashing every field of 100,000 articles again each build cost a
   * second).
   */
  public record MetaInfo(long size, long mtime, ArticleMeta meta, byte[] digest) {}

  /**
   * An article's computed neighbours, as positions in the time order, valid while the digest of
   * it and all older articles (which also fixes those positions) is.
   */
  public record RelatedInfo(byte[] prefix, int[] positions) {}

  /** A file the build wrote: its inputs' fingerprint, and its size and mtime (ms) once written. */
  public record FileInfo(byte[] fingerprint, long size, long mtime) {}

  public final Map<String, BodyInfo> bodies = new ConcurrentHashMap<>();
  public final Map<String, MetaInfo> metas = new ConcurrentHashMap<>();
  public final Map<String, RelatedInfo> related = new ConcurrentHashMap<>();
  public final Map<String, FileInfo> files = new ConcurrentHashMap<>();
  /** The month files {@link #loadDetails} read whole, by name: a save keeps those it would write the same. */
  final Map<String, StateSegments.Segment> loadedSegments = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
  /**
   * When the state was saved. Files modified within a few seconds of it may have changed again
   * without a visible mtime change, so their cached values are not trusted (git's "racy clean").
   */
  long savedAt;
  /** Digest of every input file's name, size and mtime, the templates, code and options. */
  public byte[] inputs = new byte[0];
  /**
   * The fingerprint of the build's code that made the per-article part: bodies' signatures and
   * excerpts, related lists. Another code's are not used (they might be worked out differently).
   */
  public byte[] code = new byte[0];
  /** The previous build's article count and errors, reported again when nothing changed. */
  public int articleCount;
  public List<String> errors = List.of();
  /** The month files of the per-article part that {@link #load} found listed, while not read. */
  private Optional<Details> details = Optional.empty();
  /** Why a saved state was not used (edited, torn, another version); empty when it was or none was there. */
  public Optional<String> note = Optional.empty();

  /** The per-article part of a state file: its month files. */
  private record Details(Path file, List<StateSegments.Segment> segments) {}

  /** True when a file with this size and mtime can be taken to be the one {@code size/mtime} describe. */
  public boolean trust(long cachedSize, long cachedMtime, long size, long mtime) {
    return CacheFiles.unchanged(cachedSize, cachedMtime, size, mtime, savedAt);
  }

  /**
   * The state saved in {@code file}, or an empty one when there is none or it cannot be trusted
   * (then {@link #note} says why): a wrong checksum (torn, or edited by hand), another version.
   * Only the file list is read; the per-article part waits for {@link #loadDetails}.
   */
  public static BuildState load(Path file) {
    BuildState state = new BuildState();
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      ByteBuffer start = ByteBuffer.allocate(12);
      while (start.hasRemaining() && channel.read(start) >= 0) {
        // a short file leaves it unfilled
      }
      start.flip();
      if (start.remaining() < 12 || start.getInt() != MAGIC) {
        return ignored(file, "not a samizdat build state");
      }
      if (start.getInt() != VERSION) {
        return ignored(file, "written by another version of samizdat");
      }
      long headLength = start.getInt() & 0xffffffffL;
      if (12 + headLength + 8 > size) {
        return ignored(file, "cut short (torn)");
      }
      StateInput in = new StateInput(channel, 12, 12 + headLength);
      state.savedAt = in.readLong();
      state.inputs = in.readNBytes(in.readUnsignedByte());
      state.code = in.readNBytes(in.readUnsignedByte());
      state.articleCount = in.readInt();
      state.errors = readStrings(in);
      int files = in.readInt();
      for (int i = 0; i < files; i++) {
        String path = readString(in);
        byte[] fp = in.readNBytes(in.readUnsignedByte());
        state.files.put(path, new FileInfo(fp, in.readLong(), in.readLong()));
      }
      int segmentCount = in.readInt();
      List<StateSegments.Segment> segments = new ArrayList<>(segmentCount);
      for (int i = 0; i < segmentCount; i++) {
        segments.add(new StateSegments.Segment(readString(in), in.readInt(), in.readLong(), in.readLong()));
      }
      if (!in.atEnd() || in.crc() != StateInput.readLongAt(channel, 12 + headLength)) {
        return ignored(file, "checksum does not match (torn, or edited by hand)");
      }
      state.details = Optional.of(new Details(file, segments));
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
   * Reads the per-article part of a loaded state, its month files (a no-change rebuild never needs
   * it), for a build whose code has fingerprint {@code buildCode}. A state another code made keeps
   * only its file list (its bodies' signatures and excerpts were worked out by that code), so every
   * article is read again. A month file that is not the one the file list records (torn, edited,
   * replaced since {@link #load}) is left out, which only costs time: its articles are read again.
   *
   * @return why a month file was not used, when one was listed but could not be
   */
  public Optional<String> loadDetails(byte[] buildCode) {
    if (details.isEmpty()) {
      return Optional.empty();
    }
    Details d = details.get();
    details = Optional.empty();
    if (!java.util.Arrays.equals(code, buildCode)) {
      return Optional.empty(); // an upgrade: the build renders every page anyway
    }
    List<String> notes = StateSegments.load(d.file(), d.segments(), this);
    if (notes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(notes.get(0) + (notes.size() > 1 ? " (and " + (notes.size() - 1) + " more month files)" : ""));
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

  /** Writes the state atomically, entries in a fixed order so the files are deterministic too. */
  public void save(Path file) throws IOException {
    save(file, new BuildState());
  }

  /**
   * As {@link #save(Path)}, writing only the month files whose entries are not all those {@code
   * previous} read from them (a day's build rewrites the current month's). The month files come
   * first, the file list that names them last: a build killed in between leaves month files the
   * old list does not match, which costs only their articles' reading again.
   */
  public void save(Path file, BuildState previous) throws IOException {
    List<StateSegments.Segment> segments = StateSegments.save(file, this, previous);
    // The file list, whole, for its length; at 100,000 articles about 20 MB.
    java.io.ByteArrayOutputStream headBytes = new java.io.ByteArrayOutputStream(1 << 16);
    DataOutputStream head = new DataOutputStream(new Buffered(headBytes));
    head.writeLong(System.currentTimeMillis());
    head.writeByte(inputs.length);
    head.write(inputs);
    head.writeByte(code.length);
    head.write(code);
    head.writeInt(articleCount);
    writeStrings(head, errors);
    head.writeInt(files.size());
    for (var e : sorted(files)) {
      writeString(head, e.getKey());
      head.writeByte(e.getValue().fingerprint().length);
      head.write(e.getValue().fingerprint());
      head.writeLong(e.getValue().size());
      head.writeLong(e.getValue().mtime());
    }
    head.writeInt(segments.size());
    for (StateSegments.Segment segment : segments) {
      writeString(head, segment.name());
      head.writeInt(segment.articles());
      head.writeLong(segment.length());
      head.writeLong(segment.crc());
    }
    head.flush();
    byte[] headArray = headBytes.toByteArray();
    AtomicFiles.write(file, raw -> {
      DataOutputStream start = new DataOutputStream(raw);
      start.writeInt(MAGIC);
      start.writeInt(VERSION);
      start.writeInt(headArray.length);
      raw.write(headArray);
      CRC32C headCrc = new CRC32C();
      headCrc.update(headArray);
      start.writeLong(headCrc.getValue());
    }, false);
    StateSegments.removeOthers(file, segments);
  }

  /**
   * The entries of {@code map} in a fixed order, so that equal states make equal files: by the
   * keys' {@code String.hashCode} (defined by the language, so the same on every run), equal
   * hashes by the keys. Sorting the paths themselves, which share long beginnings, was most of
   * the time it took to save the state of 300,000 files.
   */
  static <V> List<Map.Entry<String, V>> sorted(Map<String, V> map) {
    String[] keys = map.keySet().toArray(new String[0]);
    long[] order = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      order[i] = (long) keys[i].hashCode() << 32 | i;
    }
    java.util.Arrays.sort(order);
    List<Map.Entry<String, V>> entries = new ArrayList<>(keys.length);
    for (int from = 0; from < order.length; ) {
      int to = from + 1;
      while (to < order.length && order[to] >>> 32 == order[from] >>> 32) {
        to++;
      }
      List<String> same = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        same.add(keys[(int) order[k]]);
      }
      same.sort(null);
      for (String key : same) {
        entries.add(Map.entry(key, map.get(key)));
      }
      from = to;
    }
    return entries;
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(StateInput in) throws IOException {
    return in.readString();
  }

  static void writeOptional(DataOutputStream out, Optional<String> s) throws IOException {
    out.writeBoolean(s.isPresent());
    if (s.isPresent()) {
      writeString(out, s.get());
    }
  }

  static Optional<String> readOptional(StateInput in) throws IOException {
    return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
  }

  static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  static List<String> readStrings(StateInput in) throws IOException {
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
  static final class Buffered extends OutputStream {
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
}
