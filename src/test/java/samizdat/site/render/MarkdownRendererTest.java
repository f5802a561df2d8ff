package samizdat.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import samizdat.site.model.SiteLayout;

class MarkdownRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private static final String PAGE = "a/2024/ab/x.html";

  private Document render(String md) {
    return Jsoup.parseBodyFragment(renderer.render(md, PAGE, Set.of("img1.png")::contains, false).html());
  }

  @Test
  void rawHtmlIsShownAsText() {
    Document d = render("<script>alert(1)</script>\n\nHello <img src=x onerror=alert(2)> <b>bold</b>");
    assertTrue(d.select("script, img, b").isEmpty(), d.html());
    assertTrue(d.text().contains("<script>alert(1)</script>"));
    assertTrue(d.text().contains("<img src=x onerror=alert(2)>"));
  }

  @Test
  void onlyHttpMailtoAndRelativeLinksSurvive() {
    Document d = render("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) "
        + "[d](vbscript:x) [e](https://example.org/x) [f](mailto:a@example.org) [g](other.html) "
        + "[h](java\tscript:alert(1)) [i](/root/x.html) [j](file:///etc/passwd)");
    List<String> hrefs = d.select("a").eachAttr("href");
    assertEquals(List.of("https://example.org/x", "mailto:a@example.org", "other.html"), hrefs);
    assertTrue(d.text().contains("a b c d"), "link text stays: " + d.text());
  }

  @Test
  void externalLinksAreMarkedAsLeavingTheArchive() {
    Element a = render("[x](https://example.org/)").selectFirst("a");
    assertEquals("external", a.attr("class"));
    assertTrue(a.attr("rel").contains("noopener"));
  }

  @Test
  void localImagesPointAtTheSiteCopyAndRemoteImagesBecomeLinks() {
    Document d = render("![one](../media/img1.png)\n\n![two](https://evil.example/t.png)\n\n"
        + "![three](../media/missing.png)\n\n![four](../media/../../etc/passwd)");
    List<Element> imgs = d.select("img");
    assertEquals(1, imgs.size(), d.html());
    assertEquals("../../../media/" + SiteLayout.bucket("img1.png") + "/img1.png", imgs.get(0).attr("src"));
    assertEquals("one", imgs.get(0).attr("alt"));
    assertEquals("https://evil.example/t.png", d.selectFirst("a").attr("href"));
    assertTrue(d.text().contains("[图片 image] two"), d.text());
    assertTrue(d.text().contains("[图片 image] three"), d.text());
    assertEquals(3, d.select("p.image-missing").size(), d.html());
  }

  @Test
  void aCaptionUnderASavedImageIsAFigureCaptionWithoutEmphasis() {
    Document d = render("Text before.\n\n![photo](../media/img1.png)\n\n*警方在2024年3月4日拍摄的照片*\n\n"
        + "A paragraph with *real emphasis*.");
    Element figure = d.selectFirst("figure");
    assertTrue(figure != null, d.html());
    assertEquals(1, figure.select("img").size());
    assertEquals("警方在2024年3月4日拍摄的照片", figure.selectFirst("figcaption").text());
    assertTrue(figure.select("em").isEmpty(), "no emphasis marks in the caption: " + figure.html());
    assertEquals(1, d.select("p em").size(), "emphasis elsewhere stays: " + d.html());
  }

  @Test
  void theCaptionOfAnImageThatWasNotSavedJoinsTheNoteInsteadOfStandingAlone() {
    Document d = render("![photo](../media/missing.png)\n\n*示威者在街头*\n\nNext paragraph.");
    assertTrue(d.select("figure, figcaption, em").isEmpty(), d.html());
    Element note = d.selectFirst("p.image-missing");
    assertEquals("[图片 image] 示威者在街头", note.text());
    assertEquals(2, d.select("p").size(), "the note and the next paragraph: " + d.html());
  }

  @Test
  void mustacheSyntaxInBodiesIsPlainText() {
    Document d = render("{{siteTitle}} {{{body}}} {{#x}}y{{/x}}");
    assertEquals("{{siteTitle}} {{{body}}} {{#x}}y{{/x}}", d.text());
  }

  @Test
  void plainTextForSearchHasNoMarkup() {
    String text = renderer.render("# Title\n\nSome *emphasis* and [a link](https://x.org).", PAGE,
        n -> false, true).plainText();
    assertTrue(text.contains("Some emphasis and a link"), text);
    assertFalse(text.contains("*"));
  }

  @Test
  void thePagesTextIsTheTextTheIndexWouldMakeItself() {
    // Article pages hand this text to the search index (BodyTexts) in place of its own parse.
    String body = "## 标题 *强调*\n\n第一段，有[链接](https://example.org/a?b=1)和`代码`。\n\n"
        + "![图片说明](../media/a.png)\n\n> 引用\n> 第二行\n\n- 一\n- 二  \n  续\n\n"
        + "```\ncode block\n```\n\n\\*不是强调\\* {{x}} <script>x</script>\n";
    String own = renderer.plainText(body, PAGE, "a.png"::equals);
    assertTrue(own.contains("第一段，有链接和代码。") && own.contains("code block"), own);
    assertEquals(own, renderer.render(body, PAGE, "a.png"::equals, true).plainText());
    assertEquals("", renderer.render(body, PAGE, "a.png"::equals, false).plainText());
  }

  @Test
  void mediaFilesAreListed() {
    assertEquals(List.of("a.png", "b.jpg"),
        renderer.mediaFiles("![x](../media/a.png) ![y](https://x/y.png) ![z](../media/b.jpg)"));
  }
}
