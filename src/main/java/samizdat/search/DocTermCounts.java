package samizdat.search;

/**
 * One document's distinct terms, each with how often it occurs in the body and whether it is in
 * the title or a tag: the tokeniser's output folded before it reaches the segment's postings.
 * Packed terms (see {@link Tokenizer.TermSink}) live in a primitive open-addressing table, so a
 * document's thousands of bigram occurrences allocate nothing; the few long terms go to a
 * {@link TermTable}.
 */
final class DocTermCounts implements Tokenizer.TermSink {
  private long[] keys;
  /** Per slot: body count times two, plus one when the term is in the title or a tag. */
  private int[] counts;
  private int size;
  private final TermTable<int[]> strings = new TermTable<>(16);
  private boolean heading;

  /** A table for a text of about {@code chars} UTF-16 units. */
  DocTermCounts(int chars) {
    int expected = Math.min(1 << 16, chars / 2 + 64);
    int capacity = Integer.highestOneBit(expected * 2 - 1) * 2;
    keys = new long[capacity];
    counts = new int[capacity];
  }

  /** Terms that follow count for the title or tags ({@code true}) or the body. */
  DocTermCounts heading(boolean heading) {
    this.heading = heading;
    return this;
  }

  @Override
  public void packed(long term) {
    int mask = keys.length - 1;
    int i = spread(term) & mask;
    while (keys[i] != 0 && keys[i] != term) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      keys[i] = term;
      if (++size * 2 > keys.length) {
        counts[i] = count(0);
        grow();
        return;
      }
    }
    counts[i] = count(counts[i]);
  }

  @Override
  public void string(String term) {
    int[] c = strings.computeIfAbsent(term, k -> new int[1]);
    c[0] = count(c[0]);
  }

  private int count(int c) {
    return heading ? c | 1 : c + 2;
  }

  private static int spread(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = spread(oldKeys[j]) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }

  /** Number of distinct terms. */
  int size() {
    return size + strings.size();
  }

  /**
   * Every distinct term, packed ones first: {@code terms} gets the String of a long term and null
   * for a packed one, {@code packed} its packing (0 for a long term), {@code hashes} its
   * {@link TermTable#mix} hash and {@code weights} its {@link Postings#weight}.
   */
  void entries(String[] terms, long[] packed, int[] hashes, int[] weights) {
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        packed[n] = keys[i];
        hashes[n] = TermTable.mix(Tokenizer.hash(keys[i]));
        weights[n] = Postings.weight(counts[i] >>> 1, (counts[i] & 1) != 0);
        n++;
      }
    }
    int longTerms = strings.size();
    Object[] values = new Object[longTerms];
    String[] names = new String[longTerms];
    int[] h = new int[longTerms];
    strings.entries(names, values, h);
    for (int j = 0; j < longTerms; j++) {
      int c = ((int[]) values[j])[0];
      terms[n + j] = names[j];
      hashes[n + j] = h[j];
      weights[n + j] = Postings.weight(c >>> 1, (c & 1) != 0);
    }
  }
}
