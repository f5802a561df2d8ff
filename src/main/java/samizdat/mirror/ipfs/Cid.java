package samizdat.mirror.ipfs;

import java.util.Arrays;

/**
 * A CIDv1 with a SHA-256 multihash: {@code <version 1><codec><0x12><0x20><32-byte digest>}. Only
 * the two codecs UnixFS uses are needed: {@link #RAW} for file chunks and {@link #DAG_PB} for
 * file and directory nodes. Immutable; equal when the bytes are equal.
 */
public final class Cid {
  /** Multicodec of raw binary blocks (file chunks with raw leaves). */
  public static final int RAW = 0x55;
  /** Multicodec of dag-pb (protobuf) blocks: UnixFS files with several chunks, directories. */
  public static final int DAG_PB = 0x70;
  /** Length of the binary form: 4 prefix bytes and a 32-byte digest. */
  public static final int LENGTH = 36;

  private static final int SHA2_256 = 0x12;
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final byte[] bytes;

  private Cid(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The CID of a block whose SHA-256 digest is {@code digest} (32 bytes), in codec {@code codec}. */
  public static Cid of(int codec, byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("SHA-256 digest must be 32 bytes, got " + digest.length);
    }
    if (codec != RAW && codec != DAG_PB) {
      throw new IllegalArgumentException("unsupported codec 0x" + Integer.toHexString(codec));
    }
    byte[] b = new byte[LENGTH];
    b[0] = 1; // CIDv1; both codecs and the hash code fit in one varint byte each
    b[1] = (byte) codec;
    b[2] = SHA2_256;
    b[3] = 32;
    System.arraycopy(digest, 0, b, 4, 32);
    return new Cid(b);
  }

  public int codec() {
    return bytes[1] & 0xff;
  }

  /** The binary CID (a copy). */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Copies the binary CID into {@code dest} at {@code offset}. */
  void copyTo(byte[] dest, int offset) {
    System.arraycopy(bytes, 0, dest, offset, LENGTH);
  }

  /** The multibase base32 form, {@code b} + RFC 4648 base32, lowercase, no padding: {@code bafy...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(1 + (bytes.length * 8 + 4) / 5);
    sb.append('b');
    int buffer = 0;
    int bits = 0;
    for (byte value : bytes) {
      buffer = (buffer << 8) | (value & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cid other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
