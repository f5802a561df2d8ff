package samizdat.search;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Lays one segment's postings out as term shard files: how many shards (a power of two, so that
 * a shard is a hash mask away), which terms go into which ({@link Tokenizer#shardHashKey}), and
 * each shard's file, its terms in String order grouped by shard key.
 *
 * <p>Apart from {@link SegmentWriter}, which gathers the postings, because this is the index
 * format's term side: what search.js reads to find a term, and what decides a query's cost (one
 * shard per segment per term).
 */
final class TermShards {
  /** Target size of one term shard; a query loads one shard per segment per term. */
  static final int TARGET_SHARD_BYTES = 16 * 1024;
  /** Small segments are cut into at least {@link #SMALL_SEGMENT_SHARDS} shards down to this size. */
  static final int MIN_SHARD_BYTES = 4 * 1024;
  static final int SMALL_SEGMENT_SHARDS = 16;

  private TermShards() {}

  /** How many shards keep each of {@code postings}' shards near {@link #TARGET_SHARD_BYTES}. */
  static int count(SegmentPostings postings) {
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
    return shards;
  }

  /**
   * Builds the {@code shards} shard files of segment {@code seg} in parallel on {@code workers}
   * and hands them to {@code sink} in order.
   */
  static void write(String seg, SegmentPostings postings, int shards, BiConsumer<String, byte[]> sink,
      ForkJoinPool workers) {
    int count = postings.size();
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
    byte[][] files = new byte[shards][];
    SegmentWriter.await(CompletableFuture.runAsync(() -> IntStream.range(0, shards).parallel()
        .forEach(n -> files[n] = shardFile(seg, n, postings, byShard, offsets[n], offsets[n + 1])), workers));
    for (int n = 0; n < shards; n++) {
      sink.accept(SearchIndex.shardPath(seg, n), files[n]);
      files[n] = null;
    }
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
    return SearchIndex.utf8(out.append("});\n"));
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
}
