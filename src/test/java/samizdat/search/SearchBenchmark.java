package samizdat.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import samizdat.e2e.Browser;

/**
 * The search benchmark (run by bench/search/run.sh, by hand): builds the index of N synthetic
 * articles, reports build time, size and peak heap, how many index files a day's 100 new
 * articles rewrite, and, in headless Chromium from file://, the bytes each sample query loads
 * and its latency.
 *
 * <p>Usage: {@code SearchBenchmark N OUT_DIR [--no-browser] [--no-rebuild] [--queries-only]}
 */
public final class SearchBenchmark {
  static final List<String> QUERIES = List.of("周鸿祎", "中国 经济", "OpenAI", "Gemini 模型", "\"人工智能\"", "习",
      "Tesla 2024", "zzqqxjw");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    boolean browser = !Arrays.asList(args).contains("--no-browser");
    boolean rebuild = !Arrays.asList(args).contains("--no-rebuild");
    if (Arrays.asList(args).contains("--queries-only")) {
      // Only the browser part, on an index a previous run left in OUT_DIR (e.g. after search.js changed).
      copyScripts(out);
      queries(out);
      return;
    }
    SyntheticDocuments gen = new SyntheticDocuments(42);
    // Five years of news; a few known words planted so the sample queries hit something.
    List<SearchDocument> docs = planted(gen.documents(0, n, LocalDate.of(2020, 1, 1), 5 * 365));
    System.gc();
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    Map<String, Integer> sizes = new HashMap<>();
    long[] total = new long[1];
    new SearchIndex().write(docs, (path, bytes) -> {
      sizes.put(path, Arrays.hashCode(bytes) ^ bytes.length);
      total[0] += bytes.length;
      write(out.resolve(path), bytes);
    });
    long buildMs = (System.nanoTime() - t0) / 1_000_000;
    long cpuMs = (cpuNanos() - cpu0) / 1_000_000;
    long peak = peakHeap();
    System.out.printf(Locale.ROOT, "N=%d build %.1f s (CPU %.1f s, all threads), %d index files, %.1f MB total (%.0f bytes/article), peak heap %d MB%n",
        n, buildMs / 1000.0, cpuMs / 1000.0, sizes.size(), total[0] / 1e6, (double) total[0] / n, peak >> 20);

    // A day's news: 100 new articles, the next day.
    List<SearchDocument> extra = gen.documents(n, 100, LocalDate.of(2020, 1, 1).plusDays(5 * 365 + 1), 1);
    List<SearchDocument> more = new java.util.AbstractList<>() {
      @Override
      public SearchDocument get(int i) {
        return i < docs.size() ? docs.get(i) : extra.get(i - docs.size());
      }

      @Override
      public int size() {
        return docs.size() + extra.size();
      }
    };
    if (rebuild) {
      int[] changed = new int[2];
      java.util.Set<String> kept = new java.util.HashSet<>();
      long t1 = System.nanoTime();
      new SearchIndex().write(more, (path, bytes) -> {
        Integer old = sizes.get(path);
        kept.add(path);
        if (old == null || old != (Arrays.hashCode(bytes) ^ bytes.length)) {
          changed[old == null ? 0 : 1]++;
        }
      });
      long removed = sizes.keySet().stream().filter(p -> !kept.contains(p)).count();
      System.out.printf(Locale.ROOT, "  +100 articles: %d index files new, %d rewritten, %d removed (of %d), rebuild %.1f s%n",
          changed[0], changed[1], removed, sizes.size(), (System.nanoTime() - t1) / 1e9);
    }

    Files.createDirectories(out.resolve("assets"));
    copyScripts(out);
    Files.writeString(out.resolve("search/index.html"), "<!DOCTYPE html><html><head><meta charset=utf-8><title>bench</title></head>"
        + "<body><script src=\"../assets/search-terms.js\"></script><script src=\"../assets/search.js\"></script></body></html>");
    long first = Files.size(out.resolve("assets/search-terms.js")) + Files.size(out.resolve("assets/search.js"))
        + Files.size(out.resolve("search/manifest.js"))
        + Files.size(out.resolve("search/t2s.js")) + Files.size(Path.of("templates/assets/search.css"));
    System.out.printf(Locale.ROOT, "  search page first load (search-terms.js, search.js, search.css + manifest + t2s, page HTML aside): %.1f KB%n", first / 1024.0);
    if (browser) {
      queries(out);
    }
  }

  /** Every 997th document also mentions a few known words, so the sample queries hit something. */
  static List<SearchDocument> planted(List<SearchDocument> docs) {
    return new java.util.AbstractList<>() {
      @Override
      public SearchDocument get(int i) {
        SearchDocument d = docs.get(i);
        return i % 997 != 0 ? d : new SearchDocument(d.id(), d.title(), d.published(), d.tags(),
            d.text() + "红衣大叔周鸿祎表示，人工智能模型需要人才。", d.href());
      }

      @Override
      public int size() {
        return docs.size();
      }
    };
  }

  @SuppressWarnings("unchecked")
  static void queries(Path out) throws Exception {
    try (Browser b = Browser.start()) {
      for (String q : QUERIES) {
        // A fresh page per query: nothing cached from the previous one.
        b.open(out.resolve("search/index.html").toUri());
        // Timed like the search page: the first result list is the newest segments' (partial)
        // list when the index has more segments and it has hits, described (its document chunks
        // loaded); else the complete list.
        Map<String, Object> r = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeAsyncScript(
            "const done = arguments[arguments.length - 1]; const q = arguments[0]; const ix = samizdatSearch.index;"
                + "ix.start().then(() => { const before = ix.loaded.length; const t0 = performance.now(); let first = null;"
                + " const onPartial = p => p.total > 0 ? ix.describe(p.hits.slice(0, 10)).then(() => { if (first === null) first = performance.now() - t0; }) : null;"
                + " return ix.search(q, {}, onPartial).then(r => ix.describe(r.hits.slice(0, 10)).then(rows => {"
                + "  const t1 = performance.now() - t0; if (first === null) first = t1; const t2p = performance.now();"
                + "  return ix.search(q, {}).then(() => done({total: r.total, first: first, ms: t1,"
                + "   again: performance.now() - t2p, loaded: ix.loaded.slice(before)})); })); })"
                + ".catch(e => done({error: String(e)}));", q);
        if (r.containsKey("error")) {
          throw new IllegalStateException(q + ": " + r.get("error"));
        }
        long bytes = 0;
        for (Object p : (List<Object>) r.get("loaded")) {
          bytes += Files.size(out.resolve(String.valueOf(p)));
        }
        System.out.printf(Locale.ROOT, "  query %-14s %6d hits, %3d files, %7.1f KB loaded, first list %5.0f ms, all %5.0f ms, repeat %4.0f ms%n",
            q, ((Number) r.get("total")).longValue(), ((List<Object>) r.get("loaded")).size(), bytes / 1024.0,
            ((Number) r.get("first")).doubleValue(), ((Number) r.get("ms")).doubleValue(), ((Number) r.get("again")).doubleValue());
      }
    }
  }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The index's browser half, as the site ships it (search-terms.js first). */
  private static void copyScripts(Path out) throws IOException {
    Files.createDirectories(out.resolve("assets"));
    for (String name : List.of("search-terms.js", "search.js")) {
      Files.copy(Path.of("templates/assets", name), out.resolve("assets").resolve(name),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
