package samizdat.ingest;

import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4), written for the C1 compiler that {@code samizdat ingest} runs under. The
 * JDK's own implementation is fast only where C2 replaces it with the CPU's SHA instructions;
 * compiled by C1 it keeps the 64-word message schedule in an array and shuffles eight variables
 * every round. Here the rounds are unrolled sixteen at a time with the schedule in sixteen
 * locals and the variables' roles rotating instead of moving: about a quarter less time per
 * byte under C1, and hashing is a tenth of ingest (raw pages, ids, images). Same digests as
 * {@code MessageDigest.getInstance("SHA-256")}, tested against it.
 *
 * <p>The unrolled block stays under the JVM's 8000-byte limit for compiling a method.
 * One instance per message; not thread-safe.
 */
final class Sha256 {
  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

  private final int[] state = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  private final byte[] pending = new byte[64];
  private int pendingLength;
  private long length;

  /** The digest of {@code bytes}. */
  static byte[] digest(byte[] bytes) {
    Sha256 sha = new Sha256();
    sha.update(bytes, 0, bytes.length);
    return sha.digest();
  }

  void update(byte[] bytes) {
    update(bytes, 0, bytes.length);
  }

  void update(byte[] bytes, int offset, int count) {
    int off = offset;
    int len = count;
    length += len;
    if (pendingLength > 0) {
      int n = Math.min(len, 64 - pendingLength);
      System.arraycopy(bytes, off, pending, pendingLength, n);
      pendingLength += n;
      off += n;
      len -= n;
      if (pendingLength < 64) {
        return;
      }
      block(pending, 0);
      pendingLength = 0;
    }
    while (len >= 64) {
      block(bytes, off);
      off += 64;
      len -= 64;
    }
    System.arraycopy(bytes, off, pending, 0, len);
    pendingLength = len;
  }

  /** The 32-byte digest; this instance is used up. */
  byte[] digest() {
    long bits = length << 3;
    pending[pendingLength++] = (byte) 0x80;
    if (pendingLength > 56) {
      Arrays.fill(pending, pendingLength, 64, (byte) 0);
      block(pending, 0);
      pendingLength = 0;
    }
    Arrays.fill(pending, pendingLength, 56, (byte) 0);
    for (int i = 0; i < 8; i++) {
      pending[56 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    block(pending, 0);
    byte[] out = new byte[32];
    for (int i = 0; i < 8; i++) {
      int v = state[i];
      out[4 * i] = (byte) (v >>> 24);
      out[4 * i + 1] = (byte) (v >>> 16);
      out[4 * i + 2] = (byte) (v >>> 8);
      out[4 * i + 3] = (byte) v;
    }
    return out;
  }

  /**
   * One 64-byte block. Each round is T1 = h + S1(e) + Ch(e,f,g) + K[t] + W[t]; d += T1;
   * h = T1 + S0(a) + Maj(a,b,c), after which the next round calls h what this one called a (and
   * so on round the eight). W[t] for t >= 16 replaces W[t-16] in place: w(t%16) +=
   * s0(W[t-15]) + W[t-7] + s1(W[t-2]).
   */
  private void block(byte[] m, int off) {
    int w0 = m[off + 0] << 24 | (m[off + 1] & 0xff) << 16 | (m[off + 2] & 0xff) << 8 | m[off + 3] & 0xff;
    int w1 = m[off + 4] << 24 | (m[off + 5] & 0xff) << 16 | (m[off + 6] & 0xff) << 8 | m[off + 7] & 0xff;
    int w2 = m[off + 8] << 24 | (m[off + 9] & 0xff) << 16 | (m[off + 10] & 0xff) << 8 | m[off + 11] & 0xff;
    int w3 = m[off + 12] << 24 | (m[off + 13] & 0xff) << 16 | (m[off + 14] & 0xff) << 8 | m[off + 15] & 0xff;
    int w4 = m[off + 16] << 24 | (m[off + 17] & 0xff) << 16 | (m[off + 18] & 0xff) << 8 | m[off + 19] & 0xff;
    int w5 = m[off + 20] << 24 | (m[off + 21] & 0xff) << 16 | (m[off + 22] & 0xff) << 8 | m[off + 23] & 0xff;
    int w6 = m[off + 24] << 24 | (m[off + 25] & 0xff) << 16 | (m[off + 26] & 0xff) << 8 | m[off + 27] & 0xff;
    int w7 = m[off + 28] << 24 | (m[off + 29] & 0xff) << 16 | (m[off + 30] & 0xff) << 8 | m[off + 31] & 0xff;
    int w8 = m[off + 32] << 24 | (m[off + 33] & 0xff) << 16 | (m[off + 34] & 0xff) << 8 | m[off + 35] & 0xff;
    int w9 = m[off + 36] << 24 | (m[off + 37] & 0xff) << 16 | (m[off + 38] & 0xff) << 8 | m[off + 39] & 0xff;
    int w10 = m[off + 40] << 24 | (m[off + 41] & 0xff) << 16 | (m[off + 42] & 0xff) << 8 | m[off + 43] & 0xff;
    int w11 = m[off + 44] << 24 | (m[off + 45] & 0xff) << 16 | (m[off + 46] & 0xff) << 8 | m[off + 47] & 0xff;
    int w12 = m[off + 48] << 24 | (m[off + 49] & 0xff) << 16 | (m[off + 50] & 0xff) << 8 | m[off + 51] & 0xff;
    int w13 = m[off + 52] << 24 | (m[off + 53] & 0xff) << 16 | (m[off + 54] & 0xff) << 8 | m[off + 55] & 0xff;
    int w14 = m[off + 56] << 24 | (m[off + 57] & 0xff) << 16 | (m[off + 58] & 0xff) << 8 | m[off + 59] & 0xff;
    int w15 = m[off + 60] << 24 | (m[off + 61] & 0xff) << 16 | (m[off + 62] & 0xff) << 8 | m[off + 63] & 0xff;
    int[] s = state;
    int a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    int[] k = K;
    h += (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
        + (g ^ e & (f ^ g)) + k[0] + w0;
    d += h;
    h += (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
        + (a & b | c & (a | b));
    g += (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
        + (f ^ d & (e ^ f)) + k[1] + w1;
    c += g;
    g += (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
        + (h & a | b & (h | a));
    f += (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
        + (e ^ c & (d ^ e)) + k[2] + w2;
    b += f;
    f += (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
        + (g & h | a & (g | h));
    e += (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
        + (d ^ b & (c ^ d)) + k[3] + w3;
    a += e;
    e += (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
        + (f & g | h & (f | g));
    d += (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
        + (c ^ a & (b ^ c)) + k[4] + w4;
    h += d;
    d += (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
        + (e & f | g & (e | f));
    c += (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
        + (b ^ h & (a ^ b)) + k[5] + w5;
    g += c;
    c += (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
        + (d & e | f & (d | e));
    b += (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
        + (a ^ g & (h ^ a)) + k[6] + w6;
    f += b;
    b += (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
        + (c & d | e & (c | d));
    a += (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
        + (h ^ f & (g ^ h)) + k[7] + w7;
    e += a;
    a += (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
        + (b & c | d & (b | c));
    h += (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
        + (g ^ e & (f ^ g)) + k[8] + w8;
    d += h;
    h += (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
        + (a & b | c & (a | b));
    g += (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
        + (f ^ d & (e ^ f)) + k[9] + w9;
    c += g;
    g += (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
        + (h & a | b & (h | a));
    f += (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
        + (e ^ c & (d ^ e)) + k[10] + w10;
    b += f;
    f += (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
        + (g & h | a & (g | h));
    e += (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
        + (d ^ b & (c ^ d)) + k[11] + w11;
    a += e;
    e += (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
        + (f & g | h & (f | g));
    d += (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
        + (c ^ a & (b ^ c)) + k[12] + w12;
    h += d;
    d += (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
        + (e & f | g & (e | f));
    c += (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
        + (b ^ h & (a ^ b)) + k[13] + w13;
    g += c;
    c += (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
        + (d & e | f & (d | e));
    b += (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
        + (a ^ g & (h ^ a)) + k[14] + w14;
    f += b;
    b += (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
        + (c & d | e & (c | d));
    a += (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
        + (h ^ f & (g ^ h)) + k[15] + w15;
    e += a;
    a += (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
        + (b & c | d & (b | c));
    for (int t = 16; t < 64; t += 16) {
      w0 += (Integer.rotateRight(w1, 7) ^ Integer.rotateRight(w1, 18) ^ w1 >>> 3) + w9
          + (Integer.rotateRight(w14, 17) ^ Integer.rotateRight(w14, 19) ^ w14 >>> 10);
      h += (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
          + (g ^ e & (f ^ g)) + k[t + 0] + w0;
      d += h;
      h += (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
          + (a & b | c & (a | b));
      w1 += (Integer.rotateRight(w2, 7) ^ Integer.rotateRight(w2, 18) ^ w2 >>> 3) + w10
          + (Integer.rotateRight(w15, 17) ^ Integer.rotateRight(w15, 19) ^ w15 >>> 10);
      g += (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
          + (f ^ d & (e ^ f)) + k[t + 1] + w1;
      c += g;
      g += (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
          + (h & a | b & (h | a));
      w2 += (Integer.rotateRight(w3, 7) ^ Integer.rotateRight(w3, 18) ^ w3 >>> 3) + w11
          + (Integer.rotateRight(w0, 17) ^ Integer.rotateRight(w0, 19) ^ w0 >>> 10);
      f += (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
          + (e ^ c & (d ^ e)) + k[t + 2] + w2;
      b += f;
      f += (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
          + (g & h | a & (g | h));
      w3 += (Integer.rotateRight(w4, 7) ^ Integer.rotateRight(w4, 18) ^ w4 >>> 3) + w12
          + (Integer.rotateRight(w1, 17) ^ Integer.rotateRight(w1, 19) ^ w1 >>> 10);
      e += (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
          + (d ^ b & (c ^ d)) + k[t + 3] + w3;
      a += e;
      e += (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
          + (f & g | h & (f | g));
      w4 += (Integer.rotateRight(w5, 7) ^ Integer.rotateRight(w5, 18) ^ w5 >>> 3) + w13
          + (Integer.rotateRight(w2, 17) ^ Integer.rotateRight(w2, 19) ^ w2 >>> 10);
      d += (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
          + (c ^ a & (b ^ c)) + k[t + 4] + w4;
      h += d;
      d += (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
          + (e & f | g & (e | f));
      w5 += (Integer.rotateRight(w6, 7) ^ Integer.rotateRight(w6, 18) ^ w6 >>> 3) + w14
          + (Integer.rotateRight(w3, 17) ^ Integer.rotateRight(w3, 19) ^ w3 >>> 10);
      c += (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
          + (b ^ h & (a ^ b)) + k[t + 5] + w5;
      g += c;
      c += (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
          + (d & e | f & (d | e));
      w6 += (Integer.rotateRight(w7, 7) ^ Integer.rotateRight(w7, 18) ^ w7 >>> 3) + w15
          + (Integer.rotateRight(w4, 17) ^ Integer.rotateRight(w4, 19) ^ w4 >>> 10);
      b += (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
          + (a ^ g & (h ^ a)) + k[t + 6] + w6;
      f += b;
      b += (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
          + (c & d | e & (c | d));
      w7 += (Integer.rotateRight(w8, 7) ^ Integer.rotateRight(w8, 18) ^ w8 >>> 3) + w0
          + (Integer.rotateRight(w5, 17) ^ Integer.rotateRight(w5, 19) ^ w5 >>> 10);
      a += (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
          + (h ^ f & (g ^ h)) + k[t + 7] + w7;
      e += a;
      a += (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
          + (b & c | d & (b | c));
      w8 += (Integer.rotateRight(w9, 7) ^ Integer.rotateRight(w9, 18) ^ w9 >>> 3) + w1
          + (Integer.rotateRight(w6, 17) ^ Integer.rotateRight(w6, 19) ^ w6 >>> 10);
      h += (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
          + (g ^ e & (f ^ g)) + k[t + 8] + w8;
      d += h;
      h += (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
          + (a & b | c & (a | b));
      w9 += (Integer.rotateRight(w10, 7) ^ Integer.rotateRight(w10, 18) ^ w10 >>> 3) + w2
          + (Integer.rotateRight(w7, 17) ^ Integer.rotateRight(w7, 19) ^ w7 >>> 10);
      g += (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
          + (f ^ d & (e ^ f)) + k[t + 9] + w9;
      c += g;
      g += (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
          + (h & a | b & (h | a));
      w10 += (Integer.rotateRight(w11, 7) ^ Integer.rotateRight(w11, 18) ^ w11 >>> 3) + w3
          + (Integer.rotateRight(w8, 17) ^ Integer.rotateRight(w8, 19) ^ w8 >>> 10);
      f += (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
          + (e ^ c & (d ^ e)) + k[t + 10] + w10;
      b += f;
      f += (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
          + (g & h | a & (g | h));
      w11 += (Integer.rotateRight(w12, 7) ^ Integer.rotateRight(w12, 18) ^ w12 >>> 3) + w4
          + (Integer.rotateRight(w9, 17) ^ Integer.rotateRight(w9, 19) ^ w9 >>> 10);
      e += (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
          + (d ^ b & (c ^ d)) + k[t + 11] + w11;
      a += e;
      e += (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
          + (f & g | h & (f | g));
      w12 += (Integer.rotateRight(w13, 7) ^ Integer.rotateRight(w13, 18) ^ w13 >>> 3) + w5
          + (Integer.rotateRight(w10, 17) ^ Integer.rotateRight(w10, 19) ^ w10 >>> 10);
      d += (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
          + (c ^ a & (b ^ c)) + k[t + 12] + w12;
      h += d;
      d += (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
          + (e & f | g & (e | f));
      w13 += (Integer.rotateRight(w14, 7) ^ Integer.rotateRight(w14, 18) ^ w14 >>> 3) + w6
          + (Integer.rotateRight(w11, 17) ^ Integer.rotateRight(w11, 19) ^ w11 >>> 10);
      c += (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
          + (b ^ h & (a ^ b)) + k[t + 13] + w13;
      g += c;
      c += (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
          + (d & e | f & (d | e));
      w14 += (Integer.rotateRight(w15, 7) ^ Integer.rotateRight(w15, 18) ^ w15 >>> 3) + w7
          + (Integer.rotateRight(w12, 17) ^ Integer.rotateRight(w12, 19) ^ w12 >>> 10);
      b += (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
          + (a ^ g & (h ^ a)) + k[t + 14] + w14;
      f += b;
      b += (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
          + (c & d | e & (c | d));
      w15 += (Integer.rotateRight(w0, 7) ^ Integer.rotateRight(w0, 18) ^ w0 >>> 3) + w8
          + (Integer.rotateRight(w13, 17) ^ Integer.rotateRight(w13, 19) ^ w13 >>> 10);
      a += (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
          + (h ^ f & (g ^ h)) + k[t + 15] + w15;
      e += a;
      a += (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
          + (b & c | d & (b | c));
    }
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
    s[4] += e;
    s[5] += f;
    s[6] += g;
    s[7] += h;
  }
}
