package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HeaderLinesTest {
  private static final String TITLE = "本市延长图书馆开放时间";
  private static final String PARAGRAPH = "<p>市政府周二表决通过延长图书馆开放时间的决定，此前学生、家长和教师为此奔走多时，"
      + "他们表示这座建筑是全区唯一可以安静学习的地方。2005年3月1日，很多学生排队等候入馆。</p>";

  private static List<String> lines(String html) {
    return HeaderLines.of(Jsoup.parse(html), TITLE, Optional.empty());
  }

  private static Optional<LocalDate> date(String html) {
    return Dates.firstIn(lines(html), LocalDate.of(2026, 1, 1));
  }

  /** Old portals: no metadata, the date in a line between the bold headline and the body. */
  @Test
  void theLinesBetweenTheHeadlineAndTheFirstParagraph() {
    String nav = "<td>今天是2005年3月9日 星期三 <a href=/n/1>旧闻 2004-12-01</a></td>";
    String page = "<table><tr>" + nav + "</tr><tr><td><b>" + TITLE + "</b></td></tr>"
        + "<tr><td>2005年3月8日 10:21 <span>来源：某某日报</span></td></tr><tr><td>" + PARAGRAPH + "</td></tr>"
        + "<tr><td>相关新闻 2005-01-02</td></tr></table>";
    assertEquals(List.of("2005年3月8日 10:21", "来源：某某日报"), lines(page));
    assertEquals(Optional.of(LocalDate.of(2005, 3, 8)), date(page));
    assertEquals(Optional.of(LocalDate.of(2022, 5, 6)), date("<h1>" + TITLE + "</h1><p>By Jane Roe | May 6, 2022</p>"));
  }

  @Test
  void noDateFromBeforeTheHeadlineFromTheArticleOrFromTheFuture() {
    // Without the headline on the page (a site's name in the <h1>, or its logo linking home);
    // after the first paragraph; a date in the future.
    assertEquals(List.of(), lines("<div>2005年3月8日</div><h1>某某日报</h1><p>今天是2005年3月8日</p>"));
    assertEquals(List.of(), lines("<h1><a href='https://paper.example/'>某某日报 新闻中心 首页</a></h1><p>2005年3月8日</p>"));
    assertEquals(Optional.empty(), date("<h1>" + TITLE + "</h1>" + PARAGRAPH + "<p>2005年3月8日</p>"));
    assertEquals(Optional.empty(), date("<b>" + TITLE + "</b><p>2999年3月8日</p>" + PARAGRAPH));
    // The headline repeated is no header line.
    assertEquals(List.of("2005-03-08"), lines("<h1>" + TITLE + "</h1><h2>" + TITLE + "</h2><p>2005-03-08</p>" + PARAGRAPH));
  }

  /**
   * A page whose title is its social one shows its headline in an {@code <h1>}; a dek may stand
   * between it and the lines, and a {@code <time>} gives its datetime.
   */
  @Test
  void underTheShownHeadlinePastTheDek() {
    String dek = "An anti-regulation, pro-dealmaking US president could make for an interesting year"
        + " for wireless and broadband companies.";
    String page = "<h1>Seven mobile trends to look for in 2017</h1><p class=c-head_dek>" + dek + "</p>"
        + "<div>By <a href=/p/1>Marguerite Reardon</a> <span>·</span> <time datetime='2016-12-22T05:00:00-0800'>"
        + "5 hours ago</time></div>" + PARAGRAPH;
    List<String> lines = HeaderLines.of(Jsoup.parse(page), "2017: what to expect from your phone", Optional.empty());
    assertEquals(List.of("By", "Marguerite Reardon", "2016-12-22T05:00:00-0800", "5 hours ago"), lines);
    // The dek known by the page's description rather than by its name.
    String plain = page.replace(" class=c-head_dek", "");
    assertEquals(List.of(), HeaderLines.of(Jsoup.parse(plain), "Seven mobile trends to look for in 2017", Optional.empty()));
    assertEquals(lines, HeaderLines.of(Jsoup.parse(plain), "Seven mobile trends to look for in 2017", Optional.of(dek)));
    // Only one dek: the article's first paragraph after it ends the lines.
    assertEquals(List.of(), HeaderLines.of(Jsoup.parse("<h1>Seven mobile trends to look for in 2017</h1><p class=dek>"
        + dek + "</p>" + PARAGRAPH + "<p>2005-03-08</p>"), "Seven mobile trends to look for in 2017", Optional.empty()));
  }
}
