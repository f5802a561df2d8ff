/**
 * Getting a built site to readers: {@link samizdat.mirror.UsbMirror} copies {@code site/}
 * incrementally and crash-safely onto a USB stick (or any folder) with a
 * {@link samizdat.mirror.Manifest} of every file's SHA-256, {@link samizdat.mirror.Verifier}
 * checks such a copy against its manifest, and {@link samizdat.mirror.ipfs} exports the site as
 * an IPFS CAR file.
 */
package samizdat.mirror;
