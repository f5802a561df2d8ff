package samizdat.mirror.ipfs;

import java.util.Arrays;

/**
 * A growable byte buffer with the few protobuf / multiformats primitives dag-pb and UnixFS need:
 * unsigned LEB128 varints, field tags and length-delimited fields. Not thread-safe; reused to keep
 * encoding free of per-block garbage.
 */
final class Protobuf {
  private byte[] buf;
  private int size;

  Protobuf(int capacity) {
    buf = new byte[capacity];
  }

  void reset() {
    size = 0;
  }

  int size() {
    return size;
  }

  byte[] array() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  /** Number of bytes {@code value} takes as an unsigned varint. */
  static int varintLength(long value) {
    int n = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  /** Writes {@code value} as an unsigned varint into {@code dest} at {@code offset}; returns the new offset. */
  static int putVarint(byte[] dest, int offset, long value) {
    while ((value & ~0x7FL) != 0) {
      dest[offset++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    dest[offset++] = (byte) value;
    return offset;
  }

  void varint(long value) {
    ensure(10);
    size = putVarint(buf, size, value);
  }

  void rawByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  /** A varint field: tag then value. */
  void varintField(int field, long value) {
    varint(((long) field << 3) | 0);
    varint(value);
  }

  /** A length-delimited field: tag, length, bytes. */
  void bytesField(int field, byte[] b, int off, int len) {
    varint(((long) field << 3) | 2);
    varint(len);
    bytes(b, off, len);
  }
}
