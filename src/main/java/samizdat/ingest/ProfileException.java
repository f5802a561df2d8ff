package samizdat.ingest;

/** A site profile that cannot be found or is not valid; the message names it and the problem. */
public final class ProfileException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProfileException(String message) {
    super(message);
  }
}
