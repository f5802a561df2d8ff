package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import samizdat.content.RelatedLink;

class ArticleExtractorTest {
  private static SiteProfile bannedbook;
  private static ArticleExtractor.Extracted sora;
  private static String soraText;
  private static String soraMarkdown;

  @BeforeAll
  static void extractFixture() throws Exception {
    bannedbook = Profiles.forced("bannedbook").all().get(0);
    Document doc = Jsoup.parse(Fixtures.sora(), "file:///saved/bannedbook-sora.html");
    sora = extract(doc, bannedbook);
    soraText = sora.body().text();
    soraMarkdown = MarkdownWriter.write(sora.body(), img -> Optional.empty());
  }

  @Test
  void titleIsTheHeading() {
    assertEquals("中国大厂集体“屏蔽”Sora", sora.title());
  }

  @Test
  void titleIsTheFirstMatchWithTextInDocumentOrderAndRulesInTheirOrder() throws Exception {
    Document doc = Jsoup.parse("<div><h2> </h2></div><h2><img alt=x></h2><h2>  第一\n个  </h2>"
        + "<h2>第二</h2><div class=entry><p>正文</p></div>");
    assertEquals("第一 个", extract(doc, bannedbook).title());
    SiteProfile twoRules = SiteProfile.parse(("{\"name\": \"t\", \"hosts\": [\"t.example\"], "
        + "\"title\": [\"h1.none\", \"meta[property=og:title]\", \"h2\"], \"body\": \"div.entry\", \"language\": \"zh\"}")
        .getBytes(StandardCharsets.UTF_8), "test");
    Document meta = Jsoup.parse("<meta property=og:title content=' '><meta property=og:title content='元'>"
        + "<h2>标题</h2><div class=entry><p>正文</p></div>");
    assertEquals("元", extract(meta, twoRules).title());
  }

  @Test
  void textIsCharacterExactWhereInlineElementsWereUnwrapped() {
    assertTrue(soraMarkdown.contains("有本科学生"), soraMarkdown);
    assertTrue(soraMarkdown.contains("并购YY中国。"), soraMarkdown);
    assertTrue(soraMarkdown.contains("百度们亟需推出中国Sora"), soraMarkdown);
    assertTrue(soraMarkdown.contains("而Sora是“听懂”人话后，进行视频的建构。"), soraMarkdown);
    assertTrue(soraMarkdown.startsWith("在AI的长河里，从不缺一鸣惊人、一夜成名的技术。下图，便是从Sora的示范视频上截取的"));
    assertTrue(soraMarkdown.endsWith("女孩的胳膊与手并不在同一个维度。\n"));
  }

  @Test
  void keywordAndTagLinksBecomePlainText() {
    assertFalse(soraMarkdown.contains("]("), "no links are left in this body: " + soraMarkdown);
    assertTrue(sora.body().select("a").isEmpty());
  }

  @Test
  void everyParagraphOfTheBodyIsKeptInOrderWithNoBlankOnes() {
    String[] paragraphs = soraMarkdown.stripTrailing().split("\n\n");
    assertEquals(55, paragraphs.length, "the 55 <p> of div.entry");
    for (String p : paragraphs) {
      assertFalse(p.isBlank());
      assertFalse(p.contains("\n"), p);
    }
    assertEquals("**Sora到底牛在哪里？**", paragraphs[10]);
  }

  @Test
  void adsBannersPromosShareAnchorsAndCommentsAreDropped() {
    for (String gone : List.of("翻墙软件或APP", "Ad：", "美好不容错过", "V2ray", "法国犹太老板",
        "ADSLOT", "taboola", "AuctionX", "来源", "相关阅读", "江棋生", "大陆网友注意")) {
      assertFalse(sora.body().outerHtml().contains(gone), gone);
      assertFalse(soraMarkdown.contains(gone), gone);
    }
    assertTrue(sora.body().select("figure, ul, script, [clicktrack], [onclick]").isEmpty());
    assertTrue(sora.body().select("[id^=archive-pix], .banner-ads, a[name]").isEmpty());
  }

  @Test
  void tagsAreOrderedAndDeduplicatedIgnoringCase() {
    assertEquals(List.of("Sora", "ChatGPT", "OpenAI", "无人机", "百度", "李彦宏", "视频平台", "周鸿祎", "中国"),
        sora.tags());
    Document doc = Jsoup.parse("<h2>T</h2><div class=entry><p><a class=st_tag rel=tag href=/t/a>AI</a>"
        + "和<a class=st_tag rel=tag href=/t/b>ai</a>和<a class=st_tag rel=tag>Ai </a></p></div>");
    assertEquals(List.of("AI"), assertDoesNotThrow(() -> extract(doc, bannedbook)).tags());
  }

  @Test
  void relatedArticlesHavePlainTitlesAndAbsoluteUrls() {
    assertEquals(5, sora.related().size());
    assertEquals(new RelatedLink("Sora文本转视频功能太强？中国开始复制",
        "https://www.bannedbook.org/bnews/cnnews/20240307/2009999.html"), sora.related().get(0));
    assertEquals("美国Sora掀起中共的「AI焦虑」", sora.related().get(1).title());
  }

  @Test
  void relativeRelatedLinksResolveAgainstThePageUrl() throws Exception {
    Document doc = Jsoup.parse("<h2>T</h2><div class=entry><p>x</p><ul class=op-related-articles>"
        + "<li><a href='/bnews/a/20240101/1.html?utm_medium=x'><b>甲</b>乙</a></li>"
        + "<li><a href='javascript:void(0)'>坏</a></li></ul></div>", "https://www.bannedbook.org/bnews/x/");
    assertEquals(List.of(new RelatedLink("甲乙", "https://www.bannedbook.org/bnews/a/20240101/1.html")),
        extract(doc, bannedbook).related());
  }

  @Test
  void relatedListAndSourceLineAreAlsoFoundAfterTheBody() throws Exception {
    Document doc = Jsoup.parse("<h2>T</h2><div class=entry><p>正文</p></div><p class=src-info>来源：某报</p>"
        + "<ul class=op-related-articles><li><a href='https://www.bannedbook.org/a/20240101/1.html'>甲</a></li></ul>");
    var ex = extract(doc, bannedbook);
    assertEquals(Optional.of("某报"), ex.source());
    assertEquals(List.of(new RelatedLink("甲", "https://www.bannedbook.org/a/20240101/1.html")), ex.related());
  }

  @Test
  void sourceLineBecomesTheSourceName() {
    assertEquals(Optional.of("偲睿洞察"), sora.source());
  }

  @Test
  void languageComesFromThePageOrTheProfile() throws Exception {
    assertEquals("zh-Hans", sora.language());
    Document doc = Jsoup.parse("<html lang=zh-Hant><h2>T</h2><div class=entry><p>x</p></div>");
    assertEquals("zh-Hant", extract(doc, bannedbook).language());
  }

  @Test
  void pagesWithoutBodyOrTitleAreNotArticles() {
    Document noBody = Jsoup.parse("<h2>T</h2><div class=other><p>x</p></div>");
    var e = assertThrows(ArticleExtractor.NotAnArticle.class,
        () -> extract(noBody, bannedbook));
    assertTrue(e.getMessage().contains("div.entry"), e.getMessage());
    Document noTitle = Jsoup.parse("<div class=entry><p>x</p></div>");
    assertThrows(ArticleExtractor.NotAnArticle.class, () -> extract(noTitle, bannedbook));
  }

  @Test
  void trackingPixelsGo() throws Exception {
    Document doc = Jsoup.parse("<h2>T</h2><div class=entry><p>x<img src=p.gif width=1 height=1>"
        + "<img src=real.jpg width=600></p></div>");
    var ex = extract(doc, bannedbook);
    assertEquals(List.of("real.jpg"), ex.body().select("img").eachAttr("src"));
  }

  /**
   * A generic page without metadata authors takes its byline's name, but not the site's or a
   * company's name in a byline element.
   */
  @Test
  void aBylineNamesAPersonNotThePublisher() throws Exception {
    String story = "<p>" + "The council voted on Tuesday to extend the library's opening hours. ".repeat(8) + "</p>";
    String page = "<head><title>Library hours extended</title><meta property=og:site_name content='Hildesheimer Presse'>"
        + "</head><body><article><h1>Library hours extended</h1><div class=byline><a class=author href=/a>%s</a></div>"
        + story + story + "</article></body>";
    SiteProfile generic = SiteProfile.generic();
    assertEquals(List.of("Jane Roe"), extract(Jsoup.parse(page.formatted("Jane Roe")), generic).authors());
    assertEquals(List.of(), extract(Jsoup.parse(page.formatted("Hildesheimer Presse")), generic).authors());
    assertEquals(List.of(), extract(Jsoup.parse(page.formatted("Example Media Inc.")), generic).authors());
    // Metadata that names only the site gives way to the byline's person (Lesotho Times, Stern).
    String named = page.replace("</head>", "<meta name=author content='Hildesheimer Presse'></head>");
    assertEquals(List.of("Jane Roe"), extract(Jsoup.parse(named.formatted("Jane Roe")), generic).authors());
    assertEquals(List.of("Hildesheimer Presse"),
        extract(Jsoup.parse(named.formatted("Hildesheimer Presse")), generic).authors());
  }

  /** The extractor as ingest runs it: metadata read first, no URL. */
  static ArticleExtractor.Extracted extract(Document page, SiteProfile profile)
      throws ArticleExtractor.NotAnArticle {
    return new ArticleExtractor().extract(page, profile,
        PageMetadata.read(page, java.time.LocalDate.of(2026, 1, 1)), Optional.empty());
  }

  private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
  }
}
