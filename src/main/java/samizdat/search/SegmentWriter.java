package samizdat.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import samizdat.search.SearchIndex.Segment;

/**
 * Writes every file of one segment: reads and tokenises its documents in parallel batches,
 * gathers their postings, then hands the term shards ({@link TermShards}) and the document table
 * ({@link DocumentTable}) to a sink. A segment's files depend only on its own documents, which
 * is what lets a build keep the files of segments that did not change.
 *
 * <p>Apart from {@link SegmentPlanner}, which decides the segments of the whole archive, because
 * this sees one segment only and is the part that costs time (reading and tokenising bodies).
 */
final class SegmentWriter {
  /** Documents tokenised at once (in parallel) before their postings are appended. */
  private static final int BATCH = 256;

  private final Tokenizer tokenizer;

  SegmentWriter(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /**
   * Writes the segment's files through {@code sink}; {@code document} (called from several
   * threads, may read and convert a body) gives a document by its position in the plan, and
   * {@code shardCount} learns the shard count before the first file reaches {@code sink}.
   *
   * @return the segment's shard count, for the manifest
   */
  int write(Segment segment, IntFunction<SearchDocument> document, IntConsumer shardCount,
      BiConsumer<String, byte[]> sink) {
    // Its own workers, one per core: the common pool has one thread fewer than there are cores
    // (one, on two cores), which left reading and tokenising behind the two appenders.
    ForkJoinPool workers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return write(segment, document, shardCount, sink, workers);
    } finally {
      workers.shutdown();
    }
  }

  private int write(Segment segment, IntFunction<SearchDocument> document, IntConsumer shardCount,
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
    int shards = TermShards.count(postings);
    shardCount.accept(shards);
    TermShards.write(seg, postings, shards, sink, workers);
    DocumentTable.write(seg, rows, sink);
    return shards;
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
          return new Prepared(DocumentTable.row(d), docTerms(d));
        }).toList(), workers);
  }

  /** The batch, or the exception that made it fail, as the caller would have seen it. */
  static <T> T await(CompletableFuture<T> batch) {
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

}
