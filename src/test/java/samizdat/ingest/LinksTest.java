package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void trackingParametersGoOthersStay() {
    assertEquals("https://a.example/p?id=3#top",
        Links.stripTracking("https://a.example/p?utm_source=x&id=3&fbclid=abc&UTM_Medium=y&gclid=1#top"));
    assertEquals("https://a.example/p", Links.stripTracking("https://a.example/p?utm_campaign=z"));
    assertEquals("https://a.example/p?q=utm_source", Links.stripTracking("https://a.example/p?q=utm_source"));
  }

  @Test
  void onlyWebAndMailLinksAreKept() {
    assertEquals(Optional.empty(), Links.keep("javascript:alert(1)"));
    assertEquals(Optional.empty(), Links.keep(" JavaScript:alert(1)"));
    assertEquals(Optional.empty(), Links.keep("data:text/html,x"));
    assertEquals(Optional.empty(), Links.keep("file:///etc/passwd"));
    assertEquals(Optional.empty(), Links.keep(""));
    assertEquals(Optional.of("mailto:a@b.example"), Links.keep("mailto:a@b.example"));
    assertEquals(Optional.of("HTTPS://A.example/x"), Links.keep("HTTPS://A.example/x?utm_term=1"));
  }

  @Test
  void charactersAUriMayNotHoldAreEncodedAsABrowserSendsThem() {
    assertEquals("http://h.example/img/a%7Cb.jpg", Links.forRequest("http://h.example/img/a|b.jpg"));
    assertEquals("http://h.example/a%20b%5E%7Bc%7D%22%3C%3E%60.png",
        Links.forRequest("http://h.example/a b^{c}\"<>`.png"));
    assertEquals("http://h.example/img/g/h.png?q=%5C", Links.forRequest("http://h.example/img\\g\\h.png?q=\\"));
    assertEquals("http://h.example/p?a=1%7C2#top%23x", Links.forRequest("http://h.example/p?a=1|2#top#x"));
    assertEquals("http://h.example/100%25/%5B1%5D", Links.forRequest("http://h.example/100%/[1]"));
    assertEquals("http://h.example/%F0%9F%98%80%E3%80%80x", Links.forRequest("http://h.example/\uD83D\uDE00\u3000x"),
        "an emoji and an ideographic space: encoded whole");
    for (String valid : new String[] {"https://www.bannedbook.org/bnews/itnews/20240307/2009000.html",
        "http://h.example/中文.html?q=新闻#a", "http://[::1]:8080/a%7Cb?x=%E4%B8%AD", "http://h.example/a(b)!$&'*+,;=:@"}) {
      assertEquals(valid, Links.forRequest(valid), "a valid URL is left as it is");
      java.net.URI.create(valid);
    }
  }

  @Test
  void canonicalFormForIds() {
    assertEquals("https://www.bannedbook.org/a/b.html",
        Links.canonical("HTTPS://WWW.Bannedbook.org:443/a/b.html?utm_source=rss#comments"));
    assertEquals("http://x.example:8080/", Links.canonical("http://x.example:8080"));
  }

  @Test
  void absoluteAgreesWithJsoupsAbsUrl() {
    String[] hrefs = {
        "https://www.bannedbook.org/bnews/tag/美国/", "http://example.com/a?b=1&utm_source=x#f",
        "HTTPS://Example.com/Case", "https://example.com/a/../b", "https://example.com/./a",
        "https://example.com/a/..", "https://example.com/a b", "https://example.com/\tx",
        "http:///nohost", "https://", "/relative/path", "../up.html", "?q=1", "#top",
        "mailto:a@example.com", "javascript:alert(1)", "https://example.com/a\\b", ""};
    for (String base : new String[] {"https://www.bannedbook.org/bnews/itnews/20240219/2009999.html",
        "file:///home/u/saved/page.html"}) {
      for (String href : hrefs) {
        Element a = Jsoup.parse("<a>x</a>", base).selectFirst("a");
        a.attr("href", href);
        assertEquals(a.absUrl("href"), Links.absolute(a, "href"), base + " + " + href);
      }
    }
    assertTrue(Links.isPlainAbsolute("https://www.bannedbook.org/bnews/tag/美国/"));
    assertFalse(Links.isPlainAbsolute("https://example.com/a/../b"));
  }

  @Test
  void keptAgreesWithKeepingTheResolvedUrl() {
    String[] hrefs = {
        "", " ", "page.html", "./a/b.png", "../up.html", "/root.html", "//other.example/x",
        "?q=1&utm_source=x", "#top", "h</strong></p> <figure><img src=", "mailto:a@example.com",
        "MAILTO:a@example.com", "mailto:", "javascript:alert(1)", "url:https://example.com/u",
        " https://example.com/sp", "\thttps://example.com/tab", "https://example.com/a/../b",
        "HTTPS://Example.com/Case?fbclid=1", "https:relative", "http:", "data:text/html,x",
        "file:///etc/passwd", "https://www.bannedbook.org/bnews/tag/美国/", "a:b", "C:\\x.html"};
    String[] bases = {"https://www.bannedbook.org/bnews/itnews/20240219/2009999.html",
        "http://example.com", "HTTPS://EXAMPLE.COM/dir/", "file:///home/u/saved/page.html",
        "file:/C:/saved/page.html", "", "mailto:x@example.com", "not a url"};
    for (String base : bases) {
      for (String href : hrefs) {
        Element a = Jsoup.parse("<a>x</a>", base).selectFirst("a");
        a.attr("href", href);
        assertEquals(Links.keep(Links.absolute(a, "href")), Links.kept(a, "href"),
            "base " + base + " + " + href);
      }
    }
    // A <base href> in the page moves relative links off the saved file onto the web.
    Element a = Jsoup.parse("<base href=\"https://example.com/news/\"><a href=\"x.html\">x</a>",
        "file:///home/u/saved/page.html").selectFirst("a");
    assertEquals(Optional.of("https://example.com/news/x.html"), Links.kept(a, "href"));
  }
}
