package samizdat.mirror.ipfs;

import java.io.IOException;

/** Receives each block of a DAG as soon as it is made, children before their parents. */
interface BlockSink {
  /** Stores the block {@code data[off, off+len)} under {@code cid}; the array is reused after the call. */
  void put(Cid cid, byte[] data, int off, int len) throws IOException;

  /**
   * Whether {@link #put} would store the data of block {@code cid}; when it would not (the sink has
   * the block, or the reader holds it already), the data need not even be read, and the block is
   * passed to {@link #putKnown} instead.
   */
  default boolean wants(Cid cid) {
    return true;
  }

  /** Takes note of block {@code cid}, for which {@link #wants} was false, as {@link #put} would. */
  default void putKnown(Cid cid) {}

  /** A sink that keeps nothing: computes CIDs only. */
  BlockSink DISCARD = (cid, data, off, len) -> { };
}
