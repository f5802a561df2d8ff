package samizdat.site.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Computes each article's nearest neighbours among the articles not newer than it (like Hugo's
 * {@code includeNewer = false}), so an article's related list never changes when news arrives.
 *
 * <p>Score = sum over shared tags of the tag's rarity + {@value #TEXT_WEIGHT} × the share of the
 * article's signature terms (weighted by rarity) that the candidate also has. Rarity is {@code
 * ln(1 + n / df)} counted over the articles up to this one, so it is stable over time too.
 *
 * <p>Scales without comparing all pairs: inverted indexes from tag and signature term to articles
 * (in time order) give the candidates, and only the {@value #CANDIDATES_PER_TERM} most recent
 * earlier articles of each tag or term are looked at. Ties go to the newer article, then the id.
 */
public final class RelatedFinder {
  static final int TEXT_WEIGHT = 3;
  static final int CANDIDATES_PER_TERM = 64;
  static final double MIN_SCORE = 0.3;

  private final int limit;

  RelatedFinder(int limit) {
    this.limit = limit;
  }

  /**
   * For each article of {@code ordered} (oldest first), the positions of its related articles in
   * {@code ordered}, best first; every position is smaller than the article's own.
   */
  int[][] find(List<Doc> ordered, List<List<String>> tagKeys) {
    boolean[] all = new boolean[ordered.size()];
    java.util.Arrays.fill(all, true);
    return find(ordered, tagKeys, all);
  }

  /** Like {@link #find(List, List)}, only for the articles marked {@code needed} (others: null). */
  int[][] find(List<Doc> ordered, List<List<String>> tagKeys, boolean[] needed) {
    int n = ordered.size();
    // Postings only of the tags and terms the needed articles have: after a day's news that is a
    // few thousand of the archive's terms. Terms are numbered by a table of their own (see
    // TermNumbers): no map of boxed longs, filled for every term of every article.
    boolean every = true;
    for (boolean b : needed) {
      every &= b;
    }
    Set<String> tags = new HashSet<>();
    long[] terms = new long[0];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (needed[i]) {
        tags.addAll(tagKeys.get(i));
        long[] sig = ordered.get(i).signature();
        if (count + sig.length > terms.length) {
          terms = Arrays.copyOf(terms, Math.max(2 * terms.length, count + sig.length));
        }
        System.arraycopy(sig, 0, terms, count, sig.length);
        count += sig.length;
      }
    }
    Arrays.sort(terms, 0, count);
    int distinct = 0;
    for (int k = 0; k < count; k++) {
      if (distinct == 0 || terms[k] != terms[distinct - 1]) {
        terms[distinct++] = terms[k];
      }
    }
    TermNumbers numbers = new TermNumbers(terms, distinct);
    Map<String, IntList> tagPostings = new HashMap<>();
    IntList[] termPostings = new IntList[distinct];
    for (int t = 0; t < distinct; t++) {
      termPostings[t] = new IntList();
    }
    for (int i = 0; i < n; i++) {
      for (String t : tagKeys.get(i)) {
        if (every || tags.contains(t)) {
          tagPostings.computeIfAbsent(t, k -> new IntList()).add(i);
        }
      }
      for (long term : ordered.get(i).signature()) {
        int t = numbers.of(term);
        if (t >= 0) {
          termPostings[t].add(i);
        }
      }
    }
    int[][] result = new int[n][];
    ThreadLocal<double[]> scoresHolder = ThreadLocal.withInitial(() -> new double[n]);
    IntStream.range(0, n).filter(i -> needed[i]).parallel().forEach(i -> {
      double[] scores = scoresHolder.get();
      IntList touched = new IntList();
      double total = i + 1;
      for (String t : tagKeys.get(i)) {
        IntList p = tagPostings.get(t);
        int pos = p.indexOf(i);
        double w = Math.log(1 + total / (pos + 1));
        for (int k = Math.max(0, pos - CANDIDATES_PER_TERM); k < pos; k++) {
          int j = p.get(k);
          if (scores[j] == 0) {
            touched.add(j);
          }
          scores[j] += w;
        }
      }
      long[] sig = ordered.get(i).signature();
      double[] idf = new double[sig.length];
      int[] pos = new int[sig.length];
      double idfSum = 0;
      IntList[] lists = new IntList[sig.length];
      for (int s = 0; s < sig.length; s++) {
        IntList p = termPostings[numbers.of(sig[s])];
        lists[s] = p;
        pos[s] = p.indexOf(i);
        idf[s] = Math.log(1 + total / (pos[s] + 1));
        idfSum += idf[s];
      }
      for (int s = 0; s < sig.length; s++) {
        IntList p = lists[s];
        double w = TEXT_WEIGHT * idf[s] / idfSum;
        for (int k = Math.max(0, pos[s] - CANDIDATES_PER_TERM); k < pos[s]; k++) {
          int j = p.get(k);
          if (scores[j] == 0) {
            touched.add(j);
          }
          scores[j] += w;
        }
      }
      result[i] = best(touched, scores, ordered);
    });
    return result;
  }

  private int[] best(IntList touched, double[] scores, List<Doc> ordered) {
    List<int[]> picked = new ArrayList<>(limit + 1);
    double[] pickedScore = new double[limit + 1];
    for (int t = 0; t < touched.size(); t++) {
      int j = touched.get(t);
      double s = scores[j];
      scores[j] = 0;
      if (s < MIN_SCORE) {
        continue;
      }
      // insertion into a tiny sorted list: score desc, then newer (larger j) first
      int at = picked.size();
      while (at > 0 && better(s, j, pickedScore[at - 1], picked.get(at - 1)[0])) {
        at--;
      }
      if (at < limit) {
        picked.add(at, new int[] {j});
        System.arraycopy(pickedScore, at, pickedScore, at + 1, limit - at);
        pickedScore[at] = s;
        if (picked.size() > limit) {
          picked.remove(limit);
        }
      }
    }
    int[] out = new int[picked.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = picked.get(k)[0];
    }
    return out;
  }

  private static boolean better(double s, int j, double otherScore, int other) {
    if (s != otherScore) {
      return s > otherScore;
    }
    return j > other; // positions are unique, so this decides every tie
  }

  /**
   * Numbers distinct terms 0, 1, … and finds a term's number in one or two probes (open
   * addressing): bisecting a sorted array for each of the 3 million terms of 100,000 articles
   * took a second.
   */
  static final class TermNumbers {
    private final long[] keys;
    private final int[] numbers; // number + 1; 0: empty slot
    private final int mask;
    private final int shift;

    /** Numbers {@code terms[0, count)}, which must be distinct. */
    TermNumbers(long[] terms, int count) {
      int size = Integer.highestOneBit(Math.max(4, count) * 2) * 2;
      keys = new long[size];
      numbers = new int[size];
      mask = size - 1;
      shift = 64 - Integer.numberOfTrailingZeros(size);
      for (int t = 0; t < count; t++) {
        int at = slot(terms[t]);
        while (numbers[at] != 0) {
          at = (at + 1) & mask;
        }
        keys[at] = terms[t];
        numbers[at] = t + 1;
      }
    }

    /** The number of {@code term}, or -1 when it is not one of these. */
    int of(long term) {
      for (int at = slot(term); numbers[at] != 0; at = (at + 1) & mask) {
        if (keys[at] == term) {
          return numbers[at] - 1;
        }
      }
      return -1;
    }

    private int slot(long term) {
      return (int) ((term * 0x9E3779B97F4A7C15L) >>> shift); // Fibonacci hashing: the top bits
    }
  }

  /** A growable int array (postings are appended in increasing order, so indexOf can bisect). */
  static final class IntList {
    private int[] values = new int[4];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    int size() {
      return size;
    }

    /** Position of {@code v} in this sorted list (it must be there). */
    int indexOf(int v) {
      return Arrays.binarySearch(values, 0, size, v);
    }
  }
}
