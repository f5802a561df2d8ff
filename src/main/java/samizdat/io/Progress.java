package samizdat.io;

/**
 * Receives progress of long work. Implementations print to stderr (a bar or counts) or nothing
 * ({@code --quiet}); the work itself never prints.
 *
 * <p>Implementations must be thread-safe: parallel work reports from several threads.
 */
public interface Progress {

  /** A sink that shows nothing. */
  Progress NONE = new Progress() {
    @Override
    public void start(String task, long total) {}

    @Override
    public void advance(long done) {}

    @Override
    public void warn(String message) {}

    @Override
    public void finish() {}
  };

  /** Begins a task of {@code total} units (files, bytes, pages); total may be 0 when unknown. */
  void start(String task, long total);

  /**
   * Begins a task measured in bytes that also counts files, such as a copy: the display shows
   * both. Sinks that do not show files fall back to {@link #start(String, long)}.
   */
  default void startBytes(String task, long totalBytes, long totalFiles) {
    start(task, totalBytes);
  }

  /** One more file of a {@link #startBytes} task is done (its bytes go to {@link #advance}). */
  default void fileDone() {}

  /**
   * The current task's total, once it is known: for a task begun with total 0 whose work starts
   * before all of it has been found (ingest walking folders).
   */
  default void total(long total) {}

  /** Adds {@code done} units to the current task. */
  void advance(long done);

  /** A one-line warning that does not stop the work (e.g. an image that could not be found). */
  void warn(String message);

  /** Ends the current task (clears a bar). */
  void finish();
}
