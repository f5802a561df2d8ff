package samizdat.content;

import java.nio.file.Path;

/** A content file that cannot be read or is not valid; the message names the file and the problem. */
public final class ContentException extends Exception {
  private static final long serialVersionUID = 1L;

  public ContentException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
