package samizdat.mirror.ipfs;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The blocks some CARv1 files hold, as the SHA-256 digests of their multihashes: what a node that
 * imported it has in its blockstore (kubo keys blocks by multihash, so a block is the same block
 * under CIDv0 or CIDv1 and under either codec). Read in one streaming pass; block data is
 * skipped, not hashed. A CAR the {@link ExportCache} knows by its stamp is not read at all: a
 * full export of a large site is gigabytes, its digests a few megabytes.
 */
final class CarBlocks {
  private static final int SHA2_256 = 0x12;
  /** A varint-prefixed section longer than this is not a block of ours or kubo's (1 MiB chunks at most, plus slack). */
  private static final long MAX_SECTION = 64L << 20;

  private final DigestSet digests = new DigestSet(1 << 12);

  /** Adds the blocks of {@code car}; an IOException names the file and what is wrong with it. */
  void add(Path car) throws IOException {
    add(car, ExportCache.none());
  }

  /** Adds the blocks of {@code car}, from {@code cache} when it knows this file; records them there. */
  void add(Path car, ExportCache cache) throws IOException {
    String path = car.toAbsolutePath().normalize().toString();
    FileStamp stamp = FileStamp.read(car, FileStamp.unixView(car)).stamp();
    byte[] found = cache.carDigests(path, stamp).orElse(null);
    if (found == null) {
      found = read(car);
    }
    cache.recordCar(path, stamp, found);
    for (int i = 0; i < found.length; i += 32) {
      digests.add(found, i);
    }
  }

  /** The SHA-256 digests of the blocks of {@code car}, 32 bytes each. */
  private static byte[] read(Path car) throws IOException {
    ByteArrayOutputStream found = new ByteArrayOutputStream();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(car), 1 << 16)) {
      long headerLength = varint(in, car, true);
      if (headerLength <= 0 || headerLength > 1 << 20) {
        throw notACar(car, "header length " + headerLength);
      }
      byte[] header = in.readNBytes((int) headerLength);
      if (header.length != headerLength || (header[0] & 0xe0) != 0xa0 || !contains(header, "roots")
          || !contains(header, "version")) {
        throw notACar(car, "no CARv1 header");
      }
      while (true) {
        long section = varint(in, car, false);
        if (section < 0) {
          break;
        }
        if (section < 34 || section > MAX_SECTION) {
          throw notACar(car, "a block section of " + section + " bytes");
        }
        long cidLength = readCid(in, car, found);
        in.skipNBytes(section - cidLength);
      }
    } catch (EOFException e) {
      throw notACar(car, "cut short");
    }
    return found.toByteArray();
  }

  /** Reads one CID; records its digest where it is a SHA-256 one; returns its length in bytes. */
  private static long readCid(InputStream in, Path car, ByteArrayOutputStream digests) throws IOException {
    int first = in.read();
    if (first == SHA2_256) { // CIDv0: a bare SHA-256 multihash
      int len = in.read();
      if (len != 32) {
        throw notACar(car, "a CIDv0 with a " + len + "-byte digest");
      }
      digests.write(readN(in, 32));
      return 34;
    }
    if (first != 1) {
      throw notACar(car, "a CID of version " + first);
    }
    long[] n = new long[1];
    varintCounted(in, n); // codec
    long hash = varintCounted(in, n);
    long digestLength = varintCounted(in, n);
    if (digestLength > 128) {
      throw notACar(car, "a " + digestLength + "-byte digest");
    }
    byte[] digest = readN(in, (int) digestLength);
    if (hash == SHA2_256 && digestLength == 32) {
      digests.write(digest);
    }
    return 1 + n[0] + digestLength;
  }

  /** Whether the block with CID {@code cid} is in the file. */
  boolean holds(Cid cid) {
    return digests.contains(cid.toBytes(), 4);
  }

  int size() {
    return digests.size();
  }

  private static byte[] readN(InputStream in, int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new EOFException();
    }
    return b;
  }

  /** A varint; -1 at a clean end of file where {@code required} is false. */
  private static long varint(InputStream in, Path car, boolean required) throws IOException {
    int b = in.read();
    if (b < 0) {
      if (required) {
        throw notACar(car, "empty");
      }
      return -1;
    }
    long value = b & 0x7f;
    for (int shift = 7; b >= 0x80; shift += 7) {
      if (shift > 56) {
        throw notACar(car, "a varint too long");
      }
      b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      value |= (long) (b & 0x7f) << shift;
    }
    return value;
  }

  private static long varintCounted(InputStream in, long[] count) throws IOException {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.read();
      if (b < 0 || shift > 56) {
        throw new EOFException();
      }
      count[0]++;
      value |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        return value;
      }
    }
  }

  private static boolean contains(byte[] haystack, String ascii) {
    byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static IOException notACar(Path car, String problem) {
    return new IOException(car + ": not a CAR file (" + problem + ")");
  }
}
