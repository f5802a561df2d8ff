package samizdat.site.state;

import static samizdat.site.state.BuildState.readOptional;
import static samizdat.site.state.BuildState.readString;
import static samizdat.site.state.BuildState.readStrings;
import static samizdat.site.state.BuildState.sorted;
import static samizdat.site.state.BuildState.writeOptional;
import static samizdat.site.state.BuildState.writeString;
import static samizdat.site.state.BuildState.writeStrings;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import samizdat.content.ArticleMeta;
import samizdat.content.ImageRef;
import samizdat.content.RelatedLink;
import samizdat.content.Translation;
import samizdat.io.AtomicFiles;

/**
 * The per-article part of the build state, one file per month of publication ({@code
 * <state>.d/2024-03.state}, {@code undated.state}): each article's body, metadata and related
 * list. A day's news lands in the current month, so a build after it rewrites that month's file
 * and keeps the others, whose entries are the very objects the previous build read from them;
 * at 100,000 articles that was 158 MB serialised and written on every build. The state's file
 * list names each month's file with its length and CRC-32C: a file that does not match (torn,
 * edited, replaced) costs only the reading again of its articles.
 */
final class StateSegments {
  private static final int MAGIC = 0x53414d41; // "SAMA"
  static final String SUFFIX = ".state";

  /** A month's file as the state's file list records it, with how many articles it holds. */
  record Segment(String name, int articles, long length, long crc) {}

  private StateSegments() {}

  /** The folder of the month files of state file {@code file}. */
  static Path folder(Path file) {
    return file.resolveSibling(file.getFileName() + ".d");
  }

  /** The month an article's entries are kept under: its publication month, or "undated". */
  static String segmentOf(BuildState.MetaInfo meta) {
    if (meta == null) {
      return "none"; // a body or list without metadata: not kept by a build, but not lost either
    }
    if (meta.meta().published().isEmpty()) {
      return "undated";
    }
    LocalDate d = meta.meta().published().get();
    int month = d.getMonthValue();
    // Run for every article of both states: no String.format, which cost a second at 100,000.
    return d.getYear() + (month < 10 ? "-0" : "-") + month;
  }

  /**
   * Writes the month files of {@code next} that differ from what {@code previous} read (another
   * number of articles, or any entry that is not the object read: an article added, edited or
   * moved to another month is never the object read), removes the files no month needs any more,
   * and returns every month's record, in name order.
   */
  static List<Segment> save(Path file, BuildState next, BuildState previous) throws IOException {
    Map<String, List<String>> ids = new TreeMap<>();
    Set<String> changed = new HashSet<>();
    for (Map.Entry<String, BuildState.MetaInfo> e : next.metas.entrySet()) {
      add(segmentOf(e.getValue()), e.getKey(), ids, changed, next, previous);
    }
    for (String id : next.bodies.keySet()) {
      if (!next.metas.containsKey(id)) {
        add(segmentOf(null), id, ids, changed, next, previous);
      }
    }
    for (String id : next.related.keySet()) {
      if (!next.metas.containsKey(id) && !next.bodies.containsKey(id)) {
        add(segmentOf(null), id, ids, changed, next, previous);
      }
    }
    Path dir = folder(file);
    Files.createDirectories(dir);
    List<Segment> segments = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : ids.entrySet()) {
      String name = e.getKey();
      Segment kept = previous.loadedSegments.get(name);
      List<String> its = e.getValue();
      if (kept != null && kept.articles() == its.size() && !changed.contains(name)) {
        segments.add(kept);
      } else {
        segments.add(write(dir.resolve(name + SUFFIX), name, its, next));
      }
    }
    return segments;
  }

  private static void add(String segment, String id, Map<String, List<String>> ids, Set<String> changed,
      BuildState next, BuildState previous) {
    List<String> list = ids.get(segment);
    if (list == null) {
      list = new ArrayList<>();
      ids.put(segment, list);
    }
    list.add(id);
    if (!changed.contains(segment) && (next.bodies.get(id) != previous.bodies.get(id)
        || next.metas.get(id) != previous.metas.get(id) || next.related.get(id) != previous.related.get(id))) {
      changed.add(segment);
    }
  }

  /**
   * Removes the files of {@code file}'s month folder that none of {@code segments} names: months
   * whose articles are gone, and temporary files of a build that was killed while writing one.
   */
  static void removeOthers(Path file, List<Segment> segments) throws IOException {
    Set<String> wanted = new HashSet<>();
    for (Segment s : segments) {
      wanted.add(s.name() + SUFFIX);
    }
    Path dir = folder(file);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (!wanted.contains(f.getFileName().toString())) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private static Segment write(Path target, String name, List<String> ids, BuildState state) throws IOException {
    Map<String, BuildState.BodyInfo> bodies = new HashMap<>();
    Map<String, BuildState.MetaInfo> metas = new HashMap<>();
    Map<String, BuildState.RelatedInfo> related = new HashMap<>();
    for (String id : ids) {
      putIfPresent(bodies, id, state.bodies.get(id));
      putIfPresent(metas, id, state.metas.get(id));
      putIfPresent(related, id, state.related.get(id));
    }
    CRC32C crc = new CRC32C();
    AtomicFiles.write(target, raw -> {
      DataOutputStream start = new DataOutputStream(raw);
      start.writeInt(MAGIC);
      start.writeInt(BuildState.VERSION);
      DataOutputStream out = new DataOutputStream(new BuildState.Buffered(new CheckedOutputStream(raw, crc)));
      writeEntries(out, bodies, metas, related);
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue());
    }, false);
    return new Segment(name, ids.size(), Files.size(target), crc.getValue());
  }

  private static <V> void putIfPresent(Map<String, V> map, String id, V value) {
    if (value != null) {
      map.put(id, value);
    }
  }

  private static void writeEntries(DataOutputStream out, Map<String, BuildState.BodyInfo> bodies,
      Map<String, BuildState.MetaInfo> metas, Map<String, BuildState.RelatedInfo> related) throws IOException {
    out.writeInt(bodies.size());
    for (var e : sorted(bodies)) {
      BuildState.BodyInfo b = e.getValue();
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
    for (var e : sorted(metas)) {
      writeString(out, e.getKey());
      out.writeLong(e.getValue().size());
      out.writeLong(e.getValue().mtime());
      writeMeta(out, e.getValue().meta());
      out.writeByte(e.getValue().digest().length);
      out.write(e.getValue().digest());
    }
    out.writeInt(related.size());
    for (var e : sorted(related)) {
      writeString(out, e.getKey());
      out.writeByte(e.getValue().prefix().length);
      out.write(e.getValue().prefix());
      out.writeInt(e.getValue().positions().length);
      for (int p : e.getValue().positions()) {
        out.writeInt(p);
      }
    }
  }

  /**
   * Reads the month files {@code segments} of state file {@code file} into {@code state}, on all
   * cores; a file that does not match its record is left out, with a note, and costs only its
   * articles.
   *
   * @return a note per month file left out
   */
  static List<String> load(Path file, List<Segment> segments, BuildState state) {
    Path dir = folder(file);
    ConcurrentLinkedQueue<String> notes = new ConcurrentLinkedQueue<>();
    segments.parallelStream().forEach(s -> {
      Path f = dir.resolve(s.name() + SUFFIX);
      try {
        Optional<String> why = loadOne(f, s, state);
        if (why.isPresent()) {
          notes.add(f + ": " + why.get() + "; its articles are read again");
        } else {
          state.loadedSegments.put(s.name(), s);
        }
      } catch (NoSuchFileException e) {
        notes.add(f + ": missing; its articles are read again");
      } catch (IOException | RuntimeException e) {
        notes.add(f + ": cannot be read (" + e.getMessage() + "); its articles are read again");
      }
    });
    List<String> sorted = new ArrayList<>(notes);
    sorted.sort(null);
    return sorted;
  }

  private static Optional<String> loadOne(Path f, Segment s, BuildState state) throws IOException {
    try (FileChannel channel = FileChannel.open(f)) {
      long size = channel.size();
      if (size != s.length() || size < 16) {
        return Optional.of("not the file the state lists (replaced, torn, or edited by hand)");
      }
      StateInput head = new StateInput(channel, 0, 8);
      if (head.readInt() != MAGIC || head.readInt() != BuildState.VERSION) {
        return Optional.of("not the file the state lists (replaced, torn, or edited by hand)");
      }
      StateInput in = new StateInput(channel, 8, size - 8);
      Map<String, BuildState.BodyInfo> bodies = new HashMap<>();
      int bodyCount = in.readInt();
      for (int i = 0; i < bodyCount; i++) {
        String id = readString(in);
        long bodySize = in.readLong();
        long mtime = in.readLong();
        byte[] hash = in.readNBytes(in.readUnsignedByte());
        long[] sig = new long[in.readInt()];
        for (int j = 0; j < sig.length; j++) {
          sig[j] = in.readLong();
        }
        bodies.put(id, new BuildState.BodyInfo(bodySize, mtime, hash, sig, readString(in)));
      }
      Map<String, BuildState.MetaInfo> metas = new HashMap<>();
      int metaCount = in.readInt();
      for (int i = 0; i < metaCount; i++) {
        String id = readString(in);
        long metaSize = in.readLong();
        long mtime = in.readLong();
        ArticleMeta meta = readMeta(in);
        metas.put(id, new BuildState.MetaInfo(metaSize, mtime, meta, in.readNBytes(in.readUnsignedByte())));
      }
      Map<String, BuildState.RelatedInfo> related = new HashMap<>();
      int relatedCount = in.readInt();
      for (int i = 0; i < relatedCount; i++) {
        String id = readString(in);
        byte[] prefix = in.readNBytes(in.readUnsignedByte());
        int[] positions = new int[in.readInt()];
        for (int k = 0; k < positions.length; k++) {
          positions[k] = in.readInt();
        }
        related.put(id, new BuildState.RelatedInfo(prefix, positions));
      }
      if (!in.atEnd() || in.crc() != s.crc() || StateInput.readLongAt(channel, size - 8) != s.crc()) {
        return Optional.of("checksum does not match (torn, or edited by hand)");
      }
      Set<String> articles = new HashSet<>(metas.keySet());
      articles.addAll(bodies.keySet());
      articles.addAll(related.keySet());
      if (articles.size() != s.articles()) {
        return Optional.of("not the file the state lists (replaced, torn, or edited by hand)");
      }
      state.bodies.putAll(bodies);
      state.metas.putAll(metas);
      state.related.putAll(related);
      return Optional.empty();
    }
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

  private static ArticleMeta readMeta(StateInput in) throws IOException {
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

  private static ImageRef readImage(StateInput in) throws IOException {
    return new ImageRef(readOptional(in), readString(in), readString(in), readString(in));
  }
}
