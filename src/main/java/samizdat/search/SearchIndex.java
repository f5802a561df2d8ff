package samizdat.search;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Builds the offline search index: static JavaScript files that the search page loads with
 * {@code <script>} tags, so search works from {@code file://}.
 *
 * <p>Documents are split into segments by publication date: one per older year, one per month of
 * the newest year except the newest month, which is cut into a few blocks in date order (sizes
 * {@link #BLOCK_DOCS} times powers of two, then a tail), and one for undated documents. A day's news thus only rewrites the
 * last block or two; when a month or a year is over, its segments merge. Each segment
 * has its own term shards (terms hashed by {@link Tokenizer#shardHashKey}, as many shards as keep a
 * shard near {@link #TARGET_SHARD_BYTES}) and its own document table in chunks of
 * {@link #DOCS_PER_CHUNK} documents in date order. See README.md, section "search".
 */
public final class SearchIndex {
  /** Target size of one term shard; a query loads one shard per segment per term. */
  static final int TARGET_SHARD_BYTES = 16 * 1024;
  static final int DOCS_PER_CHUNK = 16;
  /** Unit of the newest month's blocks (see {@link #plan}). */
  static final int BLOCK_DOCS = 128;
  /** Code points of body text kept per document for snippets. */
  static final int EXCERPT_CHARS = 240;
  /** Files per directory inside a segment (IPFS and FAT stay fast below 1,000). */
  static final int FILES_PER_DIR = 512;
  /** Documents tokenised at once (in parallel) before their postings are appended. */
  private static final int BATCH = 256;
  private static final Pattern SAFE_HREF = Pattern.compile("[A-Za-z0-9._~%!$&'()*+,;=:@/-]+(#[^\\s]*)?");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Tokenizer tokenizer = Tokenizer.standard();

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
    Map<String, List<Entry>> segments = plan(documents);
    StringBuilder manifest = new StringBuilder("samizdatSearch.manifest({\"version\":1,\"docs\":")
        .append(documents.size()).append(",\"chunk\":").append(DOCS_PER_CHUNK)
        .append(",\"dir\":").append(FILES_PER_DIR).append(",\"segments\":[");
    boolean first = true;
    for (Map.Entry<String, List<Entry>> e : segments.entrySet()) {
      int shards = writeSegment(e.getKey(), e.getValue(), documents, sink);
      manifest.append(first ? "" : ",").append("{\"id\":\"").append(e.getKey()).append("\",\"docs\":")
          .append(e.getValue().size()).append(",\"shards\":").append(shards);
      e.getValue().get(0).published().ifPresent(d -> manifest.append(",\"year\":").append(d.getYear()));
      manifest.append('}');
      first = false;
    }
    manifest.append("]});\n");
    sink.accept("search/manifest.js", utf8(manifest));
    StringBuilder t2s = new StringBuilder("samizdatSearch.t2s(");
    Js.string(t2s, tokenizer.t2sPairs());
    sink.accept("search/t2s.js", utf8(t2s.append(");\n")));
  }

  /** What planning needs of a document: its position in the input, id and date. */
  record Entry(int index, String id, Optional<LocalDate> published) {}

  /**
   * Segments newest first, each with its documents oldest first. Reads each document once and
   * keeps only its id and date: the documents may be a lazy list that reads bodies from disk.
   */
  static Map<String, List<Entry>> plan(List<SearchDocument> documents) {
    Set<String> ids = new HashSet<>();
    List<Entry> entries = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      SearchDocument d = documents.get(i);
      if (!ids.add(d.id())) {
        throw new IllegalArgumentException("search: duplicate document id " + d.id());
      }
      checkHref(d);
      entries.add(new Entry(i, d.id(), d.published()));
    }
    int maxYear = entries.stream().flatMap(d -> d.published().stream())
        .mapToInt(LocalDate::getYear).max().orElse(Integer.MIN_VALUE);
    Map<String, List<Entry>> byId = new HashMap<>();
    for (Entry d : entries) {
      byId.computeIfAbsent(segmentOf(d.published(), maxYear), k -> new ArrayList<>()).add(d);
    }
    Comparator<Entry> oldestFirst = Comparator
        .comparing((Entry d) -> d.published().orElse(LocalDate.MIN))
        .thenComparing(Entry::id);
    // The newest month is cut into blocks in date order, from its first article: full blocks of
    // BLOCK_DOCS times a power of two (the binary digits of the count of full blocks, largest
    // first), then a tail. New articles land in the tail, so a day's news rewrites one small
    // segment; now and then blocks merge (like a binary counter carrying), so a month never has
    // more than a handful of segments for a query to read.
    String newestMonth = byId.keySet().stream().filter(k -> k.startsWith("m")).max(String::compareTo).orElse("");
    if (!newestMonth.isEmpty()) {
      List<Entry> month = byId.remove(newestMonth);
      month.sort(oldestFirst);
      int full = month.size() / BLOCK_DOCS;
      int start = 0;
      for (int units = Integer.highestOneBit(full); units > 0; units >>= 1) {
        if ((full & units) != 0) {
          int end = start + units * BLOCK_DOCS;
          byId.put(newestMonth + "-" + start / BLOCK_DOCS + "-" + units, new ArrayList<>(month.subList(start, end)));
          start = end;
        }
      }
      if (start < month.size()) {
        byId.put(newestMonth + "-" + start / BLOCK_DOCS + "-0", new ArrayList<>(month.subList(start, month.size())));
      }
    }
    Map<String, List<Entry>> ordered = new LinkedHashMap<>();
    byId.keySet().stream().sorted(Comparator.comparing(SearchIndex::segmentRank).reversed())
        .forEach(s -> {
          List<Entry> list = byId.get(s);
          list.sort(oldestFirst);
          ordered.put(s, list);
        });
    return ordered;
  }

  private static void checkHref(SearchDocument d) {
    if (!SAFE_HREF.matcher(d.href()).matches() || d.href().startsWith("/") || d.href().contains("..")
        || d.href().matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
      throw new IllegalArgumentException("search: document " + d.id() + " has an href that is not a plain relative path: " + d.href());
    }
  }

  /** Sorts segments: months of the newest year, then older years, then undated. */
  private static String segmentRank(String segment) {
    return switch (segment.charAt(0)) {
      case 'm' -> segment.length() > 7 // a block "mYYYYMM-start-units": newest (largest start) first
          ? String.format("2%s-%09d", segment.substring(0, 7), Integer.parseInt(segment.split("-")[1]))
          : "2" + segment;
      case 'y' -> "1" + segment;
      default -> "0";
    };
  }

  private static String segmentOf(Optional<LocalDate> published, int maxYear) {
    if (published.isEmpty()) {
      return "u";
    }
    LocalDate date = published.get();
    return date.getYear() < maxYear ? "y" + date.getYear()
        : String.format("m%04d%02d", date.getYear(), date.getMonthValue());
  }

  /** One document's distinct terms with their weights. */
  private record DocTerms(String[] terms, long[] packed, int[] hashes, int[] weights) {}

  private DocTerms docTerms(SearchDocument d) {
    // Distinct terms grow roughly with the text (CJK: about one new bigram per character early
    // on), so presizing saves most of the rehashing.
    TermTable<int[]> counts = new TermTable<>(Math.min(1 << 16, d.text().length() / 2 + 64));
    tokenizer.terms(d.text(), t -> counts.computeIfAbsent(t, k -> new int[2])[0]++);
    tokenizer.terms(d.title(), t -> counts.computeIfAbsent(t, k -> new int[2])[1] = 1);
    for (String tag : d.tags()) {
      tokenizer.terms(tag, t -> counts.computeIfAbsent(t, k -> new int[2])[1] = 1);
      String key = tagTerm(tag);
      if (key.length() > 1) {
        counts.computeIfAbsent(key, k -> new int[2])[1] = 1;
      }
    }
    String[] terms = counts.keys();
    long[] packed = new long[terms.length];
    int[] hashes = new int[terms.length];
    int[] weights = new int[terms.length];
    for (int i = 0; i < terms.length; i++) {
      int[] c = counts.get(terms[i]);
      weights[i] = Postings.weight(c[0], c[1] == 1);
      hashes[i] = TermTable.mix(terms[i]);
      packed[i] = SegmentPostings.pack(terms[i]);
    }
    return new DocTerms(terms, packed, hashes, weights);
  }

  /** The term a tag filter looks up: "#" and the normalised tag. */
  String tagTerm(String tag) {
    return "#" + tokenizer.normalize(tag).strip();
  }

  private int writeSegment(String segment, List<Entry> entries, List<SearchDocument> documents,
      BiConsumer<String, byte[]> sink) {
    SegmentPostings postings = new SegmentPostings(1 << 12);
    List<String> rows = new ArrayList<>(entries.size());
    for (int start = 0; start < entries.size(); start += BATCH) {
      List<SearchDocument> docs = new ArrayList<>(BATCH);
      for (Entry e : entries.subList(start, Math.min(entries.size(), start + BATCH))) {
        docs.add(documents.get(e.index()));
      }
      for (SearchDocument d : docs) {
        rows.add(row(d));
      }
      List<DocTerms> batch = docs.parallelStream().map(this::docTerms).toList();
      for (int i = 0; i < batch.size(); i++) {
        DocTerms dt = batch.get(i);
        String[] terms = dt.terms();
        long[] packed = dt.packed();
        int[] hashes = dt.hashes();
        int[] weights = dt.weights();
        for (int j = 0; j < terms.length; j++) {
          postings.add(terms[j], packed[j], hashes[j], start + i, weights[j]);
        }
      }
    }
    int count = postings.size();
    long bytes = 0;
    for (int id = 0; id < count; id++) {
      bytes += postings.term(id).length() * 2L + postings.length(id) + 2;
    }
    int shards = 1;
    while ((long) shards * TARGET_SHARD_BYTES < bytes) {
      shards *= 2;
    }
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
    StringBuilder out = new StringBuilder(TARGET_SHARD_BYTES * 2);
    StringBuilder group = new StringBuilder();
    char[] scratch = new char[256];
    for (int n = 0; n < shards; n++) {
      out.setLength(0);
      out.append("samizdatSearch.shard(\"").append(segment).append("\",").append(n).append(",{");
      String key = null;
      group.setLength(0);
      sortByTerm(postings, byShard, offsets[n], offsets[n + 1]);
      for (int k = offsets[n]; k < offsets[n + 1]; k++) {
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
      sink.accept(shardPath(segment, n), utf8(out.append("});\n")));
    }
    for (int c = 0; c * DOCS_PER_CHUNK < rows.size(); c++) {
      out.setLength(0);
      out.append("samizdatSearch.docs(\"").append(segment).append("\",").append(c).append(",[");
      for (int i = c * DOCS_PER_CHUNK; i < Math.min(rows.size(), (c + 1) * DOCS_PER_CHUNK); i++) {
        out.append(i > c * DOCS_PER_CHUNK ? ",\n" : "\n").append(rows.get(i));
      }
      sink.accept(chunkPath(segment, c), utf8(out.append("]);\n")));
    }
    return shards;
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

  static String excerpt(String text) {
    String flat = SPACES.matcher(text.strip()).replaceAll(" ");
    if (flat.codePointCount(0, flat.length()) <= EXCERPT_CHARS) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, EXCERPT_CHARS));
  }

  private static byte[] utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
