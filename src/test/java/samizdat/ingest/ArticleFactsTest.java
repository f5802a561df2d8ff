package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import samizdat.content.ArticleIds;

class ArticleFactsTest {
  private final SiteProfile bannedbook = Profiles.bundled().all().get(0);

  ArticleFactsTest() throws ProfileException {}

  @Test
  void datesInTheUsualWritings() {
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), ArticleFacts.parseDate("2024-03-07T10:00:00+08:00"));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), ArticleFacts.parseDate("发布于 2024年3月7日 10:00"));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), ArticleFacts.parseDate("2024/3/7"));
    assertEquals(Optional.empty(), ArticleFacts.parseDate("2024-02-30"));
    assertEquals(Optional.empty(), ArticleFacts.parseDate("no date here 12345"));
  }

  @Test
  void publishedComesFromUrlThenPageNeverInvented() {
    Document none = Jsoup.parse("<h2>t</h2><div class=entry><p>2024年不是日期</p></div>");
    assertEquals(Optional.empty(), published(Optional.empty(), none, none.body()));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 4)), published(
        Optional.of("https://www.bannedbook.org/bnews/x/20240304/2008744.html"), none, none.body()));
    Document meta = Jsoup.parse("<head><meta name=date content=2020-01-01>"
        + "<meta property=article:published_time content=2023-05-06T01:02:03Z></head>"
        + "<div class=entry><time datetime=2019-09-09>x</time></div>");
    assertEquals(Optional.of(LocalDate.of(2023, 5, 6)),
        published(Optional.empty(), meta, meta.body()));
    Document time = Jsoup.parse("<div class=entry><p><time datetime='2019-09-09T12:00'>昨天</time></p></div>");
    assertEquals(Optional.of(LocalDate.of(2019, 9, 9)),
        published(Optional.empty(), time, time.body()));
    // The generic rules on elements of any name with itemprop; the profile's own on any element,
    // and before the generic ones.
    Document itemprop = Jsoup.parse("<h2>t</h2><span itemprop=datePublished>2021年2月3日</span>"
        + "<div class=entry><p>x</p></div>");
    assertEquals(Optional.of(LocalDate.of(2021, 2, 3)),
        published(Optional.empty(), itemprop, itemprop.body()));
    Document own = Jsoup.parse("<h2>t</h2><span itemprop=datePublished>2021-02-03</span>"
        + "<div class=postmeta>发表于 2022.7.8</div><div class=entry><p>x</p></div>");
    assertEquals(Optional.of(LocalDate.of(2022, 7, 8)),
        published(Optional.empty(), own, own.body()));
  }

  private Optional<LocalDate> published(Optional<String> url, Document page,
      org.jsoup.nodes.Element body) {
    return ArticleFacts.published(url, page, body, Optional.empty(), bannedbook,
        PageMetadata.read(page, LocalDate.of(2026, 1, 1)));
  }

  /** What the page states wins over the lines under the headline; those over nothing. */
  @Test
  void theHeaderLinesDateComesAfterEverythingThePageStates() {
    Document page = Jsoup.parse("<head><meta name=date content=2020-01-01></head><div class=entry><p>x</p></div>");
    Optional<LocalDate> header = Optional.of(LocalDate.of(2005, 3, 8));
    PageMetadata meta = PageMetadata.read(page, LocalDate.of(2026, 1, 1));
    assertEquals(Optional.of(LocalDate.of(2020, 1, 1)),
        ArticleFacts.published(Optional.empty(), page, page.body(), header, bannedbook, meta));
    Document none = Jsoup.parse("<div class=entry><p>x</p></div>");
    assertEquals(header, ArticleFacts.published(Optional.empty(), none, none.body(), header, bannedbook,
        PageMetadata.read(none, LocalDate.of(2026, 1, 1))));
    assertEquals(Optional.empty(), ArticleFacts.published(Optional.empty(), none, none.body(),
        Optional.of(LocalDate.of(2999, 1, 1)), bannedbook, PageMetadata.read(none, LocalDate.of(2026, 1, 1))));
  }

  @Test
  void idsAreStableAndFileSystemSafe() {
    String own = ArticleFacts.id(Optional.of("https://www.bannedbook.org/bnews/a/20240307/2009999.html"),
        bannedbook, "t", "b");
    assertEquals("20240307-2009999", own);
    String byUrl = ArticleFacts.id(Optional.of("https://example.org/news/1"), bannedbook, "t", "b");
    assertEquals(byUrl, ArticleFacts.id(Optional.of("https://example.org/news/1"), bannedbook, "x", "y"));
    assertTrue(byUrl.startsWith("u-") && ArticleIds.isValid(byUrl), byUrl);
    String byText = ArticleFacts.id(Optional.empty(), bannedbook, "标题", "正文");
    assertTrue(byText.startsWith("t-") && ArticleIds.isValid(byText), byText);
    assertEquals(byText, ArticleFacts.id(Optional.empty(), bannedbook, "标题", "正文"));
    assertNotEquals(byText, ArticleFacts.id(Optional.empty(), bannedbook, "标题", "正文。"));
    assertEquals(ArticleFacts.id(Optional.empty(), bannedbook, "标题", "正文\n"),
        ArticleFacts.id(Optional.empty(), bannedbook, "标题", "正文![图 \\[1\\]](../media/ab12.png)\n"),
        "an image that turned up later does not make another article");
  }

  @Test
  void withoutImagesRemovesExactlyWhatTheLookbehindRegexRemoved() {
    // The ids of stored articles hash the body without images; the fast scan must cut the same
    // spans as the regex the first ids were made with, escapes and near-misses included.
    Pattern original = Pattern.compile(
        "(?<!\\\\)!\\[(?:\\\\.|[^\\]\\\\])*\\]\\(\\.\\./media/[^)\\s]*\\)");
    String[] parts = {"![", "]", "(../media/", "a.png", ")", "\\", "\\]", "文字", " ", "!", "[", "(", "x"};
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder body = new StringBuilder();
      int len = random.nextInt(14);
      for (int k = 0; k < len; k++) {
        body.append(parts[random.nextInt(parts.length)]);
      }
      String b = body.toString();
      assertEquals(original.matcher(b).replaceAll(""), ArticleFacts.withoutImages(b), b);
    }
    assertEquals("前后", ArticleFacts.withoutImages("前![图 \\] 一](../media/ab12.jpg)后"));
    assertEquals("\\![x](../media/a.png)", ArticleFacts.withoutImages("\\![x](../media/a.png)"));
  }

  @Test
  void textIdHashesTitleLineFeedAndBodyWithoutImagesAsOneString() throws Exception {
    // The first ids hashed the UTF-8 of one concatenated string; the pieces fed separately (and
    // the body's bytes passed in) must give the same bytes, lone surrogate halves included.
    String[] parts = {"文", "a", "\n", "\ud83d", "\ude00", "\ud83d\ude00", "![图](../media/a.png)", "。"};
    Random random = new Random(11);
    for (int n = 0; n < 5_000; n++) {
      String title = randomText(random, parts);
      String body = randomText(random, parts);
      byte[] whole = (title + "\n" + ArticleFacts.withoutImages(body)).getBytes(StandardCharsets.UTF_8);
      String expected = "t-" + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(whole)).substring(0, 20);
      String label = title + " | " + body;
      assertEquals(expected, ArticleFacts.id(Optional.empty(), bannedbook, title, body), label);
      assertEquals(expected, ArticleFacts.id(Optional.empty(), bannedbook, title, body,
          body.getBytes(StandardCharsets.UTF_8)), label);
    }
  }

  @Test
  void sha256IsTheJdkDigestEveryTime() throws Exception {
    Random random = new Random(3);
    for (int n = 0; n < 200; n++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
          ArticleFacts.sha256(bytes));
    }
  }

  private static String randomText(Random random, String[] parts) {
    StringBuilder b = new StringBuilder();
    int len = random.nextInt(6);
    for (int k = 0; k < len; k++) {
      b.append(parts[random.nextInt(parts.length)]);
    }
    return b.toString();
  }
}
