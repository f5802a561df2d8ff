package samizdat.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.content.Translation;
import samizdat.io.Progress;
import samizdat.site.model.SiteLayout;

/** Editions (bannedbook's Simplified/Traditional pair) and authors on built article pages. */
class ArticleEditionsTest {
  private static final String HANS_ID = "20240307-2009999";
  private static final String HANT_ID = "zh-tw-20240307-2009999";
  private static final String HANS_URL = "https://www.bannedbook.org/bnews/cnnews/20240307/2009999.html";
  private static final String HANT_URL =
      "https://www.bannedbook.org/bnews/zh-tw/cnnews/20240307/2009999.html";
  private static final LocalDate DAY = LocalDate.of(2024, 3, 7);

  @TempDir Path tmp;

  private BuildResult build(Path content, Path site) throws IOException {
    return new SiteBuilder().build(new BuildOptions(content, Optional.of(Path.of("templates")), site,
        tmp.resolve("cache").resolve(site.getFileName() + ".state"), "测试存档 Test archive",
        Optional.empty(), Optional.empty(), 20, 2, true), Progress.NONE);
  }

  private static Article article(String id, String url, String language, String title,
      List<String> authors, List<Translation> translations) {
    return article(id, url, Optional.of(DAY), language, title, authors, translations);
  }

  private static Article article(String id, String url, Optional<LocalDate> published,
      String language, String title, List<String> authors, List<Translation> translations) {
    ArticleMeta meta = new ArticleMeta(id, title, Optional.of(url), Optional.of("www.bannedbook.org"),
        language, published, authors, Optional.of("禁闻网"), List.of("中国"), Optional.empty(),
        List.of(), List.of(), translations, "bannedbook", "0".repeat(64),
        Instant.parse("2024-03-08T00:00:00Z"));
    return new Article(meta, title + "\n\n正文 body.\n");
  }

  private static Article hans() {
    return article(HANS_ID, HANS_URL, "zh-Hans", "两会开幕", List.of("张三", "李四"),
        List.of(new Translation("zh-Hant", HANT_URL)));
  }

  private static Article hant() {
    return article(HANT_ID, HANT_URL, "zh-Hant", "兩會開幕", List.of(),
        List.of(new Translation("zh-Hans", HANS_URL)));
  }

  /** Some ordinary articles around the pair, so the site has lists, tags and related pages. */
  private Path content(Article... articles) throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 30, 3);
    ContentStore store = new ContentStore(content);
    for (Article a : articles) {
      store.write(a);
    }
    return content;
  }

  private static String pagePath(String id) {
    return SiteLayout.article(id, Optional.of(DAY));
  }

  private static Document page(Path site, String id) throws IOException {
    return Jsoup.parse(site.resolve(pagePath(id)).toFile(), "UTF-8");
  }

  /** The file a relative link on the page of {@code fromId} leads to. */
  private static Path target(Path site, String fromId, String href) {
    assertFalse(href.contains(":"), "not relative: " + href);
    return site.resolve(pagePath(fromId)).getParent().resolve(href).normalize();
  }

  private static void assertLinksTo(Path site, String fromId, String toId, String toLang, String text)
      throws IOException {
    Document d = page(site, fromId);
    Element nav = d.selectFirst("nav.editions");
    assertNotNull(nav, fromId + " has no editions");
    assertEquals(text, nav.text());
    List<Element> links = nav.select("a");
    assertEquals(1, links.size(), nav.toString());
    Element a = links.get(0);
    assertEquals(site.resolve(pagePath(toId)), target(site, fromId, a.attr("href")));
    assertTrue(Files.isRegularFile(target(site, fromId, a.attr("href"))));
    assertEquals(toLang, a.attr("hreflang"));
    Element current = nav.selectFirst("[aria-current=page]");
    assertNotNull(current);
    assertFalse(current.is("a"));
    Element alternate = d.selectFirst("head link[rel=alternate][hreflang]");
    assertNotNull(alternate, fromId + ": no hreflang link in the head");
    assertEquals(toLang, alternate.attr("hreflang"));
    assertEquals(site.resolve(pagePath(toId)), target(site, fromId, alternate.attr("href")));
    assertEquals(1, d.select("head link[hreflang]").size());
  }

  @Test
  void aSimplifiedAndTraditionalPairLinkEachOther() throws IOException {
    Path content = content(hans(), hant());
    Path site = tmp.resolve("site");
    BuildResult r = build(content, site);
    assertEquals(List.of(), r.errors());
    assertLinksTo(site, HANS_ID, HANT_ID, "zh-Hant", "繁體 / 简体");
    assertLinksTo(site, HANT_ID, HANS_ID, "zh-Hans", "繁體 / 简体");
    assertEquals("简体", page(site, HANS_ID).selectFirst("nav.editions [aria-current=page]").text());
    assertEquals("繁體", page(site, HANT_ID).selectFirst("nav.editions [aria-current=page]").text());
    assertEquals("zh-Hans", page(site, HANS_ID).selectFirst("html").attr("lang"));
    assertEquals("zh-Hant", page(site, HANT_ID).selectFirst("html").attr("lang"));
    // ordinary articles have no editions
    Document plain = Jsoup.parse(site.resolve(SiteLayout.article(TestContent.id(3),
        Optional.of(LocalDate.of(2021, 1, 1)))).toFile(), "UTF-8");
    assertNull(plain.selectFirst("nav.editions"));
    assertNull(plain.selectFirst("link[hreflang]"));
    SiteBuilderTest.assertLinksResolve(site);
  }

  @Test
  void aTwinNotInTheArchiveGivesNoLink() throws IOException {
    Path content = content(hans());
    Path site = tmp.resolve("site");
    build(content, site);
    Document d = page(site, HANS_ID);
    assertNull(d.selectFirst("nav.editions"));
    assertNull(d.selectFirst("link[hreflang]"));
  }

  @Test
  void onlyOneSideNamingTheOtherStillLinksBothWays() throws IOException {
    Article hantNamingNothing = article(HANT_ID, HANT_URL, "zh-Hant", "兩會開幕", List.of(), List.of());
    Path content = content(hans(), hantNamingNothing);
    Path site = tmp.resolve("site");
    build(content, site);
    assertLinksTo(site, HANS_ID, HANT_ID, "zh-Hant", "繁體 / 简体");
    assertLinksTo(site, HANT_ID, HANS_ID, "zh-Hans", "繁體 / 简体");
  }

  @Test
  void aTwinArrivingLaterRewritesTheFirstPageAndEqualsAFreshBuild() throws IOException {
    // An article between the two in list order, so the twin's arrival changes nothing else on
    // the first page (not its older/newer links, not its related list): only the edition link.
    Article between = article("20240308-1", "https://www.bannedbook.org/bnews/cnnews/20240308/1.html",
        Optional.of(DAY.plusDays(1)), "zh-Hans", "次日新闻", List.of(), List.of());
    Article laterTwin = article(HANT_ID, HANT_URL, Optional.of(DAY.plusDays(2)), "zh-Hant", "兩會開幕",
        List.of(), List.of(new Translation("zh-Hans", HANS_URL)));
    Path content = content(hans(), between);
    SiteBuilderTest.agePast(content); // old enough for the build state to trust cached metadata
    Path site = tmp.resolve("site");
    build(content, site);
    assertNull(page(site, HANS_ID).selectFirst("nav.editions"));
    SiteBuilderTest.agePast(site);
    Map<String, FileTime> before = SiteBuilderTest.mtimes(site);

    new ContentStore(content).write(laterTwin);
    BuildResult r = build(content, site);
    Set<String> changed = SiteBuilderTest.changedSince(site, before);
    assertEquals(Set.of(pagePath(HANS_ID), pagePath(HANT_ID), pagePath("20240308-1")),
        changed.stream().filter(p -> p.startsWith("a/") && p.endsWith(".html")).collect(java.util.stream.Collectors.toSet()));
    assertEquals(changed.size(), r.written());
    assertLinksTo(site, HANS_ID, HANT_ID, "zh-Hant", "繁體 / 简体");

    // A later build that takes both articles' metadata from the build state keeps the links and
    // rewrites neither page. (The new article is undated: it changes neither page's neighbours
    // nor, coming last in time, their related lists.)
    SiteBuilderTest.agePast(content);
    build(content, site); // records the aged mtimes
    SiteBuilderTest.agePast(site);
    before = SiteBuilderTest.mtimes(site);
    new ContentStore(content).write(article("undated-1", "https://www.bannedbook.org/x/1.html",
        Optional.empty(), "zh-Hans", "无日期", List.of(), List.of()));
    build(content, site);
    changed = SiteBuilderTest.changedSince(site, before);
    assertFalse(changed.contains(pagePath(HANS_ID)), changed.toString());
    assertFalse(changed.contains(pagePath(HANT_ID)), changed.toString());
    assertLinksTo(site, HANS_ID, HANT_ID, "zh-Hant", "繁體 / 简体");
    assertLinksTo(site, HANT_ID, HANS_ID, "zh-Hans", "繁體 / 简体");

    build(content, tmp.resolve("fresh"));
    TreeMap<String, byte[]> incremental = SiteBuilderTest.files(site);
    TreeMap<String, byte[]> fresh = SiteBuilderTest.files(tmp.resolve("fresh"));
    assertEquals(fresh.keySet(), incremental.keySet());
    for (String k : fresh.keySet()) {
      assertArrayEquals(fresh.get(k), incremental.get(k), k);
    }
  }

  @Test
  void removingTheTwinRemovesTheLink() throws IOException {
    Path content = content(hans(), hant());
    Path site = tmp.resolve("site");
    build(content, site);
    Files.delete(new ContentStore(content).metaFile(HANT_ID));
    build(content, site);
    assertNull(page(site, HANS_ID).selectFirst("nav.editions"));
    assertFalse(Files.exists(site.resolve(pagePath(HANT_ID))));
  }

  @Test
  void authorsAreShownInTheMetaLineAndTheFeed() throws IOException {
    Path content = content(hans(), hant());
    Path site = tmp.resolve("site");
    build(content, site);
    Element authors = page(site, HANS_ID).selectFirst(".article-header .meta .authors");
    assertNotNull(authors);
    assertEquals("作者: 张三, 李四", authors.text());
    assertNull(page(site, HANT_ID).selectFirst(".meta .authors"));
    Document feed = Jsoup.parse(Files.readString(site.resolve("feed.xml")), "", Parser.xmlParser());
    Element entry = feed.select("entry").stream()
        .filter(e -> e.selectFirst("title").text().equals("两会开幕")).findFirst().orElseThrow();
    assertEquals(List.of("张三", "李四"), entry.select("author > name").eachText());
    Element twin = feed.select("entry").stream()
        .filter(e -> e.selectFirst("title").text().equals("兩會開幕")).findFirst().orElseThrow();
    assertTrue(twin.select("author").isEmpty());
  }

  @Test
  void aRebuildWithNothingChangedWritesNothingEvenWithoutItsCache() throws IOException {
    Path content = content(hans(), hant());
    Path site = tmp.resolve("site");
    build(content, site);
    SiteBuilderTest.agePast(site);
    Map<String, FileTime> before = SiteBuilderTest.mtimes(site);
    assertEquals(0, build(content, site).written());
    assertEquals(Set.of(), SiteBuilderTest.changedSince(site, before));
    // without the cache every page is rendered again: the same bytes, so still nothing is written
    Files.delete(tmp.resolve("cache").resolve("site.state"));
    BuildResult full = build(content, site);
    assertEquals(0, full.written());
    assertEquals(Set.of(), SiteBuilderTest.changedSince(site, before));
  }
}
