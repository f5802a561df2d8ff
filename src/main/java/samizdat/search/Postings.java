package samizdat.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One term's postings in one segment, encoded as they are appended (documents arrive in order).
 *
 * <p>Each posting is one number, {@code (gap << 2) | weight}, where gap is the distance to the
 * previous document minus one and weight is 0 (once in the body), 1 (2–3 times), 2 (4 or more)
 * or 3 (in the title or tags). Numbers are written little-endian in 5-bit groups, one character
 * per group from {@link #ALPHABET}: the first 32 characters end a number, the other 32 continue
 * it. So a frequent term costs one byte per document and the files need no escaping.
 */
final class Postings {
  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  /** {@link #ALPHABET} as ASCII bytes. */
  static final byte[] ENCODED = ALPHABET.getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes = new byte[4];
  private int length;
  private int last = -1;
  private int count;

  static int weight(int bodyCount, boolean inTitle) {
    return inTitle ? 3 : bodyCount >= 4 ? 2 : bodyCount >= 2 ? 1 : 0;
  }

  void add(int doc, int weight) {
    if (doc <= last) {
      throw new IllegalArgumentException("documents out of order: " + doc + " after " + last);
    }
    long value = ((long) (doc - last - 1) << 2) | weight;
    last = doc;
    count++;
    do {
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, length * 2);
      }
      int group = (int) (value & 31);
      value >>>= 5;
      bytes[length++] = (byte) ALPHABET.charAt(value == 0 ? group : group + 32);
    } while (value != 0);
  }

  int count() {
    return count;
  }

  int length() {
    return length;
  }

  void appendTo(StringBuilder out) {
    out.append(new String(bytes, 0, length, StandardCharsets.US_ASCII));
  }
}
