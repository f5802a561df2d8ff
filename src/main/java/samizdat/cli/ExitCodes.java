package samizdat.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** Some inputs failed; the rest were processed. Also: verification found problems. */
  public static final int FAILED = 1;
  /** The command line itself was wrong. */
  public static final int USAGE = 2;
  /** Another samizdat run holds the folder (content, site or stick) and did not finish in time. */
  public static final int BUSY = 3;
  /**
   * Refused before changing anything: the run would have destroyed what is there (a content
   * folder that is empty or not one, a site that would lose most of its pages).
   */
  public static final int REFUSED = 4;
  /**
   * Stopped early by a fatal I/O error (no space left, read-only file system, I/O error), or by a
   * proxy that cannot be used (ingest, follow): what was done is kept, the rest is done by running
   * again once the cause is fixed. Also up front, when a writer cannot write in the content
   * folder at all.
   */
  public static final int STOPPED = 5;

  private ExitCodes() {}
}
