package samizdat.follow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A generated news site on 127.0.0.1 for follow tests: article pages shaped like a real news
 * site's (header, nav, article with paragraphs, aside, footer), and the ways to find them: an RSS
 * 2.0 feed, an Atom feed, a JSON Feed, a sitemap index (one child gzipped, one a Google News
 * sitemap), listing pages with next links, and a robots.txt that disallows /private/ although the
 * sitemap lists a page there. Feeds and sitemaps answer conditional requests with 304. Articles can
 * be added between runs; some paths answer 429, 503 with Retry-After, or fail. Every request is
 * logged as "METHOD path".
 */
final class TestSite implements AutoCloseable {
  private static final String[] WORDS = ("the government announced new rules for the press on "
      + "monday while reporters in the capital said that their sources had been questioned by "
      + "police about articles published last year concerning land disputes in the northern "
      + "provinces where farmers protested against compensation offered by local officials who "
      + "denied any wrongdoing and promised an inquiry into the events of the spring").split(" ");

  final List<String> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  /** Number of articles published, 1..n. */
  volatile int articles;
  /** Articles per listing page. */
  final int perPage = 4;
  /** Milliseconds each article page takes to answer. */
  volatile int articleDelayMillis;
  /** Requests of /news/flaky.html so far. */
  final AtomicInteger flaky = new AtomicInteger();
  /** Requests of /news/busy.html (429 the first time) so far. */
  final AtomicInteger busy = new AtomicInteger();
  /** Links the RSS feed lists after the articles. */
  final List<String> extraRssLinks = new CopyOnWriteArrayList<>();
  /** The host name in the site's URLs: one that only a test proxy resolves, for proxy tests. */
  volatile String host = "127.0.0.1";
  /** Paths answered with a status of their own (e.g. 500) instead of the page. */
  final Map<String, Integer> failing = new ConcurrentHashMap<>();

  TestSite(int articles) throws IOException {
    this.articles = articles;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://" + host + ":" + port() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  static String articlePath(int n) {
    return String.format("/news/2026/11/%02d/story-%d.html", 1 + n % 28, n);
  }

  /** Article requests (GET of /news/...) in the log. */
  long articleRequests() {
    return requests.stream().filter(r -> r.startsWith("GET /news/")).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(ex.getRequestMethod() + " " + path);
    try {
      Integer status = failing.get(path);
      if (status != null) {
        send(ex, status, "text/plain", "failing on purpose\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      switch (path) {
        case "/robots.txt" -> send(ex, 200, "text/plain",
            "User-agent: *\nDisallow: /private/\n\nUser-agent: BadBot\nDisallow: /\n");
        case "/rss.xml" -> conditional(ex, "application/rss+xml", rss());
        case "/atom.xml" -> conditional(ex, "application/atom+xml", atom());
        case "/feed.json" -> conditional(ex, "application/feed+json", jsonFeed());
        case "/sitemap_index.xml" -> conditional(ex, "application/xml", sitemapIndex());
        case "/sitemap-articles.xml.gz" -> {
          ByteArrayOutputStream b = new ByteArrayOutputStream();
          try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(sitemap().getBytes(StandardCharsets.UTF_8));
          }
          send(ex, 200, "application/x-gzip", b.toByteArray());
        }
        case "/news-sitemap.xml" -> conditional(ex, "text/xml", newsSitemap());
        case "/private/secret-report-2026.html" -> send(ex, 200, "text/html", article(999));
        case "/news/flaky.html" -> {
          if (flaky.incrementAndGet() <= 1) {
            ex.getResponseHeaders().set("Retry-After", "0");
            send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
          } else {
            send(ex, 200, "text/html; charset=utf-8", article(500));
          }
        }
        case "/news/busy.html" -> {
          if (busy.incrementAndGet() <= 1) {
            ex.getResponseHeaders().set("Retry-After", "0");
            send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
          } else {
            send(ex, 200, "text/html; charset=utf-8", article(501));
          }
        }
        case "/huge.xml" -> {
          // A feed of about 3 MB that never ends well: refused by size, not read into memory.
          StringBuilder big = new StringBuilder("<rss version=\"2.0\"><channel>");
          while (big.length() < 3_000_000) {
            big.append("<item><title>padding padding padding</title><link>").append(url("/news/x.html"))
                .append("</link></item>\n");
          }
          send(ex, 200, "application/rss+xml", big.append("</channel></rss>").toString());
        }
        case "/news/amp/story-1.html" -> send(ex, 200, "text/html; charset=utf-8", article(1));
        case "/news/moved.html" -> {
          ex.getResponseHeaders().set("Location", url(articlePath(1)));
          send(ex, 301, null, new byte[0]);
        }
        default -> {
          if (path.startsWith("/section/")) {
            int page = path.equals("/section/") ? 1 : Integer.parseInt(path.replaceAll("\\D", ""));
            send(ex, 200, "text/html; charset=utf-8", listing(page));
          } else if (path.startsWith("/news/")) {
            article(ex, path);
          } else {
            send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    } finally {
      ex.close();
    }
  }

  private void article(HttpExchange ex, String path) throws IOException {
    for (int n = 1; n <= articles; n++) {
      if (articlePath(n).equals(path)) {
        if (articleDelayMillis > 0) {
          try {
            Thread.sleep(articleDelayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        send(ex, 200, "text/html; charset=utf-8", article(n));
        return;
      }
    }
    send(ex, 404, "text/plain", "no such article".getBytes(StandardCharsets.UTF_8));
  }

  static String title(int n) {
    return "Report number " + n + " on the land disputes";
  }

  static byte[] article(int n) {
    Random r = new Random(n);
    StringBuilder body = new StringBuilder();
    for (int p = 0; p < 7; p++) {
      body.append("<p>");
      for (int w = 0; w < 60; w++) {
        body.append(WORDS[r.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
      }
      body.append("Article ").append(n).append(" paragraph ").append(p).append(".</p>\n");
    }
    String date = String.format("2026-11-%02d", 1 + n % 28);
    String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        + "<title>" + title(n) + " | Example News</title>\n"
        + "<link rel=\"canonical\" href=\"" + "ARTICLE_URL" + "\">\n"
        + "<meta property=\"og:title\" content=\"" + title(n) + "\">\n"
        + "<meta property=\"article:published_time\" content=\"" + date + "T08:00:00Z\">\n"
        + "</head><body>\n<header class=\"site-header\"><a href=\"/\">Example News</a>\n"
        + "<nav><a href=\"/section/\">World</a> <a href=\"/section/\">Politics</a></nav></header>\n"
        + "<main><article><h1>" + title(n) + "</h1>\n<p class=\"byline\">By Staff Reporter, "
        + "<time datetime=\"" + date + "\">" + date + "</time></p>\n" + body
        + "</article>\n<aside class=\"related\"><h2>Related</h2><a href=\"" + articlePath(n + 1)
        + "\">More</a></aside></main>\n<footer><a href=\"/about/\">About us</a></footer>\n"
        + "</body></html>\n";
    return html.replace("ARTICLE_URL", articlePath(n)).getBytes(StandardCharsets.UTF_8);
  }

  /** Newest first, like real feeds; the feed shows the latest ten. */
  private List<Integer> latest(int count) {
    List<Integer> list = new ArrayList<>();
    for (int n = articles; n >= 1 && list.size() < count; n--) {
      list.add(n);
    }
    return list;
  }

  private String rss() {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>\n"
        + "<title>Example News</title><link>" + url("/") + "</link>\n");
    for (int n : latest(10)) {
      s.append("<item><title>").append(title(n)).append("</title><link>").append(url(articlePath(n)))
          .append("?utm_source=rss</link><guid isPermaLink=\"false\">story-").append(n)
          .append("</guid><pubDate>not a date</pubDate></item>\n");
    }
    for (String link : extraRssLinks) {
      s.append("<item><title>extra</title><link>").append(link).append("</link></item>\n");
    }
    // Hostile links a feed may carry: never followed.
    s.append("<item><title>x</title><link>javascript:alert(1)</link></item>\n");
    s.append("<item><title>y</title><link>file:///etc/passwd</link></item>\n");
    return s.append("</channel></rss>\n").toString();
  }

  private String atom() {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"" + url("/news/") + "\">\n"
        + "<title>Example News</title><id>urn:example</id><updated>2026-11-30T00:00:00Z</updated>\n");
    for (int n : latest(10)) {
      // Relative to xml:base.
      s.append("<entry><title>").append(title(n)).append("</title><link rel=\"alternate\" "
          + "type=\"text/html\" href=\"").append(articlePath(n).substring("/news/".length()))
          .append("\"/><id>urn:story:").append(n).append("</id></entry>\n");
    }
    return s.append("</feed>\n").toString();
  }

  private String jsonFeed() {
    StringBuilder s = new StringBuilder("{\"version\": \"https://jsonfeed.org/version/1.1\", "
        + "\"title\": \"Example News\", \"items\": [");
    String sep = "";
    for (int n : latest(10)) {
      s.append(sep).append("{\"id\": \"").append(n).append("\", \"url\": \"")
          .append(articlePath(n)).append("\", \"title\": \"").append(title(n)).append("\"}");
      sep = ", ";
    }
    return s.append("]}").toString();
  }

  private String sitemapIndex() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        + "<sitemap><loc>" + url("/sitemap-articles.xml.gz") + "</loc></sitemap>\n"
        + "<sitemap><loc>" + url("/news-sitemap.xml") + "</loc></sitemap>\n"
        + "</sitemapindex>\n";
  }

  private String sitemap() {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (int n = 1; n <= articles; n++) {
      s.append("<url><loc>").append(url(articlePath(n))).append("</loc><lastmod>2026-11-30"
          + "</lastmod></url>\n");
    }
    s.append("<url><loc>").append(url("/private/secret-report-2026.html")).append("</loc></url>\n");
    s.append("<url><loc>https://elsewhere.example/news/2026/11/01/other-1.html</loc></url>\n");
    return s.append("</urlset>\n").toString();
  }

  private String newsSitemap() {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
    for (int n : latest(3)) {
      s.append("<url><loc>").append(url(articlePath(n))).append("</loc><news:news><news:publication>"
          + "<news:name>Example News</news:name><news:language>en</news:language>"
          + "</news:publication><news:publication_date>2026-11-30</news:publication_date>"
          + "<news:title>").append(title(n)).append("</news:title></news:news></url>\n");
    }
    return s.append("</urlset>\n").toString();
  }

  /** Listing page {@code page}: newest first, {@link #perPage} a page, a next link to older. */
  private byte[] listing(int page) {
    List<Integer> all = latest(Integer.MAX_VALUE);
    StringBuilder s = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<title>World | Example News</title></head><body>\n<header><nav><a href=\"/\">Home</a> "
        + "<a href=\"" + articlePath(1) + "\">Featured (in the menu)</a></nav></header>\n"
        + "<main><h1>World</h1><div class=\"post-list\">\n");
    int from = (page - 1) * perPage;
    for (int i = from; i < Math.min(all.size(), from + perPage); i++) {
      int n = all.get(i);
      s.append("<div class=\"post\"><h2><a href=\"").append(articlePath(n)).append("\">")
          .append(title(n)).append("</a></h2><p>A summary of the report.</p>"
          + "<a href=\"/tag/land/\">land</a></div>\n");
    }
    s.append("</div>\n<div class=\"pagination\">");
    if (from + perPage < all.size()) {
      s.append("<a href=\"/section/page/").append(page + 1).append("\">下一页</a>");
    }
    s.append("</div></main>\n<footer><a href=\"/about/contact-us-and-more-info\">Contact</a></footer>"
        + "</body></html>\n");
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void conditional(HttpExchange ex, String type, String body) throws IOException {
    String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
    ex.getResponseHeaders().set("ETag", etag);
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
      return;
    }
    send(ex, 200, type, body);
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
