package samizdat.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * Gzip without the parts that vary between runs: no file name, modification time 0, OS "unknown"
 * fixed. Same bytes in, same bytes out. Stateless.
 */
final class Gzip {
  /**
   * Level 1: pages compress about 4:1 at it, and it is several times faster than the default
   * level, which matters when ten thousand pages are stored in one run.
   */
  static final int LEVEL = 1;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private Gzip() {}

  static byte[] compress(byte[] data) {
    Deflater deflater = new Deflater(LEVEL, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
      out.write(HEADER, 0, HEADER.length);
      byte[] buf = new byte[16384];
      while (!deflater.finished()) {
        int n = deflater.deflate(buf);
        out.write(buf, 0, n);
      }
      CRC32 crc = new CRC32();
      crc.update(data);
      writeIntLe(out, (int) crc.getValue());
      writeIntLe(out, data.length);
      return out.toByteArray();
    } finally {
      deflater.end();
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

  private static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
    out.write((v >>> 16) & 0xff);
    out.write((v >>> 24) & 0xff);
  }
}
