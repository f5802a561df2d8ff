package samizdat.site.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SiteModelTest {
  @Test
  void urlsOfTheSamePageCompareEqualWhateverTheSchemeFragmentOrTrailingSlash() {
    String u = SiteModel.normalizeUrl("https://www.bannedbook.org/bbcs/2024/01/1.html");
    assertEquals(u, SiteModel.normalizeUrl("http://www.bannedbook.org/bbcs/2024/01/1.html"));
    assertEquals(u, SiteModel.normalizeUrl(" HTTPS://www.bannedbook.org/bbcs/2024/01/1.html#top "));
    assertEquals(u, SiteModel.normalizeUrl("Http://www.bannedbook.org/bbcs/2024/01/1.html/"));
    assertEquals("www.bannedbook.org/bbcs/2024/01/1.html", u);
    assertEquals("ftp://x.org/a", SiteModel.normalizeUrl("ftp://x.org/a/"));
    assertEquals("httpx.org/a", SiteModel.normalizeUrl("httpx.org/a"));
    assertNotEquals(u, SiteModel.normalizeUrl("https://www.bannedbook.org/bbcs/2024/01/2.html"));
  }
}
