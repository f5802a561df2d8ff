package samizdat.mirror.zim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Sequential little-endian output to a ZIM file being written, buffered, counting its position
 * and digesting every byte (the digest of everything after the header becomes the file's UUID,
 * so the same content gives the same UUID). The header and the final MD5 are written by
 * {@link #writeAt} and {@link #appendChecksum}.
 */
final class ZimOutput {
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
  private final MessageDigest digest = md5();
  private long position;

  /** Starts writing at {@code start}. */
  ZimOutput(FileChannel channel, long start) {
    this.channel = channel;
    this.position = start;
  }

  long position() {
    return position;
  }

  void u8(int v) throws IOException {
    ensure(1);
    buffer.put((byte) v);
    position++;
  }

  void u16(int v) throws IOException {
    u8(v);
    u8(v >>> 8);
  }

  void u32(long v) throws IOException {
    for (int i = 0; i < 4; i++) {
      u8((int) (v >>> (8 * i)));
    }
  }

  void u64(long v) throws IOException {
    for (int i = 0; i < 8; i++) {
      u8((int) (v >>> (8 * i)));
    }
  }

  void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      ensure(1);
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
      position += n;
    }
  }

  /** The digest of everything written through this output so far (resets it). */
  byte[] contentDigest() throws IOException {
    flush();
    return digest.digest();
  }

  void flush() throws IOException {
    buffer.flip();
    digest.update(buffer.duplicate());
    channel.position(position - buffer.remaining());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  /** Overwrites {@code bytes} at {@code offset} (the header, once everything else is known). */
  void writeAt(long offset, byte[] bytes) throws IOException {
    flush();
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long at = offset;
    while (b.hasRemaining()) {
      at += channel.write(b, at);
    }
  }

  /** Appends the MD5 of the whole file as written so far, as the format's checksum; returns the new length. */
  long appendChecksum() throws IOException {
    flush();
    MessageDigest whole = md5();
    ByteBuffer b = ByteBuffer.allocate(1 << 20);
    long at = 0;
    while (at < position) {
      b.clear();
      int n = channel.read(b, at);
      if (n < 0) {
        throw new IOException("the ZIM file being written is shorter than written");
      }
      b.flip();
      whole.update(b);
      at += n;
    }
    byte[] sum = whole.digest();
    ByteBuffer s = ByteBuffer.wrap(sum);
    while (s.hasRemaining()) {
      position += channel.write(s, position);
    }
    return position;
  }

  private void ensure(int n) throws IOException {
    if (buffer.remaining() < n) {
      flush();
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has MD5", e);
    }
  }
}
