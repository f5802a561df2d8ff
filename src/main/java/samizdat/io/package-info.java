/**
 * Small I/O building blocks shared by every feature: atomic writes that never leave a torn file,
 * and the {@link samizdat.io.Progress} sink through which long work reports to the console.
 */
package samizdat.io;
