package samizdat.site;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
import samizdat.io.AtomicFiles;

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
final class BuildState {
  private static final int MAGIC = 0x53414d5a; // "SAMZ"
  private static final int VERSION = 2;

  /** What is known about an article's body file. */
  record BodyInfo(long size, long mtime, byte[] hash, long[] signature) {}

  /** An article's metadata as parsed, with the size and mtime of its JSON file. */
  record MetaInfo(long size, long mtime, ArticleMeta meta) {}

  /** An article's computed neighbours (ids), valid while the digest of all older articles is. */
  record RelatedInfo(byte[] prefix, List<String> ids) {}

  record FileInfo(byte[] fingerprint, long size) {}

  final Map<String, BodyInfo> bodies = new ConcurrentHashMap<>();
  final Map<String, MetaInfo> metas = new ConcurrentHashMap<>();
  final Map<String, RelatedInfo> related = new ConcurrentHashMap<>();
  final Map<String, FileInfo> files = new ConcurrentHashMap<>();
  /**
   * When the state was saved. Files modified within a few seconds of it may have changed again
   * without a visible mtime change, so their cached values are not trusted (git's "racy clean").
   */
  long savedAt;

  /** True when a file with this size and mtime can be taken to be the one {@code size/mtime} describe. */
  boolean trust(long cachedSize, long cachedMtime, long size, long mtime) {
    return cachedSize == size && cachedMtime == mtime && mtime < savedAt - 2000;
  }

  /** The state saved in {@code file}, or an empty one when there is none or it is unreadable. */
  static BuildState load(Path file) {
    BuildState state = new BuildState();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        return new BuildState();
      }
      state.savedAt = in.readLong();
      int bodies = in.readInt();
      for (int i = 0; i < bodies; i++) {
        String id = in.readUTF();
        long size = in.readLong();
        long mtime = in.readLong();
        byte[] hash = in.readNBytes(in.readUnsignedByte());
        long[] sig = new long[in.readUnsignedShort()];
        for (int j = 0; j < sig.length; j++) {
          sig[j] = in.readLong();
        }
        state.bodies.put(id, new BodyInfo(size, mtime, hash, sig));
      }
      int metas = in.readInt();
      for (int i = 0; i < metas; i++) {
        String id = in.readUTF();
        long size = in.readLong();
        long mtime = in.readLong();
        state.metas.put(id, new MetaInfo(size, mtime, readMeta(in)));
      }
      int related = in.readInt();
      for (int i = 0; i < related; i++) {
        String id = in.readUTF();
        byte[] prefix = in.readNBytes(in.readUnsignedByte());
        state.related.put(id, new RelatedInfo(prefix, readStrings(in)));
      }
      int files = in.readInt();
      for (int i = 0; i < files; i++) {
        String path = in.readUTF();
        byte[] fp = in.readNBytes(in.readUnsignedByte());
        state.files.put(path, new FileInfo(fp, in.readLong()));
      }
      return state;
    } catch (NoSuchFileException e) {
      return new BuildState();
    } catch (IOException | RuntimeException e) {
      return new BuildState(); // a torn or old cache only costs a full render
    }
  }

  /** Writes the state atomically, entries sorted so the file is deterministic too. */
  void save(Path file) throws IOException {
    AtomicFiles.write(file, raw -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(System.currentTimeMillis());
      out.writeInt(bodies.size());
      for (var e : new java.util.TreeMap<>(bodies).entrySet()) {
        BodyInfo b = e.getValue();
        out.writeUTF(e.getKey());
        out.writeLong(b.size());
        out.writeLong(b.mtime());
        out.writeByte(b.hash().length);
        out.write(b.hash());
        out.writeShort(b.signature().length);
        for (long s : b.signature()) {
          out.writeLong(s);
        }
      }
      out.writeInt(metas.size());
      for (var e : new java.util.TreeMap<>(metas).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue().size());
        out.writeLong(e.getValue().mtime());
        writeMeta(out, e.getValue().meta());
      }
      out.writeInt(related.size());
      for (var e : new java.util.TreeMap<>(related).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeByte(e.getValue().prefix().length);
        out.write(e.getValue().prefix());
        writeStrings(out, e.getValue().ids());
      }
      out.writeInt(files.size());
      for (var e : new java.util.TreeMap<>(files).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeByte(e.getValue().fingerprint().length);
        out.write(e.getValue().fingerprint());
        out.writeLong(e.getValue().size());
      }
      out.flush();
    }, false);
  }

  // A compact codec for ArticleMeta: reading it back is much faster than parsing 10,000 JSON files.

  private static void writeMeta(DataOutputStream out, ArticleMeta m) throws IOException {
    out.writeUTF(m.id());
    writeString(out, m.title());
    writeOptional(out, m.url());
    writeOptional(out, m.site());
    writeString(out, m.language());
    out.writeLong(m.published().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
    writeOptional(out, m.source());
    writeStrings(out, m.tags());
    out.writeInt(m.related().size());
    for (RelatedLink r : m.related()) {
      writeString(out, r.title());
      writeString(out, r.url());
    }
    out.writeInt(m.images().size());
    for (ImageRef i : m.images()) {
      writeOptional(out, i.file());
      writeString(out, i.originalUrl());
      writeString(out, i.alt());
      writeString(out, i.caption());
    }
    writeString(out, m.profile());
    writeString(out, m.rawSha256());
    out.writeLong(m.firstIngested().getEpochSecond());
    out.writeInt(m.firstIngested().getNano());
  }

  private static ArticleMeta readMeta(DataInputStream in) throws IOException {
    String id = in.readUTF();
    String title = readString(in);
    Optional<String> url = readOptional(in);
    Optional<String> site = readOptional(in);
    String language = readString(in);
    long day = in.readLong();
    Optional<LocalDate> published = day == Long.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
    Optional<String> source = readOptional(in);
    List<String> tags = readStrings(in);
    int nr = in.readInt();
    List<RelatedLink> related = new ArrayList<>(nr);
    for (int i = 0; i < nr; i++) {
      related.add(new RelatedLink(readString(in), readString(in)));
    }
    int ni = in.readInt();
    List<ImageRef> images = new ArrayList<>(ni);
    for (int i = 0; i < ni; i++) {
      images.add(new ImageRef(readOptional(in), readString(in), readString(in), readString(in)));
    }
    String profile = readString(in);
    String raw = readString(in);
    Instant first = Instant.ofEpochSecond(in.readLong(), in.readInt());
    return new ArticleMeta(id, title, url, site, language, published, source, tags, related, images,
        profile, raw, first);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  private static void writeOptional(DataOutputStream out, Optional<String> s) throws IOException {
    out.writeBoolean(s.isPresent());
    if (s.isPresent()) {
      writeString(out, s.get());
    }
  }

  private static Optional<String> readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
  }

  private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }
}
