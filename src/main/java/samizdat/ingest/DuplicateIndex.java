package samizdat.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import samizdat.content.ContentException;
import samizdat.content.ContentStore;

/**
 * Finds the same article arriving under two ids, e.g. a saved page without its URL (id from a hash
 * of its text) and the live URL (id from the URL). Two articles are the same when their titles
 * match and their bodies have the same text, ignoring link and image targets and white space (a
 * saved page cannot resolve relative links the live one can).
 *
 * <p>The existing articles' titles are read once, on the first new article (through a {@link
 * TitleCache}); bodies only for title matches. Thread-safe.
 */
final class DuplicateIndex {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final ContentStore store;
  private Map<String, List<Entry>> byTitle;

  private static final class Entry {
    final String id;
    Long bodyKey;

    Entry(String id, Long bodyKey) {
      this.id = id;
      this.bodyKey = bodyKey;
    }
  }

  DuplicateIndex(ContentStore store) {
    this.store = store;
  }

  /**
   * The key under which a Markdown body is compared: a 64-bit FNV-1a hash of its characters
   * without white space ({@link Character#isWhitespace}), brackets, '!' and link targets. One
   * pass over a copy of the characters (indexing a char[] is much cheaper than String.charAt in
   * the C1-compiled code ingest runs as); collisions matter only between articles that also have
   * the same title.
   */
  static long bodyKey(String markdown) {
    char[] text = markdown.toCharArray();
    int n = text.length;
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < n; i++) {
      char c = text[i];
      if (c < 128) {
        if (IGNORED_ASCII[c]) {
          if (c == ']' && i + 1 < n && text[i + 1] == '(') {
            int close = indexOf(text, ')', i + 2);
            if (close >= 0) {
              i = close;
            }
          }
          continue;
        }
      } else if (isWideWhitespace(c)) {
        continue;
      }
      h ^= c;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** ASCII white space (as {@link Character#isWhitespace} sees it), brackets and '!'. */
  private static final boolean[] IGNORED_ASCII = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      IGNORED_ASCII[c] = c == '[' || c == ']' || c == '!' || Character.isWhitespace(c);
    }
  }

  /**
   * {@link Character#isWhitespace} for a non-ASCII character: every such white space lies in
   * U+1680..U+3000, so the text of most bodies (CJK, above it) never reaches the lookup.
   */
  static boolean isWideWhitespace(char c) {
    return c >= '\u1680' && c <= '\u3000' && Character.isWhitespace(c);
  }

  private static int indexOf(char[] text, char c, int from) {
    for (int i = from; i < text.length; i++) {
      if (text[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The id of an article already known (on disk or earlier in this run) that is the same as this
   * one; when there is none, this one is recorded and the result is empty.
   */
  Optional<String> findOrAdd(String id, String title, String markdown) throws IOException {
    // Hashed before taking the lock: the workers would otherwise queue up behind each other.
    return findOrAdd(id, normal(title), bodyKey(markdown));
  }

  private synchronized Optional<String> findOrAdd(String id, String normalTitle, long key)
      throws IOException {
    if (byTitle == null) {
      load();
    }
    List<Entry> same = byTitle.computeIfAbsent(normalTitle, t -> new ArrayList<>());
    for (Entry e : same) {
      if (e.id.equals(id)) {
        return Optional.empty();
      }
      if (e.bodyKey == null) {
        e.bodyKey = readKey(e.id);
      }
      if (e.bodyKey == key) {
        return Optional.of(e.id);
      }
    }
    same.add(new Entry(id, key));
    return Optional.empty();
  }

  /**
   * Reads every article's title, on all cores, from the {@link TitleCache} where its metadata file
   * is unchanged: at 100,000 articles reading them all was most of a day's ingest. The index is
   * filled in id order afterwards, so which of several equal articles is found first does not
   * depend on the threads.
   */
  private void load() throws IOException {
    List<String> ids = store.ids();
    Path cacheFile = TitleCache.beside(store.root());
    TitleCache cache = TitleCache.load(cacheFile);
    String[] titles = new String[ids.size()];
    TitleCache.Entry[] known = new TitleCache.Entry[ids.size()];
    AtomicInteger read = new AtomicInteger();
    IntStream.range(0, ids.size()).parallel().forEach(i -> {
      String id = ids.get(i);
      Optional<BasicFileAttributes> stat = stat(store.metaFile(id));
      long size = stat.map(BasicFileAttributes::size).orElse(-1L);
      long mtime = stat.map(a -> a.lastModifiedTime().toMillis()).orElse(-1L);
      Optional<String> cached = stat.isPresent() ? cache.title(id, size, mtime) : Optional.empty();
      if (cached.isEmpty()) {
        read.incrementAndGet();
      }
      titles[i] = cached.orElseGet(() -> normalTitle(id));
      if (titles[i] != null && stat.isPresent()) {
        known[i] = new TitleCache.Entry(size, mtime, titles[i]);
      }
    });
    byTitle = new HashMap<>();
    Map<String, TitleCache.Entry> next = new HashMap<>();
    for (int i = 0; i < titles.length; i++) {
      if (titles[i] != null) {
        byTitle.computeIfAbsent(titles[i], t -> new ArrayList<>()).add(new Entry(ids.get(i), null));
      }
      if (known[i] != null) {
        next.put(ids.get(i), known[i]);
      }
    }
    if (read.get() > 0 || next.size() != cache.size()) {
      try {
        TitleCache.save(cacheFile, next);
      } catch (IOException e) {
        // a folder we may not write to: the next ingest reads the titles again, nothing worse
      }
    }
  }

  private static Optional<BasicFileAttributes> stat(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.isRegularFile() ? Optional.of(a) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The normalised title of a stored article; null when it has none or its metadata is unreadable. */
  private String normalTitle(String id) {
    try {
      return store.readMeta(id).map(m -> normal(m.title())).orElse(null);
    } catch (ContentException e) {
      // An unreadable neighbour is reported when it is itself ingested or built; skip it here.
      return null;
    }
  }

  private Long readKey(String id) {
    try {
      return bodyKey(Files.readString(store.bodyFile(id), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return 0L;
    }
  }

  private static String normal(String title) {
    return SPACE.matcher(title).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
