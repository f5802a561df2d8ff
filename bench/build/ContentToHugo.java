// Converts a samizdat content folder into a Hugo site with pages equivalent to samizdat build's
// (article page with related list, paginated index and tag pages, tags index), for the build
// benchmark: bench/build/run.sh builds both side by side.
//
// Usage (single-file Java program; reads the content through samizdat's own classes):
//   java -cp target/samizdat.jar bench/build/ContentToHugo.java CONTENT HUGO_DIR precomputed|builtin
//
//   precomputed  each article's related list (up to 5) is computed here and written into the
//                front matter; Hugo only renders it.
//   builtin      Hugo computes related articles itself (.Site.RegularPages.Related) from tags
//                plus a text index ("keywords": character bigrams of the title and the body's
//                most characteristic bigrams by tf-idf), includeNewer = false; the front matter
//                only carries the source page's own related list, as in samizdat.
//
// Tag links are built from .Params.tags with urlize rather than .GetTerms, which in Hugo 0.111
// walks every term of the taxonomy on each call (minutes at 4,000 tags): Hugo gets its fast idiom.
//
// Both variants show the source page's related entries first (local link when the URL is in the
// archive, otherwise the title marked "not in this archive"), then computed neighbours.

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

public final class ContentToHugo {
  record Item(int index, String id, String title, String url, String date, String source,
      String language, List<String> tags, List<String[]> related, String body) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !(args[2].equals("precomputed") || args[2].equals("builtin"))) {
      System.err.println("usage: java -cp target/samizdat.jar ContentToHugo.java CONTENT HUGO_DIR precomputed|builtin");
      System.exit(2);
    }
    try {
      long t0 = System.nanoTime();
      int n = convert(Path.of(args[0]), Path.of(args[1]), args[2].equals("builtin"));
      System.err.printf(Locale.ROOT, "converted %d articles to %s (%s) in %.1f s%n", n, args[1], args[2],
          (System.nanoTime() - t0) / 1e9);
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      System.err.println("ContentToHugo: " + e.getMessage());
      System.exit(1);
    }
  }

  static int convert(Path content, Path hugo, boolean builtin) throws IOException {
    Path articles = content.resolve("articles");
    if (!Files.isDirectory(articles)) throw new IllegalArgumentException(articles + ": no such folder");
    if (Files.exists(hugo)) {
      try (Stream<Path> s = Files.list(hugo)) {
        if (s.findAny().isPresent()) throw new IllegalArgumentException(hugo + ": not empty");
      }
    }
    // The project's own reader of the content contract (run with the jar on the class path).
    samizdat.content.ContentStore store = new samizdat.content.ContentStore(content);
    List<Item> items = new ArrayList<>();
    Map<String, Integer> byUrl = new HashMap<>();
    for (String id : store.ids()) {
      samizdat.content.Article a;
      try {
        a = store.read(id);
      } catch (samizdat.content.ContentException e) {
        throw new IOException(e.getMessage(), e);
      }
      samizdat.content.ArticleMeta m = a.meta();
      List<String[]> related = new ArrayList<>();
      for (samizdat.content.RelatedLink r : m.related()) related.add(new String[] {r.title(), r.url()});
      Item it = new Item(items.size(), id, m.title(), m.url().orElse(null),
          m.published().map(Object::toString).orElse(null), m.source().orElse(null), m.language(),
          m.tags(), related, a.bodyMarkdown());
      items.add(it);
      if (it.url() != null) byUrl.put(it.url(), it.index());
    }
    // Ids are YYYYMMDD-NNNNNNN, so id order is age order: "not newer" means a smaller index.
    List<List<Integer>> computed = builtin ? List.of() : neighbours(items);
    Map<String, Integer> df = new HashMap<>();
    if (builtin) for (Item it : items) for (String b : bodyBigrams(it.body()).keySet()) df.merge(b, 1, Integer::sum);

    Path posts = hugo.resolve("content").resolve("posts");
    Files.createDirectories(posts);
    for (Item it : items) {
      StringBuilder f = new StringBuilder(it.body().length() + 1024);
      f.append("{\n  \"title\": ");
      str(f, it.title());
      if (it.date() != null) f.append(",\n  \"date\": \"").append(it.date()).append('"');
      f.append(",\n  \"slug\": \"").append(it.id()).append('"');
      if (it.source() != null) str(f.append(",\n  \"source\": "), it.source());
      if (it.url() != null) str(f.append(",\n  \"original_url\": "), it.url());
      str(f.append(",\n  \"language\": "), it.language());
      f.append(",\n  \"tags\": [");
      for (int k = 0; k < it.tags().size(); k++) str(f.append(k == 0 ? "" : ", "), it.tags().get(k));
      f.append("]");
      // Related entries: {"title", "href"} for pages of the archive, {"title", "url"} outside it.
      List<String[]> shown = new ArrayList<>();
      Set<Integer> seen = new LinkedHashSet<>();
      for (String[] r : it.related()) {
        if (shown.size() == 5) break;
        Integer local = byUrl.get(r[1]);
        if (local != null) {
          if (local == it.index() || !seen.add(local)) continue;
          shown.add(new String[] {items.get(local).title(), "/posts/" + items.get(local).id() + "/", null});
        } else {
          shown.add(new String[] {r[0], null, r[1]});
        }
      }
      if (!builtin) {
        for (int j : computed.get(it.index())) {
          if (shown.size() == 5) break;
          if (seen.add(j)) shown.add(new String[] {items.get(j).title(), "/posts/" + items.get(j).id() + "/", null});
        }
      }
      f.append(",\n  \"related\": [");
      for (int k = 0; k < shown.size(); k++) {
        String[] r = shown.get(k);
        f.append(k == 0 ? "\n    {\"title\": " : ",\n    {\"title\": ");
        str(f, r[0]);
        if (r[1] != null) str(f.append(", \"href\": "), r[1]);
        else str(f.append(", \"url\": "), r[2]);
        f.append('}');
      }
      f.append(shown.isEmpty() ? "]" : "\n  ]");
      if (builtin) {
        f.append(",\n  \"keywords\": [");
        int k = 0;
        for (String w : keywords(it, df, items.size())) str(f.append(k++ == 0 ? "" : ", "), w);
        f.append("]");
      }
      f.append("\n}\n\n");
      f.append(it.body().replace("](../media/", "](/media/"));
      Files.writeString(posts.resolve(it.id() + ".md"), f, StandardCharsets.UTF_8);
    }

    Path media = content.resolve("media");
    Path staticMedia = hugo.resolve("static").resolve("media");
    Files.createDirectories(staticMedia);
    if (Files.isDirectory(media)) {
      try (Stream<Path> s = Files.list(media)) {
        for (Path p : s.toList()) Files.copy(p, staticMedia.resolve(p.getFileName()));
      }
    }
    write(hugo.resolve("static").resolve("style.css"), CSS);
    write(hugo.resolve("config.toml"), CONFIG + (builtin ? RELATED_CONFIG : ""));
    Path layouts = hugo.resolve("layouts");
    write(layouts.resolve("_default/baseof.html"), BASEOF);
    write(layouts.resolve("_default/single.html"), SINGLE.replace("@COMPUTED@", builtin ? BUILTIN_RELATED : ""));
    write(layouts.resolve("_default/list.html"), LIST);
    write(layouts.resolve("_default/term.html"), TERM);
    write(layouts.resolve("_default/taxonomy.html"), TAXONOMY);
    write(layouts.resolve("index.html"), INDEX);
    write(layouts.resolve("partials/summary.html"), SUMMARY);
    write(layouts.resolve("partials/pager.html"), PAGER);
    write(layouts.resolve("404.html"), NOT_FOUND);
    return items.size();
  }

  /**
   * Related articles the way samizdat is asked to compute them: shared tags weighted by rarity
   * plus title bigram similarity, only among articles not newer, ties to the newer article.
   * Candidates come from the most recent postings of each tag, so it stays near-linear.
   */
  static List<List<Integer>> neighbours(List<Item> items) {
    int n = items.size();
    Map<String, List<Integer>> postings = new HashMap<>();
    for (Item it : items) for (String t : it.tags()) postings.computeIfAbsent(t, x -> new ArrayList<>()).add(it.index());
    List<Set<String>> bigrams = new ArrayList<>();
    for (Item it : items) bigrams.add(bigrams(it.title()));
    List<List<Integer>> result = new ArrayList<>(n);
    Map<String, Integer> seenWithTag = new HashMap<>(); // position of the current item in each posting
    for (Item it : items) {
      Map<Integer, Double> score = new HashMap<>();
      for (String t : it.tags()) {
        List<Integer> p = postings.get(t);
        double idf = Math.log((double) n / p.size());
        int at = seenWithTag.merge(t, 1, Integer::sum) - 1;
        for (int k = at - 1; k >= 0 && k >= at - 300; k--) score.merge(p.get(k), idf, Double::sum);
      }
      Set<String> mine = bigrams.get(it.index());
      List<Integer> best = score.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue() + 3 * jaccard(mine, bigrams.get(e.getKey()))))
          .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .limit(5).map(Map.Entry::getKey).toList();
      result.add(best);
    }
    return result;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    int common = 0;
    for (String x : a) if (b.contains(x)) common++;
    return (double) common / (a.size() + b.size() - common);
  }

  static Set<String> bigrams(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i + 1 < text.length(); i++) {
      if (cjk(text.charAt(i)) && cjk(text.charAt(i + 1))) out.add(text.substring(i, i + 2));
    }
    for (String w : text.split("[^A-Za-z0-9]+")) if (w.length() > 1) out.add(w.toLowerCase(Locale.ROOT));
    return out;
  }

  static boolean cjk(char c) {
    return c >= 0x3400 && c <= 0x9fff;
  }

  /**
   * The text index for Hugo's related content: the title's bigrams and the body's 10 most
   * characteristic bigrams (tf-idf; the most frequent ones, like 中国, are on every page and would
   * only make Hugo score thousands of pages per lookup).
   */
  static Set<String> keywords(Item it, Map<String, Integer> documentFrequency, int documents) {
    Set<String> out = new LinkedHashSet<>(bigrams(it.title()));
    Map<String, Integer> counts = bodyBigrams(it.body());
    counts.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() * Math.log((double) documents / documentFrequency.get(e.getKey()))))
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(10).forEach(e -> out.add(e.getKey()));
    return out;
  }

  static Map<String, Integer> bodyBigrams(String b) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i + 1 < b.length(); i++) {
      if (cjk(b.charAt(i)) && cjk(b.charAt(i + 1))) counts.merge(b.substring(i, i + 2), 1, Integer::sum);
    }
    return counts;
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static StringBuilder str(StringBuilder j, String s) {
    j.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> j.append("\\\"");
        case '\\' -> j.append("\\\\");
        default -> {
          if (c < 0x20) j.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          else j.append(c);
        }
      }
    }
    return j.append('"');
  }

  // Site files --------------------------------------------------------------------------------

  static final String CONFIG = """
      baseURL = "http://localhost/"
      languageCode = "zh-CN"
      title = "samizdat benchmark"
      paginate = 20
      relativeURLs = true
      timeout = "3600s"
      disableKinds = ["sitemap", "robotsTXT"]

      [taxonomies]
        tag = "tags"

      [outputs]
        home = ["HTML", "RSS"]
        section = ["HTML"]
        page = ["HTML"]
        taxonomy = ["HTML"]
        term = ["HTML"]

      [markup.goldmark.renderer]
        unsafe = false
      """;

  static final String RELATED_CONFIG = """

      [related]
        includeNewer = false
        threshold = 80
        toLower = false
        [[related.indices]]
          name = "tags"
          weight = 100
        [[related.indices]]
          name = "keywords"
          weight = 60
      """;

  static final String BASEOF = """
      <!DOCTYPE html>
      <html lang="{{ with .Params.language }}{{ . }}{{ else }}zh-CN{{ end }}">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline' data:">
      <title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
      <link rel="stylesheet" href="/style.css">
      </head>
      <body>
      <header><a href="/index.html">{{ site.Title }}</a> · <a href="/tags/index.html">标签</a></header>
      <main>
      {{ block "main" . }}{{ end }}
      </main>
      <footer>{{ site.Title }}</footer>
      </body>
      </html>
      """;

  static final String SINGLE = """
      {{ define "main" }}
      <article>
      <h1>{{ .Title }}</h1>
      <p class="meta">{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>{{ end }}
      {{ with .Params.source }} · 来源：{{ . }}{{ end }}</p>
      {{ with .Params.original_url }}<p class="source">原文：{{ . }} <a href="{{ . }}" rel="external noopener">离开本存档</a></p>{{ end }}
      <ul class="tags">{{ range .Params.tags }}<li><a href="{{ printf "/tags/%s/" (urlize .) }}">{{ . }}</a></li>{{ end }}</ul>
      <div class="body">{{ .Content }}</div>
      </article>
      <nav class="prevnext">
      {{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">上一篇：{{ .Title }}</a>{{ end }}
      {{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">下一篇：{{ .Title }}</a>{{ end }}
      </nav>
      <section class="related"><h2>相关文章</h2><ul>
      {{ range .Params.related }}{{ if .href }}<li><a href="{{ .href }}">{{ .title }}</a></li>{{ else }}<li>{{ .title }} <span class="outside">（不在本存档）</span> <span class="url">{{ .url }}</span></li>{{ end }}{{ end }}
      @COMPUTED@</ul></section>
      {{ end }}
      """;

  static final String BUILTIN_RELATED = """
      {{ $n := sub 5 (len .Params.related) }}{{ if gt $n 0 }}{{ range first $n (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}
      """;

  static final String SUMMARY = """
      <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if not .Date.IsZero }} <time>{{ .Date.Format "2006-01-02" }}</time>{{ end }}
      <span class="tags">{{ range .Params.tags }}<a href="{{ printf "/tags/%s/" (urlize .) }}">{{ . }}</a> {{ end }}</span></li>
      """;

  static final String PAGER = """
      {{ $p := .Paginator }}{{ if gt $p.TotalPages 1 }}<nav class="pager">
      {{ with $p.Prev }}<a rel="prev" href="{{ .URL }}">较新</a>{{ end }}
      第 {{ $p.PageNumber }} / {{ $p.TotalPages }} 页
      {{ with $p.Next }}<a rel="next" href="{{ .URL }}">较旧</a>{{ end }}
      </nav>{{ end }}
      """;

  static final String INDEX = """
      {{ define "main" }}
      <h1>最新文章</h1>
      <ul class="list">{{ range (.Paginate (where site.RegularPages "Section" "posts")).Pages }}{{ partial "summary.html" . }}{{ end }}</ul>
      {{ partial "pager.html" . }}
      {{ end }}
      """;

  static final String TERM = """
      {{ define "main" }}
      <h1>标签：{{ .Title }}</h1>
      <ul class="list">{{ range .Paginator.Pages }}{{ partial "summary.html" . }}{{ end }}</ul>
      {{ partial "pager.html" . }}
      {{ end }}
      """;

  static final String TAXONOMY = """
      {{ define "main" }}
      <h1>全部标签</h1>
      <ul class="terms">{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
      {{ end }}
      """;

  static final String LIST = """
      {{ define "main" }}<h1>{{ .Title }}</h1><p><a href="/index.html">全部文章</a></p>{{ end }}
      """;

  static final String NOT_FOUND = """
      {{ define "main" }}<h1>找不到此页</h1><p><a href="/index.html">首页</a></p>{{ end }}
      """;

  static final String CSS = """
      body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; line-height: 1.7;
        max-width: 42rem; margin: 0 auto; padding: 1rem; }
      .tags, .list, .terms { padding-left: 1.2rem; }
      .outside, .url { color: #666; }
      @media (prefers-color-scheme: dark) { body { background: #111; color: #ddd; } a { color: #8bf; } }
      """;
}
