/**
 * IPFS export without an IPFS node: our own encoder for the UnixFS DAG (chunking, balanced file
 * trees, directories), dag-pb, CIDv1 and CARv1, producing exactly the root CID kubo's
 * {@code ipfs add -r --cid-version=1} gives. Public surface: {@link samizdat.mirror.ipfs.CarExport}.
 */
package samizdat.mirror.ipfs;
