package samizdat.site.render;

import java.io.IOException;

/**
 * One output file. The writer asks for the fingerprint first (cheap: a hash of the page's inputs)
 * and calls {@link #render} only when the fingerprint differs from the previous build's or the
 * file is gone. Each page is used by one thread.
 */
public interface Page {
  /** Where the file goes, relative to the site root. */
  String path();

  /** A digest of everything the file's bytes depend on. */
  byte[] fingerprint();

  /** The file's bytes. */
  byte[] render() throws IOException;

  /** Called when the writer is done with the page: drop anything held for rendering. */
  default void release() {}
}
