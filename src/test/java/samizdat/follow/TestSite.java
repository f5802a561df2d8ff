package samizdat.follow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A generated news site on 127.0.0.1 for follow's tests: article pages shaped like a real news
 * site's (header, nav, most-read aside, footer), an RSS 2.0 feed, an Atom feed with xml:base, a
 * JSON Feed, a sitemap index with a Google News sitemap and a gzipped sitemap, listing pages with
 * next links, a robots.txt that disallows /private/ (which the sitemap still lists), ETags with
 * 304 answers, a redirect, a 429 and a 503 with Retry-After, and an article that always fails.
 * Every request is logged as "GET path status".
 */
final class TestSite implements AutoCloseable {
  static final int PER_PAGE = 10;
  private static final String[] TOPICS = {"river bridge", "school budget", "city library",
      "bus routes", "harbour cranes", "hospital wing", "night market", "flood barrier",
      "tram line", "water prices", "museum roof", "park trees"};

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final List<String> log = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  /** Milliseconds each article response waits: to kill a run in the middle. */
  volatile int articleDelayMillis;

  TestSite(int articles) throws IOException {
    count.set(articles);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String path) {
    return base() + path;
  }

  /** Publishes {@code n} more articles. */
  void add(int n) {
    count.addAndGet(n);
  }

  int articles() {
    return count.get();
  }

  static String articlePath(int n) {
    return "/news/2024/03/" + String.format("%02d", 1 + n % 28) + "/story-about-the-"
        + TOPICS[n % TOPICS.length].replace(' ', '-') + "-" + n;
  }

  /** Requests to article pages (any status). */
  List<String> articleRequests() {
    return log.stream().filter(l -> l.startsWith("GET /news/2024/")).toList();
  }

  List<String> requests(String prefix) {
    return log.stream().filter(l -> l.startsWith("GET " + prefix)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    int status;
    try {
      status = route(ex, path);
    } catch (RuntimeException e) {
      status = send(ex, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
    } finally {
      ex.close();
    }
    log.add(ex.getRequestMethod() + " " + path + " " + status);
  }

  private int route(HttpExchange ex, String path) throws IOException {
    String html = "text/html; charset=utf-8";
    switch (path) {
      case "/robots.txt":
        return send(ex, 200, "text/plain", """
            # The staff area is not for crawlers.
            User-agent: *
            Disallow: /private/
            Allow: /private/press-release$
            """.getBytes(StandardCharsets.UTF_8));
      case "/feed.rss":
        return conditional(ex, "application/rss+xml", rss());
      case "/atom.xml":
        return conditional(ex, "application/atom+xml", atom());
      case "/feed.json":
        return conditional(ex, "application/feed+json", jsonFeed());
      case "/sitemap_index.xml":
        return conditional(ex, "application/xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>%1$s/sitemap-news.xml</loc></sitemap>
              <sitemap><loc>/sitemap-old.xml.gz</loc></sitemap>
            </sitemapindex>
            """.formatted(base()));
      case "/sitemap-news.xml":
        return conditional(ex, "application/xml", newsSitemap());
      case "/sitemap-old.xml.gz":
        return sendConditional(ex, "application/x-gzip", gzip(oldSitemap()));
      case "/busy-feed.xml":
        // 429 first, then the feed: Retry-After is obeyed.
        if (hit(path) == 1) {
          ex.getResponseHeaders().set("Retry-After", "1");
          return send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        }
        return conditional(ex, "application/rss+xml", rss());
      case "/old-url-7":
        ex.getResponseHeaders().set("Location", url(articlePath(7)));
        return send(ex, 301, "text/html", new byte[0]);
      case "/world/bbc-story":
      case "/world/bbc-story-again":
        return send(ex, 200, html, resource("/ingest/generic/readability-bbc-1.html"));
      case "/private/secret-story":
        return send(ex, 200, html, article(9999, "A story no crawler may take").getBytes(StandardCharsets.UTF_8));
      default:
        break;
    }
    if (path.equals("/news/") || path.startsWith("/news/page/")) {
      int page = path.equals("/news/") ? 1 : Integer.parseInt(path.replaceAll("\\D", ""));
      return conditional(ex, html, listing(page));
    }
    if (path.startsWith("/news/2024/03/")) {
      if (path.equals(articlePath(1))) {
        // A 503 with Retry-After, then the page.
        if (hit(path) == 1) {
          ex.getResponseHeaders().set("Retry-After", "1");
          return send(ex, 503, "text/plain", "maintenance".getBytes(StandardCharsets.UTF_8));
        }
      }
      if (path.endsWith("-broken")) {
        return send(ex, 500, "text/plain", "database error".getBytes(StandardCharsets.UTF_8));
      }
      int n = Integer.parseInt(path.substring(path.lastIndexOf('-') + 1).replaceAll("\\D", "").isEmpty()
          ? "0" : path.substring(path.lastIndexOf('-') + 1).replaceAll("\\D", ""));
      if (n < 1 || n > count.get() || !path.equals(articlePath(n))) {
        return send(ex, 404, html, "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
      }
      if (articleDelayMillis > 0) {
        try {
          Thread.sleep(articleDelayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return send(ex, 200, html, article(n, title(n)).getBytes(StandardCharsets.UTF_8));
    }
    return send(ex, 404, html, "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
  }

  private int hit(String path) {
    return hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
  }

  static String title(int n) {
    return "Council decides on the " + TOPICS[n % TOPICS.length] + " (report " + n + ")";
  }

  /** Newest first. */
  private List<Integer> newest(int max) {
    List<Integer> out = new ArrayList<>();
    for (int n = count.get(); n >= 1 && out.size() < max; n--) {
      out.add(n);
    }
    return out;
  }

  private String rss() {
    StringBuilder items = new StringBuilder();
    for (int n : newest(20)) {
      // Every other link relative: resolved against the feed's URL.
      String link = n % 2 == 0 ? articlePath(n) : url(articlePath(n));
      items.append("<item><title>").append(title(n)).append("</title><link>").append(link)
          .append("</link><guid isPermaLink=\"false\">story-").append(n)
          .append("</guid><pubDate>Thu, 07 Mar 2024 09:").append(String.format("%02d", n % 60))
          .append(":00 GMT</pubDate></item>\n");
    }
    items.append("<item><title>Broken</title><link>/news/2024/03/09/story-that-is-broken</link></item>\n");
    items.append("<item><title>Script</title><link>javascript:alert(1)</link></item>\n");
    items.append("<item><title>Bad date</title><link>").append(url(articlePath(1)))
        .append("</link><pubDate>yesterday-ish</pubDate></item>\n");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
        <title>The Riverside Post</title><link>%s/</link>
        %s</channel></rss>
        """.formatted(base(), items);
  }

  private String atom() {
    StringBuilder entries = new StringBuilder();
    for (int n : newest(20)) {
      entries.append("<entry><title>").append(title(n)).append("</title>")
          .append("<link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(articlePath(n).substring("/news/".length())).append("\"/>")
          .append("<link rel=\"enclosure\" href=\"/audio/").append(n).append(".mp3\"/>")
          .append("<id>tag:riverside,2024:").append(n).append("</id><updated>2024-13-45T99:00:00Z</updated></entry>\n");
    }
    // xml:base makes the entries' relative links resolve under /news/.
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="%s/news/">
        <title>The Riverside Post</title><id>tag:riverside,2024:feed</id>
        <entry><title>Data</title><link href="data:text/html,hello"/><id>x</id></entry>
        %s</feed>
        """.formatted(base(), entries);
  }

  private String jsonFeed() {
    StringBuilder items = new StringBuilder();
    for (int n : newest(20)) {
      if (items.length() > 0) {
        items.append(',');
      }
      items.append("{\"id\":\"").append(n).append("\",\"url\":\"").append(articlePath(n))
          .append("\",\"title\":\"").append(title(n)).append("\",\"date_published\":\"not a date\"}");
    }
    items.append(",{\"id\":\"f\",\"url\":\"file:///etc/passwd\"}");
    return "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"The Riverside Post\","
        + "\"home_page_url\":\"" + base() + "/\",\"items\":[" + items + "]}";
  }

  private String newsSitemap() {
    StringBuilder urls = new StringBuilder();
    for (int n : newest(Integer.MAX_VALUE)) {
      urls.append("<url><loc>").append(url(articlePath(n))).append("</loc><news:news>")
          .append("<news:publication><news:name>The Riverside Post</news:name>")
          .append("<news:language>en</news:language></news:publication>")
          .append("<news:publication_date>2024-03-07</news:publication_date><news:title>")
          .append(title(n)).append("</news:title></news:news></url>\n");
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        %s</urlset>
        """.formatted(urls);
  }

  private String oldSitemap() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>%1$s/private/secret-story</loc></url>
        <url><loc>http://other.example/news/2024/03/07/someone-elses-story</loc></url>
        <url><loc>%1$s/world/bbc-story</loc><lastmod>2015-07-24</lastmod></url>
        <url><loc>%1$s/world/bbc-story-again</loc></url>
        <url><loc>%1$s/old-url-7</loc></url>
        </urlset>
        """.formatted(base());
  }

  private String listing(int page) {
    StringBuilder items = new StringBuilder();
    List<Integer> all = newest(Integer.MAX_VALUE);
    int from = (page - 1) * PER_PAGE;
    for (int i = from; i < Math.min(all.size(), from + PER_PAGE); i++) {
      int n = all.get(i);
      items.append("<article class=\"post\"><header class=\"entry-header\"><h2><a href=\"")
          .append(articlePath(n)).append("\">").append(title(n)).append("</a></h2></header>")
          .append("<p>The council met on Tuesday.</p><footer class=\"entry-footer\">")
          .append("<a href=\"/tag/council/\">council</a></footer></article>\n");
    }
    boolean more = from + PER_PAGE < all.size();
    String next = !more ? "" : page % 2 == 1
        ? "<a class=\"older\" href=\"/news/page/" + (page + 1) + "/\">Older posts »</a>"
        : "<a href=\"/news/page/" + (page + 1) + "/\">下一页</a>";
    return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News - The Riverside Post</title></head>
        <body><header><a href="/">The Riverside Post</a><nav><a href="/news/">News</a>
        <a href="/news/2024/03/01/story-about-the-site-navigation-menu-1000">Menu story</a></nav></header>
        <main><h1>News</h1>%s<div class="pagination">%s</div></main>
        <aside class="sidebar"><h3>Most read</h3>
        <a href="/news/2024/03/02/story-about-the-sidebar-popular-item-2000">Popular</a></aside>
        <footer><a href="/about/">About us</a> <a href="/privacy">Privacy</a></footer></body></html>
        """.formatted(items, next);
  }

  static String article(int n, String title) {
    String topic = TOPICS[n % TOPICS.length];
    return """
        <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
        <title>%1$s - The Riverside Post</title>
        <meta property="og:type" content="article">
        <meta property="article:published_time" content="2024-03-%3$02dT09:30:00+00:00">
        </head><body>
        <header><a href="/">The Riverside Post</a><nav><a href="/news/">News</a> <a href="/sport/">Sport</a></nav></header>
        <main><article>
        <h1>%1$s</h1>
        <div class="byline">By Jane Doe, %3$d March 2024</div>
        <div class="article-body">
        <p>The city council voted on Tuesday on the future of the %2$s, in report number %4$d of
        this year's series, after engineers and residents spent months arguing over the cost and
        the timetable of the work that the %2$s needs before next winter.</p>
        <p>"We cannot wait for another season to act," said Maria Lopez, who chairs the committee
        that oversees the %2$s. She said the plan would be published in full, and that residents
        would have six weeks to comment on it before the council votes again in the spring.</p>
        <h2>A long history of repairs</h2>
        <p>The %2$s has been repaired at least five times since it was built. An inspection report
        published last month rated its condition as poor, the lowest grade short of closure, and
        recommended that the council set aside money for the work in next year's budget.</p>
        <p>Local businesses said they feared losing customers while the work goes on. "Half of our
        trade depends on it," said the owner of a bakery near the %2$s, who asked not to be named
        in report %4$d.</p>
        </div></article>
        <aside class="most-read"><h3>Most read</h3><ul>
        <li><a href="/news/a">Mayor opens new library in the old post office</a></li></ul></aside>
        </main>
        <footer><p>© 2024 The Riverside Post. All rights reserved.</p></footer>
        </body></html>
        """.formatted(title, topic, 1 + n % 28, n);
  }

  private int conditional(HttpExchange ex, String type, String body) throws IOException {
    return sendConditional(ex, type, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers 304 when If-None-Match names the body's ETag. */
  private static int sendConditional(HttpExchange ex, String type, byte[] body) throws IOException {
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    ex.getResponseHeaders().set("ETag", etag);
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
      return 304;
    }
    return send(ex, 200, type, body);
  }

  private static int send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    return status;
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] resource(String name) {
    try (InputStream in = TestSite.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
