/**
 * Small I/O building blocks shared by every feature: atomic writes that never leave a torn file,
 * the {@link samizdat.io.Progress} sink through which long work reports to the console, and
 * {@link samizdat.io.Murmur3}, the fast hash the build's fingerprints and IPFS directories share.
 */
package samizdat.io;
