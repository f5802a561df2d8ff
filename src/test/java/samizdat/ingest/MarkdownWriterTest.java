package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownWriterTest {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

  private static String md(String bodyHtml) {
    Document doc = Jsoup.parse("<div id=b>" + bodyHtml + "</div>", "https://example.org/a/page.html");
    return MarkdownWriter.write(doc.getElementById("b"), img -> Optional.of("f00.png"));
  }

  /** Renders Markdown with commonmark the way a reader would see it. */
  private static Document render(String markdown) {
    return Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(markdown)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "*not emphasis* and _not either_ and **nor this**",
      "# not a heading",
      "[x](javascript:alert(1))",
      "<script>alert(1)</script> written as text",
      "{{x}} and {{{y}}} are not Mustache",
      "1. not a list",
      "- not a list either",
      "+ nor this",
      "a & b &amp; c &lt;",
      "`not code` ``also not``",
      "back\\slash \\* and \\\\",
      "| a | b |",
      "~~not struck~~",
      "> not a quote",
      "![not an image](x.png)",
      "<http://not.an.autolink>",
      "===",
      "***",
      "   leading spaces",
      "中文＊全角＊符号「引号」“双引号”——破折号……",
  })
  void textLooksLikeMarkupButRendersLiterally(String text) {
    String markdown;
    Document page = Jsoup.parse("<div id=b><p></p></div>");
    page.selectFirst("p").appendText(text);
    markdown = MarkdownWriter.write(page.getElementById("b"), img -> Optional.empty());
    Document rendered = render(markdown);
    assertEquals(text.strip(), rendered.body().text(), "Markdown was: " + markdown);
    assertEquals(1, rendered.select("p").size(), markdown);
    assertTrue(rendered.select("em, strong, a, script, code, h1, li, blockquote, img, del").isEmpty(),
        markdown);
  }

  @Test
  void unwrappedInlineElementsJoinWithoutSpaces() {
    String m = md("<p>有本<span>科学</span>生，并购YY<span><a href='https://x.org/'>中国</a></span>。</p>");
    assertEquals("有本科学生，并购YY[中国](https://x.org/)。\n", m);
    assertEquals("有本科学生，并购YY中国。", render(m).text());
  }

  @Test
  void paragraphsAreSeparatedByOneBlankLineAndEmptyOnesVanish() {
    String m = md("<p>一</p><p> </p><p>&nbsp;</p><p>\u3000</p><div><p>二</p></div><p><br></p>三");
    assertEquals("一\n\n二\n\n三\n", m);
  }

  @Test
  void boldAndItalic() {
    assertEquals("**Sora到底牛在哪里？**\n", md("<p><strong>Sora到底牛在哪里？</strong></p>"));
    assertEquals("a **b** *c* d\n", md("<p>a <b>b</b> <i>c</i> d</p>"));
    assertEquals("a **b** c\n", md("<p>a<b> b </b>c</p>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "文<b>粗体。</b>文",
      "文<b>“引号”</b>文",
      "<b>粗体</b>：文",
      "文<b>粗</b><i>斜</i>文",
      "<b>a<i>b</i></b>c",
      "文<b><a href='https://x.org/'>链接</a></b>文",
      "“<b>強調</b>”",
      "a<b>*</b>b",
      "<b> </b>x",
      "<em>x.</em>y",
  })
  void emphasisNextToCjkPunctuationKeepsTheTextExact(String html) {
    String m = md("<p>" + html + "</p>");
    String expected = Jsoup.parse(html).text();
    assertEquals(expected, render(m).text(), "Markdown was: " + m);
  }

  @Test
  void boldThatCannotCloseBeforeALetterKeepsBoldOnTheWords() {
    String m = md("<p>文<b>粗体。</b>文</p>");
    Document r = render(m);
    assertEquals("粗体", r.select("strong").text(), m);
  }

  @Test
  void headingsListsQuotesAndCode() {
    String m = md("<h2>标题 <i>一</i></h2><ul><li>甲</li><li>乙<ol start=3><li>丙</li><li>丁</li></ol></li></ul>"
        + "<blockquote><p>引用一</p><p>引用二</p></blockquote><pre>code *x*\n  <b>y</b></pre><p>后</p>");
    Document r = render(m);
    assertEquals("标题 一", r.select("h2").text(), m);
    assertEquals(List.of("甲", "乙 丙 丁"), r.select("body > ul > li").eachText(), m);
    assertEquals("3", r.selectFirst("ol").attr("start"), m);
    assertEquals(List.of("引用一", "引用二"), r.select("blockquote p").eachText(), m);
    assertEquals("code *x*\n  y", r.selectFirst("pre code").wholeText().stripTrailing(), m);
    assertEquals("后", r.select("body > p").last().text());
  }

  @Test
  void tablesBecomePipeTables() {
    String m = md("<table><tr><th>名称</th><th>数量</th></tr><tr><td>A|B</td><td><b>3</b></td></tr>"
        + "<tr><td>只有一格</td></tr></table>");
    assertEquals("| 名称 | 数量 |\n| --- | --- |\n| A\\|B | **3** |\n| 只有一格 | |\n", m);
  }

  @Test
  void linksKeepOnlyWebAndMailTargetsAndLoseTracking() {
    String m = md("<p><a href='javascript:alert(1)'>坏</a> <a href='/rel?utm_source=x&id=2#f'>相对</a> "
        + "<a href='mailto:a@b.org'>信</a> <a href='data:text/html,x'>数据</a> "
        + "<a href='https://e.org/p(1) x?fbclid=1'>括号</a></p>");
    Document r = render(m);
    assertEquals(List.of("https://example.org/rel?id=2#f", "mailto:a@b.org",
        "https://e.org/p%281%29%20x"), r.select("a").eachAttr("href"), m);
    assertEquals("坏 相对 信 数据 括号", r.text());
  }

  @Test
  void imagesPointIntoMediaAndCaptionsFollow() {
    String m = md("<figure><img src='a.jpg' alt='图 [1]'><figcaption>说明*文字*</figcaption></figure>");
    assertEquals("![图 \\[1\\]](../media/f00.png)\n\n*说明\\*文字\\**\n", m);
    Document r = render(m);
    assertEquals("../media/f00.png", r.selectFirst("img").attr("src"));
    assertEquals("图 [1]", r.selectFirst("img").attr("alt"));
    assertEquals("说明*文字*", r.selectFirst("em").text());
  }

  @Test
  void imagesWithoutAStoredCopyAreLeftOut() {
    Document doc = Jsoup.parse("<div id=b><p>前<img src='x.png' alt='缺'>后</p></div>");
    Element b = doc.getElementById("b");
    assertEquals("前后\n", MarkdownWriter.write(b, img -> Optional.empty()));
  }

  /** An ad slider whose images are not kept (breakingbelizenews.com), carousel dots (simplyfound). */
  @Test
  void emptyItemsAreLeftOutWithoutBlankLines() {
    String slider = "<ul><li><a href='https://e.org/linkout/1'><picture><img src='data:image/png;base64,AA'>"
        + "</picture></a></li><li><div><a href='https://e.org/linkout/2'><img src='x.png'></a></div></li></ul>";
    Document doc = Jsoup.parse("<div id=b><p>前文。</p>" + slider + slider + "<p>后文。</p></div>");
    assertEquals("前文。\n\n后文。\n", MarkdownWriter.write(doc.getElementById("b"), img -> Optional.empty()));

    assertEquals("前文。\n\n后文。\n", md("<p>前文。</p><ol class=carousel-indicators><li data-slide-to=0></li>"
        + "<li data-slide-to=1></li></ol><p>后文。</p>"));
    String m = md("<ul><li></li><li>甲</li><li> </li><li>乙</li></ul><ol start=4><li>一</li><li></li><li>三</li></ol>");
    assertEquals("- 甲\n- 乙\n\n4. 一\n5. 三\n", m);
  }

  @Test
  void lineBreaksAreHardBreaksAndDoubleBreaksSplitParagraphs() {
    assertEquals("一\\\n二\n\n三\n", md("<p>一<br>二<br><br>三<br></p>"));
    assertEquals("一\\\n\\- 二\n", md("<p>一<br>- 二</p>"));
  }

  /** WordPress pages wrap a trailing {@code <br>} in the link; the link must not span lines. */
  @Test
  void breaksAtALinksEdgesGoOutsideIt() {
    assertEquals("\"[Saved by the Bell\" decals](https://shop.example/p)\\\nZack and the gang.\n",
        md("<p>\"<a href='https://shop.example/p'>Saved by the Bell\" decals<br></a>Zack and the gang.</p>"));
    assertEquals("Source: [KGUN 9](https://kgun.example/a)\n",
        md("<p>Source: <a href='https://kgun.example/a'>KGUN 9</a><a href='https://x.example/m.jpg'><br>\n</a></p>"));
    assertEquals("一\\\n[二](https://x.example/)\n", md("<p>一<a href='https://x.example/'><br>二</a></p>"));
  }

  /** Random bodies built from the elements and characters that trip Markdown writers. */
  @Test
  void randomBodiesRenderBackToTheSameText() {
    java.util.Random rnd = new java.util.Random(20240307);
    for (int n = 0; n < 600; n++) {
      StringBuilder html = new StringBuilder();
      for (int b = 0, blocks = 1 + rnd.nextInt(4); b < blocks; b++) {
        block(rnd, html, 0);
      }
      Document doc = Jsoup.parse("<div id=b>" + html + "</div>", "https://example.org/");
      Element body = doc.getElementById("b");
      // Blocks of nothing but (full-width or no-break) spaces are dropped on purpose: compare
      // without any white space.
      String expected = body.text().replaceAll("[\\s\u00a0\u3000]+", "");
      String markdown = MarkdownWriter.write(body, img -> Optional.empty());
      Document rendered = render(markdown);
      assertEquals(expected, rendered.body().text().replaceAll("[\\s\u00a0\u3000]+", ""),
          "HTML: " + html + "\nMarkdown:\n" + markdown);
      assertTrue(rendered.select("script, div, span").isEmpty(), markdown);
    }
  }

  private static final String[] WORDS = {"中文", "“引号”", "。", "，", "？", "Sora", "a*b", "_x_", "#", "1.", "-",
      "+", "=", "[x](javascript:y)", "<script>", "{{x}}", "&amp;", "`", "\\", "|", "~", "!", "(", ")", " ", "  ",
      "2024年", "!", "*", "**", ">", "1)", "　", " "};

  private static void block(java.util.Random rnd, StringBuilder html, int depth) {
    switch (depth < 2 ? rnd.nextInt(6) : 0) {
      case 1 -> {
        html.append("<blockquote>");
        block(rnd, html, depth + 1);
        html.append("</blockquote>");
      }
      case 2 -> {
        html.append(rnd.nextBoolean() ? "<ul>" : "<ol>");
        for (int i = 0, items = 1 + rnd.nextInt(3); i < items; i++) {
          html.append("<li>");
          if (rnd.nextInt(3) == 0) {
            block(rnd, html, depth + 1);
          } else {
            inline(rnd, html, depth);
          }
          html.append("</li>");
        }
        html.append("</ul>");
      }
      case 3 -> {
        html.append("<h3>");
        inline(rnd, html, depth);
        html.append("</h3>");
      }
      default -> {
        html.append("<p>");
        inline(rnd, html, depth);
        html.append("</p>");
      }
    }
  }

  private static void inline(java.util.Random rnd, StringBuilder html, int depth) {
    for (int i = 0, parts = 1 + rnd.nextInt(6); i < parts; i++) {
      int kind = depth < 3 ? rnd.nextInt(10) : 0;
      String tag = switch (kind) {
        case 1 -> "b";
        case 2 -> "i";
        case 3 -> "span";
        case 4 -> "a";
        case 5 -> "code";
        case 6 -> "br";
        default -> "";
      };
      if (tag.isEmpty()) {
        html.append(org.jsoup.nodes.Entities.escape(WORDS[rnd.nextInt(WORDS.length)]));
      } else if (tag.equals("br")) {
        html.append("<br>");
      } else {
        html.append('<').append(tag).append(tag.equals("a") ? " href=\"https://e.org/p?q=1\"" : "").append('>');
        inline(rnd, html, depth + 1);
        html.append("</").append(tag).append('>');
      }
    }
  }

  @Test
  void scriptsStylesAndFormsNeverReachTheOutput() {
    String m = md("<p>a<script>alert(1)</script><style>p{}</style>b</p><form><input value=x>c</form>");
    assertEquals("ab\n", m);
    assertFalse(m.contains("alert"));
  }
}
