package samizdat.search;

import java.util.Arrays;

/**
 * One segment's terms and their postings, in the encoding of {@link Postings}, kept in flat
 * arrays indexed by term number. Appending a (document, term) pair is the hot loop of the index
 * build: one probe into a {@code long[]} of (hash, term number) slots, then the term's own arrays,
 * with no object per term besides its String and its byte buffer (a {@code Postings} object per
 * term and separate key/value/hash arrays cost several cache misses per pair).
 */
final class SegmentPostings {
  /** Empty slot: 0; else the term's hash in the high half and term number + 1 in the low half. */
  private long[] slots;
  private String[] terms;
  private byte[][] bytes;
  private int[] lengths;
  private int[] last;
  private int size;

  SegmentPostings(int expectedTerms) {
    int capacity = Integer.highestOneBit(Math.max(64, expectedTerms * 2 - 1)) * 2;
    slots = new long[capacity];
    terms = new String[capacity / 2];
    bytes = new byte[capacity / 2][];
    lengths = new int[capacity / 2];
    last = new int[capacity / 2];
  }

  /**
   * Appends a posting of {@code doc} (larger than the term's previous document) with
   * {@code weight} to {@code term}, whose {@link TermTable#mix} hash is {@code hash}.
   */
  void add(String term, int hash, int doc, int weight) {
    int id = find(term, hash);
    if (doc <= last[id]) {
      throw new IllegalArgumentException("documents out of order: " + doc + " after " + last[id]);
    }
    long value = ((long) (doc - last[id] - 1) << 2) | weight;
    last[id] = doc;
    byte[] b = bytes[id];
    int length = lengths[id];
    do {
      if (length == b.length) {
        b = Arrays.copyOf(b, length * 2);
        bytes[id] = b;
      }
      int group = (int) (value & 31);
      value >>>= 5;
      b[length++] = Postings.ENCODED[value == 0 ? group : group + 32];
    } while (value != 0);
    lengths[id] = length;
  }

  private int find(String term, int hash) {
    int mask = slots.length - 1;
    long high = (long) hash << 32;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        int id = size++;
        terms[id] = term;
        bytes[id] = new byte[4];
        last[id] = -1;
        slots[i] = high | (id + 1L);
        if (size * 2 >= slots.length) {
          grow();
        }
        return id;
      }
      if ((slot & 0xFFFFFFFF00000000L) == high) {
        int id = (int) slot - 1;
        if (terms[id].equals(term)) {
          return id;
        }
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long slot : old) {
      if (slot != 0) {
        int i = (int) (slot >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = slot;
      }
    }
    int capacity = slots.length / 2;
    terms = Arrays.copyOf(terms, capacity);
    bytes = Arrays.copyOf(bytes, capacity);
    lengths = Arrays.copyOf(lengths, capacity);
    last = Arrays.copyOf(last, capacity);
  }

  int size() {
    return size;
  }

  String term(int id) {
    return terms[id];
  }

  /** Length of the term's encoded postings, in bytes (ASCII characters). */
  int length(int id) {
    return lengths[id];
  }

  void appendTo(int id, StringBuilder out) {
    byte[] b = bytes[id];
    for (int i = 0, n = lengths[id]; i < n; i++) {
      out.append((char) b[i]);
    }
  }
}
