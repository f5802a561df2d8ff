package samizdat.search;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Builds the offline search index: static JavaScript files that the search page loads with
 * {@code <script>} tags, so search works from {@code file://}.
 *
 * <p>Documents are split into segments by date, along a binary tree over days: a segment covers
 * an aligned run of 2^k days ({@code k} is in its name) that is wholly in the past (ends no later
 * than the newest article's day) and holds at most {@link #maxSegmentDocs(int)} documents; older
 * periods are thus a few large segments and the newest days a few small ones. A day's news
 * lands in a new one-day segment and merges now and then with its neighbours like a binary counter
 * carrying (day 2k+1 merges with day 2k, ...), never across more than that many
 * documents, and no calendar boundary (month, year) forces a merge. Undated documents are placed
 * by the day they were filed (at the latest the newest publication day). Each segment has its own term shards (terms
 * hashed by {@link Tokenizer#shardHashKey}, as many shards as keep a shard near
 * {@link #TARGET_SHARD_BYTES}) and its own document table in chunks of {@link #DOCS_PER_CHUNK}
 * documents in date order. A segment's files depend only on its own documents, so a build can
 * keep the files of segments whose documents did not change. See README.md, section "search".
 */
public final class SearchIndex {
  /** Target size of one term shard; a query loads one shard per segment per term. */
  static final int TARGET_SHARD_BYTES = 16 * 1024;
  /** Small segments are cut into at least {@link #SMALL_SEGMENT_SHARDS} shards down to this size. */
  static final int MIN_SHARD_BYTES = 4 * 1024;
  static final int SMALL_SEGMENT_SHARDS = 16;
  static final int DOCS_PER_CHUNK = 16;
  /**
   * Largest segment (documents) of a small archive; a larger one allows an eighth of its size
   * (rounded up to a power of two), so a query reads about a dozen large segments at any scale.
   * Bounds the files one merge rewrites.
   */
  static final int MAX_SEGMENT_DOCS = 4096;
  /** Code points of body text kept per document for snippets. */
  static final int EXCERPT_CHARS = 240;
  /** Files per directory inside a segment (IPFS and FAT stay fast below 1,000). */
  static final int FILES_PER_DIR = 512;
  /** Path of the manifest, which the search page loads first. */
  public static final String MANIFEST = "search/manifest.js";
  /** Path of the Traditional-to-Simplified map. */
  public static final String T2S = "search/t2s.js";
  /** Documents tokenised at once (in parallel) before their postings are appended. */
  private static final int BATCH = 256;
  /** Day numbers are shifted by this so that the day tree's nodes are non-negative. */
  private static final long DAY_OFFSET = 1L << 22;
  private static final int TREE_LEVELS = 23;
  private static final Pattern SAFE_HREF = Pattern.compile("[A-Za-z0-9._~%!$&'()*+,;=:@/-]+(#[^\\s]*)?");

  private final Tokenizer tokenizer = Tokenizer.standard();
  private final int maxSegmentDocs;

  public SearchIndex() {
    this(0);
  }

  /**
   * An index whose segments hold at most {@code maxSegmentDocs} documents (tests use small
   * ones); 0 for the default, which grows with the archive (see {@link #MAX_SEGMENT_DOCS}).
   */
  SearchIndex(int maxSegmentDocs) {
    this.maxSegmentDocs = maxSegmentDocs;
  }

  /** The largest segment for an archive of {@code docs} documents. */
  int maxSegmentDocs(int docs) {
    if (maxSegmentDocs > 0) {
      return maxSegmentDocs;
    }
    int eighth = Math.max(1, (docs + 7) / 8);
    return Math.max(MAX_SEGMENT_DOCS, Integer.highestOneBit(eighth - 1) << 1);
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
    Set<String> ids = new HashSet<>();
    for (Key k : keys) {
      if (!ids.add(k.id())) {
        throw new IllegalArgumentException("search: duplicate document id " + k.id());
      }
      checkHref(k);
    }
    int n = keys.size();
    List<Segment> segments = new ArrayList<>();
    if (n > 0) {
      // An undated document sits on the day it was filed, or on the newest publication day if
      // that is earlier (an archive imported long after its articles appeared): new ones land in
      // the newest segments, they cost no segments of their own, and the frontier of the tree is
      // where dated news arrives.
      long newest = Long.MIN_VALUE;
      for (Key k : keys) {
        newest = Math.max(newest, k.published().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
      }
      long[] dayOf = new long[n];
      for (int i = 0; i < n; i++) {
        Key k = keys.get(i);
        long day = k.published().isPresent() ? k.published().get().toEpochDay()
            : newest == Long.MIN_VALUE ? k.filed().toEpochDay() : Math.min(newest, k.filed().toEpochDay());
        dayOf[i] = day + DAY_OFFSET;
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingLong((Integer i) -> dayOf[i]).thenComparing(i -> keys.get(i).id()));
      long[] days = new long[n];
      for (int i = 0; i < n; i++) {
        days[i] = dayOf[order[i]];
      }
      split(TREE_LEVELS, 0, 0, n, days, days[n - 1] + 1, maxSegmentDocs(n), order, keys, segments);
      Collections.reverse(segments);
    }
    return new Plan(segments, n);
  }

  /**
   * Node {@code node} of level {@code level} covers days [node * 2^level, (node + 1) * 2^level)
   * and holds {@code order[from, to)}: a segment when it lies wholly before {@code end} and is
   * small enough (or is a single day), else its two halves, older first.
   */
  private static void split(int level, long node, int from, int to, long[] days, long end, int max,
      Integer[] order, List<Key> keys, List<Segment> out) {
    if (from >= to) {
      return;
    }
    long last = (node + 1) << level;
    if (level == 0 || (last <= end && to - from <= max)) {
      out.add(segment(level, node, Arrays.asList(Arrays.copyOfRange(order, from, to)), keys));
      return;
    }
    long mid = (2 * node + 1) << (level - 1);
    int cut = from;
    while (cut < to && days[cut] < mid) {
      cut++;
    }
    split(level - 1, 2 * node, from, cut, days, end, max, order, keys, out);
    split(level - 1, 2 * node + 1, cut, to, days, end, max, order, keys, out);
  }

  /**
   * A segment of these documents: undated ones first (oldest first means they come last in
   * newest-first order, as on the index pages), then by date and id; years as runs.
   */
  private static Segment segment(int level, long node, List<Integer> docs, List<Key> keys) {
    LocalDate start = LocalDate.ofEpochDay((node << level) - DAY_OFFSET);
    String id = "d" + String.format(java.util.Locale.ROOT, "%04d%02d%02d", start.getYear(),
        start.getMonthValue(), start.getDayOfMonth()) + "-" + level;
    List<Integer> members = new ArrayList<>(docs);
    members.sort(Comparator.comparing((Integer i) -> keys.get(i).published().isPresent())
        .thenComparing(i -> keys.get(i).published().orElse(LocalDate.MIN))
        .thenComparing(i -> keys.get(i).id()));
    List<YearRun> years = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      int year = keys.get(members.get(i)).published().map(LocalDate::getYear).orElse(0);
      if (years.isEmpty() || years.get(years.size() - 1).year() != year) {
        years.add(new YearRun(year, i));
      }
    }
    return new Segment(id, members, years);
  }

  private static void checkHref(Key d) {
    if (!SAFE_HREF.matcher(d.href()).matches() || d.href().startsWith("/") || d.href().contains("..")
        || d.href().matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
      throw new IllegalArgumentException("search: document " + d.id() + " has an href that is not a plain relative path: " + d.href());
    }
  }

  /**
   * One document's distinct terms with their weights; a packed term's String is null (see
   * {@link DocTermCounts#entries}).
   */
  private record DocTerms(String[] terms, long[] packed, int[] hashes, int[] weights) {}

  private DocTerms docTerms(SearchDocument d) {
    DocTermCounts counts = new DocTermCounts(d.text().length());
    tokenizer.terms(d.text(), counts);
    counts.heading(true);
    tokenizer.terms(d.title(), counts);
    for (String tag : d.tags()) {
      tokenizer.terms(tag, counts);
      String key = tagTerm(tag);
      if (key.length() > 1) {
        if (key.length() <= 4) {
          counts.packed(Tokenizer.pack(key));
        } else {
          counts.string(key);
        }
      }
    }
    int n = counts.size();
    String[] terms = new String[n];
    long[] packed = new long[n];
    int[] hashes = new int[n];
    int[] weights = new int[n];
    counts.entries(terms, packed, hashes, weights);
    return new DocTerms(terms, packed, hashes, weights);
  }

  /** The term a tag filter looks up: "#" and the normalised tag. */
  String tagTerm(String tag) {
    return "#" + tokenizer.normalize(tag).strip();
  }

  /** One document's row for the document table and its terms. */
  private record Prepared(String row, DocTerms terms) {}

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
    // Its own workers, one per core: the common pool has one thread fewer than there are cores
    // (one, on two cores), which left reading and tokenising behind the two appenders.
    ForkJoinPool workers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return writeSegment(segment, document, shardCount, sink, workers);
    } finally {
      workers.shutdown();
    }
  }

  private int writeSegment(Segment segment, IntFunction<SearchDocument> document, IntConsumer shardCount,
      BiConsumer<String, byte[]> sink, ForkJoinPool workers) {
    List<Integer> members = segment.members();
    // Two halves of the segment's terms (by a hash bit the tables do not index by), each appended
    // by its own thread: appending is serial per term, and with one thread it was the build's
    // longest tail.
    SegmentPostings postings = new SegmentPostings(1 << 11);
    SegmentPostings upper = new SegmentPostings(1 << 11);
    List<String> rows = new ArrayList<>(members.size());
    ExecutorService second = Executors.newSingleThreadExecutor();
    try {
      // The next batch is read and tokenised by the workers while this batch is appended.
      CompletableFuture<List<Prepared>> next = prepareAsync(members, 0, document, workers);
      for (int start = 0; start < members.size(); start += BATCH) {
        List<Prepared> batch = await(next);
        next = start + BATCH < members.size() ? prepareAsync(members, start + BATCH, document, workers) : null;
        int first = start;
        CompletableFuture<Void> half = CompletableFuture.runAsync(() -> append(upper, batch, first, true), second);
        append(postings, batch, first, false);
        await(half);
        for (Prepared p : batch) {
          rows.add(p.row());
        }
      }
    } finally {
      second.shutdown();
    }
    postings.absorb(upper);
    String seg = segment.id();
    int count = postings.size();
    long bytes = 0;
    for (int id = 0; id < count; id++) {
      bytes += postings.term(id).length() * 2L + postings.length(id) + 2;
    }
    int shards = 1;
    while ((long) shards * TARGET_SHARD_BYTES < bytes) {
      shards *= 2;
    }
    // A query reads one shard per segment per term: small segments get smaller shards.
    while (shards < SMALL_SEGMENT_SHARDS && (long) shards * MIN_SHARD_BYTES < bytes) {
      shards *= 2;
    }
    shardCount.accept(shards);
    // Term numbers by shard (counting sort), then each shard's terms sorted: a shard key is a
    // prefix of its terms (or the whole term), so the terms of one key group are contiguous in
    // String order.
    int[] shardOf = new int[count];
    int[] offsets = new int[shards + 1];
    for (int id = 0; id < count; id++) {
      shardOf[id] = Tokenizer.hash(Tokenizer.shardHashKey(postings.term(id))) & (shards - 1);
      offsets[shardOf[id] + 1]++;
    }
    for (int n = 0; n < shards; n++) {
      offsets[n + 1] += offsets[n];
    }
    int[] byShard = new int[count];
    int[] fill = Arrays.copyOf(offsets, shards);
    for (int id = 0; id < count; id++) {
      byShard[fill[shardOf[id]]++] = id;
    }
    // Shards are independent (disjoint ranges of byShard, read-only postings): built in
    // parallel, handed to the sink in order.
    int[] bounds = offsets;
    byte[][] files = new byte[shards][];
    int shardTotal = shards;
    await(CompletableFuture.runAsync(() -> IntStream.range(0, shardTotal).parallel()
        .forEach(n -> files[n] = shardFile(seg, n, postings, byShard, bounds[n], bounds[n + 1])), workers));
    for (int n = 0; n < shards; n++) {
      sink.accept(shardPath(seg, n), files[n]);
      files[n] = null;
    }
    StringBuilder out = new StringBuilder(TARGET_SHARD_BYTES * 2);
    for (int c = 0; c * DOCS_PER_CHUNK < rows.size(); c++) {
      out.setLength(0);
      out.append("samizdatSearch.docs(\"").append(seg).append("\",").append(c).append(",[");
      for (int i = c * DOCS_PER_CHUNK; i < Math.min(rows.size(), (c + 1) * DOCS_PER_CHUNK); i++) {
        out.append(i > c * DOCS_PER_CHUNK ? ",\n" : "\n").append(rows.get(i));
      }
      sink.accept(chunkPath(seg, c), utf8(out.append("]);\n")));
    }
    return shards;
  }

  /** One term shard's file: its terms in String order, grouped by shard key. */
  private static byte[] shardFile(String seg, int n, SegmentPostings postings, int[] byShard, int from,
      int to) {
    StringBuilder out = new StringBuilder(TARGET_SHARD_BYTES * 2);
    StringBuilder group = new StringBuilder();
    char[] scratch = new char[256];
    out.append("samizdatSearch.shard(\"").append(seg).append("\",").append(n).append(",{");
    String key = null;
    sortByTerm(postings, byShard, from, to);
    for (int k = from; k < to; k++) {
      int id = byShard[k];
      String term = postings.term(id);
      if (key == null || !term.startsWith(key) || !Tokenizer.shardKey(term).equals(key)) {
        if (key != null) {
          appendGroup(out, key, group);
        }
        key = Tokenizer.shardKey(term);
        group.setLength(0);
      }
      group.append(term, key.length(), term.length()).append(',');
      scratch = postings.appendTo(id, group, scratch);
      group.append(';');
    }
    if (key != null) {
      appendGroup(out, key, group);
    }
    return utf8(out.append("});\n"));
  }

  /** Appends the batch's postings of the terms in one half (upper: hash bit 31 set). */
  private static void append(SegmentPostings postings, List<Prepared> batch, int start, boolean upper) {
    for (int i = 0; i < batch.size(); i++) {
      DocTerms dt = batch.get(i).terms();
      String[] terms = dt.terms();
      long[] packed = dt.packed();
      int[] hashes = dt.hashes();
      int[] weights = dt.weights();
      for (int j = 0; j < terms.length; j++) {
        if (hashes[j] < 0 == upper) {
          postings.add(terms[j], packed[j], hashes[j], start + i, weights[j]);
        }
      }
    }
  }

  private CompletableFuture<List<Prepared>> prepareAsync(List<Integer> members, int start,
      IntFunction<SearchDocument> document, ForkJoinPool workers) {
    List<Integer> slice = members.subList(start, Math.min(members.size(), start + BATCH));
    return CompletableFuture.supplyAsync(() -> slice.parallelStream()
        .map(i -> {
          SearchDocument d = document.apply(i);
          return new Prepared(row(d), docTerms(d));
        }).toList(), workers);
  }

  /** The batch, or the exception that made it fail, as the caller would have seen it. */
  private static <T> T await(CompletableFuture<T> batch) {
    try {
      return batch.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * Sorts {@code ids[from, to)} by their terms in String order. Sorting boxed ids with a String
   * comparator chases three pointers per comparison; instead each term gets an order-preserving
   * 64-bit key (its first two UTF-16 units and the high bits of the third, zero-padded: terms
   * never contain U+0000), the keys with the ids in their low bits are sorted as primitives, and
   * only runs of equal keys are then ordered by full comparison.
   */
  static void sortByTerm(SegmentPostings postings, int[] ids, int from, int to) {
    int m = to - from;
    if (m < 2) {
      return;
    }
    if (m > (1 << 20)) {
      Integer[] boxed = new Integer[m];
      for (int i = 0; i < m; i++) {
        boxed[i] = ids[from + i];
      }
      Arrays.sort(boxed, (a, b) -> postings.term(a).compareTo(postings.term(b)));
      for (int i = 0; i < m; i++) {
        ids[from + i] = boxed[i];
      }
      return;
    }
    long[] keys = new long[m];
    for (int i = 0; i < m; i++) {
      String t = postings.term(ids[from + i]);
      long k = 0;
      for (int c = 0; c < 3; c++) {
        k = (k << 16) | (c < t.length() ? t.charAt(c) : 0);
      }
      // 48 bits of prefix: keep the top 44 and put the local index in the low 20; flip the sign
      // bit so that signed order is the unsigned order of the prefixes.
      keys[i] = (((k >>> 4) << 20) | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(keys);
    int[] local = Arrays.copyOfRange(ids, from, to);
    for (int i = 0; i < m; i++) {
      ids[from + i] = local[(int) (keys[i] & 0xFFFFF)];
    }
    // Runs of equal keys (the low 20 bits differ): order them by the whole term.
    for (int start = 0; start < m; ) {
      int end = start + 1;
      while (end < m && (keys[end] >>> 20) == (keys[start] >>> 20)) {
        end++;
      }
      if (end - start > 32) {
        Integer[] boxed = new Integer[end - start];
        for (int i = 0; i < boxed.length; i++) {
          boxed[i] = ids[from + start + i];
        }
        Arrays.sort(boxed, (a, b) -> postings.term(a).compareTo(postings.term(b)));
        for (int i = 0; i < boxed.length; i++) {
          ids[from + start + i] = boxed[i];
        }
      } else if (end - start > 1) {
        for (int i = from + start + 1; i < from + end; i++) {
          int id = ids[i];
          String t = postings.term(id);
          int j = i - 1;
          while (j >= from + start && postings.term(ids[j]).compareTo(t) > 0) {
            ids[j + 1] = ids[j];
            j--;
          }
          ids[j + 1] = id;
        }
      }
      start = end;
    }
  }

  /** A document-table row: [title, date, [tags], href, excerpt]. */
  private static String row(SearchDocument d) {
    StringBuilder out = new StringBuilder(1024).append('[');
    Js.string(out, d.title().strip());
    out.append(',');
    Js.string(out, d.published().map(LocalDate::toString).orElse(""));
    out.append(",[");
    for (int t = 0; t < d.tags().size(); t++) {
      if (t > 0) {
        out.append(',');
      }
      Js.string(out, d.tags().get(t).strip());
    }
    out.append("],");
    Js.string(out, d.href());
    out.append(',');
    Js.string(out, excerpt(d.text()));
    return out.append(']').toString();
  }

  /**
   * One shard-key group: {@code "key":"suffix,postings;suffix,postings;..."}. Every term of the
   * group starts with the key, so only the rest is written; ',' and ';' never occur in terms.
   */
  private static void appendGroup(StringBuilder out, String key, CharSequence group) {
    if (out.charAt(out.length() - 1) != '{') {
      out.append(',');
    }
    Js.string(out, key);
    out.append(':');
    Js.string(out, group);
  }

  static String shardPath(String segment, int shard) {
    return "search/" + segment + "/t" + shard / FILES_PER_DIR + "/" + shard + ".js";
  }

  static String chunkPath(String segment, int chunk) {
    return "search/" + segment + "/d" + chunk / FILES_PER_DIR + "/" + chunk + ".js";
  }

  /**
   * The start of {@code text} for the result list: stripped, runs of white space ({@code \s}:
   * space, tab, line breaks, form feed) made one space, cut after {@link #EXCERPT_CHARS} code
   * points. Only the part shown is looked at (collapsing the whole body first cost a tenth of the
   * index's tokenising time).
   */
  static String excerpt(String text) {
    String t = text.strip();
    int n = t.length();
    StringBuilder out = new StringBuilder(Math.min(n, 2 * EXCERPT_CHARS));
    int codePoints = 0;
    for (int i = 0; i < n && codePoints < EXCERPT_CHARS; codePoints++) {
      char c = t.charAt(i);
      if (isSpace(c)) {
        out.append(' ');
        do {
          i++;
        } while (i < n && isSpace(t.charAt(i)));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(t.charAt(i + 1))) {
        out.append(c).append(t.charAt(i + 1));
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Java's regex {@code \s}: what {@link #excerpt} collapses. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }


  private static byte[] utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
