package samizdat.site.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteLayoutTest {

  @Test
  void hrefIsRelativeAndNamesAFile() {
    assertEquals("tags/index.html", SiteLayout.href("index.html", "tags/index.html"));
    assertEquals("../../../tags/ab/x/index.html",
        SiteLayout.href("a/2024/0f/x.html", "tags/ab/x/index.html"));
    assertEquals("../index.html", SiteLayout.href("search/index.html", "index.html"));
    assertEquals("../../../../../a/2024/0f/x.html",
        SiteLayout.href("tags/ab/x/page/0/3.html", "a/2024/0f/x.html"));
    assertEquals("", SiteLayout.root("404.html"));
  }

  @Test
  void articlePathsAreShardedByYearAndHashBucket() {
    String p = SiteLayout.article("abc-1", Optional.of(LocalDate.of(2024, 3, 5)));
    assertTrue(p.matches("a/2024/[0-9a-f]{2}/abc-1\\.html"), p);
    assertEquals(p, SiteLayout.article("abc-1", Optional.of(LocalDate.of(2024, 12, 31))));
    assertTrue(SiteLayout.article("abc-1", Optional.empty()).startsWith("a/undated/"));
    SiteLayout.checkPath(p);
  }

  @Test
  void bucketsSpreadIdsSoNoFolderGrowsPastAThousand() {
    int[] counts = new int[256];
    for (int i = 0; i < 100_000; i++) {
      counts[Integer.parseInt(SiteLayout.bucket(String.format("id%06d", i)), 16)]++;
    }
    for (int c : counts) {
      assertTrue(c < 1000, "bucket with " + c + " entries");
    }
  }

  @Test
  void listPagesAreBucketedByThousands() {
    assertEquals("page/0/1.html", SiteLayout.listPage("", 1));
    assertEquals("page/0/999.html", SiteLayout.listPage("", 999));
    assertEquals("page/1/1000.html", SiteLayout.listPage("", 1000));
    assertEquals("archive/2024/03/page/0/2.html", SiteLayout.listPage(SiteLayout.monthDir(2024, 3), 2));
  }

  @Test
  void plainAsciiTagsKeepTheirName() {
    assertEquals("sora", SiteLayout.tagSlug(SiteLayout.tagKey("Sora")));
    assertEquals("hong kong", SiteLayout.tagKey("  Hong   Kong "));
    assertEquals("openai", SiteLayout.tagSlug("openai"));
  }

  @Test
  void otherTagsGetAStableAsciiSlugWithAHash() {
    String chinese = SiteLayout.tagSlug(SiteLayout.tagKey("周鸿祎"));
    assertTrue(chinese.matches("t--[0-9a-f]{12}"), chinese);
    assertEquals(chinese, SiteLayout.tagSlug(SiteLayout.tagKey("周鸿祎")));
    String mixed = SiteLayout.tagSlug(SiteLayout.tagKey("Sora模型"));
    assertTrue(mixed.matches("sora--[0-9a-f]{12}"), mixed);
    // C++ and C# must not both become "c"
    assertNotEquals(SiteLayout.tagSlug("c++"), SiteLayout.tagSlug("c#"));
    assertNotEquals(SiteLayout.tagSlug("c"), SiteLayout.tagSlug("c++"));
    // fullwidth letters normalise to the same tag as ASCII
    assertEquals(SiteLayout.tagKey("Ｓｏｒａ"), SiteLayout.tagKey("sora"));
    // traditional and simplified stay distinct tags
    assertNotEquals(SiteLayout.tagSlug(SiteLayout.tagKey("臺灣")), SiteLayout.tagSlug(SiteLayout.tagKey("台湾")));
  }

  @Test
  void slugsAreSafeShortAndUniqueIgnoringCase() {
    Set<String> seen = new HashSet<>();
    String[] tags = {"a", "A b", "a-b", "a--b", "<script>", "{{x}}", "..", ".hidden", "x".repeat(300),
        "中".repeat(200), "Ünïcödé", "co/n", "CON", "nul", "a.b"};
    for (String t : tags) {
      String slug = SiteLayout.tagSlug(SiteLayout.tagKey(t));
      SiteLayout.checkPath(SiteLayout.tagDir(slug) + "index.html");
      assertTrue(slug.length() <= 100);
      assertTrue(seen.add(slug.toLowerCase()), "duplicate slug " + slug);
    }
  }

  @Test
  void checkPathRejectsUnsafeNames() {
    assertThrows(IllegalStateException.class, () -> SiteLayout.checkPath("a/B.html"));
    assertThrows(IllegalStateException.class, () -> SiteLayout.checkPath("a/../b.html"));
    assertThrows(IllegalStateException.class, () -> SiteLayout.checkPath("a//b.html"));
    assertThrows(IllegalStateException.class, () -> SiteLayout.checkPath("a/" + "x".repeat(101)));
    assertThrows(IllegalStateException.class, () -> SiteLayout.checkPath("a/中.html"));
    assertFalse(SiteLayout.isSafeName(".hidden"));
  }

  @Test
  void safeNamesAreExactlyTheLowerCaseAsciiPatternUpTo100Bytes() {
    java.util.regex.Pattern name = java.util.regex.Pattern.compile("[a-z0-9_-][a-z0-9._-]*");
    String alphabet = "az09._-A/ é中";
    java.util.Random random = new java.util.Random(5);
    for (int round = 0; round < 5000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertEquals(name.matcher(s).matches(), SiteLayout.isSafeName(s), s);
    }
    assertTrue(SiteLayout.isSafeName("x".repeat(100)));
    assertFalse(SiteLayout.isSafeName("x".repeat(101)));
  }

  @Test
  void deviceNamesFromContentBecomeNamesEveryStickHolds() {
    org.junit.jupiter.api.Assertions.assertEquals("sora", SiteLayout.tagSlug("sora"));
    String con = SiteLayout.tagSlug("con");
    org.junit.jupiter.api.Assertions.assertTrue(con.startsWith("con--") && !samizdat.io.PortableNames.isUnportable(con), con);
    String page = SiteLayout.article("nul", java.util.Optional.empty());
    org.junit.jupiter.api.Assertions.assertTrue(page.matches("a/undated/[0-9a-f]{2}/nul--[0-9a-f]{8}\\.html"), page);
    org.junit.jupiter.api.Assertions.assertEquals(page, SiteLayout.article("nul", java.util.Optional.empty()),
        "stable");
    org.junit.jupiter.api.Assertions.assertNotEquals(SiteLayout.portable("aux.1.html"), SiteLayout.portable("aux.2.html"));
    org.junit.jupiter.api.Assertions.assertEquals("a00001.html", SiteLayout.portable("a00001.html"));
    SiteLayout.checkPath(page);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> SiteLayout.checkPath("tags/00/com1/index.html"));
  }
}
