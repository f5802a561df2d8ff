package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BylinesTest {
  private static final String TITLE = "本市延长图书馆开放时间";
  private static final String PARAGRAPH = "<p>市政府周二表决通过延长图书馆开放时间的决定，此前学生、家长和教师为此奔走多时，"
      + "他们表示这座建筑是全区唯一可以安静学习的地方。记者王丽在现场看到，很多学生排队等候入馆。</p>";

  private static Optional<String> byline(String html) {
    return Bylines.in(HeaderLines.of(Jsoup.parse(html), TITLE, Optional.empty()));
  }

  /** Shapes of stcn.com, thepaper.cn and cjn.cn under a headline. */
  @Test
  void aLabelledNameJustAfterTheHeadlineIsTheAuthor() {
    assertEquals(Optional.of("李在山"), byline("<h1>" + TITLE + "</h1><div><span>2019-09-26 12:11</span>"
        + "<span>来源：证券时报网</span><span>作者：</span><a href=/a>李在山</a></div>" + PARAGRAPH));
    assertEquals(Optional.of("贺梨萍"), byline("<h1>" + TITLE + "</h1><div>澎湃新闻记者 贺梨萍</div>" + PARAGRAPH));
    assertEquals(Optional.of("陈智"), byline("<h1>" + TITLE + "</h1><p>长江网10月4日讯（记者陈智 整合）</p>" + PARAGRAPH));
    assertEquals(Optional.of("Jane Roe"), byline("<h1>" + TITLE + "</h1><p class=meta>By Jane Roe and Kim Lee"
        + " | May 6, 2022</p>" + PARAGRAPH));
    assertEquals(Optional.of("Kim Lee"), byline("<h1>" + TITLE + "</h1><p>By <a href=/k>Kim Lee</a></p>" + PARAGRAPH));
  }

  @Test
  void noNameIsTakenFromProseFromElsewhereOrFromWordsThatOnlyLookLikeALabel() {
    // In the article's text (after its first paragraph), before the headline, or unlabelled.
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1>" + PARAGRAPH + "<p>作者：张三</p>"));
    assertEquals(Optional.empty(), byline("<div>作者：张三</div><h1>" + TITLE + "</h1>" + PARAGRAPH));
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1><div>王丽</div>" + PARAGRAPH));
    // A press conference (记者会), or the headline repeated with a quote in it.
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1><div>记者会上午十点开始</div>" + PARAGRAPH));
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1><h2>" + TITLE + "</h2>" + PARAGRAPH));
    assertEquals(Optional.empty(), byline("<h1>Another story</h1><div>作者：张三</div>" + PARAGRAPH));
    // A name the page marks as its byline needs no label; a role after it is no part of it.
    assertEquals(Optional.of("Steve Benen"), byline("<h1>" + TITLE + "</h1><div class=article-inline-byline>"
        + "<span class=byline-name>Steve Benen</span></div>" + PARAGRAPH));
    assertEquals(Optional.of("Nathan Tempey"), byline("<h1>" + TITLE + "</h1><div class=byline>by <span class=byline-author>"
        + "<a href=/staff/nt>Nathan&nbsp;Tempey</a></span></div>" + PARAGRAPH));
    assertEquals(Optional.of("Howard Blume"), byline("<h1>" + TITLE + "</h1><div class=author-name>By Howard Blume Staff Writer"
        + " <span>Dec. 16, 2016</span></div>" + PARAGRAPH));
    // Squarespace's byline element says "Written By" before the linked name.
    assertEquals(Optional.of("Paige Brunton"), byline("<h1>" + TITLE + "</h1><div class='blog-meta-item"
        + " blog-meta-item--author p-author author'>Written By <a href=/blog?author=1 class=blog-author-name>"
        + "Paige Brunton</a></div>" + PARAGRAPH));
    assertEquals(Optional.of("谢若含"), byline("<h1>" + TITLE + "</h1><div class=author>谢若含 <span>2017-03-01</span></div>" + PARAGRAPH));
    // A reader's name in a comments widget, a byline's furniture, an author's bio: no author.
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1><span class=recent-comments-author>Sleepy Sleepers</span>" + PARAGRAPH));
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1><div class=author-details><em>Last Updated:</em></div>" + PARAGRAPH));
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1><div class=author-bio>Kim Lee writes</div>" + PARAGRAPH));
    // Sites put a share bar and a video's title between the headline and the byline (msnbc).
    assertEquals(Optional.of("Steve Benen"), byline("<h1>" + TITLE + "</h1><ul><li>Share</li>"
        + "<li>Tweet</li></ul><p>Electoral College picks Trump</p><span>01:46</span><time datetime=2016-12-20>"
        + "Dec. 20, 2016</time><p>By <span>Steve Benen</span></p>" + PARAGRAPH));
    // The lead photo's long caption between the headline and the byline (latimes).
    assertEquals(Optional.of("Howard Blume"), byline("<h1>" + TITLE + "</h1><figure><img src=a.jpg><figcaption>"
        + "Then-Los Angeles schools Supt. Ramon Cortines, in cap, center, with L.A. County Sheriff Jim McDonnell,"
        + " right, during the district's one-day shutdown.</figcaption></figure>"
        + "<div class=byline>By Howard Blume Staff Writer</div>" + PARAGRAPH));
    // A caption outside a <figure>, by its class (Politico's credit line, The Post's pb-caption);
    // a byline in an element named a credit stays one (Yahoo's credit-bar).
    assertEquals(Optional.of("Steven Shepard"), byline("<h1>" + TITLE + "</h1><div class=story-meta>"
        + "<p class=story-meta__credit>“Pence will have to defend Trump and his year-plus of inflammatory"
        + " comments,” a New Hampshire Republican told POLITICO. | Illustration by POLITICO / AP Photo</p>"
        + "<p class=story-meta__authors>By <span class=vcard><a href=/staff/ss>Steven Shepard</a></span></p>"
        + "</div>" + PARAGRAPH));
    assertEquals(Optional.of("Gillian Mohney"), byline("<h1>" + TITLE + "</h1><div class=credit-bar><div"
        + " class=credit><cite class='byline vcard'><span>By </span><span class=fn>Gillian Mohney</span>"
        + "</cite></div></div>" + PARAGRAPH));
    // A role in place of a name.
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1><p>By Staff Writer</p>" + PARAGRAPH));
    assertEquals(Optional.empty(), byline("<h1>" + TITLE + "</h1><p>By The Editors</p>" + PARAGRAPH));
  }
}
