/**
 * What the previous build did, so the next one does only what changed: {@code BuildState} is the
 * checksummed build cache (files written, article metadata and signatures, related lists; the
 * per-article part in one file per month, {@code StateSegments}, so a day's build rewrites one),
 * {@code Fingerprint} hashes a page's inputs, and {@code InputsDigest} tells in one pass whether
 * the content folder and settings changed at all.
 */
package samizdat.site.state;
