package samizdat.mirror.ipfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes a CARv1 file: a header {@code varint(len) dag-cbor{"roots":[root],"version":1}}, then
 * each block as {@code varint(len(cid)+len(data)) cid data}.
 *
 * <p>The root is known only after the last block, so the header is written last, at offset 0,
 * into space reserved up front: for a CIDv1 SHA-256 root it is always {@link #HEADER_LENGTH}
 * bytes. A block that was already written (same CID) is not written again, nor one the reader
 * already holds (a delta CAR: {@code held}).
 */
final class CarWriter implements BlockSink {
  /** varint(58) + 58 bytes of dag-cbor for one 36-byte root. */
  static final int HEADER_LENGTH = 59;

  private final FileChannel channel;
  private final byte[] buf = new byte[1 << 20];
  private final Set<Cid> written = new HashSet<>();
  private final Predicate<Cid> held;
  private int fill;
  private long blocks;
  private long heldBlocks;
  private long position;

  /** A writer that leaves out the blocks for which {@code held} is true. */
  CarWriter(FileChannel channel, Predicate<Cid> held) throws IOException {
    this.channel = channel;
    this.held = held;
    channel.position(0);
    fill = HEADER_LENGTH; // zeros now, the real header in finish()
  }

  @Override
  public void put(Cid cid, byte[] data, int off, int len) throws IOException {
    if (!written.add(cid)) {
      return;
    }
    if (held.test(cid)) {
      heldBlocks++;
      return;
    }
    blocks++;
    if (fill + 10 + Cid.LENGTH > buf.length) {
      flush();
    }
    fill = Protobuf.putVarint(buf, fill, (long) Cid.LENGTH + len);
    cid.copyTo(buf, fill);
    fill += Cid.LENGTH;
    if (len <= buf.length - fill) {
      System.arraycopy(data, off, buf, fill, len);
      fill += len;
    } else {
      flush();
      writeFully(ByteBuffer.wrap(data, off, len));
    }
  }

  @Override
  public boolean wants(Cid cid) {
    return !written.contains(cid) && !held.test(cid);
  }

  @Override
  public void putKnown(Cid cid) {
    if (written.add(cid)) {
      if (!held.test(cid)) { // leaving it out would make a CAR that lacks a block
        throw new IllegalStateException("block " + cid + " is neither written nor held");
      }
      heldBlocks++;
    }
  }

  long blockCount() {
    return blocks;
  }

  /** Blocks of the DAG left out because the reader holds them already. */
  long heldBlockCount() {
    return heldBlocks;
  }

  /** Writes what is buffered and the header naming {@code root}; returns the file length. */
  long finish(Cid root) throws IOException {
    flush();
    channel.write(ByteBuffer.wrap(header(root)), 0);
    return position;
  }

  static byte[] header(Cid root) {
    byte[] h = new byte[HEADER_LENGTH];
    int i = 0;
    h[i++] = HEADER_LENGTH - 1; // varint of 58
    h[i++] = (byte) 0xa2; // map(2), keys in dag-cbor order: shorter first
    h[i++] = 0x65; // text(5)
    for (char c : "roots".toCharArray()) {
      h[i++] = (byte) c;
    }
    h[i++] = (byte) 0x81; // array(1)
    h[i++] = (byte) 0xd8; // tag(42): CID
    h[i++] = 0x2a;
    h[i++] = 0x58; // bytes, one-byte length
    h[i++] = Cid.LENGTH + 1;
    h[i++] = 0x00; // multibase identity prefix required in the CBOR form
    root.copyTo(h, i);
    i += Cid.LENGTH;
    h[i++] = 0x67; // text(7)
    for (char c : "version".toCharArray()) {
      h[i++] = (byte) c;
    }
    h[i++] = 0x01;
    if (i != HEADER_LENGTH) {
      throw new IllegalStateException("CAR header is " + i + " bytes");
    }
    return h;
  }

  private void flush() throws IOException {
    if (fill > 0) {
      writeFully(ByteBuffer.wrap(buf, 0, fill));
      fill = 0;
    }
  }

  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      position += channel.write(b);
    }
  }
}
