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
    return HeaderLines.of(Jsoup.parse(html), TITLE);
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
    // Without the headline on the page; after the first paragraph; a date in the future.
    assertEquals(List.of(), lines("<div>2005年3月8日</div><h1>另一个标题</h1><p>2005年3月8日</p>"));
    assertEquals(Optional.empty(), date("<h1>" + TITLE + "</h1>" + PARAGRAPH + "<p>2005年3月8日</p>"));
    assertEquals(Optional.empty(), date("<b>" + TITLE + "</b><p>2999年3月8日</p>" + PARAGRAPH));
    // The headline repeated is no header line.
    assertEquals(List.of("2005-03-08"), lines("<h1>" + TITLE + "</h1><h2>" + TITLE + "</h2><p>2005-03-08</p>" + PARAGRAPH));
  }
}
