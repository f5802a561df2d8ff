package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TitlesTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 3, 8);

  private static Optional<String> title(String html) {
    Document page = Jsoup.parse(html, "https://www.example.com/a.html");
    Optional<Element> body = Optional.ofNullable(page.selectFirst("#body"));
    return Titles.choose(PageMetadata.read(page, TODAY), page, body);
  }

  private static String doc(String title, String siteName) {
    return Titles.withoutSite(title, Optional.ofNullable(siteName));
  }

  @Test
  void structuredHeadlineFirstWithoutTheSiteName() {
    assertEquals(Optional.of("Floods close schools"), title("""
        <title>Floods hit the north | Daily Site</title>
        <meta property=og:title content="Floods close schools | Daily Site">
        <meta property=og:site_name content="Daily Site"><h1>Floods hit the north</h1>"""));
    // og:title repeating the document title carries the site part: stripped as a title would be.
    assertEquals(Optional.of("Markets rally after the central bank holds rates"), title("""
        <title>Markets rally after the central bank holds rates | Finance Wire</title>
        <meta property=og:title content="Markets rally after the central bank holds rates | Finance Wire">"""));
    // A headline that is not the document title keeps its separators.
    assertEquals(Optional.of("Q&A - what the new rules mean"), title("""
        <title>Rules explained</title><script type=application/ld+json>
        {"@type":"NewsArticle","headline":"Q&A - what the new rules mean"}</script>"""));
  }

  @Test
  void headingInOrBeforeTheBodyThatIsInTheDocumentTitle() {
    String page = """
        <title>Rain returns to Kent - Weather - Daily Site</title>
        <meta property=og:site_name content="Daily Site">
        <header><h1>Daily Site</h1><nav><h2>Sections</h2></nav></header>
        <main><h2>  Rain   returns to Kent </h2><div id=body><p>Text.</p></div></main>
        <aside><h1>Rain returns</h1></aside>""";
    // The logo h1 is in the title's site part; the h1 after the body is not looked at.
    assertEquals(Optional.of("Rain returns to Kent"), title(page));
    assertEquals(Optional.of("Short h1 inside the body"), title("""
        <title>Short h1 inside the body – and more words in the title</title>
        <h1>Not in the title</h1><div id=body><h1>Short h1 inside the body</h1></div>"""));
  }

  @Test
  void documentTitleWithoutItsSiteNameWhenNoHeadingMatches() {
    assertEquals(Optional.of("Rain returns to Kent"), title("""
        <title>Rain returns to Kent - BBC News</title><meta property=og:site_name content="BBC News">
        <h1>BBC News</h1><div id=body><h2>Weather</h2></div>"""));
    assertEquals(Optional.of("美国宣布对华加征关税 中方回应"),
        title("<title>美国宣布对华加征关税 中方回应_新浪新闻</title><div id=body></div>"));
  }

  @Test
  void siteNameSegmentsAndSeparators() {
    assertEquals("Title of the story", doc("Title of the story - BBC News", "BBC News"));
    assertEquals("标题", doc("标题-搜狐", "搜狐"));
    assertEquals("Title of the story", doc("BBC News | Title of the story", "bbc news"));
    assertEquals("Title of the story", doc("Title of the story — Aktuálně.cz",
        "Aktuálně.cz - Víte, co se právě děje"));
    // Without a site name: the shorter trailing segment, when what remains is a title.
    assertEquals("Ministers agree new budget deal", doc("Ministers agree new budget deal | Site", null));
    assertEquals("A longer story title here", doc("A longer story title here — The Site", null));
    assertEquals("Title with a – dash inside", doc("Title with a – dash inside – Site", null));
    assertEquals("教育部发布新规 高考改革", doc("教育部发布新规 高考改革｜新闻中心", null));
    assertEquals("海外留学生看两会：出国前后关注点大不同_教育频道",
        doc("海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网", null));
    // Kept whole: too little before the separator, or the trailing part is the longer one.
    assertEquals("Home | Example", doc("Home | Example", null));
    assertEquals("Brexit - How Britain came to vote to leave the European Union",
        doc("Brexit - How Britain came to vote to leave the European Union", null));
    assertEquals("Daily Site", doc("Daily Site", "Daily Site"));
    assertEquals("Covid-19 vaccines approved", doc("Covid-19 vaccines approved", null));
  }

  /** A newspaper's section before its headline, its archive's year after: not the headline's. */
  @Test
  void sectionAndArchiveLabelsAreNoPartOfIt() {
    assertEquals(Optional.of("Ahmad Khan Rahami Is Arrested in Manhattan and New Jersey Bombings"),
        title("<meta property=og:title content='Ahmad Khan Rahami Is Arrested in Manhattan and New Jersey Bombings"
            + " (Published 2016)'><div id=body></div>"));
    assertEquals(Optional.of("Enough platitudes: Let’s name names"),
        title("<meta property=og:title content='Opinion | Enough platitudes: Let’s name names'><div id=body></div>"));
    // A review's "Review:" is its headline's; a label with too little after it stays.
    assertEquals("Review: La La Land is a love letter to musicals",
        Titles.withoutLabels("Review: La La Land is a love letter to musicals"));
    assertEquals("Opinion | Yes", Titles.withoutLabels("Opinion | Yes"));
  }

  @Test
  void firstHeadingWhenThereIsNoTitleAndEmptyWhenNothing() {
    assertEquals(Optional.of("Section head"), title("<h1> </h1><h2>Section  head</h2>"));
    assertEquals(Optional.of("The h1"), title("<h2>An h2</h2><h1>The h1</h1>"));
    assertEquals(Optional.empty(), title("<p>No title at all</p>"));
    assertEquals(Optional.empty(), title("<title>  </title><p>x</p>"));
  }

  @Test
  void realPages() {
    Document gmw = Jsoup.parse(new String(Fixtures.bytes("ingest/generic/readability-gmw.html"),
        StandardCharsets.UTF_8), "http://fakehost/test/page.html");
    PageMetadata meta = PageMetadata.read(gmw, TODAY);
    // "宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网": the h1 is the title part.
    assertEquals(Optional.of("宇航员在太空中喝酒会怎么样？后果很严重"),
        Titles.choose(meta, gmw, Optional.ofNullable(gmw.getElementById("contentMain"))));
    assertEquals(Optional.of("宇航员在太空中喝酒会怎么样？后果很严重"),
        Titles.choose(meta, gmw, Optional.empty()));
    Document herald = Jsoup.parse(new String(Fixtures.bytes(
        "ingest/meta/readability-herald-sun-1.html"), StandardCharsets.UTF_8), "http://fakehost/");
    assertEquals(Optional.of("Angry media won’t buckle over new surveillance laws"),
        Titles.choose(PageMetadata.read(herald, TODAY), herald, Optional.empty()));
  }

  /** A headline given with a section or the site after it, as the page's own h1 shows it. */
  @Test
  void theShownHeadlineWithoutWhatFollowsItInTheGivenOne() {
    assertEquals(Optional.of("Bubi-Bomber wieder da: Thioune fordert Geduld mit Niemiec"), title("""
        <title>Bubi-Bomber wieder da | BILD.de</title><script type=application/ld+json>
        {"@type":"NewsArticle","headline":"Bubi-Bomber wieder da: Thioune fordert Geduld mit Niemiec | Sport"}
        </script><h1>Bubi-Bomber wieder da: Thioune fordert Geduld mit Niemiec</h1>"""));
    assertEquals(Optional.of("促进航天技术更好惠及人民"), title("""
        <title>促进航天技术更好惠及人民--时政--人民网</title><h1></h1><h1>促进航天技术更好惠及人民</h1>"""));
    // Not a blog's name before the title, nor a headline's first part before a colon.
    assertEquals(Optional.of("高木浩光＠自宅の日記 - 改正NICT法がプチ炎上"), title("""
        <meta property=og:title content="高木浩光＠自宅の日記 - 改正NICT法がプチ炎上">
        <h1>高木浩光＠自宅の日記</h1>"""));
    assertEquals(Optional.of("Lust for Youth: Lust for Youth"), title("""
        <meta property=og:title content="Lust for Youth: Lust for Youth"><h1>Lust for Youth</h1>"""));
  }
}
