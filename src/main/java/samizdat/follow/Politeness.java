package samizdat.follow;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The wait between two requests to one host across a run: between robots.txt, a source's pages
 * and the ingest of its articles (each of which spaces its own requests). Measured from the end of
 * the last use to the start of the next. Used on one thread.
 */
final class Politeness {
  private final Map<String, Long> lastEnd = new HashMap<>();

  void await(String host, Duration delay) throws InterruptedException {
    Long last = lastEnd.get(host);
    if (last == null || delay.isZero()) {
      return;
    }
    long wait = last + delay.toNanos() - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  void used(String host) {
    lastEnd.put(host, System.nanoTime());
  }
}
