package samizdat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import samizdat.cli.CliRun;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.content.ImageRef;
import samizdat.content.RelatedLink;

/**
 * The reader's side of a built site in a real Chromium from {@code file://}, at desktop and phone
 * sizes: pagination without repeats and the jump box, search snippets around a word deep in an
 * article and tag matches, the tag filter, the 简/繁 switch surviving a reload, one interface
 * language with {@code --lang en}, figure captions, list excerpts and images, the phone layout,
 * and the print style. Every page visited must load nothing from the network.
 */
class ReaderBrowserTest {
  static final String DEEP_WORD = "量子纠缠实验";
  static Browser browser;
  @TempDir static Path work;
  static Path site;
  static Path siteEn;
  static String media;

  @BeforeAll
  static void buildSites() throws Exception {
    browser = Browser.start();
    Path content = work.resolve("content");
    writeContent(new ContentStore(content));
    site = work.resolve("site");
    CliRun r = CliRun.run("--quiet", "build", "--content", content.toString(), "--out", site.toString());
    assertEquals(0, r.exitCode(), r.err());
    siteEn = work.resolve("site-en");
    r = CliRun.run("--quiet", "build", "--content", content.toString(), "--out", siteEn.toString(),
        "--lang", "en");
    assertEquals(0, r.exitCode(), r.err());
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void desktopAndNoRememberedScript() {
    if (browser != null) {
      browser.driver().manage().window().setSize(new Dimension(1280, 900));
      browser.script("try { localStorage.clear(); } catch (e) {}");
    }
  }

  /**
   * 90 dated Chinese articles (a front page and four numbered pages), one Traditional, one undated;
   * some with a saved image and caption, one whose image was not saved; article 3 has a word only in
   * its last paragraph, far past the index's excerpt.
   */
  static void writeContent(ContentStore store) throws Exception {
    Files.createDirectories(store.mediaDir());
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Path tmp = store.root().resolve("img.png");
    ImageIO.write(image, "png", tmp.toFile());
    byte[] png = Files.readAllBytes(tmp);
    Files.delete(tmp);
    media = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)) + ".png";
    Files.write(store.mediaDir().resolve(media), png);
    String filler = "当局周二发表声明，表示将继续推进有关改革，但多名学者对此提出质疑，认为细节仍不清楚。";
    String[] tags = {"人工智能", "中国", "香港", "经济", "Sora", "人权", "外交", "科技", "教育"};
    for (int i = 0; i < 92; i++) {
      boolean undated = i == 91;
      boolean traditional = i == 90;
      LocalDate date = LocalDate.of(2024, 1, 1).plusDays(i * 2L);
      String id = (undated ? "t-undated" : date.toString().replace("-", "") + "-30" + String.format("%05d", i));
      String title = traditional ? "臺灣選舉觀察：經濟與兩岸關係" : "新闻" + i + "：城市发展与民生";
      List<String> t = new ArrayList<>();
      for (int k = 0; k < (i == 5 ? 9 : 2); k++) {
        t.add(tags[(i + k * 4) % tags.length]);
      }
      List<ImageRef> images = i % 10 == 0
          ? List.of(new ImageRef(Optional.of(media), "https://example.org/a.png", "现场", "示威者聚集在广场"))
          : List.of();
      StringBuilder body = new StringBuilder();
      body.append("（本台记者报道）\n\n");
      if (!images.isEmpty()) {
        body.append("![现场](../media/").append(media).append(")\n\n*2024年示威者聚集在广场*\n\n");
      }
      if (i == 20) {
        body.append("![丢失](https://example.org/lost.png)\n\n*这张图片没有保存*\n\n");
      }
      body.append(traditional ? "臺灣的經濟發展與兩岸關係一直是選舉的焦點，選民關心物價與就業。\n\n"
          : "第一段：" + filler + "\n\n");
      for (int p = 0; p < 8; p++) {
        body.append(filler).append(filler).append("\n\n");
      }
      body.append(i == 3 ? "最后，研究人员公布了" + DEEP_WORD + "的结果。\n" : "（完）\n");
      ArticleMeta meta = new ArticleMeta(id, title, Optional.of("https://example.org/news/" + id + ".html"),
          Optional.of("example.org"), traditional ? "zh-Hant" : "zh-Hans",
          undated ? Optional.empty() : Optional.of(date), Optional.of("测试来源"), t,
          List.<RelatedLink>of(), images, "generic", "00".repeat(32), Instant.parse("2026-01-01T00:00:00Z"));
      store.write(new Article(meta, body.toString()));
    }
  }

  /** Polls until the condition holds (no fixed sleep; the time is only a limit). */
  static void until(int seconds, Predicate<WebDriver> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (true) {
      try {
        if (condition.test(browser.driver())) {
          return;
        }
      } catch (org.openqa.selenium.WebDriverException e) {
        // the page is changing under us; try again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("page did not reach the expected state within " + seconds + " s: "
            + browser.driver().getCurrentUrl());
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  static Browser.PageVisit open(Path file) {
    return clean(browser.open(file.toUri()));
  }

  static Browser.PageVisit clean(Browser.PageVisit v) {
    assertTrue(v.networkRequests().isEmpty(), "network requests: " + v);
    assertTrue(v.consoleErrors().isEmpty(), "console errors: " + v);
    assertTrue(v.brokenImages().isEmpty(), "broken images: " + v);
    return v;
  }

  @SuppressWarnings("unchecked")
  static List<String> listed() {
    return (List<String>) browser.script(
        "return Array.from(document.querySelectorAll('.article-list .item-title')).map(a => a.href);");
  }

  @Test
  void goingFromTheFrontPageToOlderPagesNeverShowsAnArticleTwice() {
    open(site.resolve("index.html"));
    Set<String> seen = new HashSet<>();
    int pages = 0;
    int total = 0;
    while (true) {
      List<String> items = listed();
      total += items.size();
      for (String href : items) {
        assertTrue(seen.add(href), "shown twice: " + href + " on " + browser.driver().getCurrentUrl());
      }
      pages++;
      List<WebElement> older = browser.driver().findElements(By.cssSelector(".pager a[rel=next]"));
      if (older.isEmpty()) {
        break;
      }
      older.get(0).click();
      clean(browser.observe(URI.create(browser.driver().getCurrentUrl())));
      if (pages == 1) {
        String heading = browser.driver().findElement(By.cssSelector("h1")).getText();
        assertTrue(heading.contains("第 4 页"), "page 2 says its number: " + heading);
        assertEquals("4", browser.driver().findElement(By.cssSelector(".pager-numbers .current")).getText());
      }
    }
    assertEquals(92, total, "every article once");
    assertEquals(92, seen.size());
    assertTrue(pages >= 5, "front page, four numbered pages and the undated one: " + pages);
  }

  @Test
  void theJumpBoxGoesToAPageByNumberFromTheFrontPageAndFromOlderPages() {
    open(site.resolve("index.html"));
    WebElement box = browser.driver().findElement(By.cssSelector("form.jump input"));
    assertTrue(box.isDisplayed());
    box.sendKeys("2\n");
    until(10, d -> d.getCurrentUrl().endsWith("/page/0/2.html"));
    // page 2 knows only that pages up to 2 exist; page 4 is found through the front page
    WebElement again = browser.driver().findElement(By.cssSelector("form.jump input"));
    again.sendKeys("4\n");
    until(10, d -> d.getCurrentUrl().endsWith("/page/0/4.html"));
    assertTrue(listed().size() == 20);
  }

  @Test
  void aWordInTheLastParagraphIsShownInTheSnippetAndTagMatchesAreMarked() {
    browser.open(URI.create(site.resolve("search/index.html").toUri() + "?q=" + enc(DEEP_WORD)));
    until(20, d -> "full".equals(d.findElement(By.tagName("body")).getDomAttribute("data-snippets")));
    clean(browser.observe(URI.create(browser.driver().getCurrentUrl())));
    String snippet = browser.driver().findElement(By.cssSelector(".search-snippet")).getText();
    assertTrue(snippet.contains(DEEP_WORD), snippet);
    assertFalse(browser.driver().findElements(By.cssSelector(".search-snippet mark")).isEmpty());

    browser.open(URI.create(site.resolve("search/index.html").toUri() + "?q=" + enc("香港")));
    until(20, d -> "full".equals(d.findElement(By.tagName("body")).getDomAttribute("data-snippets")));
    assertFalse(browser.driver().findElements(By.cssSelector(".search-chip-hit mark")).isEmpty(),
        "the tag 香港 is marked as matching");
  }

  @Test
  void aSearchWithNoResultsSuggestsFewerWordsAndTags() {
    browser.open(URI.create(site.resolve("search/index.html").toUri() + "?q=" + enc("香港 zzqqxyz")));
    until(20, d -> d.findElement(By.tagName("body")).getDomAttribute("data-suggestions") != null);
    clean(browser.observe(URI.create(browser.driver().getCurrentUrl())));
    List<WebElement> fewer = browser.driver().findElements(By.cssSelector(".search-suggest-query"));
    assertEquals("香港", fewer.get(0).getText());
    List<WebElement> tags = browser.driver().findElements(By.cssSelector(".search-suggest-tag"));
    assertEquals("香港", tags.get(0).getText());
    tags.get(0).click();
    until(10, d -> d.getCurrentUrl().contains("/tags/"));
  }

  @Test
  void theFilterBoxNarrowsTheTagIndex() {
    open(site.resolve("tags/index.html"));
    WebElement filter = browser.driver().findElement(By.id("tag-filter-q"));
    assertTrue(filter.isDisplayed());
    long all = (Long) browser.script("return document.querySelectorAll('.tag-cloud li:not([hidden])').length");
    filter.sendKeys("香");
    until(10, d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-tags-shown")));
    @SuppressWarnings("unchecked")
    List<String> visible = (List<String>) browser.script("return Array.from(document.querySelectorAll("
        + "'.tag-cloud li:not([hidden]) a')).map(a => a.textContent);");
    assertTrue(visible.stream().allMatch(t -> t.equals("香港")), visible.toString());
    assertTrue(visible.size() < all);
    filter.clear();
    filter.sendKeys("zzz");
    until(10, d -> d.findElement(By.cssSelector(".tag-filter-none")).isDisplayed());
  }

  @Test
  void theScriptSwitchConvertsTheArticleAndIsRememberedAcrossPagesAndReloads() {
    Path article = firstArticle("新闻3：");
    open(article);
    WebElement h1 = browser.driver().findElement(By.cssSelector(".article-header h1"));
    assertEquals("新闻3：城市发展与民生", h1.getText());
    browser.driver().findElement(By.cssSelector(".script-switch button[data-script=hant]")).click();
    until(10, d -> d.findElement(By.cssSelector(".article-header h1")).getText().equals("新聞3：城市發展與民生"));
    String body = browser.driver().findElement(By.cssSelector(".article-body")).getText();
    assertTrue(body.contains("當局週二發表聲明") || body.contains("當局周二發表聲明"), body);
    assertEquals("简", browser.driver().findElement(By.cssSelector(".script-switch button[data-script=hans]")).getText());
    browser.driver().navigate().refresh();
    until(10, d -> d.findElement(By.cssSelector(".article-header h1")).getText().equals("新聞3：城市發展與民生"));
    assertEquals("true", browser.driver().findElement(By.cssSelector(".script-switch button[data-script=hant]"))
        .getDomAttribute("aria-pressed"));
    // the Traditional article shown in Simplified, then everything back
    browser.driver().findElement(By.cssSelector(".script-switch button[data-script=hans]")).click();
    until(10, d -> d.findElement(By.cssSelector(".article-header h1")).getText().equals("新闻3：城市发展与民生"));
    open(firstArticle("臺灣"));
    until(10, d -> d.findElement(By.cssSelector(".article-header h1")).getText().startsWith("台湾选举观察"));
    browser.driver().findElement(By.cssSelector(".script-switch button[data-script=hant]")).click();
    until(10, d -> d.findElement(By.cssSelector(".article-header h1")).getText().equals("臺灣選舉觀察：經濟與兩岸關係"));
  }

  @Test
  void withLangEnTheInterfaceIsInEnglishOnly() throws Exception {
    open(siteEn.resolve("index.html"));
    String nav = browser.driver().findElement(By.cssSelector(".site-nav")).getText();
    assertEquals("Latest Tags Archive About", nav.replace('\n', ' '));
    assertEquals("Latest articles", browser.driver().findElement(By.tagName("h1")).getText());
    String html = Files.readString(siteEn.resolve("index.html"));
    for (String zh : List.of("最新", "标签", "归档", "较旧", "搜索")) {
      assertFalse(html.contains(zh), "no Chinese label " + zh);
    }
    open(siteEn.resolve(site.relativize(firstArticle("新闻3：")).toString()));
    assertTrue(browser.driver().findElement(By.cssSelector(".crumbs")).getText().startsWith("Home"));
    String zhHtml = Files.readString(site.resolve("index.html"));
    assertTrue(zhHtml.contains("最新文章") && !zhHtml.contains("Latest articles"), "default: one language");
  }

  @Test
  void articlePagesHaveBreadcrumbsCaptionsAndDateUnknownMarks() throws Exception {
    open(firstArticle("新闻10："));
    List<WebElement> crumbs = browser.driver().findElements(By.cssSelector(".crumbs a"));
    assertEquals(List.of("首页", "2024 年", "2024 年 01 月"), crumbs.stream().map(WebElement::getText).toList());
    WebElement caption = browser.driver().findElement(By.cssSelector("figure figcaption"));
    assertEquals("2024年示威者聚集在广场", caption.getText());
    assertEquals("none", browser.script("return getComputedStyle(arguments[0]).textEmphasisStyle;", caption));
    assertTrue(browser.driver().findElements(By.cssSelector(".article-body em")).isEmpty());
    open(firstArticle("新闻20："));
    assertEquals("[图片未保存] 这张图片没有保存",
        browser.driver().findElement(By.cssSelector(".image-missing")).getText());
    open(site.resolve("a/undated").resolve(onlyChild(site.resolve("a/undated"))).resolve("t-undated.html"));
    assertEquals("日期不详", browser.driver().findElement(By.cssSelector(".meta .no-date")).getText());
  }

  @Test
  void listsShowExcerptsAndLeadImagesThatDoNotMoveTheLayout() throws Exception {
    open(site.resolve("index.html"));
    List<WebElement> excerpts = browser.driver().findElements(By.cssSelector(".article-list .excerpt"));
    assertFalse(excerpts.isEmpty());
    List<String> texts = excerpts.stream().map(WebElement::getText).toList();
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("第一段：")), texts.toString());
    assertTrue(texts.stream().noneMatch(t -> t.startsWith("（")), "bylines are passed over: " + texts);
    List<WebElement> thumbs = browser.driver().findElements(By.cssSelector(".article-list .thumb img"));
    assertFalse(thumbs.isEmpty());
    assertEquals("96", thumbs.get(0).getDomAttribute("width"));
    assertEquals("72", thumbs.get(0).getDomAttribute("height"));
    // (the harness makes images eager to see them load; the page asks for lazy loading)
    assertTrue(Files.readString(site.resolve("index.html")).contains("loading=\"lazy\" width=\"96\" height=\"72\""));
  }

  @Test
  void onAPhoneTagChipsTakeOneLineAndTheSearchFormIsCompact() {
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    open(firstArticle("新闻5："));
    Map<?, ?> tags = (Map<?, ?>) browser.script("const u = document.querySelector('.article-header .tags');"
        + "const li = u.querySelector('li'); return {h: u.getBoundingClientRect().height,"
        + " chip: li.getBoundingClientRect().height, n: u.children.length};");
    assertEquals(9L, ((Number) tags.get("n")).longValue());
    assertTrue(((Number) tags.get("h")).doubleValue() < 2 * ((Number) tags.get("chip")).doubleValue(),
        "nine chips on one line: " + tags);
    Number bodyTop = (Number) browser.script(
        "return document.querySelector('.article-body p').getBoundingClientRect().top;");
    Number height = (Number) browser.script("return window.innerHeight;");
    assertTrue(bodyTop.doubleValue() < height.doubleValue() * 0.75, "text starts on the first screen: " + bodyTop);

    browser.open(URI.create(site.resolve("search/index.html").toUri() + "?q=" + enc("香港")));
    until(20, d -> "full".equals(d.findElement(By.tagName("body")).getDomAttribute("data-snippets")));
    Map<?, ?> form = (Map<?, ?>) browser.script("const f = document.getElementById('search-form').getBoundingClientRect();"
        + "return {bottom: f.bottom, header: getComputedStyle(document.querySelector('.site-header .search-box')).display,"
        + " sort: document.getElementById('search-sort').getBoundingClientRect().top,"
        + " year: document.getElementById('search-year').getBoundingClientRect().top,"
        + " font: parseFloat(getComputedStyle(document.getElementById('search-year')).fontSize)};");
    assertEquals("none", form.get("header"), "one search box on the search page");
    assertTrue(((Number) form.get("bottom")).doubleValue() < 844 * 0.3, "compact form: " + form);
    assertEquals(((Number) form.get("sort")).doubleValue(), ((Number) form.get("year")).doubleValue(), 0.5,
        "the year selector sits beside the sort selector: " + form);
    assertTrue(((Number) form.get("font")).doubleValue() >= 16, "readable drop-downs: " + form);
  }

  @Test
  void printingShowsTheArticleAloneWithItsSource() {
    open(firstArticle("新闻3："));
    ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      for (String hidden : List.of(".site-header", ".site-footer", ".article-nav", ".crumbs", ".script-switch")) {
        assertEquals("none", browser.script("return getComputedStyle(document.querySelector(arguments[0])).display;",
            hidden), hidden);
      }
      WebElement original = browser.driver().findElement(By.cssSelector(".original .url"));
      assertTrue(original.isDisplayed());
      assertTrue(original.getText().startsWith("https://example.org/news/"));
    } finally {
      ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  /** The article page whose title starts with {@code prefix}. */
  static Path firstArticle(String prefix) {
    try (var files = Files.walk(site.resolve("a"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        String html = Files.readString(p);
        if (html.contains("<h1>" + prefix)) {
          return p;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no article titled " + prefix);
  }

  static String onlyChild(Path dir) throws Exception {
    try (var l = Files.list(dir)) {
      return l.findFirst().orElseThrow().getFileName().toString();
    }
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
