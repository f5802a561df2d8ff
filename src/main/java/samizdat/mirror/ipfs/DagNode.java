package samizdat.mirror.ipfs;

/**
 * A node of the UnixFS DAG as its parent sees it.
 *
 * @param cid the node's CID
 * @param tsize the cumulative size of the node's DAG: its own block plus all blocks below it (the
 *     dag-pb link {@code Tsize})
 * @param contentSize for files, the number of content bytes (UnixFS {@code filesize} and the
 *     parent's {@code blocksizes} entry); 0 for directories
 */
record DagNode(Cid cid, long tsize, long contentSize) {}
