package samizdat.mirror.ipfs;

import java.io.IOException;

/** Receives each block of a DAG as soon as it is made, children before their parents. */
interface BlockSink {
  /** Stores the block {@code data[off, off+len)} under {@code cid}; the array is reused after the call. */
  void put(Cid cid, byte[] data, int off, int len) throws IOException;

  /** A sink that keeps nothing: computes CIDs only. */
  BlockSink DISCARD = (cid, data, off, len) -> { };
}
