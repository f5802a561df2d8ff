package samizdat.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.ingest.Profiles;

/** What a fetched source is, told from its bytes, and its links; hostile documents refused. */
class SourceDocumentTest {
  private static final String BASE = "https://news.example.org/feeds/main.xml";
  private static final long MAX = 16L << 20;

  @TempDir Path dir;

  private static Found read(String body, String mime) throws Exception {
    return read(body.getBytes(StandardCharsets.UTF_8), mime);
  }

  private static Found read(byte[] body, String mime) throws Exception {
    return SourceDocument.read(BASE, body, Optional.ofNullable(mime), Optional.empty(),
        Profiles.load(Optional.empty(), Optional.empty()), MAX);
  }

  @Test
  void rss2WithRelativeLinksAndHostileSchemes() throws Exception {
    Found f = read("""
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>t</title>
        <item><link>/news/2026/a.html</link><pubDate>yesterday-ish</pubDate></item>
        <item><guid>https://news.example.org/news/b.html</guid></item>
        <item><link>javascript:alert(1)</link></item>
        <item><link>data:text/html,x</link></item>
        <item><link>file:///etc/passwd</link></item>
        </channel></rss>""", "text/html");
    assertEquals(Found.Kind.RSS, f.kind);
    assertEquals(List.of("https://news.example.org/news/2026/a.html",
        "https://news.example.org/news/b.html"), List.copyOf(f.articles));
    assertEquals(List.of("3 links ignored: not http(s) data: file: javascript:"), f.warnings);
  }

  @Test
  void rss1RdfAndAtomWithXmlBase() throws Exception {
    Found rdf = read("""
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://news.example.org/"><title>t</title></channel>
        <item rdf:about="https://news.example.org/2026/11/x.html"><title>x</title></item>
        <item rdf:about="https://news.example.org/2026/11/y"><link>https://news.example.org/2026/11/y.html</link></item>
        </rdf:RDF>""", null);
    assertEquals(Found.Kind.RDF, rdf.kind);
    assertEquals(List.of("https://news.example.org/2026/11/x.html",
        "https://news.example.org/2026/11/y.html"), List.copyOf(rdf.articles));

    Found atom = read("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/world/">
        <link rel="next" href="?page=2"/>
        <entry xml:base="2026/"><link rel="alternate" type="text/html" href="story-1.html"/>
          <link rel="enclosure" href="/img/1.jpg"/></entry>
        <entry><link href="https://other.example/story-2"/></entry>
        </feed>""", "application/atom+xml");
    assertEquals(Found.Kind.ATOM, atom.kind);
    assertEquals(List.of("https://news.example.org/world/2026/story-1.html",
        "https://other.example/story-2"), List.copyOf(atom.articles));
    assertEquals(Optional.of("https://news.example.org/world/?page=2"), atom.next);
  }

  @Test
  void jsonFeedTextSitemapAndGzippedSitemapIndex() throws Exception {
    Found json = read("""
        {"version": "https://jsonfeed.org/version/1.1", "title": "t",
         "next_url": "https://news.example.org/feed.json?page=2",
         "items": [{"id": "1", "url": "/a.html"}, {"id": "https://news.example.org/b.html"}]}""",
        "application/json");
    assertEquals(Found.Kind.JSON_FEED, json.kind);
    assertEquals(List.of("https://news.example.org/a.html", "https://news.example.org/b.html"),
        List.copyOf(json.articles));
    assertThrows(SourceException.class, () -> read("{\"items\": 3}", "application/json"));

    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
      gz.write("""
          <?xml version="1.0" encoding="UTF-8"?>
          <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://news.example.org/sitemap-1.xml</loc></sitemap>
          <sitemap><loc>https://evil.example/sitemap-2.xml</loc></sitemap>
          </sitemapindex>""".getBytes(StandardCharsets.UTF_8));
    }
    Found index = read(b.toByteArray(), "application/octet-stream");
    assertEquals(Found.Kind.SITEMAP_INDEX, index.kind);
    assertEquals(List.of("https://news.example.org/sitemap-1.xml"), List.copyOf(index.sitemaps));
    assertTrue(index.warnings.get(0).contains("1 link to other hosts ignored"), index.warnings.toString());

    Found text = read("https://news.example.org/a.html\nhttps://www.news.example.org/b.html\n"
        + "https://elsewhere.example/c.html\n", "text/plain");
    assertEquals(Found.Kind.SITEMAP, text.kind);
    assertEquals(2, text.articles.size());
  }

  @Test
  void googleNewsSitemap() throws Exception {
    Found f = read("""
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
        <url><loc>https://news.example.org/2026/11/30/a.html</loc>
          <news:news><news:publication><news:name>N</news:name><news:language>zh</news:language>
          </news:publication><news:publication_date>2026-11-30T08:00:00+08:00</news:publication_date>
          <news:title>标题</news:title></news:news>
          <image:image><image:loc>https://news.example.org/img/a.jpg</image:loc></image:image></url>
        </urlset>""", "text/xml");
    assertEquals(List.of("https://news.example.org/2026/11/30/a.html"), List.copyOf(f.articles));
  }

  @Test
  void anEntityExpansionBombIsRefusedQuickly() throws Exception {
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
        + "<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        bomb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      bomb.append("\">\n");
    }
    bomb.append("]>\n<rss version=\"2.0\"><channel><item><link>https://news.example.org/ok.html"
        + "</link></item><item><title>&lol9;</title><link>https://news.example.org/b.html</link>"
        + "</item></channel></rss>");
    long start = System.nanoTime();
    Found f;
    try {
      f = read(bomb.toString(), "application/rss+xml");
    } catch (SourceException e) {
      // Refused outright is as good as refused after the first item.
      assertTrue(e.getMessage().length() < 300, e.getMessage());
      return;
    } finally {
      assertTrue(System.nanoTime() - start < 5_000_000_000L, "took too long");
    }
    assertFalse(f.articles.contains("https://news.example.org/b.html"), f.articles.toString());
    assertEquals(1, f.warnings.size(), f.warnings.toString());
  }

  @Test
  void anExternalEntityNeverReadsAFileNorOpensAConnection() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "https://news.example.org/SECRET-FROM-DISK");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger hits = new AtomicInteger();
    server.createContext("/", ex -> {
      hits.incrementAndGet();
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.start();
    try {
      String port = String.valueOf(server.getAddress().getPort());
      for (String doc : List.of(
          "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
              + "<rss><channel><item><link>&x;</link></item></channel></rss>",
          "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://127.0.0.1:" + port + "/x.dtd\">"
              + "<rss><channel><item><link>https://news.example.org/a.html</link></item></channel></rss>",
          "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY % p SYSTEM \"http://127.0.0.1:" + port
              + "/p.dtd\"> %p;]><urlset><url><loc>https://news.example.org/a.html</loc></url></urlset>")) {
        try {
          Found f = read(doc, "application/xml");
          assertFalse(f.articles.toString().contains("SECRET"), f.articles.toString());
        } catch (SourceException e) {
          assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        }
      }
      assertEquals(0, hits.get(), "the parser opened a connection");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void notAFeedNorAPageIsOneClearError() throws Exception {
    SourceException e = assertThrows(SourceException.class,
        () -> read(new byte[] {0, 1, 2, 3, 'x'}, "application/octet-stream"));
    assertTrue(e.getMessage().startsWith("not a feed, sitemap or web page"), e.getMessage());
    Found torn = read("<rss><channel><item><link>https://news.example.org/a.html</link></item><item>"
        + "<link>https://news.example.org/b", "text/xml");
    assertEquals(List.of("https://news.example.org/a.html"), List.copyOf(torn.articles));
    assertTrue(torn.warnings.get(0).startsWith("XML error"), torn.warnings.toString());
    SourceException other = assertThrows(SourceException.class,
        () -> read("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml"));
    assertTrue(other.getMessage().contains("<svg>"), other.getMessage());
  }
}
