package samizdat.ingest;

/** A failure of one source, with its one-line reason: the source is reported, the batch goes on. */
final class SourceFailure extends Exception {
  private static final long serialVersionUID = 1L;

  SourceFailure(String message) {
    super(message);
  }
}
