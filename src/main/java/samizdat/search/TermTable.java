package samizdat.search;

import java.util.function.Function;

/**
 * A String-keyed open-addressing hash table with a well-mixed hash. {@link String#hashCode} is a
 * poor hash for two-character CJK bigrams ({@code 31*a+b} collides for millions of pairs), which
 * made {@link java.util.HashMap} degrade to tree bins and dominate the build time.
 */
final class TermTable<V> {
  private String[] keys;
  private Object[] values;
  private int[] hashes;
  private int size;

  TermTable() {
    this(32);
  }

  /** A table that holds {@code expected} keys without growing. */
  TermTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(32, expected) * 2 - 1) * 2;
    keys = new String[capacity];
    values = new Object[capacity];
    hashes = new int[capacity];
  }

  /** The table's hash of a term (also used by {@link SegmentPostings}). */
  static int mix(String s) {
    return mix(Tokenizer.hash(s));
  }

  /** {@link #mix} of a term whose {@link Tokenizer#hash} is {@code h}. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  @SuppressWarnings("unchecked")
  V get(String key) {
    int mask = keys.length - 1;
    int h = mix(key);
    for (int i = h & mask; keys[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && keys[i].equals(key)) {
        return (V) values[i];
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  V computeIfAbsent(String key, Function<String, V> create) {
    int mask = keys.length - 1;
    int h = mix(key);
    int i = h & mask;
    for (; keys[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && keys[i].equals(key)) {
        return (V) values[i];
      }
    }
    V v = create.apply(key);
    keys[i] = key;
    values[i] = v;
    hashes[i] = h;
    if (++size * 2 > keys.length) {
      grow();
    }
    return v;
  }

  private void grow() {
    String[] oldKeys = keys;
    Object[] oldValues = values;
    int[] oldHashes = hashes;
    keys = new String[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        hashes[i] = oldHashes[j];
      }
    }
  }

  int size() {
    return size;
  }

  /**
   * Copies every entry, in slot order (deterministic for the same insertions), into the given
   * arrays of at least {@link #size} elements: key, value and the key's {@link #mix} hash.
   */
  void entries(String[] keysOut, Object[] valuesOut, int[] hashesOut) {
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        keysOut[n] = keys[i];
        valuesOut[n] = values[i];
        hashesOut[n] = hashes[i];
        n++;
      }
    }
  }
}
