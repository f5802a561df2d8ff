package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class GenericBodyTest {
  private static final String LOREM = "The council voted on Tuesday to extend the library's opening hours, "
      + "after a long campaign by students, parents and teachers who said the building was the only quiet "
      + "place in the district to study. ";
  private static final String ZH = "市政府周二表决通过延长图书馆开放时间的决定，此前学生、家长和教师为此奔走多时，"
      + "他们表示这座建筑是全区唯一可以安静学习的地方。";

  private static String markdown(String html) throws ArticleExtractor.NotAnArticle {
    return markdown(html, GenericBody.Hints.none());
  }

  private static String markdown(String html, GenericBody.Hints hints) throws ArticleExtractor.NotAnArticle {
    Document doc = Jsoup.parse(html, "https://news.example/2024/story.html");
    Element body = GenericBody.find(doc, hints);
    GenericDevHarness.clean(body);
    return MarkdownWriter.write(body, img -> Optional.empty());
  }

  private static String page(String bodyHtml) {
    return "<!doctype html><html><head><title>Library hours extended</title></head><body>"
        + "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        + bodyHtml + "<footer><p>© 2024 The Example Gazette. All rights reserved. Contact us.</p></footer>"
        + "</body></html>";
  }

  private static String paragraphs(int n, String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("<p>").append(i).append(' ').append(text).append("</p>");
    }
    return b.toString();
  }

  private static String refusal(String html) {
    ArticleExtractor.NotAnArticle e = assertThrows(ArticleExtractor.NotAnArticle.class,
        () -> markdown(html));
    assertTrue(e.getMessage().startsWith("not an article: "), e.getMessage());
    return e.getMessage();
  }

  // ---------------------------------------------------------------- real pages

  @Test
  void readabilityBbcPageKeepsTheStoryAndDropsThePageAround() throws Exception {
    String md = real("readability-bbc-1.html", Optional.of("Obama admits US gun laws are his 'biggest frustration'"));
    assertTrue(md.contains("President Barack Obama has admitted that his failure to pass"), md);
    assertTrue(md.contains("first US president to address the African Union"), md);
    assertTrue(md.contains("- He is confident the Iran nuclear deal will be passed by Congress"), md);
    assertFalse(md.contains("Share this page"), md);
    assertFalse(md.contains("More on this story"), md);
    assertFalse(md.contains("BBC navigation"), md);
  }

  @Test
  void readabilityGmwChinesePageKeepsParagraphsApart() throws Exception {
    String md = real("readability-gmw.html", Optional.of("宇航员在太空中喝酒会怎么样？后果很严重"));
    assertTrue(md.contains("翱翔于距地球数千公里的太空中"), md);
    assertTrue(md.contains("以迎接他们的归来。"), md);
    // Paragraph ends and starts sit on different lines, not glued together.
    assertTrue(md.contains("放松一下？\n\n"), md);
    assertFalse(md.contains("光明网版权所有"), md);
  }

  @Test
  void readabilityLeMondeFrenchPage() throws Exception {
    String md = real("readability-lemonde-1.html", Optional.empty());
    assertTrue(md.contains("Les députés ont, sans surprise, adopté à une large majorité"), md);
    assertTrue(md.contains("Aucune mesure de rétorsion ne pourra viser l’agent"), md);
    assertFalse(md.contains("Réagir"), md);
  }

  @Test
  void readabilityIndependentPageKeepsTheArticleNotItsEmbeddedGallery() throws Exception {
    // The article embeds a 50-photo gallery whose captions are longer than the article itself.
    String md = real("readability-bug-1255978.html", Optional.empty());
    assertTrue(md.contains("Most people go to hotels for the pleasure of sleeping in a giant bed"), md);
    assertTrue(md.contains("Take any blankets or duvets off the bed"), md);
    assertTrue(md.contains("I'll leave the rest to your imagination"), md);
    assertFalse(md.contains("United goin down"), md);
    assertFalse(md.contains("Star Wars boosts economy"), md);
  }

  /** Quanta splits its story into parts of one class; the first half used to be lost. */
  @Test
  void realQuantaStorySplitIntoParts() throws Exception {
    String md = real("readability-quanta-1.html", Optional.empty());
    assertTrue(md.contains("A little over half a century ago, chaos started spilling out of a famous experiment."), md);
    assertTrue(md.contains("for coder-scientists in academic systems that measure success by paper citations"), md);
  }

  /** Melville's links and spans between words, whatever their classes, are his words. */
  @Test
  void realCleanLinksKeepsEveryWordOfASentence() throws Exception {
    String md = real("readability-clean-links.html", Optional.empty());
    assertTrue(md.contains("I am a rather elderly man. The nature of my avocations for the last thirty years"), md);
  }

  /** NetEase, GBK without a charset: the story, not the comment form (跟贴) that outscored it. */
  @Test
  void realNeteaseStoryNotItsCommentForm() throws Exception {
    String md = real("netease-54.gbk.html", Optional.empty());
    assertTrue(md.contains("对于种种传言，清水源今日发布澄清声明称"), md);
    assertFalse(md.contains("文明上网"), md);
  }

  /**
   * abc.es keeps the rest of its story in a hidden {@code .paywall} block and all of it in its
   * JSON-LD {@code articleBody}; the whole page, which holds that text, once won as its container.
   */
  @Test
  void realAbcStoryInAHiddenPaywallBlock() throws Exception {
    Document page = Jsoup.parse(new PageDecoder().decode(Fixtures.bytes("ingest/generic/fundus-abc-es.html"),
        Optional.empty()).text(), "https://www.abc.es/");
    String md = MarkdownWriter.write(ArticleExtractorTest.extract(page, SiteProfile.generic()).body(),
        img -> Optional.empty());
    assertTrue(md.contains("Tras seis derrotas consecutivas"), md);
    assertTrue(md.contains("El encuentro en Vista Alegre comenzó con toda una declaración"), md);
    assertFalse(md.contains("Esta funcionalidad es exclusiva para suscriptores"), md);
    assertFalse(md.contains("Reporta un error"), md);
  }

  /** Chunichi Shimbun: the story without the members-only box (会員限定) under it. */
  @Test
  void realChunichiStoryWithoutItsAccountWall() throws Exception {
    String md = real("fundus-chunichi.html", Optional.of("南海トラフ、一時調査　巨大地震、基準達せず"));
    assertTrue(md.contains("宮崎県で震度５弱の地震があった"), md);
    assertFalse(md.contains("会員限定"), md);
    assertFalse(md.contains("ログインして続きを読む"), md);
  }

  /**
   * What the site's print style leaves out is not the article: The Portugal News sets "More in
   * News" beside its story in a {@code d-print-none} column of teaser cards whose headlines are
   * not links (a card-wide empty link is), and it came along with the story.
   */
  @Test
  void realPortugalNewsStoryWithoutTheColumnLeftOutOfPrint() throws Exception {
    String md = real("fundus-portugal-news.html", Optional.empty());
    assertTrue(md.contains("While Serra da Estrela offers stunning landscapes"), md);
    assertFalse(md.contains("More in News"), md);
    assertFalse(md.contains("Yellow weather warning issued"), md);
  }

  /**
   * A real Elementor page (WCXB's development set): each paragraph block is an
   * {@code elementor-widget-text-editor}, once all taken for furniture and the page refused with
   * "too little text (0 characters …)". The guide is kept whole; the menu and the download button
   * are not.
   */
  @Test
  void realElementorGuideIsKeptWhole() throws Exception {
    String md = real("wcxb-elementor.html",
        Optional.of("Transitioning to a Plant-Based Diet: Practical Tips for Beginners"));
    assertTrue(md.contains("Whether you’re curious about adding more whole foods to your diet"), md);
    assertTrue(md.contains("Why Transition to a Plant-Based Diet?"), md);
    assertTrue(md.contains("Together, let’s create a healthier, plant-powered future."), md);
    assertFalse(md.contains("Download & Print"), md);
    assertFalse(md.contains("Skip to content"), md);
  }

  /**
   * Time Out's guide (WCXB): a short intro scores above the list of course tiles under it, whose
   * paragraphs sit too deep to lend the list their votes. The list, ten times the intro, is read
   * too; once the intro alone was kept.
   */
  @Test
  void realTimeOutGuideKeepsItsListOfCourses() throws Exception {
    String md = real("wcxb-timeout-tiles.html", Optional.empty());
    assertTrue(md.contains("a certificate program is a great way to tackle new information"), md);
    assertTrue(md.contains("Cisco Certified Network Associate"), md);
    assertTrue(md.contains("Data Science Bootcamp at General Assembly"), md);
  }

  /**
   * Quanta Magazine's year in review (WCXB): a section per story, each under a linked heading and
   * so deep in boxes that no paragraph's vote reaches the block that holds them all; once only the
   * first section was kept. Five times its paragraphs and text, headed every few paragraphs, is
   * the article.
   */
  @Test
  void realRoundupOfHeadedSectionsIsReadWhole() throws Exception {
    String md = real("wcxb-quanta-roundup.html", Optional.of("The Year in Mathematics"));
    assertTrue(md.contains("Mathematics is, at its core, an art."), md);
    assertTrue(md.contains("Math doesn’t happen in a vacuum."), md);
    assertTrue(md.contains("Mathematicians have known since the 1870s that infinity is"), md);
    assertTrue(md.contains("the vast majority of convex polyhedra"), md);
  }

  /**
   * A blog post of Le Monde diplomatique (trafilatura's evaluation pages) under 27 comments in a
   * {@code ul.forum}, five times the post's text: comments are no headed sections and stay out.
   */
  @Test
  void realPostKeepsOutItsLongerForum() throws Exception {
    String md = real("trafilatura-mondediplo-forum.html", Optional.of("Turpitude et architecture"));
    assertTrue(md.contains("malgré tout l’amitié et l’entraide occupent une grande place"), md);
    assertFalse(md.contains("Red Bastard"), md);
    assertFalse(md.contains("Abonnements institutionnels"), md);
  }

  private static String real(String name, Optional<String> title) throws Exception {
    byte[] raw = Fixtures.bytes("ingest/generic/" + name);
    String html = new PageDecoder().decode(raw, Optional.empty()).text();
    Document doc = Jsoup.parse(html, "https://news.example/" + name);
    Element body = GenericBody.find(doc, new GenericBody.Hints(title, List.of(), Optional.empty(),
        Optional.empty()));
    GenericDevHarness.clean(body);
    return MarkdownWriter.write(body, img -> Optional.empty());
  }

  // ---------------------------------------------------------------- choosing the body

  @Test
  void theLongerProseBlockWinsOverAShortTeaserBlock() throws Exception {
    String md = markdown(page("<div class=teaser><p>" + LOREM + "</p></div>"
        + "<div class=story>" + paragraphs(6, LOREM) + "</div>"
        + "<div class=comments><p>Great news! " + LOREM + "</p></div>"));
    assertTrue(md.contains("5 The council voted"), md);
    assertFalse(md.contains("Great news"), md);
    assertFalse(md.contains("Home"), md);
    assertFalse(md.contains("All rights reserved"), md);
  }

  @Test
  void twoCandidateBodiesTheArticleBeatsTheLongerCommentThread() throws Exception {
    StringBuilder comments = new StringBuilder("<section id=comments><h2>Comments</h2>");
    for (int i = 0; i < 12; i++) {
      comments.append("<div class=comment><p>Reader ").append(i).append(" says: ").append(LOREM)
          .append("</p></div>");
    }
    comments.append("</section>");
    String md = markdown(page("<article><h1>Library hours extended</h1>" + paragraphs(5, LOREM)
        + "</article>" + comments));
    assertTrue(md.contains("4 The council voted"), md);
    assertFalse(md.contains("Reader 3 says"), md);
  }

  @Test
  void aBodySplitByAnAdKeepsBothPartsAndDropsTheAd() throws Exception {
    String md = markdown(page("<div id=main><div class=part>" + paragraphs(3, LOREM) + "</div>"
        + "<div class=ad-slot><p>Advertisement</p><a href='https://ads.example/x'>Buy now, limited offer!</a></div>"
        + "<div class=part>" + paragraphs(3, LOREM.replace("council", "mayor")) + "</div></div>"));
    assertTrue(md.contains("0 The council voted"), md);
    assertTrue(md.contains("2 The mayor voted"), md);
    assertFalse(md.contains("Buy now"), md);
    assertFalse(md.contains("Advertisement"), md);
  }

  @Test
  void structuredBodyPicksTheCandidateThatHoldsIt() throws Exception {
    String other = LOREM.replace("council", "board").replace("library", "pool");
    String html = page("<div class=a>" + paragraphs(5, other) + "</div>"
        + "<div class=b>" + paragraphs(4, LOREM) + "</div>");
    StringBuilder structured = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      structured.append(i).append(' ').append(LOREM).append('\n');
    }
    String md = markdown(html, new GenericBody.Hints(Optional.empty(), List.of(), Optional.of("newsarticle"),
        Optional.of(structured.toString())));
    assertTrue(md.contains("3 The council voted"), md);
    assertFalse(md.contains("The board voted"), md);
  }

  @Test
  void cjkTextWithoutPunctuationCountsByCharacter() throws Exception {
    // 200 CJK characters with no punctuation and no spaces: more than the 150 needed.
    String text = ZH.replaceAll("[，。、]", "").repeat(4);
    String md = markdown(page("<div class=content>" + text.substring(0, 100) + "<br>"
        + text.substring(100, 200) + "</div>"));
    assertTrue(md.contains(text.substring(0, 100)), md);
    assertTrue(md.contains(text.substring(100, 200)), md);
  }

  @Test
  void chineseDivsWithBrRunsStaySeparateParagraphs() throws Exception {
    String md = markdown(page("<div id=正文>" + ZH + "<br><br>" + ZH.replace("市政府", "区政府")
        + "<br><br>" + ZH.replace("市政府", "县政府") + "<br><br>（编辑：王丽）<br><p>责任编辑：张三</p></div>"));
    assertTrue(md.contains("地方。\n\n区政府"), md);
    assertTrue(md.contains("县政府周二"), md);
    assertFalse(md.contains("责任编辑"), md);
    assertFalse(md.contains("王丽"), md);
    assertTrue(md.endsWith("地方。\n"), md);
  }

  /** Lines after a Chinese article (stcn.com), not lines that begin with the same word. */
  @Test
  void chineseDisclaimersAndSourceLinesGoButProseThatBeginsLikeThemStays() throws Exception {
    String md = markdown(page("<div class=article><p>" + ZH + "</p>"
        + "<p>声明称，市政府将在明年评估延长开放时间的效果。</p><p>" + ZH.replace("市政府", "区政府") + "</p><p>"
        + ZH.replace("市政府", "县政府") + "</p>"
        + "<p>编辑部收到了很多读者来信。</p>"
        + "<p>声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。</p>"
        + "<p>来源: 新华社</p><p>【打印本页】 【关闭窗口】</p><p>上一篇：<a href=/1>某条新闻</a></p></div>"));
    assertTrue(md.contains("声明称，市政府"), md);
    assertTrue(md.contains("编辑部收到"), md);
    assertFalse(md.contains("证券时报"), md);
    assertFalse(md.contains("新华社"), md);
    assertFalse(md.contains("关闭窗口"), md);
    assertFalse(md.contains("上一篇"), md);
    assertTrue(JunkLines.isJunkLine("Share | Print | Email"));
    assertFalse(JunkLines.isJunkLine("Print | the council's budget"));
    for (String junk : List.of("Tags: Taylor Swift, Ed Sheeran", "HIDE CAPTION", "Add a comment",
        "Tell us what you think", "Filed under: Politics", "1,693 views", "(Visited 215 times, 55 visits today)")) {
      assertTrue(JunkLines.isJunkLine(junk), junk);
    }
    assertFalse(JunkLines.isJunkLine("Tags and labels were found on the boxes."));
    assertFalse(JunkLines.isJunkLine("The video had 1,693 views by noon."));
    assertTrue(JunkLines.isJunkLine("gwyneth-paltrow-vanity-fair-640-ss03.jpg"));
    assertTrue(JunkLines.isJunkLine("skimming scheme seized cash and cards.jpg"));
    assertFalse(JunkLines.isJunkLine("The photo was saved as cash.jpg and sent to the police the same day."));
  }

  @Test
  void rightToLeftPage() throws Exception {
    String he = "מועצת העיר הצביעה ביום שלישי על הארכת שעות הפתיחה של הספרייה, לאחר מאבק ארוך של "
        + "תלמידים, הורים ומורים שאמרו כי הבניין הוא המקום השקט היחיד ברובע ללמוד בו. ";
    String md = markdown("<html dir=rtl lang=he><head><title>ספרייה</title></head><body>"
        + "<div class=sidebar><a href='/a'>חדשות</a> <a href='/b'>ספורט</a></div>"
        + "<div class=article-body>" + paragraphs(4, he) + "</div></body></html>");
    assertTrue(md.contains("3 מועצת העיר הצביעה"), md);
    assertFalse(md.contains("ספורט"), md);
  }

  private static String gallery(String cls, int photos, String subject) {
    StringBuilder b = new StringBuilder("<div class='" + cls + "'><ul>");
    for (int i = 1; i <= photos; i++) {
      b.append("<li><h2>").append(subject).append(" photo ").append(i).append("</h2><p>Photo ").append(i)
          .append(" of the ").append(subject).append(": crowds gathered in the square on a grey morning, ")
          .append("holding banners and umbrellas while the police watched from the steps of the town hall, ")
          .append("and a brass band played until the rain came down in the early afternoon.</p></li>");
    }
    return b.append("</ul></div>").toString();
  }

  @Test
  void aGalleryEmbeddedInTheDeclaredArticleBodyIsDropped() throws Exception {
    // The captions (12 x ~270 characters) outweigh the article's 6 paragraphs around them.
    String md = markdown(page("<article><h1>Library hours extended</h1><div itemprop=articleBody>"
        + paragraphs(3, LOREM) + gallery("widget type-gallery", 12, "march") + paragraphs(3, LOREM)
        + "</div></article>"));
    assertTrue(md.contains("0 The council voted"), md);
    assertTrue(md.contains("2 The council voted"), md);
    assertFalse(md.contains("march photo"), md);
    assertFalse(md.contains("brass band"), md);
  }

  @Test
  void aGalleryThatIsMostOfTheArticleOrTheArticleItselfStays() throws Exception {
    // 40 captions against 6 paragraphs: the article would keep under a fifth of its text.
    String most = markdown(page("<div itemprop=articleBody>" + paragraphs(6, LOREM)
        + gallery("photo-gallery", 40, "march") + "</div>"));
    assertTrue(most.contains("march photo 40"), most);
    assertTrue(most.contains("5 The council voted"), most);
    // A page built as a gallery names its parts, not a gallery inside it.
    String itself = markdown(page("<div class='editorial-gallery-main-content'>" + paragraphs(6, LOREM)
        + gallery("gallery-items", 12, "march") + "</div>"));
    assertTrue(itself.contains("march photo 12"), itself);
    // Two galleries: the second would leave the article under a fifth, so it stays.
    String two = markdown(page("<div itemprop=articleBody>" + paragraphs(6, LOREM)
        + gallery("gallery", 10, "march") + gallery("gallery", 10, "parade") + "</div>"));
    assertFalse(two.contains("march photo"), two);
    assertTrue(two.contains("parade photo 10"), two);
  }

  // ---------------------------------------------------------------- cleaning

  /** The headline repeats the title with other quotes (minuto30.com), or after a kicker. */
  @Test
  void theHeadlineGoesWhateverItsQuotesOrKicker() throws Exception {
    String quotes = markdown(page("<article><h1>La Policía dice que todo ‘tranqui’ en La Sierra</h1>"
        + paragraphs(3, LOREM) + "</article>"), new GenericBody.Hints(
            Optional.of("La Policía dice que todo 'tranqui' en La Sierra"), List.of(), Optional.empty(), Optional.empty()));
    assertFalse(quotes.contains("tranqui"), quotes);
    String kicker = markdown(page("<article><h1><span>IT security</span> Cyber attacks: a fifth of the budget"
        + "</h1>" + paragraphs(3, LOREM) + "<h2>Cyber attacks</h2>" + paragraphs(1, LOREM) + "</article>"),
        new GenericBody.Hints(Optional.of("Cyber attacks: a fifth of the budget"), List.of(), Optional.empty(),
            Optional.empty()));
    assertFalse(kicker.contains("IT security"), kicker);
    assertTrue(kicker.contains("## Cyber attacks"), kicker);
  }

  @Test
  void hiddenElementsTitleBylineAndJunkLinesAreRemoved() throws Exception {
    String md = markdown(page("<article><a class='skip-link screen-reader-text' href='#content'>Zum Inhalt"
        + " springen</a><h1>Library hours extended</h1>"
        + "<p class=byline>By Jane Roe</p>"
        + "<figure><div>Media playback is unsupported on your device</div><figcaption>"
        + "<span class=off-screen>Media caption</span>The council met on Tuesday</figcaption></figure>"
        + "<div style='display: none'><p>" + LOREM.replace("council", "hidden council") + "</p></div>"
        + "<p aria-hidden=true>Secret aria text that nobody sees on the page at all.</p>"
        + paragraphs(3, LOREM) + "<p>Continue reading</p><p>Share this article</p>"
        + "<p>Subscribe now to our eNATION edition for the full story.</p>"
        + "<p><a href='https://twitter.com/gazette'>Follow @gazette</a></p>"
        + "<p>Folgst du schon 20 Minuten auf <a href='https://wa.example'>Whatsapp</a>?</p>"
        + "<p>Folgen Sie dem Verlauf der Debatte auf der Seite des Rates, wo das Protokoll steht.</p>"
        + "<p>Following the vote, the council thanked the students.</p>"
        + "<p>Subscribe to the <a href='/signup'>Gazette Money newsletter</a>!</p>"
        + "<p>Receive our monthly newsletter to stay on top of the latest stories.</p>"
        + "<p>Get The Gazette's Daily Edition by email and never miss our top stories Free Sign Up</p>"
        + "<p><em>Do you want to be informed of the council's work? <a href='/n'>Sign up here</a></em></p>"
        + "<p>Residents who want to stay informed can read the minutes online; none need to sign up.</p>"
        + "<p>For the latest stories and breaking news updates download the Gazette apps for iOS and Android.</p>"
        + "<p>The library's new app, which readers can download from the council's site, works on any phone.</p>"
        + "<p><em>This post may contain affiliate links. If you buy through them, we may earn a small"
        + " commission at no extra cost to you.</em></p>"
        + "<p>Editorial Note: The Gazette may contain affiliate links on some articles.</p>"
        + "<p>If you buy something using links in our stories, we may earn a commission.</p>"
        + "<p>The bookshop next door lives on sponsored content and affiliate links, its owner said.</p>"
        + "<div class=share-tools><a href='https://fb.example'>Facebook</a></div>"
        + paragraphs(1, LOREM) + "</article>"),
        new GenericBody.Hints(Optional.of("Library hours extended"), List.of("Jane Roe"),
            Optional.empty(), Optional.empty()));
    assertFalse(md.contains("Library hours extended"), md);
    assertFalse(md.contains("Jane Roe"), md);
    assertFalse(md.contains("hidden council"), md);
    assertFalse(md.contains("Secret aria"), md);
    assertFalse(md.contains("Zum Inhalt"), md);
    assertFalse(md.contains("Media"), md);
    assertTrue(md.contains("*The council met on Tuesday*"), md);
    assertFalse(md.contains("Continue reading"), md);
    assertFalse(md.contains("Share this article"), md);
    assertFalse(md.contains("eNATION"), md);
    assertFalse(md.contains("@gazette"), md);
    assertFalse(md.contains("newsletter"), md);
    assertFalse(md.contains("Daily Edition"), md);
    assertFalse(md.contains("Do you want to be informed"), md);
    assertTrue(md.contains("none need to sign up"), md);
    assertTrue(md.contains("Following the vote"), md);
    assertFalse(md.contains("Gazette apps"), md);
    assertFalse(md.contains("Folgst du"), md);
    assertTrue(md.contains("Folgen Sie dem Verlauf"), md);
    assertTrue(md.contains("works on any phone"), md);
    assertFalse(md.contains("This post may contain"), md);
    assertFalse(md.contains("Editorial Note"), md);
    assertFalse(md.contains("using links in our stories"), md);
    assertTrue(md.contains("lives on sponsored content and affiliate links"), md);
    assertFalse(md.contains("Facebook"), md);
    assertTrue(md.contains("0 The council voted"), md);
    assertTrue(md.contains("2 The council voted"), md);
  }

  /**
   * WeChat sends its article in {@code #js_content} with {@code visibility: hidden}, which its
   * script lifts once the page is laid out: prose in a box named as the content is the story. A
   * hidden menu, a one-line box, or prose in a box of no such name (Readability's test page) stays
   * out.
   */
  @Test
  void proseHiddenOnlyUntilTheScriptShowsItIsTheStory() throws Exception {
    String sections = paragraphs(5, ZH).replace("<p>", "<section style=\"margin: 0px 8px;\"><p style=\"text-indent: 2em;\">"
        + "<span style=\"font-size: 15px;\">").replace("</p>", "</span></p></section>");
    String md = markdown(page("<div id=js_article class=rich_media><div class=rich_media_inner>"
        + "<h1 class='rich_media_title' id=activity-name>图书馆延长开放时间</h1>"
        + "<div id=meta_content class=rich_media_meta_list><a href='javascript:void(0);' id=js_name>城市观察</a>"
        + "<em id=publish_time class=rich_media_meta></em></div>"
        + "<div class='rich_media_content js_underline_content' id=js_content style='visibility: hidden;'>"
        + sections + "<p style='display: none;'><mp-style-type data-value=3></mp-style-type></p></div>"
        + "<div style='visibility:hidden'><ul><li><a href=/a>热门文章一</a></li><li><a href=/b>热门文章二</a></li></ul>"
        + "<p>扫一扫关注公众号</p></div>"
        + "<div style='visibility: hidden'>" + paragraphs(3, ZH.replace("图书馆", "隐藏的图书馆")) + "</div>"
        + "</div></div>"));
    assertTrue(md.contains("0 市政府周二表决通过延长图书馆开放时间的决定") && md.contains("4 市政府周二"), md);
    assertFalse(md.contains("热门文章") || md.contains("扫一扫") || md.contains("隐藏的图书馆"), md);
  }

  /**
   * The utility class {@code hidden} hides a sign-in box (Postmedia's papers); the rest of a story a page keeps in a hidden {@code .paywall}
   * block (Google's paywall markup, as abc.es) is the story's.
   */
  @Test
  void hiddenByClassGoesButAHiddenPaywallBlockIsTheRestOfTheStory() throws Exception {
    String md = markdown(page("<article>" + paragraphs(2, LOREM)
        + "<div class='article-block sign-in-group hidden'><div class=h2>THIS CONTENT IS RESERVED FOR"
        + " SUBSCRIBERS ONLY</div><p>Subscribe now to read the latest news in your city.</p></div>"
        + "<div class=paywall hidden>" + paragraphs(2, LOREM.replace("council", "paid council"))
        + "</div><div class='paywall-prompt' hidden><p>Log in to read on.</p></div></article>"));
    assertFalse(md.contains("RESERVED"), md);
    assertFalse(md.contains("Subscribe now"), md);
    assertTrue(md.contains("1 The paid council voted"), md);
    assertFalse(md.contains("Log in"), md);
  }

  /**
   * A buying guide's "What to consider" in an accordion (Runner's World, WCXB): each section's
   * text sits in a hidden panel after a heading's {@code aria-expanded} button, and a saved page
   * cannot open it, so it is read as open; a closed share menu of links stays hidden.
   */
  @Test
  void anAccordionsClosedSectionsAreReadButAClosedMenuIsNot() throws Exception {
    StringBuilder accordion = new StringBuilder("<h2>What to consider</h2><section class=embed><div>");
    for (String topic : List.of("Weight", "Cushioning", "Fit")) {
      accordion.append("<div class=collapsible><h3><button aria-expanded=false><p>").append(topic)
          .append("</p></button></h3><div aria-hidden=true hidden>")
          .append(paragraphs(2, LOREM.replace("Tuesday", "Tuesday (" + topic + ")"))).append("</div></div>");
    }
    String md = markdown(page("<article>" + paragraphs(4, LOREM) + accordion + "</div></section>"
        + "<div><button aria-expanded=false>Share</button><ul hidden><li><a href='https://x.example/share'>Post on X"
        + "</a></li><li><a href='mailto:?subject=Library'>Send by email to a friend</a></li></ul></div>"
        + paragraphs(1, LOREM.replace("council", "last council")) + "</article>"));
    for (String topic : List.of("Weight", "Cushioning", "Fit")) {
      assertTrue(md.contains("1 The council voted on Tuesday (" + topic + ")"), md);
    }
    assertFalse(md.contains("Post on X") || md.contains("Send by email"), md);
    assertTrue(md.contains("0 The last council voted"), md);
  }

  /**
   * The box a paywall puts where the story stops, with links to sign in and register, goes
   * (Chunichi Shimbun); a paragraph about signing in, links to a story about registering, and
   * sign-in links in a hidden popover of the header do not make a box one.
   */
  @Test
  void anAccountWallGoesButProseAboutSigningInStays() throws Exception {
    String md = markdown(page("<article><div class=head><h2>Library hours extended</h2>"
        + "<p class=dek>The council voted to keep the doors open until midnight, it said on Tuesday.</p>"
        + "<div class=meta><a href='/author/jane'>Jane Roe</a><div popover><p>Save it by "
        + "<a href='/register/'>registering</a> or <a href='/sign-in/'>signing in</a>.</p></div></div></div>"
        + paragraphs(2, ZH) + "<div class=cmp-misc021><div class=container><p><span>この記事は会員限定です。"
        + "</span><br>紙の新聞の定期購読者の方は、無料で会員登録できます。</p><div><a href='/regist/general'>"
        + "会員登録する</a></div><div><a href='/service/login'>ログインして続きを読む</a></div>"
        + "<dl><dt>中日プラスに登録すると</dt><dd>会員向け記事が読み放題</dd></dl></div></div>"
        + "<div class=note>To comment, you must be signed in. <a href='/login'>Log in</a> or "
        + "<a href='/register'>register</a> for an account.</div>"
        + "<div class=box><p>See our guide on <a href='/news/how-to-register-to-vote'>how to register to"
        + " vote</a>, and the <a href='/news/register-by-friday'>deadlines</a> for each county.</p></div>"
        + paragraphs(1, ZH) + "</article>"));
    assertFalse(md.contains("会員"), md);
    assertTrue(md.contains("The council voted to keep the doors open"), md);
    assertTrue(md.contains("you must be signed in"), md);
    assertTrue(md.contains("how to register to vote"), md);
    assertTrue(md.contains("0 市政府") && md.contains("1 市政府"), md);
  }

  /**
   * A Next.js page streams its article after the shell, in {@code <div hidden id="S:…">} that
   * its script moves into place (aa.com.tr): that is the article, not hidden text.
   */
  @Test
  void theArticleOfAStreamedReactPageIsRead() throws Exception {
    String md = markdown(page("<main><template id=\"B:0\"></template><p>Loading…</p></main>"
        + "<div hidden id=\"S:0\"><article><h1>Library hours extended</h1>" + paragraphs(3, LOREM)
        + "</article></div><script>$RC(\"B:0\",\"S:0\")</script>"));
    assertTrue(md.contains("2 The council voted"), md);
  }

  /** The labels an ai2html chart lays over its image (nytimes-4) are not the story's lines. */
  @Test
  void aChartsLabelsGoItsImageStays() throws Exception {
    String chart = "<div class=ai2html><div class=g-artboard><img class=g-aiImg src='/chart.png' alt=''>"
        + "<div class='g-Layer_1 g-aiAbs g-aiPointText' style='top:9%'><p class=g-pstyle1>$915</p></div>"
        + "<div class='g-Layer_1 g-aiAbs g-aiPointText' style='top:19%'><p class=g-pstyle1>billion</p></div>"
        + "<div class='g-Layer_1 g-aiAbs g-aiPointText' style='top:29%'><p class=g-pstyle3>RECESSIONS</p></div>"
        + "</div></div>";
    String html = page("<article>" + paragraphs(2, LOREM) + chart + paragraphs(2, LOREM) + "</article>");
    String md = markdown(html);
    assertFalse(md.contains("billion") || md.contains("RECESSIONS"), md);
    Element body = GenericBody.find(Jsoup.parse(html, "https://news.example/"), GenericBody.Hints.none());
    assertEquals(1, body.select("img.g-aiImg").size(), body.html());
  }

  /** A video player's controls and caption menus (Yahoo's yvp, video.js) are no text of the story. */
  @Test
  void aVideoPlayersControlsGo() throws Exception {
    String player = "<div class='vp-container'><div id=ym-player><div class=yvp-main><div class=yvp-cc-item>"
        + "Style Options</div><div class=yvp-cc-preview-message>Captions will look like this</div></div></div></div>"
        + "<div class='video-js vjs-paused'><button>Play Video</button><div class=vjs-current-time>Current Time"
        + " 0:00</div><div class=vjs-duration>Duration Time 0:00</div></div>";
    String md = markdown(page("<article>" + paragraphs(2, LOREM) + player + paragraphs(2, LOREM) + "</article>"));
    assertFalse(md.contains("Captions") || md.contains("Style Options") || md.contains("Current Time"), md);
    assertTrue(md.contains("1 The council voted"), md);
  }

  /**
   * Notices longer than a junk line that begin as a long entry of the list does (newsletter
   * consent, affiliate disclosures, a site's own "Our website is …") go, as do calls to follow
   * the site or its writer; prose that mentions following on Twitter stays.
   */
  @Test
  void longNoticesAndFollowCallsGo() throws Exception {
    String md = markdown(page("<article>" + paragraphs(2, LOREM)
        + "<p><em>Our website is the place for the latest breaking news, exclusive scoops, longreads and"
        + " provocative commentary. Please bookmark nationalpost.com and sign up for our newsletters.</em></p>"
        + "<p>This post contains references to products from one or more of our advertisers. We may"
        + " receive compensation when you click on links to those products.</p>"
        + "<p><strong>Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook"
        + " @GleanerJamaica.</strong></p>"
        + "<p>Follow these steps shared on Twitter to stop a thief on a train, the police said.</p>"
        + "<p>Sign up for Command Line, a paid weekly newsletter from Alex Heath about the tech industry’s"
        + " inside conversation. Your first month is free!</p>"
        + "<p>Sign up for the vaccine was slow at first, the council said, but it picked up in May.</p>"
        + paragraphs(1, LOREM) + "</article>"));
    assertFalse(md.contains("Our website") || md.contains("advertisers") || md.contains("Gleaner"), md);
    assertTrue(md.contains("Follow these steps"), md);
    assertFalse(md.contains("Command Line"), md);
    assertTrue(md.contains("Sign up for the vaccine"), md);
    assertTrue(md.contains("0 The council voted"), md);
  }

  /**
   * An opinion piece's disclaimer (Al Jazeera's, der Freitag's, a Chinese portal's) goes; a
   * sentence about someone's views stays.
   */
  @Test
  void opinionDisclaimersGo() throws Exception {
    String md = markdown(page("<article>" + paragraphs(3, LOREM)
        + "<p>The views expressed in this article are the author’s own and do not necessarily reflect"
        + " the Gazette’s editorial stance.</p>"
        + "<p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</p>"
        + "<p>（本文仅代表作者观点，不代表本网立场）</p>"
        + "<p>The views expressed by the mayor were shared by most of the council, the clerk said.</p>"
        + "</article>"));
    assertFalse(md.contains("editorial stance") || md.contains("Meinung") || md.contains("本文仅代表"), md);
    assertTrue(md.contains("The views expressed by the mayor"), md);
    assertTrue(md.contains("2 The council voted"), md);
  }

  /**
   * A copyright statement with its year (Breaking Belize News, NPR, a photographer's) goes whole,
   * reprint terms and all; a photo credit without a year stays. A paywall's lines are known with
   * a typographic apostrophe too (The Haitian Times).
   */
  @Test
  void copyrightStatementsAndPaywallLinesGo() throws Exception {
    String md = markdown(page("<article>" + paragraphs(3, LOREM)
        + "<p>© 2022, BreakingBelizeNews.com. <em>This article is the copyrighted property of Breaking"
        + " Belize News. Written permission must be obtained before reprint in online or print media.</em></p>"
        + "<p>Copyright © 2023 NPR. All rights reserved. Visit our website terms of use.</p>"
        + "<p>(C) 2019 Sven Schreivogel</p>"
        + "<p>© Reuters</p>"
        + "<p>To view the full story, please subscribe to <a href='/product/yearly/'>The Gazette</a>.</p>"
        + "<p>If you’re seeing this message but you’re already a subscriber, you can"
        + " <a href='/my-account/'>log in</a> for immediate access to this story.</p>"
        + "</article>"));
    assertFalse(md.contains("BreakingBelizeNews") || md.contains("NPR") || md.contains("Schreivogel"), md);
    assertTrue(md.contains("© Reuters"), md);
    assertFalse(md.contains("full story") || md.contains("already a subscriber"), md);
    assertTrue(md.contains("2 The council voted"), md);
  }

  /**
   * A dateline whose class names the article ("articleMeta") outscores a story whose paragraphs
   * sit in wrappers of their own (mdr.de); a block that short is no article while one of an
   * article's length scores a third as well.
   */
  @Test
  void aShortBlockWithAnArticleClassDoesNotBeatTheStory() throws Exception {
    StringBuilder story = new StringBuilder("<div class=box>");
    for (int i = 0; i < 4; i++) {
      story.append("<div class=paragraph><p>").append(i).append(' ').append(LOREM).append("</p></div>");
    }
    story.append("</div>");
    String md = markdown(page("<div class=top><h2>Thüringen</h2><div class=articleMeta><p>Stand: 20."
        + " April 2020, 14:57 Uhr</p></div><ul><li><a href='/t'>Mehr aus Thüringen</a></li></ul></div>"
        + story + "<div class=cssBroadcastWithDetails><p>Mi 08.07.2020 13:30 Uhr</p></div>"));
    assertTrue(md.contains("0 The council voted") && md.contains("3 The council voted"), md);
  }

  /**
   * A layout that sets the story beside a sidebar names its grid after it (Politico Europe:
   * {@code sidebar-grid}, {@code sidebar-grid__content}, the story split into parts by ads): the
   * story stays; the sidebar beside it still goes.
   */
  @Test
  void aStoryInASidebarGridIsKeptAndTheSidebarGoes() throws Exception {
    StringBuilder story = new StringBuilder("<article class=article><div class='hero article__hero'>"
        + "<h1>Library hours extended</h1><p>The council's vote ends a long campaign.</p></div>");
    for (int part = 0; part < 3; part++) {
      story.append("<div class='sidebar-grid sidebar-grid--is-narrow'><div class=sidebar-grid__container>"
          + "<div class='sidebar-grid__content article__content'>")
          .append(paragraphs(3, LOREM.replace("Tuesday", "Tuesday (part " + part + ")")))
          .append("</div><div class=sidebar-grid__sidebar><div class=ad-slot>Advertisement</div></div>"
          + "</div></div>");
    }
    story.append("<div class=sidebar><h2>Most read</h2><p>Opinion: the mayor's budget, explained once"
        + " more for readers who missed the first three explanations of it this month.</p></div>");
    for (int i = 0; i < 4; i++) {
      story.append("<div class='article-card card__layout--default'><div class=card__content><h3><a href='/s")
          .append(i).append("'>Council approves new bus lanes after long debate</a></h3><p>The plan adds"
          + " twelve kilometres of lanes across the district by next spring.</p></div></div>");
    }
    String md = markdown(page("<main class=main><div class=container>" + story + "</article></div></main>"));
    for (int part = 0; part < 3; part++) {
      assertTrue(md.contains("0 The council voted on Tuesday (part " + part + ")"), md);
    }
    assertFalse(md.contains("Most read"), md);
    assertFalse(md.contains("mayor's budget"), md);
  }

  /**
   * Page builders call every box a widget: Elementor's {@code elementor-widget-text-editor}
   * (WordPress sites by the million) and a news platform's CSS modules
   * ({@code WidgetWrapper_WidgetWrapper__R4uge}, Technology Magazine) hold the story's paragraphs,
   * each box a small part of it. They stay; a widget of links, share buttons and a sidebar's
   * widget still go.
   */
  @Test
  void storyBoxesThatPageBuildersCallWidgetsAreKept() throws Exception {
    StringBuilder elementor = new StringBuilder("<div class='elementor elementor-4197'>");
    for (int part = 0; part < 6; part++) {
      elementor.append("<div class='elementor-element elementor-element-").append(part)
          .append(" elementor-widget elementor-widget-text-editor'><div class=elementor-widget-container>")
          .append(paragraphs(part == 0 ? 1 : 2, LOREM.replace("Tuesday", "Tuesday (part " + part + ")")))
          .append("</div></div>");
    }
    elementor.append("<div class='elementor-element elementor-widget elementor-widget-share-buttons'>"
        + "<div class=elementor-widget-container><span>Share on Facebook</span> <span>Share on X</span>"
        + "</div></div></div><div class='widget-area'><div class='widget widget_recent_entries'>"
        + "<h2>Recent posts</h2><ul><li><a href='/a'>Bus lanes approved</a></li>"
        + "<li><a href='/b'>Bridge closed for repairs</a></li><li><a href='/c'>New mayor sworn in</a>"
        + "</li></ul></div></div>");
    String md = markdown(page("<main>" + elementor + "</main>"));
    for (int part = 0; part < 6; part++) {
      assertTrue(md.contains("0 The council voted on Tuesday (part " + part + ")"), md);
    }
    assertFalse(md.contains("Share on"), md);
    assertFalse(md.contains("Recent posts"), md);
    assertFalse(md.contains("Bus lanes"), md);

    StringBuilder modules = new StringBuilder("<div class=WidgetArea_WidgetArea__3v9Kg>");
    for (int part = 0; part < 6; part++) {
      modules.append("<div class=WidgetWrapper_WidgetWrapper__R4uge><div class=Prose_Prose__2zaJW>")
          .append(paragraphs(2, LOREM.replace("Tuesday", "Tuesday (part " + part + ")")))
          .append("</div></div>");
    }
    modules.append("<div class=WidgetWrapper_WidgetWrapper__R4uge><ul><li><a href='/a'>Bus lanes approved"
        + "</a></li><li><a href='/b'>Bridge closed for repairs</a></li><li><a href='/c'>New mayor sworn in"
        + "</a></li></ul></div></div>");
    md = markdown(page("<main>" + modules + "</main>"));
    for (int part = 0; part < 6; part++) {
      assertTrue(md.contains("1 The council voted on Tuesday (part " + part + ")"), md);
    }
    assertFalse(md.contains("Bus lanes"), md);
  }

  /**
   * One section of a guide outscores the guide (Consumer Reports: its paragraphs sit right in it,
   * the others' deeper): the block that holds several times its paragraphs and text, nearly all
   * prose, is the article. A page whose extra paragraphs are comments (oekonomenstimme.org's
   * {@code ul.comments}, most of the page) keeps to the story.
   */
  @Test
  void theWholeGuideNotItsBestSection() throws Exception {
    StringBuilder guide = new StringBuilder("<div class=cda-article__contents><div id=more-on-repairs-text>")
        .append(paragraphs(6, LOREM.replace("Tuesday", "Tuesday (best)"))).append("</div>");
    for (int part = 0; part < 12; part++) {
      guide.append("<section><div class=row><div class=col>")
          .append(paragraphs(2, LOREM.replace("Tuesday", "Tuesday (part " + part + ")")))
          .append("</div></div></section>");
    }
    String md = markdown(page("<main>" + guide + "</div></main>"));
    assertTrue(md.contains("0 The council voted on Tuesday (best)"), md);
    for (int part = 0; part < 12; part++) {
      assertTrue(md.contains("1 The council voted on Tuesday (part " + part + ")"), md);
    }
    StringBuilder comments = new StringBuilder("<div class=article><div class=text>")
        .append(paragraphs(6, LOREM)).append("</div><ul class=comments>");
    for (int c = 0; c < 20; c++) {
      comments.append("<li id=comment-").append(c).append("><div><div>")
          .append(paragraphs(2, "I have been waiting for this for years (reader " + c + "), thank you to everyone"
              + " who signed the petition, wrote letters and came to the hearings."))
          .append("</div></div></li>");
    }
    md = markdown(page("<main>" + comments + "</ul></div></main>"));
    assertTrue(md.contains("5 The council voted"), md);
    assertFalse(md.contains("waiting for this"), md);
  }

  /**
   * A short post (under 500 characters, so every paragraph votes) above a footer with a long
   * disclaimer: the post is the article, not the footer's fine print.
   */
  @Test
  void aShortPostBeatsTheFootersDisclaimer() throws Exception {
    String disclaimer = "This material is not intended to replace the advice of a qualified advisor, and the"
        + " information, though obtained from sources believed to be reliable, is not guaranteed. ";
    String md = markdown("<!doctype html><html><head><title>Screening renters</title></head><body><main>"
        + "<div class=wpb_text_column><div class=wpb_wrapper><p>A good risk management program screens"
        + " renters, so that only qualified drivers operate your vehicles.</p><p>Sound practices at the"
        + " counter, checked licences and clear rules, reduce claims by a third.</p></div></div></main>"
        + "<footer id=page-footer><div class=wpb_text_column><div class=wpb_wrapper>"
        + paragraphs(4, disclaimer) + "</div></div></footer></body></html>",
        new GenericBody.Hints(Optional.empty(), List.of(), Optional.of("article"), Optional.empty()));
    assertTrue(md.contains("only qualified drivers"), md);
    assertFalse(md.contains("qualified advisor"), md);
  }

  /**
   * A box named a header that holds the story's opening paragraphs (Elle Decor's
   * {@code section.listicle-header}) stays; a header of links and a one-line kicker still go.
   */
  @Test
  void aHeaderOfParagraphsIsTheStorysOpening() throws Exception {
    String md = markdown(page("<main><div class=listicle-container><div class=page-header><a href='/'>Home"
        + "</a> <a href='/decor'>Decor</a> <a href='/design'>Design</a></div>"
        + "<section class=listicle-header><div class=kicker-header><span>Design news</span></div>"
        + "<div class=listicle-intro>" + paragraphs(3, LOREM.replace("Tuesday", "Monday")) + "</div></section>"
        + paragraphs(12, LOREM) + "</div></main>"));
    assertTrue(md.contains("0 The council voted on Monday"), md);
    assertTrue(md.contains("2 The council voted on Monday"), md);
    assertTrue(md.contains("5 The council voted on Tuesday"), md);
    assertFalse(md.contains("Decor"), md);
    assertFalse(md.contains("Design news"), md);
  }

  /**
   * A story whose sections each sit in a few thin boxes (HomeAdvisor's
   * {@code section > div.mb-default > div > div > h2, p}): the boxes leave little of the
   * score to the outer section, so the other sections are measured by their best block, as the
   * chosen one is. A box of teasers with linked headlines and a box of comments beside them stay out.
   */
  @Test
  void sectionsOfAStoryInThinBoxesAreGathered() throws Exception {
    StringBuilder story = new StringBuilder("<div class=col>");
    for (int part = 0; part < 5; part++) {
      story.append("<section><div class=mb-default><div><div><h2>Section ").append(part).append("</h2>")
          .append(paragraphs(part == 2 ? 8 : 3, LOREM.replace("Tuesday", "Tuesday (part " + part + ")")))
          .append("</div></div></div></section>");
    }
    story.append("<section><div class=mb-default><div>");
    for (int i = 0; i < 3; i++) {
      story.append("<h3><a href='/s").append(i).append("'>Bridge closed for repairs</a></h3>")
          .append(paragraphs(1, "The bridge authority closed the crossing for a month of repairs, "
              + "sending drivers on a long detour through the centre of town."));
    }
    story.append("</div></div></section><section><div class='comment-area two-column-layout'><div>")
        .append(paragraphs(3, "I have been waiting for this for years, thank you to everyone who "
            + "signed the petition and came to the hearings."))
        .append("</div></div></section></div>");
    String md = markdown(page("<main>" + story + "</main>"));
    for (int part = 0; part < 5; part++) {
      assertTrue(md.contains("0 The council voted on Tuesday (part " + part + ")"), md);
    }
    assertFalse(md.contains("Bridge closed"), md);
    assertFalse(md.contains("waiting for this"), md);
  }

  /**
   * A sign-up box between the paragraphs, styled without a telling name (Mashable's Tailwind
   * classes): its pitch, its field for a phone number and its fine print go as one. A dialog to
   * write to the author, in the short header with the dek, goes alone: the dek stays.
   */
  @Test
  void unnamedSignUpBoxesGoWithTheirPitch() throws Exception {
    String header = "<header class=mt-0><h2>Library hours extended</h2><p class=text-xl>Students"
        + " campaigned for years for a quiet place to study in the evenings, parents wrote letters, and"
        + " teachers gave evidence at every hearing; after a long and patient campaign the council listened"
        + " at last.</p><div class=m-metadata>"
        + "<span>by Ann Example</span><div class='o-modal mfp-hide'><form><p>Write to the author</p>"
        + "<input type=email name=email></form></div></div></header>";
    String box = "<section class='relative p-8 my-12 mx-auto border'><div class='flex flex-col'>"
        + "<div class='font-bold header-300'>Gazette Deals</div><div>Be the first to know!</div>"
        + "<div>Get editor selected deals texted right to your phone!</div><form><input type=tel"
        + " placeholder='Enter Phone Number'><button>Sign Me Up</button></form><div class=text-xs>"
        + "Msg and data rates may apply. Reply STOP to opt out at any time.</div></div></section>";
    String md = markdown(page("<main><article>" + header + paragraphs(3, LOREM) + box
        + paragraphs(3, LOREM.replace("Tuesday", "Wednesday")) + "</article></main>"));
    assertTrue(md.contains("the council listened"), md);
    assertTrue(md.contains("2 The council voted on Wednesday"), md);
    assertFalse(md.contains("Write to the author"), md);
    for (String junk : List.of("Gazette Deals", "first to know", "texted right", "Msg and data rates")) {
      assertFalse(md.contains(junk), md);
    }
  }

  /**
   * A newsroom's appeal for money at the end of a story (The Hechinger Report, Earth.org) goes
   * whole, found by its link to the site's own donation page; a story's link to another site's
   * donation page does not make its paragraph an appeal. A saved file knows its site by the
   * page's address its metadata gives.
   */
  @Test
  void aNewsroomsAppealGoesButAStorysLinkToACharityStays() throws Exception {
    String appeal = "<section class='below-content widget'><div class=wp-block-group><h4><strong>Since you"
        + " made it to the bottom of this article, we have a small favor to ask.</strong></h4><p>We are in the"
        + " midst of our end-of-year campaign, our most important fundraising effort of the year.</p><p>If"
        + " you believe stories like the one you just finished matter, <a href='https://www.news.example/"
        + "support-the-gazette/?utm_source=website'>please consider pitching in what you can.</a></p><div>"
        + "<a class=wp-block-button__link href='/donate/'>Double my donation</a></div><p>Thank you.<br>Ann"
        + " Example<br>Editor in chief</p></div></section>";
    String charity = "<p>Readers who want to help the families can give through the Red Cross at"
        + " <a href='//www.redcross.example/donate/'>its appeal page</a>, the mayor said on Monday.</p>";
    String story = "<article>" + paragraphs(8, LOREM) + charity + appeal + "</article>";
    String md = markdown(page(story));
    assertTrue(md.contains("3 The council voted") && md.contains("give through the Red Cross"), md);
    for (String junk : List.of("small favor", "fundraising", "pitching in", "Double my donation", "Editor in chief")) {
      assertFalse(md.contains(junk), md);
    }

    // Only absolute links to the appeal page: known as the site's by the page's address alone.
    String absolute = story.replace("href='/donate/'", "href='https://news.example/donate/'");
    Document saved = Jsoup.parse(page(absolute), "file:/home/ann/story.html");
    Element body = GenericBody.find(saved, new GenericBody.Hints(Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.of("https://news.example/2024/story.html")));
    assertFalse(body.text().contains("pitching in"), body.html());
    assertTrue(body.text().contains("give through the Red Cross"), body.html());
  }

  /**
   * WDR splits its story into modules of one class between a video and subheadings, all inside
   * the page's own {@code <article>}: every part is gathered, as parts outside any article are,
   * while a part in another {@code <article>} (a story below) still is not.
   */
  @Test
  void partsOfAStoryInThePagesOwnArticleAreGathered() throws Exception {
    StringBuilder story = new StringBuilder("<article><div class=mod><div class=box><p class='text small'>"
        + LOREM + LOREM + "</p></div></div>");
    for (int part = 0; part < 3; part++) {
      story.append("<div class='mod modA modParagraph'><div class=modCon><div class=con><div class=boxCon>"
          + "<div class=box><h2 class=subtitle>Part ").append(part).append("</h2>")
          .append(paragraphs(part == 0 ? 8 : 3, LOREM.replace("Tuesday", "Tuesday (part " + part + ")")))
          .append("</div></div></div></div></div>");
      if (part == 0) {
        story.append("<div class=mod><div class=infotext><p>Library hours | evening news 02:57 Min.</p></div></div>");
      }
    }
    story.append("</article><article><h1><a href='/other'>Bridge closed</a></h1><div class=box>")
        .append(paragraphs(3, LOREM.replace("council", "bridge authority"))).append("</div></article>");
    String md = markdown(page("<main>" + story + "</main>"));
    for (int part = 0; part < 3; part++) {
      assertTrue(md.contains("2 The council voted on Tuesday (part " + part + ")"), md);
    }
    assertFalse(md.contains("bridge authority"), md);
  }

  /**
   * An id made of a heading's words is an anchor, not a name: Business Insider's first slide,
   * {@code id=zendaya-promoted-dune-part-two-in-london-…}, went as a "promo", and a manual's
   * section "Amend a shared changeset" as a share bar. A short id still names what it is.
   */
  @Test
  void anIdSluggedFromAHeadingSaysNothingOfTheBlock() throws Exception {
    String[] slugs = {"zendaya-promoted-dune-part-two-in-london-while-wearing-a-suit-1",
        "she-also-kept-things-simple-back-in-2021-2", "the-actor-wore-a-similar-style-in-venice-3",
        "example-1-amend-a-shared-changeset", "for-a-red-carpet-in-london-she-wore-a-gown-5",
        "her-most-daring-look-came-last-of-all-6"};
    StringBuilder story = new StringBuilder("<article class=story>");
    for (int i = 0; i < slugs.length; i++) {
      story.append("<div class=slide id=").append(slugs[i]).append("><h2>Slide ").append(i).append("</h2>")
          .append(paragraphs(3, LOREM.replace("Tuesday", "Tuesday (slide " + i + ")"))).append("</div>");
    }
    story.append("<div id=share-bar><p>Share this story with your friends, family and colleagues today.</p></div>");
    String md = markdown(page("<main>" + story + "</article></main>"));
    for (int i = 0; i < slugs.length; i++) {
      assertTrue(md.contains("0 The council voted on Tuesday (slide " + i + ")"), md);
    }
    assertFalse(md.contains("Share this story"), md);
  }

  /** Asahi's box about the writer below the story, and an ad in a wrapper left out of print, go. */
  @Test
  void theWritersProfileAndWhatPrintLeavesOutGo() throws Exception {
    String md = markdown(page("<main id=main><div class=l-main><div class=PxAm1>" + paragraphs(6, ZH)
        + "<div class='notPrint gXncj'><div class=AdMod><span>[PR]</span></div></div></div>"
        + "<div id=writerProfile class=yT62y><div class=FPrYd><p>この記事を書いた人</p><p>渡辺洋介</p>"
        + "<p>東京社会部</p><p>専門・関心分野</p><p>戦争、平和、核問題、東日本大震災</p></div></div></div></main>"));
    assertTrue(md.contains("0 市政府周二表决") && md.contains("5 市政府周二表决"), md);
    assertFalse(md.contains("[PR]"), md);
    assertFalse(md.contains("この記事を書いた人"), md);
    assertFalse(md.contains("東京社会部"), md);
  }

  /**
   * The placeholder of an embed the reader has to consent to (Gamestar, ZDF, Tagesspiegel) goes;
   * the link to the embedded video stays, and so does prose that mentions consent.
   */
  @Test
  void aConsentPlaceholderForAnEmbedGoes() throws Exception {
    String md = markdown(page("<article><div class=body>" + paragraphs(3, LOREM)
        + "<div class=embed><p>Empfohlener redaktioneller Inhalt</p><p>An dieser Stelle findest du einen externen"
        + " Inhalt von YouTube, der den Artikel ergänzt. Du kannst ihn dir mit einem Klick anzeigen lassen und"
        + " wieder ausblenden.</p><p>Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.</p>"
        + "<p>Personenbezogene Daten können an Drittplattformen übermittelt werden. Mehr dazu in unserer"
        + " Datenschutzerklärung.</p><p>Link zum <a href='https://www.youtube.com/watch?v=1'>YouTube-Inhalt</a></p>"
        + "</div><p>Ein Klick für den Datenschutz</p>" + paragraphs(2, LOREM.replace("council", "mayor"))
        + "<p>Ich bin damit einverstanden, sagte die Bürgermeisterin am Dienstag, dass die Bibliothek länger"
        + " geöffnet bleibt, auch wenn der Haushalt dafür umgeschichtet werden muss.</p></div></article>"));
    for (String gone : List.of("Empfohlener", "An dieser Stelle", "einverstanden, dass mir", "Personenbezogene",
        "Ein Klick für den Datenschutz")) {
      assertFalse(md.contains(gone), gone + " in\n" + md);
    }
    assertTrue(md.contains("[YouTube-Inhalt]"), md);
    assertTrue(md.contains("1 The mayor voted"), md);
    assertTrue(md.contains("sagte die Bürgermeisterin"), md);
  }

  /** Calls to report a mistake, in several languages, and the toolbar beside them go. */
  @Test
  void callsToReportAMistakeGo() throws Exception {
    String md = markdown(page("<article>" + paragraphs(4, LOREM)
        + "<p>Fehler gefunden? <a href='mailto:korrektorat@example.ch'>Jetzt melden.</a></p>"
        + "<p>Inhaltliches Feedback?</p><h4>Signaler une erreur</h4><p>【纠错】</p>"
        + "<ul><li>Teilen</li><li>Drucken</li><li>Fehler melden</li></ul>"
        + "<p>Spotted a typo? Let us know.</p>"
        + "<p>The council found an error in the budget, and reported it to the auditors on Friday.</p>"
        + "</article>"));
    for (String gone : List.of("Fehler gefunden", "Feedback", "Signaler", "纠错", "Teilen", "Drucken",
        "Fehler melden", "Spotted a typo")) {
      assertFalse(md.contains(gone), gone + " in\n" + md);
    }
    assertTrue(md.contains("found an error in the budget"), md);
    assertTrue(md.contains("3 The council voted"), md);
  }

  /** A sliding drawer (a "saved articles" or paywall panel) is furniture, however well it scores. */
  @Test
  void aDrawerPanelIsNotTheArticleThatIsSplitIntoOneParagraphGroups() throws Exception {
    StringBuilder story = new StringBuilder("<article class=story>");
    for (int i = 0; i < 8; i++) {
      story.append("<section class=content-group><div class=inline><p>").append(i).append(' ')
          .append(LOREM).append("</p></div></section><div class=ad>Advertisement</div>");
    }
    story.append("</article>");
    String drawer = "<section class='sliding-drawer save-article__drawer'><h2>You've reached the 20"
        + " article limit.</h2><p>You can manage saved articles in your account, and save up to 100"
        + " articles, or clear the ones you have read, so that the list stays useful to you.</p>"
        + "<p>Looks like you've reached your saved article limit! You can manage your saved articles"
        + " in your account and clicking the X located at the bottom right of the article.</p>"
        + "<p>Saved articles, reading lists, and more, in one place, for every reader, all year.</p></section>";
    String md = markdown(page("<main><div class=story-v2>" + story + "</div></main>" + drawer));
    assertTrue(md.contains("0 The council voted") && md.contains("7 The council voted"), md);
    assertFalse(md.contains("article limit"), md);
  }

  /**
   * A page's {@code articleBody} whose text the visible blocks do not hold (the rest is hidden)
   * does not make the whole page the article.
   */
  @Test
  void structuredBodyNeverMakesTheWholePageTheArticle() throws Exception {
    String html = page("<div class=v-w><ul>" + "<li><a href='/a'>Politics and government</a></li>".repeat(30)
        + "</ul></div><article><div class=story>" + paragraphs(3, LOREM) + "</div>"
        + "<div class=rest hidden>" + paragraphs(6, LOREM.replace("council", "board")) + "</div></article>"
        + "<div class=v-mdl__c><p>Report an error</p></div>");
    StringBuilder structured = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      structured.append(i).append(' ').append(LOREM).append('\n');
    }
    for (int i = 0; i < 6; i++) {
      structured.append(i).append(' ').append(LOREM.replace("council", "board")).append('\n');
    }
    String md = markdown(html, new GenericBody.Hints(Optional.empty(), List.of(),
        Optional.of("newsarticle"), Optional.of(structured.toString())));
    assertTrue(md.contains("2 The council voted"), md);
    assertFalse(md.contains("Report an error"), md);
    assertFalse(md.contains("Politics"), md);
  }

  /**
   * A page that appends the next story below its own (Dagbladet's {@code article#second-article},
   * loaded for endless scrolling): the longer story under another headline is not the page's.
   */
  @Test
  void theNextStoryAppendedBelowIsNotThePagesOwnEvenWhenLonger() throws Exception {
    String next = LOREM.replace("council", "football club").replace("library", "stadium");
    String html = "<!doctype html><html><head><title>Library hours extended</title></head><body><main>"
        + "<article id=main-article><h1>Library hours extended</h1><div class=bodytext>"
        + paragraphs(5, LOREM) + "</div></article><div class=under-article>"
        + "<article id=second-article><h1>Club looks for a new manager</h1><div class=bodytext>"
        + paragraphs(9, next) + "</div></article></div></main></body></html>";
    String md = markdown(html, new GenericBody.Hints(Optional.of("Library hours extended"), List.of(),
        Optional.empty(), Optional.empty()));
    assertTrue(md.contains("0 The council voted") && md.contains("4 The council voted"), md);
    assertFalse(md.contains("football club"), md);
    // Without a title to go by, or when the longer story is the page's, the best block stays.
    String other = markdown(html, new GenericBody.Hints(Optional.of("Club looks for a new manager"),
        List.of(), Optional.empty(), Optional.empty()));
    assertTrue(other.contains("8 The football club voted"), other);
    assertFalse(other.contains("The council voted"), other);
  }

  /**
   * "Read more: headline" lines inside the text, as 100noticias.com.ni, abc7news.com, Nettavisen,
   * Polityka and others, and Fox News's headlines in capitals that link to other stories.
   */
  @Test
  void linesPointingToOtherStoriesGoButProseThatBeginsLikeThemStays() throws Exception {
    String md = markdown(page("<article>" + paragraphs(2, LOREM)
        + "<p><strong>Lea también: <a href='/n/1'>Impiden ingreso a Nicaragua a reportero y camarógrafo"
        + " estadounidense</a></strong></p>"
        + "<p>READ MORE | <a href='/n/2'>Bridge closed for repairs next month after the storm</a></p>"
        + "<p><b>Related:</b> Check out this story – <a href='/n/3'>What pests attack the garden in May?</a></p>"
        + "<p>相关阅读：<a href='/n/4'>市政府宣布明年起图书馆周末延长开放时间</a></p>"
        + "<p>MIRA: <a href='/n/5'>Madre se acerca a conocer los motivos de captura de su hijo</a></p>"
        + "<p>Lesen Sie auch:</p>"
        + "<p><strong>Les også: <a href='/n/6'>Tone Damli ofret musikkarrieren for barna</a></strong></p>"
        + "<p><em>Czytaj też: <a href='/n/7'>Wyścig zbrojeń ruszył z kopyta</a></em></p>"
        + "<p><a href='/n/8'><strong>2 NY RESIDENTS ALLEGEDLY RAN SECRET CHINESE POLICE STATION</strong></a></p>"
        + "<p>The <a href='/n/9'>NATO SUMMIT IN VILNIUS</a> was held in July, as the council noted.</p>"
        + "<p><a href='#notes'>SEE THE NOTES BELOW THIS STORY</a></p>"
        + paragraphs(1, LOREM) + "<h2><span>See also</span></h2>"
        + "<p>Related: the council said the two votes were not connected, and <a href='/s'>a statement</a>"
        + " followed on Wednesday.</p>"
        + "<p>More: <a href='/m'>a hall</a> full of students, parents and teachers who came to hear the vote.</p>"
        + "<p>More than a hundred people came: <a href='/h'>the hall</a> was full.</p>"
        + paragraphs(1, LOREM) + "</article>"));
    for (String gone : List.of("Impiden ingreso", "Bridge closed", "What pests", "图书馆周末", "Madre se acerca", "Lesen Sie",
        "Tone Damli", "Wyścig zbrojeń", "SECRET CHINESE POLICE")) {
      assertFalse(md.contains(gone), gone + " in\n" + md);
    }
    for (String kept : List.of("were not connected", "More: [a hall]", "More than a hundred", "## See also",
        "NATO SUMMIT IN VILNIUS", "SEE THE NOTES BELOW")) {
      assertTrue(md.contains(kept), kept + " not in\n" + md);
    }
  }

  /** The shape of nytimes.com in 2016 (Readability's nytimes-2): each part of the story in a wrapper of its own. */
  @Test
  void partsOfAStoryInWrappersOfTheirOwnAreGatheredButTheRestOfThePageIsNot() throws Exception {
    String part1 = "<div class='story-body-supplemental'><div class='story-body story-body-1'>"
        + paragraphs(2, LOREM.replace("council", "first council")) + "</div></div>";
    String ad = "<div class=ad><div class='visually-hidden'><p>Advertisement</p></div></div>";
    String part2 = "<div class='story-body-supplemental'><div class='story-body story-body-2'>"
        + paragraphs(6, LOREM) + "</div><p>Continue reading the main story</p></div>";
    String md = markdown(page("<main><article><div id=story>" + part1 + ad + part2 + "</div>"
        + "<aside class=related><h2>More in Business</h2><ul><li><a href=/a>Other story</a></li></ul></aside>"
        + "</article></main><div class=footer-teasers>" + paragraphs(1, "Sign in to read more stories like this one.")
        + "</div>"));
    assertTrue(md.contains("0 The first council voted"), md);
    assertTrue(md.contains("5 The council voted"), md);
    assertFalse(md.contains("Other story"), md);
    assertFalse(md.contains("Sign in"), md);
  }

  /** The shape of telegraph.co.uk in 2011 (goose3's test_issue28): the first paragraphs each in a div. */
  @Test
  void paragraphsWrappedOneByOneBeforeTheBodyBelongToIt() throws Exception {
    String md = markdown(page("<div id=mainBodyArea>"
        + "<div class=firstPar><p>Emergency services were called to the restaurant's curry-eating challenge,"
        + " after competitors started writhing on the floor in agony during the contest.</p></div>"
        + "<div class=secondPar> <p>One participant was so ill that she had to be taken by ambulance to the"
        + " infirmary twice in a matter of hours, her friends said.</p></div>"
        + "<div class=promo><p><a href='/offer'>Subscribe today and get three months of the paper for the"
        + " price of one, delivered to your door every morning.</a></p></div>"
        + "<div class=related_links_inline><h2>Related Articles</h2><ul>"
        + "<li><p><a href='/1'>Gypsy flag to fly above town</a></p></li>"
        + "<li><p><a href='/2'>Water column forms over Lake Michigan</a></p></li></ul></div>"
        + "<div class=body>" + paragraphs(8, LOREM) + "</div></div>"));
    assertTrue(md.startsWith("Emergency services were called"), md);
    assertTrue(md.contains("One participant was so ill"), md);
    assertTrue(md.contains("7 The council voted"), md);
    assertFalse(md.contains("Subscribe today"), md);
    assertFalse(md.contains("Gypsy flag"), md);
  }

  private static String teasers(int n, String href, String summary) {
    StringBuilder b = new StringBuilder("<ol class=c-article-most-popular__list>");
    for (int i = 0; i < n; i++) {
      b.append("<li><a href='/section'>Transportation</a><h3><a href='").append(href).append(i)
          .append("'>Headline number ").append(i).append(" of another story</a></h3><p>").append(summary)
          .append("</p></li>");
    }
    return b.append("</ol>").toString();
  }

  /** citylab.com's "Most popular" (Readability's citylab-1): linked headlines with summaries. */
  @Test
  void teaserListsGoButSectionsWithPermalinksAndListiclesStay() throws Exception {
    String summary = "A town decided to subsidise ride-hailing trips rather than pay for a bus, and it worked"
        + " so well that fares must rise.";
    String md = markdown(page("<article>" + paragraphs(8, LOREM) + "<section><h2>Most Popular</h2>"
        + teasers(5, "/story/", summary) + "</section></article>"));
    assertTrue(md.contains("7 The council voted"), md);
    assertFalse(md.contains("Headline number"), md);
    assertFalse(md.contains("ride-hailing"), md);

    String sections = markdown(page("<article>" + paragraphs(2, LOREM) + teasers(4, "#section-", summary)
        + "</article>"));
    assertTrue(sections.contains("Headline number 3"), sections);
    String listicle = markdown(page("<article><p>" + LOREM + "</p>" + teasers(6, "/shop/", LOREM + LOREM)
        + "</article>"));
    assertTrue(listicle.contains("Headline number 5"), listicle);
  }

  /**
   * searchlight.vc (WCXB): "Also in the news" under the story, cards whose headline is a linked
   * box named "title", no heading. A table whose rows' titles link to other pages stays.
   */
  @Test
  void cardsWithLinkedTitleBoxesGoButATableOfTitlesStays() throws Exception {
    StringBuilder cards = new StringBuilder("<div class=template-content>");
    for (int i = 0; i < 6; i++) {
      cards.append("<article class='article article_").append(i).append("'><div class=content>")
          .append("<div class=categories>Front Page</div><div class=toptitle></div>")
          .append("<div class=title><a href='/front-page/2025/12/19/story-").append(i)
          .append("/'>Headline number ").append(i).append(" of another story</a></div>")
          .append("<div class=date>December 19, 2025</div><div class=body>THE SALVATION ARMY continued")
          .append(" its long-standing tradition of community outreach with the distribution of 1...</div>")
          .append("</div></article>");
    }
    cards.append("</div>");
    String md = markdown(page("<div class=central-column><div class=widget_posts_slot><div class=template-content>"
        + "<article class='article article_0'><div class=content><div class=title>The story</div><div class=body>"
        + paragraphs(6, LOREM) + "</div></div></article></div></div><div>Comments</div>"
        + "<div>ALSO IN THE NEWS</div><div class=widget_posts_slot>" + cards + "</div></div>"));
    assertTrue(md.contains("5 The council voted"), md);
    assertFalse(md.contains("SALVATION ARMY"), md);
    assertFalse(md.contains("Front Page"), md);

    StringBuilder rows = new StringBuilder("<table class=musicOther-list><thead><tr><td><span class=title>Song</span>"
        + "</td><td>Year</td></tr></thead>");
    for (int page = 0; page < 4; page++) {
      rows.append("<tbody>");
      for (int i = 0; i < 3; i++) {
        rows.append("<tr><td><span class=title><a href='/item/song-").append(page).append(i).append("'>Song ")
            .append(page).append(i).append("</a></span> (composer)</td><td>200").append(i).append("</td></tr>");
      }
      rows.append("</tbody>");
    }
    String table = markdown(page("<article>" + paragraphs(6, LOREM) + "<h3>Written for others</h3>"
        + rows.append("</table>") + "</article>"));
    assertTrue(table.contains("Song 32"), table);
  }

  /** WordPress with Jetpack (many trafilatura pages): furniture whose names hold "post" or "entry". */
  @Test
  void furnitureNamedWithArticleWordsGoes() throws Exception {
    String md = markdown(page("<article class=post><div class=entry-content>" + paragraphs(3, LOREM)
        + "<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper' id='like-post-wrapper-1'>"
        + "<h3 class=sd-title>Like this:</h3><div class='likes-widget-placeholder post-likes-widget-placeholder'>"
        + "<span>Like</span> <span class=loading>Loading...</span></div></div>"
        + "<div id=jp-relatedposts class=jp-relatedposts><h3 class=jp-relatedposts-headline><em>Related</em></h3></div>"
        + "</div><div class=entry-meta>Posted on 12 May 2024 in Local news by the editors of the Gazette</div>"
        + "</article>"));
    assertTrue(md.contains("2 The council voted"), md);
    assertFalse(md.contains("Like"), md);
    assertFalse(md.contains("Related"), md);
    assertFalse(md.contains("Posted on"), md);
  }

  /** Lines above the article that only date it (the metadata holds the date); a timeline's stay. */
  @Test
  void datelinesAboveTheArticleGoButDatesInItStay() throws Exception {
    String md = markdown(page("<article><p class=meta>Updated: <time>August 13, 2010, 5:02 PM ET</time></p>"
        + "<div>Posted on April 29, 2022</div><span>2019-09-26 12:11</span>"
        + paragraphs(2, LOREM) + "<h3>March 3, 2020</h3>" + paragraphs(1, LOREM)
        + "<p>May 6, 2022</p><p>On March 3, 2020 the council met again.</p></article>"));
    for (String gone : List.of("Updated", "Posted on", "2019-09-26")) {
      assertFalse(md.contains(gone), gone + " in\n" + md);
    }
    for (String kept : List.of("### March 3, 2020", "May 6, 2022", "On March 3, 2020 the council")) {
      assertTrue(md.contains(kept), kept + " not in\n" + md);
    }
    // The date it took out is kept for the metadata: it may be the only one the page has.
    String html = page("<div class=panel><h1>Library hours extended</h1><div><span>2019年9月26日 15:10</span>"
        + " <span>来源：某某日报</span></div>" + paragraphs(3, LOREM) + "</div>");
    GenericBody.Found found = GenericBody.read(Jsoup.parse(html), GenericBody.Hints.none());
    assertEquals(Optional.of(java.time.LocalDate.of(2019, 9, 26)), found.dateline());
    assertTrue(Dates.isDateline("发布时间：2019年9月26日 15:10"));
    assertFalse(Dates.isDateline("2005年3月8日 10:21 来源：某某日报"));
    assertFalse(Dates.isDateline("By Jane Roe, May 6, 2022"));
    assertTrue(Dates.isDateline("Updated on September 19 at 3:15 p.m."));
    assertFalse(Dates.isDateline("September 19 at 3:15 p.m."));
    assertTrue(Dates.isDateline("MUMBAI Tue Dec 30, 2014 4:33pm IST"));
    assertTrue(Dates.isDateline("NEW YORK, March 3, 2014"));
    assertFalse(Dates.isDateline("NEW YORK council meets on March 3, 2014"));
  }

  /** After a dek, a dateline with its time of day goes too; so does a wire story's "CNN —". */
  @Test
  void aDatelineUnderTheDekAndAWireLeadGo() throws Exception {
    String md = markdown(page("<article><p class=intro>If voters wanted reassurance about the integrity "
        + "of the system, the vote did largely the opposite.</p><div class=time>Dec. 20, 2016, 12:44 PM UTC "
        + "/ Updated Dec. 20, 2016, 1:00 PM UTC</div>" + paragraphs(1, LOREM) + "<p>Dec. 21, 2016, 9:00 AM</p>"
        + paragraphs(2, LOREM) + "</article>"));
    assertFalse(md.contains("12:44"), md);
    assertTrue(md.contains("Dec. 21, 2016, 9:00 AM"), md);
    md = markdown(page("<article><p><em>CNN —</em></p>" + paragraphs(3, LOREM) + "</article>"));
    assertTrue(md.startsWith("0 The council"), md);
    assertTrue(JunkLines.isJunkLine("toggle caption"));
  }

  /**
   * A photo credit on a line of its own goes, in a caption too ("Noel Celis/Getty Images", "(Foto:
   * REUTERS)"); a line that names an agency in other words stays.
   */
  @Test
  void photoCreditsOnLinesOfTheirOwnGo() throws Exception {
    String md = markdown(page("<article>" + paragraphs(2, LOREM)
        + "<figure><img src='a.jpg' alt=''><figcaption>Noel Celis/Getty Images</figcaption></figure>"
        + "<p>Mike Marsland/Getty Images</p><p>(Foto: REUTERS)</p><p>Kittiwut | Getty Images</p>"
        + "<p>Image source: Getty Images.</p><p>Philipp von Ditfurth/dpa</p>"
        + "<p>Source: Reuters</p><p>The mayor spoke to Reuters.</p><p>Michael Bloomberg</p>"
        + paragraphs(2, LOREM) + "</article>"));
    for (String credit : List.of("Celis", "Marsland", "Foto", "Kittiwut", "Image source", "Ditfurth")) {
      assertFalse(md.contains(credit), credit + " in " + md);
    }
    for (String kept : List.of("Source: Reuters", "The mayor spoke to Reuters.", "Michael Bloomberg")) {
      assertTrue(md.contains(kept), kept + " in " + md);
    }
  }

  /**
   * Under a dek, a line that says what its date is goes without a time of day (Postmedia's
   * "Published May 25, 2026"), as do reading times and ages; a date in the story stays.
   */
  @Test
  void statedDatesReadingTimesAndAgesUnderTheDekGo() throws Exception {
    String md = markdown(page("<article><p class=article-subtitle>Shortly before delaying its return to "
        + "the office, the department gave up twelve floors.</p><div class=published-date>"
        + "<div>Published May 25, 2026</div><span>Last updated 6 hours ago</span><div>4 minute read</div>"
        + "</div><p>Published Aug 28, 2024 &nbsp;•&nbsp; Last updated 1&nbsp;hour ago &nbsp;•&nbsp; 4 minute"
        + " read</p>" + paragraphs(2, LOREM) + "<p>May 26, 2026</p>" + paragraphs(2, LOREM)
        + "<p>This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service"
        + " apply.</p></article>"));
    assertTrue(md.startsWith("Shortly before"), md);
    assertFalse(md.contains("Published"), md);
    assertFalse(md.contains("hours ago"), md);
    assertFalse(md.contains("minute read") || md.contains("Aug 28"), md);
    assertTrue(md.contains("May 26, 2026"), md);
    assertFalse(md.contains("reCAPTCHA"), md);
    for (String line : List.of("Lesezeit: ca. 3 Minuten", "3 Min Lesezeit", "5 min de lecture",
        "阅读时间约3分钟", "Reading time: 4 min", "Updated 2 days ago", "14 hours ago", "Duration 1:30",
        "Video Loading", "Loading...", "By signing up you consent to receive the above newsletter from Postmedia.",
        "Do you have a story to tell? Email: news@example.com")) {
      assertTrue(JunkLines.isJunkLine(line), line);
    }
    // Pieces set apart by a dot operator too (LogRocket's byline).
    assertTrue(JunkLines.isDatesLine("Dec 18, 2025 ⋅ 10 min read"));
    for (String line : List.of("4 minutes later the read began", "Published in 1999 by a small press",
        "14 hours ago the dam broke")) {
      assertFalse(JunkLines.isJunkLine(line), line);
    }
  }

  /** A byline line above the article goes; a first sentence that begins with "By" stays. */
  @Test
  void bylineLinesAboveTheArticleGo() throws Exception {
    String md = markdown(page("<article><div class=hdr><p>by <a href='/staff/tia'>Tia Ghose</a>, Staff Writer"
        + " &nbsp; | &nbsp; October 29, 2014 07:38am ET</p></div>" + paragraphs(3, LOREM)
        + "<p>By Jane Roe, a reporter who lives here</p></article>"));
    assertFalse(md.contains("Tia Ghose"), md);
    assertTrue(md.contains("By Jane Roe, a reporter"), md);
    assertFalse(markdown(page("<article><p>作者：李在山</p>" + paragraphs(3, ZH) + "</article>")).contains("李在山"));
    String first = markdown(page("<article><p>By Christmas Day, the shops had run out.</p>"
        + paragraphs(3, LOREM) + "</article>"));
    assertTrue(first.startsWith("By Christmas Day"), first);
    assertTrue(Bylines.isBylineLine("By Jane Roe"));
    assertTrue(Bylines.isBylineLine("By Jane Roe and John Doe, CNN"));
    assertFalse(Bylines.isBylineLine("By Sunday Night Football standards it was a dull game"));
    assertFalse(Bylines.isBylineLine("记者从市公安局获悉"));
  }

  /**
   * A story split into sections between ad rows (Politico): the parts in elements of the chosen
   * block's class join it; the posts of a blog's page and a related list of that class do not.
   */
  @Test
  void aStorySplitIntoPartsOfOneClassIsWhole() throws Exception {
    String ad = "<div class=ad-row><div class=ad-slot>Advertisement</div></div>";
    String split = page("<section class=page-row><div class=col><div class=story-text><p>Tim Kaine is not the only opponent. "
        + LOREM + "</p><p>That is one reason. " + LOREM + "</p></div></div></section>" + ad
        + "<section class=page-row><div class=col><div class=story-text>" + paragraphs(6, LOREM) + "</div></div></section>");
    String md = markdown(split);
    assertTrue(md.startsWith("Tim Kaine is not the only opponent."), md);
    assertTrue(md.contains("5 The council voted"), md);
    assertFalse(md.contains("Advertisement"), md);
    String other = "<section class=page-row><h3><a href='/2013/07/other/'>Other story</a></h3><p>Gedanken. "
        + LOREM + "</p><p>Weiter. " + LOREM + "</p></section>";
    String withOthers = split.replace("</section><footer>", "</section><div class=rail>" + other + "</div>"
        + "<aside>" + other.replace("<h3><a href='/2013/07/other/'>Other story</a></h3>", "") + "</aside><footer>");
    md = markdown(withOthers);
    assertTrue(md.startsWith("Tim Kaine is not the only opponent."), md);
    assertFalse(md.contains("Gedanken"), md);
    // A copy of a part (a slideshow's intro shown twice) is taken once.
    String intro = "<section class=page-row><div class=col><div class=story-text><p>Tim Kaine is not the only opponent. "
        + LOREM + "</p><p>That is one reason. " + LOREM + "</p></div></div></section>";
    md = markdown(split.replace("</section><footer>", "</section>" + ad + intro + "<footer>"));
    assertEquals(md.indexOf("Tim Kaine"), md.lastIndexOf("Tim Kaine"), md);
  }

  /**
   * The first paragraphs set full width above a row of the rest and a sidebar join the body; a
   * dek and a photo credit above the row do not.
   */
  @Test
  void theLeadInAboveTheRowWithASidebarJoins() throws Exception {
    String sidebar = "<div class=col-lg-5><div class=widget><h3>Newsletter</h3><p>Sign up today.</p></div></div>";
    String html = page("<div class=container><div class=row><div class=col-md-12><p>The Fund is downgrading its "
        + "outlook. " + LOREM + "</p><p>The agency forecast growth. " + LOREM + "</p></div></div>"
        + "<div class='row equal-col-md'><div class=col-lg-7>" + paragraphs(5, LOREM) + "</div>" + sidebar
        + "</div></div>");
    String md = markdown(html);
    assertTrue(md.startsWith("The Fund is downgrading its outlook."), md);
    assertTrue(md.contains("4 The council voted"), md);
    assertFalse(md.contains("Newsletter"), md);
    String dek = html.replace("<p>The Fund is downgrading its outlook. " + LOREM + "</p><p>The agency forecast growth. "
        + LOREM + "</p>", "<p>Inside: how the Fund, its economists and two finance ministers came to downgrade, in one "
        + "long week of talks in Washington, their outlook for the world economy in 2023.</p><p>Dale Robinette</p>");
    md = markdown(dek);
    assertTrue(md.startsWith("0 The council voted"), md);
  }

  /** Links and spans in a sentence are its words, whatever their names say (tag, share, meta). */
  @Test
  void wordsInASentenceStayWhateverTheirNames() throws Exception {
    String md = markdown(page("<article>" + "<p><a href='/tag/twitter/' id=auto-tag_twitter_1 class=tag-link>Twitter</a>"
        + " erupted on Monday when <a href='/tag/trump/' id=auto-tag_trump_1>Donald Trump</a> wrote.</p>"
        + "<p>I am a <span class=sidebar-note>rather elderly</span> man. " + LOREM + "</p>"
        + paragraphs(2, LOREM) + "<div class=share-links><a href='/s/1' class=share>Share</a></div></article>"));
    assertTrue(md.contains("[Twitter](https://news.example/tag/twitter/) erupted on Monday when [Donald Trump]"), md);
    assertTrue(md.contains("I am a rather elderly man."), md);
    assertFalse(md.contains("Share"), md);
  }

  /** A widget's title left alone by its script, or by the cleaning, goes; sections stay. */
  @Test
  void headingsWithNothingUnderThemGo() throws Exception {
    String md = markdown(page("<article>" + paragraphs(2, LOREM) + "<h2>Background</h2>"
        + "<h3>The vote</h3>" + paragraphs(1, LOREM) + "<h2>Top Picks</h2><div class=widget></div>"
        + "<h2>Around The Web</h2><div id=zergnet></div></article>"));
    assertTrue(md.contains("## Background") && md.contains("### The vote"), md);
    assertFalse(md.contains("Top Picks"), md);
    assertFalse(md.contains("Around The Web"), md);
    // Some pages set their text in headings: a run of them, or a long one, stays.
    String poster = markdown(page("<article>" + paragraphs(2, LOREM) + "<h3>Total collected</h3>"
        + "<h3>2 875 510 EUROS</h3><h3>Paid to strikers</h3><h3>1 545 500 EUROS</h3></article>"));
    assertTrue(poster.contains("1 545 500 EUROS"), poster);
    String prose = markdown(page("<article>" + paragraphs(2, LOREM) + "<h3>" + LOREM + "</h3></article>"));
    assertTrue(prose.contains("### The council voted"), prose);
  }

  @Test
  void relatedLinkListsGoButListsOfProseStay() throws Exception {
    String md = markdown(page("<div class=entry-content>" + paragraphs(3, LOREM)
        + "<ul><li>Students asked for longer hours in the evening, when the halls are quiet.</li>"
        + "<li>Parents asked for weekend hours, when children have time to read.</li></ul>"
        + "<div class=more><h3>More news</h3><ul>"
        + "<li><a href='/1'>Bridge closed for repairs next month</a></li>"
        + "<li><a href='/2'>New bus line opens on Monday</a></li>"
        + "<li><a href='/3'>School wins the regional chess title</a></li></ul></div>"
        + "</div>"));
    assertTrue(md.contains("- Students asked for longer hours"), md);
    assertFalse(md.contains("Bridge closed"), md);
  }

  @Test
  void blocksMeetingInsideDivsAreNotGluedTogether() throws Exception {
    String md = markdown(page("<div class=post-body>" + paragraphs(3, LOREM)
        + "<div>first line ends here<div>second block starts here</div></div>"
        + "<div><span>inline one</span><div>block two</div></div></div>"));
    assertTrue(md.contains("first line ends here\n\nsecond block starts here"), md);
    assertTrue(md.contains("inline one\n\nblock two"), md);
    assertFalse(md.contains("\n\n\n"), md);
  }

  // ---------------------------------------------------------------- refusing

  @Test
  void noBodyIsRefused() {
    String why = refusal("<html><body><div><a href='/a'>One</a> <a href='/b'>Two</a></div></body></html>");
    assertTrue(why.contains("no paragraphs"), why);
    refusal(page("<div><a href='/a'>One</a> <a href='/b'>Two</a></div>"));
  }

  @Test
  void aShortStubIsRefusedButAShortRealBriefIsKept() throws Exception {
    String why = refusal(page("<article><p>" + LOREM + "</p></article>"));
    assertTrue(why.contains("too little text (196 characters outside links, at least 250 needed)"), why);
    // Said in the page's own characters: a Chinese brief needs 100 of them, which say as much as
    // 250 Latin ones (网易财经's briefs of 120 characters).
    why = refusal(page("<article><p>" + ZH + ZH.substring(0, 20) + "</p></article>"));
    assertTrue(why.contains("too little text (82 CJK characters outside links, at least 100 needed)"), why);
    String brief = markdown(page("<article>" + paragraphs(2, LOREM) + "</article>"));
    assertTrue(brief.contains("1 The council voted"), brief);
    String zhBrief = markdown(page("<article><p>" + ZH + ZH + "</p></article>"));
    assertTrue(zhBrief.contains("安静学习的地方。市政府"), zhBrief);
  }

  @Test
  void aPaywallStubIsRefused() {
    String why = refusal(page("<article><h1>Library hours extended</h1>"
        + "<p>The council voted on Tuesday to extend the library's opening hours.</p>"
        + "<div class=paywall><p>Subscribe to continue reading. Already a subscriber? Log in.</p>"
        + "<a href='/subscribe'>Subscribe now for $1 a week</a></div></article>"));
    assertTrue(why.contains("too little text"), why);
  }

  @Test
  void errorPagesAreRefused() {
    String why = refusal("<html><head><title>404 Page not found</title></head><body>"
        + "<h1>Sorry, we could not find that page</h1><p>The page you were looking for may have "
        + "been moved, deleted or never existed. Try searching our archive or go back home to "
        + "read today's top stories, our opinion pages and the weekend magazine.</p></body></html>");
    assertTrue(why.contains("error page"), why);
    String zh = refusal("<html><head><title>页面不存在</title></head><body><p>" + ZH + ZH
        + "</p></body></html>");
    assertTrue(zh.contains("error page"), zh);
  }

  @Test
  void aListingPageWithTeasersIsRefused() {
    StringBuilder b = new StringBuilder("<div class=main-content>");
    for (int i = 0; i < 8; i++) {
      b.append("<article><h2><a href='/story").append(i).append("'>Story number ").append(i)
          .append(" about the town</a></h2><p>").append(LOREM, 0, 110).append("</p></article>");
    }
    String why = refusal(page(b.append("</div>").toString()));
    assertTrue(why.contains("list of"), why);
  }

  @Test
  void aHomePageOfLinkedHeadlinesIsRefused() {
    StringBuilder b = new StringBuilder("<div class=content><ul>");
    for (int i = 0; i < 40; i++) {
      b.append("<li><a href='/s").append(i).append("'>Headline number ").append(i)
          .append(" about something that happened in town today</a></li>");
    }
    String why = refusal(page(b.append("</ul></div>").toString()));
    assertTrue(why.startsWith("not an article: "), why);
  }

  @Test
  void hintsRejectNulls() {
    assertThrows(NullPointerException.class,
        () -> new GenericBody.Hints(null, List.of(), Optional.empty(), Optional.empty()));
    assertEquals(List.of("a"), new GenericBody.Hints(Optional.empty(), List.of("a"), Optional.empty(),
        Optional.empty()).authors());
  }
}
