package samizdat.ingest;

import java.util.OptionalInt;

/** A URL that could not be fetched; the message says why in a few words (no URL: callers add it). */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;
  /** The HTTP status of a refused request (4xx), or 0. */
  private final int status;

  FetchException(String message) {
    super(message);
    this.status = 0;
  }

  FetchException(String message, int status) {
    super(message);
    this.status = status;
  }

  FetchException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status the server refused the request with (404, 410, 403 ...), when it did. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
