package samizdat.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.ingest.SiteProfile;

/** Listing pages (generic and by profile), robots.txt rules and follow.txt lines. */
class ListingAndRulesTest {
  private static final String URL = "https://www.example.com/world/";
  private static final String PAGE = """
      <html><head><link rel="next" href="/world/page/2/"></head><body>
      <header><a href="/2026/11/30/header-story-123456.html">In the header</a></header>
      <nav><a href="/news/2026/11/29/menu-item.html">Menu</a></nav>
      <main>
        <div class="post-list">
          <h2><a href="/news/2026/11/30/land-dispute-ends.html">One</a></h2>
          <h2><a href="https://example.com/article/98765">Two (same site, no www)</a></h2>
          <h2><a href="/opinion/why-the-rules-matter-now">Three (a long slug)</a></h2>
          <a href="/tag/land/">land</a> <a href="/author/staff">Staff</a>
          <a href="https://other.example/news/2026/11/30/x.html">elsewhere</a>
          <a href="/img/2026/11/photo.jpg">photo</a>
        </div>
        <div class="pagination"><a class="next-page" href="?p=2">下一页</a></div>
      </main>
      <aside class="sidebar"><a href="/news/2026/11/28/popular-story.html">Popular</a></aside>
      <footer><a href="/about/contact-us-and-more-things">Contact</a></footer>
      </body></html>""";

  private static Document page(String html) {
    return Jsoup.parse(html, URL);
  }

  @Test
  void genericListingTakesArticleLinksOutsideTheChrome() {
    Found f = ListingPage.read(page(PAGE), URL, SiteProfile.generic());
    assertEquals(List.of("https://www.example.com/news/2026/11/30/land-dispute-ends.html",
        "https://example.com/article/98765", "https://www.example.com/opinion/why-the-rules-matter-now"),
        List.copyOf(f.articles));
    assertEquals(Optional.of("https://www.example.com/world/page/2/"), f.next);
  }

  @Test
  void nextPageByItsNameWhenThereIsNoRelNext() {
    Found f = ListingPage.read(page(PAGE.replace("<link rel=\"next\" href=\"/world/page/2/\">", "")),
        URL, SiteProfile.generic());
    assertEquals(Optional.of("https://www.example.com/world/?p=2"), f.next);
    Found older = ListingPage.read(page("<main><a href=\"/2026/11/01/a-story-1.html\">a</a>"
        + "<a href=\"/page/3\">Older posts »</a></main>"), URL, SiteProfile.generic());
    assertEquals(Optional.of("https://www.example.com/page/3"), older.next);
  }

  @Test
  void profileListingRulesWin() throws Exception {
    SiteProfile p = SiteProfile.parse("""
        {"name": "example", "hosts": ["example.com"],
         "listing": {"links": "aside.sidebar", "next": "a.next-page"}}""".getBytes(StandardCharsets.UTF_8), "test");
    Found f = ListingPage.read(page(PAGE), URL, p);
    assertEquals(List.of("https://www.example.com/news/2026/11/28/popular-story.html"), List.copyOf(f.articles));
    assertEquals(Optional.of("https://www.example.com/world/?p=2"), f.next);
  }

  @Test
  void robotsTxtGroupsLongestMatchWildcardsAndCrawlDelay() {
    Robots r = Robots.parse("""
        User-agent: Googlebot
        Disallow: /

        User-agent: *
        Disallow: /private/
        Disallow: /*.pdf$
        Allow: /private/public-notes
        Crawl-delay: 2.5
        """.getBytes(StandardCharsets.UTF_8));
    assertTrue(r.allows(URI.create("https://example.com/news/a.html")));
    assertFalse(r.allows(URI.create("https://example.com/private/report.html")));
    assertTrue(r.allows(URI.create("https://example.com/private/public-notes/1.html")));
    assertFalse(r.allows(URI.create("https://example.com/files/a.pdf")));
    assertTrue(r.allows(URI.create("https://example.com/files/a.pdf?x=1")));
    assertEquals(Optional.of(Duration.ofMillis(2500)), r.crawlDelay());

    Robots mine = Robots.parse("User-agent: *\nDisallow: /\n\nUser-agent: samizdat\nDisallow: /x/\n"
        .getBytes(StandardCharsets.UTF_8));
    assertTrue(mine.allows(URI.create("https://example.com/news/a.html")));
    assertFalse(mine.allows(URI.create("https://example.com/x/a.html")));
    assertFalse(Robots.unreachable().allows(URI.create("https://example.com/")));
  }

  @Test
  void followTxtLinesWithOptionsCommentsAndBadLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(FollowList.FILE);
    Files.writeString(file, """
        # sites followed
        https://example.com/feed.xml
        https://example.com/world/ --pages 3 example   # the world section
        https://example.com/news-sitemap.xml --profile=example

        ftp://example.com/x
        https://example.com/y --pages zero
        https://example.com/z --frobnicate
        """);
    FollowList.Parsed p = FollowList.read(file, 5);
    assertEquals(List.of(
        new FollowSource("https://example.com/feed.xml", 5, Optional.empty()),
        new FollowSource("https://example.com/world/", 3, Optional.of("example")),
        new FollowSource("https://example.com/news-sitemap.xml", 5, Optional.of("example"))), p.sources());
    assertEquals(3, p.errors().size(), p.errors().toString());
    assertTrue(p.errors().get(0).startsWith(file + ":6: not an http(s) URL"), p.errors().get(0));
    assertTrue(p.errors().get(1).startsWith(file + ":7: --pages needs a number"), p.errors().get(1));
    assertTrue(p.errors().get(2).startsWith(file + ":8: unknown option --frobnicate"), p.errors().get(2));
  }
}
