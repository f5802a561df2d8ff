package samizdat.io;

import java.io.IOException;

/**
 * An I/O error after which a run cannot go on (see {@link IoFailures#isFatal}), naming the file it
 * happened to: "site/a/2024/3f/x.html: No space left on device".
 */
public final class FatalIoException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final String reason;

  public FatalIoException(String file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.reason = reason;
  }

  /** The file the error happened to. */
  public String file() {
    return file;
  }

  /** What happened, without the path. */
  public String reason() {
    return reason;
  }

  /** The one line to show: the file, the reason and what to do. */
  public String advice() {
    String lower = reason.toLowerCase(java.util.Locale.ROOT);
    String todo = lower.contains("space") || lower.contains("quota") || lower.contains("too large")
        ? "free some space there and run again"
        : lower.contains("read-only") ? "make that disk writable and run again"
        : "check that disk and run again";
    return file + ": " + reason + "; stopped (" + todo + ")";
  }
}
