package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
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
  void canonicalFormForIds() {
    assertEquals("https://www.bannedbook.org/a/b.html",
        Links.canonical("HTTPS://WWW.Bannedbook.org:443/a/b.html?utm_source=rss#comments"));
    assertEquals("http://x.example:8080/", Links.canonical("http://x.example:8080"));
  }
}
