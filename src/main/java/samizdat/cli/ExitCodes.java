package samizdat.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** Some inputs failed; the rest were processed. Also: verification found problems. */
  public static final int FAILED = 1;
  /** The command line itself was wrong. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
