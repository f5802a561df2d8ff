package samizdat.site.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Article bodies as plain text, handed from the article pages to the search index. Both need
 * every body of a full build parsed from Markdown, the pages for HTML and the index for text; the
 * page renderer, which parses it anyway, keeps the text for the index when the index has said it
 * will want it and has not got there yet. Reading and parsing each body twice was a tenth of a
 * full build's CPU.
 *
 * <p>Bounded: the texts waiting at once take at most about {@code budget} bytes (the pages
 * usually run ahead of the index); beyond that the index reads and parses a body itself, as it
 * does for any body it finds no text for. Thread-safe.
 */
public final class BodyTexts {
  /** What the index expects but has not been given. Compared by identity. */
  private final Object pending = new Object();
  private final ConcurrentHashMap<String, Object> texts = new ConcurrentHashMap<>();
  /** Every article the index said it will read, taken or not. */
  private final Set<String> read = ConcurrentHashMap.newKeySet();
  /** Approximate bytes of the texts waiting: two per UTF-16 unit. */
  private final AtomicLong held = new AtomicLong();
  private final AtomicInteger given = new AtomicInteger();
  private final long budget;
  private volatile Map<String, Integer> ranks = Map.of();

  public BodyTexts(long budget) {
    this.budget = budget;
  }

  /**
   * The order in which the index will read bodies (all articles, whether or not their index
   * segment changed): the pages render in it, so that the texts they keep are the next ones the
   * index needs rather than ones it already read itself.
   */
  public void order(List<String> ids) {
    Map<String, Integer> r = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      r.putIfAbsent(ids.get(i), i);
    }
    ranks = r;
  }

  /** Position of {@code id} in {@link #order}; articles not in it come last. */
  int rank(String id) {
    return ranks.getOrDefault(id, Integer.MAX_VALUE);
  }

  /** The index will ask for the text of the article {@code id}. */
  void expect(String id) {
    read.add(id);
    texts.putIfAbsent(id, pending);
  }

  /**
   * Whether the index reads the body of {@code id} in this build (so it writes the article's text
   * file too); known once the index has planned its segments.
   */
  boolean readByIndex(String id) {
    return read.contains(id);
  }

  /** Whether a text for {@code id} would be kept now (so that the caller need not make it). */
  boolean wanted(String id) {
    return held.get() < budget && texts.get(id) == pending;
  }

  /** Keeps {@code text} for the index if it is still wanted. */
  void offer(String id, String text) {
    if (held.get() < budget && texts.replace(id, pending, text)) {
      held.addAndGet(2L * text.length());
    }
  }

  /** The text kept for {@code id}, if any; the index asks once per article. */
  Optional<String> take(String id) {
    Object v = texts.remove(id);
    if (v instanceof String text) {
      held.addAndGet(-2L * text.length());
      given.incrementAndGet();
      return Optional.of(text);
    }
    return Optional.empty();
  }

  /** Approximate bytes of the texts waiting now. */
  long held() {
    return held.get();
  }

  /** Texts the index has taken so far. */
  int given() {
    return given.get();
  }
}
