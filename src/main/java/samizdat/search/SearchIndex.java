package samizdat.search;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Builds the offline search index: static JavaScript files that the search page loads with
 * {@code <script>} tags, so search works from {@code file://}.
 *
 * <p>Documents are split into segments by date ({@link SegmentPlanner} says how); each segment
 * has its own term shards (terms hashed by {@link Tokenizer#shardHashKey}, as many shards as keep
 * a shard near {@link TermShards#TARGET_SHARD_BYTES}) and its own document table in chunks of
 * {@link #DOCS_PER_CHUNK} documents in date order ({@link DocumentTable}), written by {@link
 * SegmentWriter}. A segment's files depend only on its own documents, so a build can keep the
 * files of segments whose documents did not change. This class holds the file layout (paths, the
 * manifest that lists the segments) and is the package's entry point. See README.md, section
 * "search".
 */
public final class SearchIndex {
  static final int DOCS_PER_CHUNK = 16;
  /** Files per directory inside a segment (IPFS and FAT stay fast below 1,000). */
  static final int FILES_PER_DIR = 512;
  /** Path of the manifest, which the search page loads first. */
  public static final String MANIFEST = "search/manifest.js";
  /** Path of the Traditional-to-Simplified map. */
  public static final String T2S = "search/t2s.js";

  private final Tokenizer tokenizer = Tokenizer.standard();
  private final SegmentPlanner planner;
  private final SegmentWriter segmentWriter = new SegmentWriter(tokenizer);

  public SearchIndex() {
    this(0);
  }

  /**
   * An index whose segments hold at most {@code maxSegmentDocs} documents (tests use small
   * ones); 0 for the default, which grows with the archive (see {@link
   * SegmentPlanner#MAX_SEGMENT_DOCS}).
   */
  SearchIndex(int maxSegmentDocs) {
    this.planner = new SegmentPlanner(maxSegmentDocs);
  }

  /** What planning needs of a document (no text, so the build need not read bodies to plan). */
  public record Key(String id, Optional<LocalDate> published, LocalDate filed, String href) {}

  /**
   * One segment: its id (a file-name-safe string), its documents as positions in the planned
   * list, oldest first (undated ones before the rest), and the years they fall in as runs (year,
   * position of its first document in the segment; year 0 for undated documents).
   */
  public record Segment(String id, List<Integer> members, List<YearRun> years) {
    public Segment {
      members = List.copyOf(members);
      years = List.copyOf(years);
    }
  }

  /** Documents of {@code year} (0: undated) start at position {@code first} of their segment. */
  public record YearRun(int year, int first) {}

  /** The segments, newest first, and the total document count. */
  public record Plan(List<Segment> segments, int docs) {
    public Plan {
      segments = List.copyOf(segments);
    }
  }

  /**
   * Computes every index file for these documents.
   *
   * @return file contents by path relative to the site root (all under {@code search/}), in a
   *     deterministic order; the site build writes them and removes index files no longer listed
   * @throws IllegalArgumentException naming the document when two share an id or an href is not a
   *     plain relative path
   */
  public SortedMap<String, byte[]> build(List<SearchDocument> documents) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    write(documents, files::put);
    return files;
  }

  /**
   * Like {@link #build} but hands each file to {@code sink} as soon as it is ready (segment by
   * segment), so a large archive's index never has to sit in memory at once.
   */
  public void write(List<SearchDocument> documents, BiConsumer<String, byte[]> sink) {
    List<Key> keys = new ArrayList<>(documents.size());
    for (SearchDocument d : documents) {
      keys.add(d.key());
    }
    Plan plan = plan(keys);
    Map<String, Integer> shards = new HashMap<>();
    for (Segment s : plan.segments()) {
      shards.put(s.id(), writeSegment(s, documents::get, sink));
    }
    sink.accept(MANIFEST, manifest(plan, shards::get));
    sink.accept(T2S, t2s());
  }

  /** The manifest: every segment with its size, shard count and years, newest first. */
  public byte[] manifest(Plan plan, ToIntFunction<String> shardsOf) {
    StringBuilder manifest = new StringBuilder("samizdatSearch.manifest({\"version\":2,\"docs\":")
        .append(plan.docs()).append(",\"chunk\":").append(DOCS_PER_CHUNK)
        .append(",\"dir\":").append(FILES_PER_DIR).append(",\"segments\":[");
    boolean first = true;
    for (Segment s : plan.segments()) {
      manifest.append(first ? "\n" : ",\n").append("{\"id\":\"").append(s.id()).append("\",\"docs\":")
          .append(s.members().size()).append(",\"shards\":").append(shardsOf.applyAsInt(s.id()))
          .append(",\"years\":[");
      for (int y = 0; y < s.years().size(); y++) {
        YearRun run = s.years().get(y);
        manifest.append(y > 0 ? ",[" : "[").append(run.year()).append(',').append(run.first()).append(']');
      }
      manifest.append("]}");
      first = false;
    }
    manifest.append("]});\n");
    return utf8(manifest);
  }

  /** The Traditional-to-Simplified map file. */
  public byte[] t2s() {
    StringBuilder t2s = new StringBuilder("samizdatSearch.t2s(");
    Js.string(t2s, tokenizer.t2sPairs());
    return utf8(t2s.append(");\n"));
  }

  /** The folder holding every file of a segment (ends with '/'). */
  public static String segmentDir(String segment) {
    return "search/" + segment + "/";
  }

  /**
   * When {@code paths} are exactly the files {@link #writeSegment} writes for {@code segment}
   * (shards 0 to a power of two, one document chunk per {@link #DOCS_PER_CHUNK} documents), its
   * shard count; else empty (a file is missing, e.g. because writing it failed last time).
   */
  public static OptionalInt completeShards(Segment segment, Collection<String> paths) {
    int chunks = (segment.members().size() + DOCS_PER_CHUNK - 1) / DOCS_PER_CHUNK;
    Set<String> all = new HashSet<>(paths);
    int shards = 0;
    while (all.contains(shardPath(segment.id(), shards))) {
      shards++;
    }
    boolean complete = shards > 0 && Integer.bitCount(shards) == 1 && all.size() == shards + chunks;
    for (int c = 0; complete && c < chunks; c++) {
      complete = all.contains(chunkPath(segment.id(), c));
    }
    return complete ? OptionalInt.of(shards) : OptionalInt.empty();
  }

  /**
   * Splits the documents into segments (see the class comment), each with its documents oldest
   * first (by date, then id). Reads only ids, dates and hrefs.
   *
   * @throws IllegalArgumentException naming the document when two share an id or an href is not a
   *     plain relative path
   */
  public Plan plan(List<Key> keys) {
    return planner.plan(keys);
  }

  /**
   * Writes every file of one segment through {@code sink}: its term shards and document chunks.
   * Documents are fetched by position ({@code document}, called from several threads, may read
   * and convert a body) and tokenised in parallel batches.
   *
   * @return the segment's shard count, for the manifest
   */
  public int writeSegment(Segment segment, IntFunction<SearchDocument> document, BiConsumer<String, byte[]> sink) {
    return writeSegment(segment, document, shards -> { }, sink);
  }

  /**
   * As {@link #writeSegment(Segment, IntFunction, BiConsumer)}; {@code shardCount} learns the
   * segment's shard count before the first file reaches {@code sink}.
   */
  public int writeSegment(Segment segment, IntFunction<SearchDocument> document, IntConsumer shardCount,
      BiConsumer<String, byte[]> sink) {
    return segmentWriter.write(segment, document, shardCount, sink);
  }

  static String shardPath(String segment, int shard) {
    return "search/" + segment + "/t" + shard / FILES_PER_DIR + "/" + shard + ".js";
  }

  static String chunkPath(String segment, int chunk) {
    return "search/" + segment + "/d" + chunk / FILES_PER_DIR + "/" + chunk + ".js";
  }

  static byte[] utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
