package samizdat.site.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcerptsTest {
  @Test
  void listItemsRulesHeadingsQuotesAndCaptionsAreSkipped() {
    String markdown = """
        # 标题不是摘要，即使它足够长足够长足够长足够长

        1. 编号的列表项也不是摘要，即使它足够长足够长足够长
        2) 第二种编号的列表项同样跳过，即使它足够长足够长足够长

        ---

        > 引文不算正文的开头，即使它足够长足够长足够长足够长

        * * *

        *图片说明只是强调的一段文字，也不算摘要足够长足够长*

        正文的第一段：[当局](https://example.org/a)周二宣布**新的**规定，引起广泛批评。
        """;

    assertEquals("正文的第一段：当局周二宣布新的规定，引起广泛批评。", Excerpts.of(markdown));
    // Each such line is dropped even with no blank line between it and the prose after it.
    String prose = "正文紧接其后，没有空行隔开，也不能和上一行连在一起成为摘要。";
    for (String line : new String[] {"# 标题", "1. 列表项", "12) 列表项", "- 列表项", "> 引文", "---", "* * *",
        "___", "*说明文字*", "| 表格 | 一行 |"}) {
      assertEquals(prose, Excerpts.of(line + "\n" + prose + "\n"), line);
    }
  }

  @Test
  void aShortBylineIsPassedOverAndALongParagraphIsCut() {
    String body = "记者报道，".repeat(30);
    String markdown = "（记者王某台北报道）\n\n" + body + "\n";

    String excerpt = Excerpts.of(markdown);

    assertEquals(Excerpts.MAX_CHARS + 1, excerpt.codePointCount(0, excerpt.length()));
    assertEquals(body.substring(0, Excerpts.MAX_CHARS - 1), excerpt.substring(0, Excerpts.MAX_CHARS - 1));
    assertEquals('…', excerpt.charAt(excerpt.length() - 1));
  }

  @Test
  void theHeadlineAStoryFirstRanUnderIsPassedOver() {
    String lede = "新京报讯（记者 陆一夫）11月25日，新京报记者登录拼多多全球购页面发现，亚马逊海外购与拼多多合作。";
    assertEquals(Excerpts.of(lede + "\n"), Excerpts.of("原标题：视界丨这个中国人习以为常的地方 为何老外却说“了不得”？\n\n"
        + lede + "\n"));
    assertEquals(Excerpts.of(lede + "\n"), Excerpts.of("（原標題：這個中國人習以為常的地方 為何老外卻說了不得）\n\n"
        + lede + "\n"));
    String story = "原标题这个词在这里不是标签，而是一个很长的句子的开头，句子继续说下去，一直到很长很长。";
    assertEquals(Excerpts.of(story + "\n"), Excerpts.of(story + "\n\n" + lede + "\n"), "no colon: prose");
  }

  @Test
  void aLineThatOnlyLooksLikeAListItemIsProse() {
    String markdown = "2024年的选举：12.5%的选民未投票，比上一次选举高出许多，分析人士说。\n";

    assertEquals("2024年的选举：12.5%的选民未投票，比上一次选举高出许多，分析人士说。", Excerpts.of(markdown));
  }
}
