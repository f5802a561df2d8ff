package samizdat.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MurmurHash3 x64 128-bit, seed 0: a fast, well-spread, non-cryptographic hash. The build's
 * change-detection fingerprints use all 128 bits; UnixFS HAMT directories ({@code murmur3-x64-64},
 * multihash 0x22) use the first half. Stateless.
 */
public final class Murmur3 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Murmur3() {}

  /** The hash of {@code b[off, off + n)} as 16 bytes: h1 then h2, each little-endian. */
  public static byte[] hash128(byte[] b, int off, int n) {
    long[] h = hash(b, off, n);
    byte[] out = new byte[16];
    LONG_LE.set(out, 0, h[0]);
    LONG_LE.set(out, 8, h[1]);
    return out;
  }

  /**
   * h1, the first half of the 128-bit hash of {@code data}. The HAMT hash is its big-endian bytes,
   * consumed from the most significant end: level 0 of a 256-wide shard uses {@code h1 >>> 56}.
   */
  public static long hash64(byte[] data) {
    return hash(data, 0, data.length)[0];
  }

  private static long[] hash(byte[] b, int off, int n) {
    long h1 = 0;
    long h2 = 0;
    int blocks = n / 16;
    for (int i = 0; i < blocks; i++) {
      long k1 = (long) LONG_LE.get(b, off + i * 16);
      long k2 = (long) LONG_LE.get(b, off + i * 16 + 8);
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    int tail = off + blocks * 16;
    for (int i = off + n - 1; i >= tail; i--) {
      if (i - tail >= 8) {
        k2 = (k2 << 8) | (b[i] & 0xff);
      } else {
        k1 = (k1 << 8) | (b[i] & 0xff);
      }
    }
    // Mixing an empty (zero) tail word changes nothing, so no case analysis is needed.
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    h2 ^= k2;
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    h1 ^= k1;
    h1 ^= n;
    h2 ^= n;
    h1 += h2;
    h2 += h1;
    h1 = mix(h1);
    h2 = mix(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
