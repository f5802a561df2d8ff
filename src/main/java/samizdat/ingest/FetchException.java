package samizdat.ingest;

/** A URL that could not be fetched; the message says why in a few words (no URL: callers add it). */
final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  FetchException(String message) {
    super(message);
  }

  FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
