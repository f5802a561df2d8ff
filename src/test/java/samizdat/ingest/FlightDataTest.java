package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class FlightDataTest {
  private static final String PARAGRAPH = "<p>The council voted on Tuesday to extend the library's opening hours,"
      + " after a long campaign by students, parents and teachers.</p>";

  /** A page whose Next.js payload pushes {@code rows} (already joined) as one chunk. */
  private static String page(String bodyHtml, String rows) {
    String literal = rows.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("<", "\\u003c");
    return "<html><head><title>Library hours</title></head><body>" + bodyHtml
        + "<script>self.__next_f.push([1,\"" + literal + "\"])</script></body></html>";
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** A text row: id, "T", the length in UTF-8 bytes in hex, a comma, the text. */
  private static String textRow(String id, String text) {
    return id + ":T" + Integer.toHexString(utf8(text)) + "," + text;
  }

  @Test
  void aStoryOnlyInThePayloadIsAddedToTheBody() {
    String story = "<p class=editor-p>Über die Brücke — 다리 건너.</p>$$ARTICLEAD$$" + PARAGRAPH + PARAGRAPH;
    String html = page("<div id=app></div>", "1:I[123,[],\"Icon\"]\n" + textRow("24", story) + "25:[\"$\",\"div\"]\n");
    Document doc = Jsoup.parse(html);
    FlightData.restore(html, doc);
    String text = doc.body().text();
    assertTrue(text.contains("Über die Brücke — 다리 건너."), text);
    assertTrue(text.contains("opening hours"), text);
    assertFalse(text.contains("$$ARTICLEAD$$"), text);
    assertFalse(text.contains("25:"), text);
  }

  @Test
  void aStoryThePageAlreadyShowsIsNotAddedTwice() {
    String story = PARAGRAPH + PARAGRAPH + PARAGRAPH;
    String html = page("<article>" + story + "</article>", textRow("7", story));
    Document doc = Jsoup.parse(html);
    FlightData.restore(html, doc);
    assertEquals(3, doc.select("p").size());
  }

  @Test
  void fewParagraphsAndBrokenPayloadsAddNothing() {
    String one = page("<div id=app></div>", textRow("7", PARAGRAPH));
    Document doc = Jsoup.parse(one);
    FlightData.restore(one, doc);
    assertEquals(0, doc.select("p").size());
    // An unterminated chunk, and a chunk of a whole long article (no regular expression to
    // overflow the stack on it).
    String cut = "<html><body><script>self.__next_f.push([1,\"7:T10,<p>a</p>";
    Document d2 = Jsoup.parse(cut);
    FlightData.restore(cut, d2);
    assertEquals(0, d2.select("p").size());
    String longStory = PARAGRAPH.repeat(2000);
    String big = page("<div id=app></div>", textRow("9", longStory));
    Document d3 = Jsoup.parse(big);
    FlightData.restore(big, d3);
    assertEquals(2000, d3.select("p").size());
  }

  /** Hankook Ilbo (fundus's test page, MIT): refused before, "no paragraphs of running text". */
  @Test
  void realHankookIlboStoryIsRead() throws Exception {
    String html = new String(Fixtures.bytes("ingest/generic/fundus-hankookilbo.html"), StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html, "https://www.hankookilbo.com/news/article/A2026012914320005196");
    FlightData.restore(html, doc);
    String md = MarkdownWriter.write(GenericBody.find(doc, new GenericBody.Hints(Optional.empty(), List.of(),
        Optional.of("newsarticle"), Optional.empty())), img -> Optional.empty());
    assertTrue(md.contains("장동혁 국민의힘 대표가 당권을 위협하던 한동훈 전 대표를 제명했지만"), md);
    assertTrue(md.contains("인재영입위원회를 발족하는"), md);
    assertFalse(md.contains("$$ARTICLEAD$$"), md);
  }
}
