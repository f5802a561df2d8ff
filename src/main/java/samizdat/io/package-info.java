/**
 * Small I/O building blocks shared by every feature: atomic writes that never leave a torn file,
 * the {@link samizdat.io.Progress} sink through which long work reports to the console, and
 * {@link samizdat.io.Murmur3}, the fast hash the build's fingerprints and IPFS directories share;
 * and what keeps runs from harming an archive (docs/safety.md): {@link samizdat.io.FolderLock}
 * (one writer per folder), {@link samizdat.io.IoFailures} (a full disk stops a run, naming the
 * file), {@link samizdat.io.FileWrites} (the seam tests fill a disk through) and
 * {@link samizdat.io.PortableNames} (names every stick can hold).
 */
package samizdat.io;
