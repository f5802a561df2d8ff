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
  /**
   * Pairs of longs per slot, on one cache line: the term itself when it has at most four UTF-16
   * units (CJK bigrams and characters, short words: compared without touching the String), else
   * 0; then 0 for an empty slot, or the term's hash in the high half and term number + 1 in the
   * low half.
   */
  private long[] slots;
  private String[] terms;
  /**
   * Per term number: its last document (4 bytes) and the length of its encoded postings (4
   * bytes), then the postings. The state sits in the same cache line as the bytes the next
   * posting goes to (for all but long lists), where a separate array cost one more cache miss per
   * (document, term) pair on the index build's serial path.
   */
  private byte[][] bytes;
  private static final int HEADER = 8;
  private int size;

  SegmentPostings(int expectedTerms) {
    int capacity = Integer.highestOneBit(Math.max(64, expectedTerms * 2 - 1)) * 2;
    slots = new long[capacity * 2];
    terms = new String[capacity / 2];
    bytes = new byte[capacity / 2][];
  }

  /**
   * Appends a posting of {@code doc} (larger than the term's previous document) with
   * {@code weight} to {@code term}, whose {@link TermTable#mix} hash is {@code hash} and
   * {@link Tokenizer#pack} is {@code packed} (both computed by the caller, off the serial path).
   * A packed term may come without its String ({@code term} null): it is made only when the
   * segment first sees the term.
   */
  void add(String term, long packed, int hash, int doc, int weight) {
    if (slots.length == 0) {
      throw new IllegalStateException("postings were absorbed into another table; nothing can be added");
    }
    int id = find(term, packed, hash);
    byte[] b = bytes[id];
    int last = getInt(b, 0);
    if (doc <= last) {
      throw new IllegalArgumentException("documents out of order: " + doc + " after " + last);
    }
    long value = ((long) (doc - last - 1) << 2) | weight;
    int end = HEADER + getInt(b, 4);
    do {
      if (end == b.length) {
        b = Arrays.copyOf(b, HEADER + (end - HEADER) * 2);
        bytes[id] = b;
      }
      int group = (int) (value & 31);
      value >>>= 5;
      b[end++] = Postings.ENCODED[value == 0 ? group : group + 32];
    } while (value != 0);
    putInt(b, 0, doc);
    putInt(b, 4, end - HEADER);
  }

  private static int getInt(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
  }

  private int find(String term, long packed, int hash) {
    int mask = (slots.length >> 1) - 1;
    long high = (long) hash << 32;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long meta = slots[2 * i + 1];
      if (meta == 0) {
        int id = size++;
        terms[id] = term != null ? term : Tokenizer.unpack(packed);
        byte[] b = new byte[HEADER + 4];
        putInt(b, 0, -1);
        bytes[id] = b;
        slots[2 * i] = packed;
        slots[2 * i + 1] = high | (id + 1L);
        if (size * 2 >= slots.length >> 1) {
          grow();
        }
        return id;
      }
      if ((meta & 0xFFFFFFFF00000000L) == high) {
        int id = (int) meta - 1;
        if (packed != 0 ? slots[2 * i] == packed : terms[id].equals(term)) {
          return id;
        }
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = (slots.length >> 1) - 1;
    for (int j = 0; j < old.length; j += 2) {
      long meta = old[j + 1];
      if (meta != 0) {
        int i = (int) (meta >>> 32) & mask;
        while (slots[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        slots[2 * i] = old[j];
        slots[2 * i + 1] = meta;
      }
    }
    int capacity = slots.length / 4;
    terms = Arrays.copyOf(terms, capacity);
    bytes = Arrays.copyOf(bytes, capacity);
  }

  int size() {
    return size;
  }

  /**
   * Takes over {@code other}'s terms and postings (no term may be in both), numbering them after
   * this table's own; the lookup slots are dropped, so nothing can be added afterwards.
   */
  void absorb(SegmentPostings other) {
    terms = Arrays.copyOf(terms, size + other.size);
    bytes = Arrays.copyOf(bytes, size + other.size);
    System.arraycopy(other.terms, 0, terms, size, other.size);
    System.arraycopy(other.bytes, 0, bytes, size, other.size);
    size += other.size;
    slots = new long[0];
  }

  String term(int id) {
    return terms[id];
  }

  /** Length of the term's encoded postings, in bytes (ASCII characters). */
  int length(int id) {
    return getInt(bytes[id], 4);
  }

  /** Appends the term's encoded postings, using {@code scratch} to copy them in bulk. */
  char[] appendTo(int id, StringBuilder out, char[] scratch) {
    byte[] b = bytes[id];
    int n = getInt(b, 4);
    char[] chars = scratch.length >= n ? scratch : new char[Math.max(n, scratch.length * 2)];
    for (int i = 0; i < n; i++) {
      chars[i] = (char) b[HEADER + i];
    }
    out.append(chars, 0, n);
    return chars;
  }
}
