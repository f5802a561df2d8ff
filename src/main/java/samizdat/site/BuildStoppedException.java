package samizdat.site;

import java.io.IOException;
import samizdat.io.FatalIoException;

/**
 * A build stopped by a fatal I/O error (a full disk): what it wrote is kept, its build state is
 * not saved, so the next plain build writes the rest.
 */
public final class BuildStoppedException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int written;
  private final int notWritten;

  BuildStoppedException(FatalIoException cause, int written, int notWritten) {
    super(cause.advice(), cause);
    this.written = written;
    // the search index writes files that are not among the pages counted
    this.notWritten = Math.max(0, notWritten);
  }

  /** Files written before it stopped. */
  public int written() {
    return written;
  }

  /** Pages it did not get to write. */
  public int notWritten() {
    return notWritten;
  }
}
