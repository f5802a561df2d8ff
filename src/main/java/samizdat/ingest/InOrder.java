package samizdat.ingest;

import java.util.ArrayList;
import java.util.Collections;
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
 * failed one too, or the steps after it never run. Thread-safe.
 */
final class InOrder<T> {
  private final Consumer<T> step;
  /** Items handed in and not yet stepped; guarded by this. */
  private final List<T> ready;
  /** The next item whose step runs; guarded by this. */
  private int next;
  /** Whether some thread is running steps now; guarded by this. */
  private boolean running;

  InOrder(int items, Consumer<T> step) {
    this.step = step;
    this.ready = new ArrayList<>(Collections.nCopies(items, null));
  }

  /** Hands in item {@code index}; runs the steps that are now due, unless a thread already is. */
  void handIn(int index, T item) {
    synchronized (this) {
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
