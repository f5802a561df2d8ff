package samizdat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * Gzip without the parts that vary between runs: no file name, modification time 0, OS "unknown"
 * fixed. Same bytes in, same bytes out. Thread-safe: each thread reuses its own deflater, which
 * saves setting up zlib's tables for every page.
 */
final class Gzip {
  /**
   * Level 1: pages compress about 4:1 at it, and it is several times faster than the default
   * level, which matters when ten thousand pages are stored in one run.
   */
  static final int LEVEL = 1;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final ThreadLocal<Deflater> deflaters = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));

  byte[] compress(byte[] data) {
    // Fresh, or reset when its last use ended (below): resetting here too cost a tenth of a
    // small page's compression.
    Deflater deflater = deflaters.get();
    try {
      deflater.setInput(data);
      deflater.finish();
      // Deflate never grows data by more than a few bytes per 16 KB block.
      byte[] out = new byte[HEADER.length + data.length + data.length / 1000 + 64 + 8];
      System.arraycopy(HEADER, 0, out, 0, HEADER.length);
      int n = HEADER.length;
      while (!deflater.finished()) {
        if (n == out.length - 8) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        n += deflater.deflate(out, n, out.length - 8 - n);
      }
      CRC32 crc = new CRC32();
      crc.update(data);
      n = putIntLe(out, n, (int) crc.getValue());
      n = putIntLe(out, n, data.length);
      return java.util.Arrays.copyOf(out, n);
    } finally {
      // Drop the reference to the input; the deflater itself stays with the thread.
      deflater.reset();
    }
  }

  /** Decompresses at most {@code max} bytes; more is an error. */
  static byte[] decompress(InputStream gz, long max) throws IOException {
    try (InputStream in = new GZIPInputStream(gz, 16384)) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (out.length > max) {
        throw new IOException(HttpFetcher.tooLarge(max));
      }
      return out;
    }
  }

  private static int putIntLe(byte[] out, int at, int v) {
    out[at] = (byte) v;
    out[at + 1] = (byte) (v >>> 8);
    out[at + 2] = (byte) (v >>> 16);
    out[at + 3] = (byte) (v >>> 24);
    return at + 4;
  }
}
