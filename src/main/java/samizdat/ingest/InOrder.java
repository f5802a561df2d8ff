package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one step per item strictly in item order, while the items are made in parallel. Each item
 * is handed in when it is ready; the thread that hands in the next item in order runs its step,
 * and the steps of the ready items after it, then goes back to its own work. No thread ever waits
 * for another: one that hands in an item out of order leaves it for whoever completes the gap.
 *
 * <p>Ingest decides here which of two sources of one article is stored and which is the
 * duplicate, and writes the article, so the result and the report are those of a run over the
 * sources one by one, whichever worker was faster. Every item must be handed in exactly once, a
 * failed one too, or the steps after it never run. Items may be handed in before it is known how
 * many there will be (ingest starts on the first pages while it is still walking the folders).
 * Thread-safe.
 */
final class InOrder<T> {
  private final Consumer<T> step;
  /** Items handed in and not yet stepped, by index (null: not yet); guarded by this. */
  private final List<T> ready = new ArrayList<>();
  /** The next item whose step runs; guarded by this. */
  private int next;
  /** Whether some thread is running steps now; guarded by this. */
  private boolean running;

  InOrder(Consumer<T> step) {
    this.step = step;
  }

  /** Hands in item {@code index}; runs the steps that are now due, unless a thread already is. */
  void handIn(int index, T item) {
    synchronized (this) {
      while (ready.size() <= index) {
        ready.add(null);
      }
      if (ready.set(index, item) != null || index < next) {
        throw new IllegalStateException("item " + index + " handed in twice");
      }
      if (running) {
        return;
      }
      running = true;
    }
    while (true) {
      T due;
      synchronized (this) {
        if (next == ready.size() || ready.get(next) == null) {
          running = false;
          return;
        }
        due = ready.set(next, null);
        next++;
      }
      try {
        step.accept(due);
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          running = false;
        }
        throw e;
      }
    }
  }
}
