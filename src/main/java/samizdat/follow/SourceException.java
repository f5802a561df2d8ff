package samizdat.follow;

/** A source (feed, sitemap, listing page) that could not be read; the message says why. */
final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  SourceException(String message) {
    super(message);
  }
}
