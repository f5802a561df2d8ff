package samizdat.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Development harness for {@link GenericBody}, standing in for {@code samizdat ingest --profile
 * generic} until the CLI has it (bench/extract/run.sh uses either). For each page: decode
 * ({@link PageDecoder}), parse, read simple hints from the page's metadata, {@link
 * GenericBody#find}, drop what ArticleExtractor's cleaner always drops, write Markdown. Output
 * mimics the CLI: {@code OUT/articles/ID.md} and a line {@code ingested ID SOURCE} on stdout
 * ({@code SOURCE: not an article: ...} on stderr when refused).
 *
 * <pre>
 *   extract OUT JOBS FILE|DIR...       the generic extractor, JOBS threads
 *   truth OUT ROOT SPEC.tsv            ground truth by hand-picked selectors: lines "PATH\tKEEP\tDROP"
 * </pre>
 */
public final class GenericDevHarness {
  private static final Set<String> ALWAYS_DROP = Set.of(
      "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
      "applet", "form", "input", "button", "select", "textarea", "option", "label", "link", "meta",
      "base", "head", "title", "svg", "math", "canvas", "video", "audio", "source", "track", "map",
      "area", "dialog", "nav", "menu");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PageDecoder DECODER = new PageDecoder();

  /** Nanoseconds spent per stage over all threads: parse, find, clean + write. */
  private static final java.util.concurrent.atomic.AtomicLongArray NANOS =
      new java.util.concurrent.atomic.AtomicLongArray(3);

  private GenericDevHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("extract")) {
      extract(Path.of(args[1]), Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
    } else if (args.length == 4 && args[0].equals("truth")) {
      truth(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
    } else {
      System.err.println("usage: extract OUT JOBS FILE|DIR... | truth OUT ROOT SPEC.tsv");
      System.exit(2);
    }
  }

  private static void extract(Path out, int jobs, List<String> sources) throws Exception {
    List<Path> pages = new ArrayList<>();
    for (String s : sources) {
      Path p = Path.of(s);
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".htm"))
              .sorted().forEach(pages::add);
        }
      } else {
        pages.add(p);
      }
    }
    Path articles = out.resolve("articles");
    Files.createDirectories(articles);
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    List<Future<String>> results = new ArrayList<>();
    for (Path page : pages) {
      results.add(pool.submit(() -> one(page, articles)));
    }
    int ok = 0;
    int failed = 0;
    for (Future<String> f : results) {
      String line = f.get();
      if (line.startsWith("ingested ")) {
        System.out.println(line);
        ok++;
      } else {
        System.err.println(line);
        failed++;
      }
    }
    pool.shutdown();
    System.out.println("ingested " + ok + ", failed " + failed);
    System.err.printf("cpu ms: parse+hints %d, find %d, clean+markdown %d%n", NANOS.get(0) / 1_000_000,
        NANOS.get(1) / 1_000_000, NANOS.get(2) / 1_000_000);
  }

  private static String one(Path page, Path articles) {
    try {
      long t0 = System.nanoTime();
      Document doc = parse(page);
      GenericBody.Hints hints = hints(doc);
      long t1 = System.nanoTime();
      NANOS.addAndGet(0, t1 - t0);
      Element body = GenericBody.find(doc, hints);
      long t2 = System.nanoTime();
      NANOS.addAndGet(1, t2 - t1);
      clean(body);
      String md = MarkdownWriter.write(body, img -> Optional.empty());
      NANOS.addAndGet(2, System.nanoTime() - t2);
      String id = id(page);
      Files.writeString(articles.resolve(id + ".md"), md, StandardCharsets.UTF_8);
      return "ingested " + id + " " + page;
    } catch (ArticleExtractor.NotAnArticle e) {
      return page + ": " + e.getMessage();
    } catch (IOException | RuntimeException | Error e) {
      return page + ": error: " + e;
    }
  }

  static Document parse(Path page) throws IOException {
    byte[] raw = Files.readAllBytes(page);
    String html = DECODER.decode(raw, Optional.empty()).text();
    Document doc = Jsoup.parse(html, page.toAbsolutePath().toUri().toString());
    FlightData.restore(html, doc); // as PageReader does
    return doc;
  }

  private static String id(Path page) {
    String name = page.toAbsolutePath().normalize().toString();
    int h = name.hashCode() & 0x7fffffff;
    String base = page.getFileName().toString().replaceAll("\\.html?$", "")
        .replaceAll("[^A-Za-z0-9._-]", "_");
    return base + "-" + Integer.toString(h, 36);
  }

  /** What ArticleExtractor's cleaner does to every body whatever the profile. */
  static void clean(Element body) {
    body.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Comment) {
          return FilterResult.REMOVE;
        }
        if (node instanceof Element el && el != body && (ALWAYS_DROP.contains(el.normalName())
            || el.nameIs("img") && ArticleExtractor.isPixel(el))) {
          return FilterResult.REMOVE;
        }
        return FilterResult.CONTINUE;
      }
    });
  }

  /** Simple hints: og/title, author metas, JSON-LD type, authors and articleBody. */
  static GenericBody.Hints hints(Document doc) {
    Optional<String> title = Optional.empty();
    Element og = doc.selectFirst("meta[property=og:title]");
    if (og != null && !og.attr("content").isBlank()) {
      title = Optional.of(og.attr("content").strip());
    } else if (!doc.title().isBlank()) {
      title = Optional.of(doc.title().strip());
    }
    Set<String> authors = new LinkedHashSet<>();
    for (Element m : doc.select("meta[name=author], meta[property=article:author]")) {
      String a = m.attr("content").strip();
      if (!a.isEmpty() && !a.startsWith("http")) {
        authors.add(a);
      }
    }
    Optional<String> type = Optional.empty();
    Optional<String> body = Optional.empty();
    for (Element s : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode root = JSON.readTree(s.data());
        List<JsonNode> nodes = new ArrayList<>();
        flatten(root, nodes);
        for (JsonNode n : nodes) {
          String t = n.path("@type").isArray() ? n.path("@type").path(0).asText("")
              : n.path("@type").asText("");
          boolean articleLike = t.toLowerCase(Locale.ROOT).contains("article")
              || t.toLowerCase(Locale.ROOT).contains("posting") || n.has("articleBody");
          if (articleLike && type.isEmpty()) {
            type = Optional.of(t.toLowerCase(Locale.ROOT));
          }
          if (n.hasNonNull("articleBody") && body.isEmpty() && !n.get("articleBody").asText().isBlank()) {
            body = Optional.of(n.get("articleBody").asText());
          }
          if (articleLike) {
            JsonNode a = n.path("author");
            for (JsonNode x : a.isArray() ? a : List.of(a)) {
              String name = x.isTextual() ? x.asText() : x.path("name").asText("");
              if (!name.isBlank()) {
                authors.add(name.strip());
              }
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // Broken JSON-LD is common; it is only a hint.
      }
    }
    if (type.isEmpty()) {
      Element ogType = doc.selectFirst("meta[property=og:type]");
      if (ogType != null && !ogType.attr("content").isBlank()) {
        type = Optional.of(ogType.attr("content").strip().toLowerCase(Locale.ROOT));
      }
    }
    return new GenericBody.Hints(title, List.copyOf(authors), type, body);
  }

  private static void flatten(JsonNode n, List<JsonNode> out) {
    if (n.isArray()) {
      n.forEach(x -> flatten(x, out));
    } else if (n.isObject()) {
      out.add(n);
      if (n.has("@graph")) {
        flatten(n.get("@graph"), out);
      }
    }
  }

  /** Ground-truth text of pages by hand-checked selectors: OUT/ID.txt, one block a line. */
  private static void truth(Path out, Path root, Path spec) throws IOException {
    Files.createDirectories(out);
    for (String line : Files.readAllLines(spec, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      Path page = root.resolve(f[0]);
      Document doc = parse(page);
      Element keep = doc.selectFirst(f[1]);
      if (keep == null) {
        throw new IllegalStateException(f[0] + ": no match for " + f[1]);
      }
      if (f.length > 2 && !f[2].isBlank()) {
        keep.select(f[2]).remove();
      }
      keep.select("script, style, noscript, template").remove();
      String name = f[0].replaceAll("\\.html?$", "").replace('/', '_');
      try {
        Files.writeString(out.resolve(name + ".txt"), keep.wholeText(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
