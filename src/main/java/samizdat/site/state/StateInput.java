package samizdat.site.state;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads bytes {@code [from, to)} of the state file through a 1 MiB buffer, keeping a CRC-32C
 * of them; reading past {@code to} is an error.
 */
final class StateInput {
  private static final int MAX_CAPACITY = 1 << 20;
  private final FileChannel channel;
  /** At most 1 MiB, no more than the bytes to read (a month's part of the state is a few MB). */
  private final int capacity;
  private final ByteBuffer buf; // big-endian, like DataOutputStream
  private final CRC32C crc = new CRC32C();
  private long next; // file position of the first byte not yet in the buffer
  private final long to;

  StateInput(FileChannel channel, long from, long to) {
    this.channel = channel;
    this.next = from;
    this.to = to;
    this.capacity = (int) Math.max(16, Math.min(MAX_CAPACITY, to - from));
    this.buf = ByteBuffer.allocate(capacity);
    buf.limit(0);
  }

  /** Makes {@code n} bytes (at most the buffer's capacity) readable from the buffer. */
  private void need(int n) throws IOException {
    if (buf.remaining() >= n) {
      return;
    }
    if (n > to - next + buf.remaining()) {
      throw new EOFException("ends early");
    }
    buf.compact();
    while (buf.position() < n) {
      int room = (int) Math.min(buf.remaining(), to - next);
      ByteBuffer window = buf.duplicate();
      window.limit(buf.position() + room);
      int read = channel.read(window, next);
      if (read < 0) {
        throw new EOFException("ends early");
      }
      crc.update(buf.array(), buf.position(), read);
      buf.position(buf.position() + read);
      next += read;
    }
    buf.flip();
  }

  int readInt() throws IOException {
    need(4);
    return buf.getInt();
  }

  long readLong() throws IOException {
    need(8);
    return buf.getLong();
  }

  int readUnsignedByte() throws IOException {
    need(1);
    return buf.get() & 0xff;
  }

  boolean readBoolean() throws IOException {
    need(1);
    return buf.get() != 0;
  }

  byte[] readNBytes(int n) throws IOException {
    if (n < 0 || n > to - next + buf.remaining()) {
      throw new EOFException("ends early");
    }
    byte[] b = new byte[n];
    int at = 0;
    while (at < n) {
      need(Math.min(capacity, n - at));
      int k = Math.min(buf.remaining(), n - at);
      buf.get(b, at, k);
      at += k;
    }
    return b;
  }

  String readString() throws IOException {
    int n = readInt();
    if (n >= 0 && n <= capacity) {
      need(n);
      String s = new String(buf.array(), buf.position(), n, StandardCharsets.UTF_8);
      buf.position(buf.position() + n);
      return s;
    }
    return new String(readNBytes(n), StandardCharsets.UTF_8);
  }

  /** True when every byte up to {@code to} was read. */
  boolean atEnd() {
    return next == to && !buf.hasRemaining();
  }

  /** The CRC-32C of the bytes read so far (all of them once {@link #atEnd}). */
  long crc() {
    return crc.getValue();
  }

  /** The 8 bytes at {@code at}, big-endian. */
  static long readLongAt(FileChannel channel, long at) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8);
    while (b.hasRemaining()) {
      if (channel.read(b, at + b.position()) < 0) {
        throw new EOFException("ends early");
      }
    }
    return b.flip().getLong();
  }
}
