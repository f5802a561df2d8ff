package samizdat.mirror.ipfs;

import java.util.Arrays;

/**
 * A set of 32-byte SHA-256 digests in one flat array (open addressing, linear probing): the
 * blocks of older CARs, hundreds of thousands of them, looked up once or twice per block of the
 * site. A set of {@code ByteBuffer}s was a third of an unchanged site's export. SHA-256 digests
 * are uniform, so their first bytes serve as the hash. An all-zero slot is empty; the all-zero
 * digest itself is kept aside.
 */
final class DigestSet {
  private static final int LENGTH = 32;

  private byte[] table;
  private int mask;
  private int size;
  private boolean hasZero;

  DigestSet(int expected) {
    int slots = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = new byte[Math.multiplyExact(slots, LENGTH)];
    mask = slots - 1;
  }

  int size() {
    return size;
  }

  /** Adds {@code digest[off, off+32)}; false when it was there already. */
  boolean add(byte[] digest, int off) {
    if (isZero(digest, off)) {
      boolean added = !hasZero;
      hasZero = true;
      size += added ? 1 : 0;
      return added;
    }
    if ((size + 1) * 2L > mask + 1L) {
      grow();
    }
    int slot = find(table, mask, digest, off);
    if (slot >= 0) {
      return false;
    }
    System.arraycopy(digest, off, table, (-slot - 1) * LENGTH, LENGTH);
    size++;
    return true;
  }

  boolean contains(byte[] digest, int off) {
    return isZero(digest, off) ? hasZero : find(table, mask, digest, off) >= 0;
  }

  /** The slot holding the digest, or {@code -(empty slot) - 1} where it would go. */
  private static int find(byte[] table, int mask, byte[] digest, int off) {
    int slot = ((digest[off] & 0xff) << 24 | (digest[off + 1] & 0xff) << 16
        | (digest[off + 2] & 0xff) << 8 | (digest[off + 3] & 0xff)) & mask;
    while (true) {
      int at = slot * LENGTH;
      if (Arrays.equals(table, at, at + LENGTH, digest, off, off + LENGTH)) {
        return slot;
      }
      if (isZero(table, at)) {
        return -slot - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    byte[] old = table;
    int slots = (mask + 1) * 2;
    byte[] bigger = new byte[Math.multiplyExact(slots, LENGTH)];
    int biggerMask = slots - 1;
    for (int at = 0; at < old.length; at += LENGTH) {
      if (!isZero(old, at)) {
        int slot = find(bigger, biggerMask, old, at);
        System.arraycopy(old, at, bigger, (-slot - 1) * LENGTH, LENGTH);
      }
    }
    table = bigger;
    mask = biggerMask;
  }

  private static final byte[] ZERO = new byte[LENGTH];

  private static boolean isZero(byte[] b, int off) {
    return Arrays.equals(b, off, off + LENGTH, ZERO, 0, LENGTH);
  }
}
