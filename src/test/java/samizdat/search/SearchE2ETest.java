package samizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import samizdat.cli.CliRun;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.e2e.Browser;
import samizdat.e2e.StaticServer;
import org.junit.jupiter.api.extension.ExtendWith;
import samizdat.e2e.RequiresBrowser;

/**
 * Search on a site made by {@code samizdat build}, the way a reader uses it: from the header
 * search box of the front page, opened from {@code file://} and over http under an IPFS-gateway
 * path, with the site's own templates and Content-Security-Policy.
 */
@ExtendWith(RequiresBrowser.class)
class SearchE2ETest {
  static Browser browser;
  @TempDir static Path work;
  static Path site;
  static String fixtureTitle;

  @BeforeAll
  static void buildSite() throws Exception {
    browser = Browser.start();
    ContentStore store = new ContentStore(work.resolve("content"));
    Document page = Jsoup.parse(Files.readString(Path.of("src/test/resources/fixtures/bannedbook-sora.html")));
    fixtureTitle = page.selectFirst("h2").text();
    StringBuilder body = new StringBuilder();
    for (Element p : page.select("div.entry p")) {
      if (!p.text().isBlank()) {
        body.append(p.text().replace("*", "\\*").replace("_", "\\_")).append("\n\n");
      }
    }
    write(store, "20240304-fixture", fixtureTitle, LocalDate.of(2024, 3, 4), List.of("Sora", "OpenAI"), body.toString());
    write(store, "20230501-trad", "周鴻禕談人工智慧", LocalDate.of(2023, 5, 1), List.of("科技"),
        "紅衣大叔周鴻禕週二表示，人工智慧的發展需要人才。");
    write(store, "20220101-evil", "<img src=x onerror=alert(1)> 恶意 onerror", LocalDate.of(2022, 1, 1), List.of("<b>x</b>"),
        "\\<script\\>window.pwned=1\\</script\\> onerror 正文");
    for (int i = 0; i < 12; i++) {
      write(store, "2024020" + (i % 9 + 1) + "-n" + i, "新闻 " + i, LocalDate.of(2024, 2, i % 9 + 1), List.of("视频"),
          "第" + i + "篇：关于天气和交通的消息。");
    }
    site = work.resolve("site");
    CliRun r = CliRun.run("--quiet", "build", "--content", store.root().toString(), "--out", site.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(site.resolve("search/manifest.js")), "the build wrote the search index");
  }

  static void write(ContentStore store, String id, String title, LocalDate date, List<String> tags, String body)
      throws Exception {
    store.write(new Article(new ArticleMeta(id, title, Optional.of("https://www.bannedbook.org/bnews/" + id + ".html"),
        Optional.of("www.bannedbook.org"), "zh-CN", Optional.of(date), Optional.empty(), tags, List.of(), List.of(),
        "bannedbook", "00".repeat(32), Instant.parse("2026-01-01T00:00:00Z")), body));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  static void until(Predicate<WebDriver> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        if (condition.test(browser.driver())) {
          return;
        }
      } catch (WebDriverException e) {
        // the page is changing under us; try again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("page did not reach the expected state: " + browser.driver().getCurrentUrl());
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static List<String> titles() {
    return (List<String>) browser.script(
        "return Array.from(document.querySelectorAll('#search-results h2 a')).map(a => a.textContent);");
  }

  /** Types into the front page's header box, submits, waits for the result list of that query. */
  static Browser.PageVisit searchFromFrontPage(String query) {
    browser.open(site.resolve("index.html").toUri());
    browser.driver().findElement(By.cssSelector(".site-header input[name=q]")).sendKeys(query, Keys.ENTER);
    until(d -> query.equals(d.findElement(By.tagName("body")).getDomAttribute("data-search-query")));
    Browser.PageVisit v = browser.observe(site.resolve("search/index.html").toUri());
    assertTrue(v.networkRequests().isEmpty(), v.toString());
    assertTrue(v.consoleErrors().isEmpty(), v.toString());
    assertEquals("no", browser.script("return window.pwned === undefined ? 'no' : 'yes'"));
    assertEquals(0L, browser.script("return document.querySelectorAll('#search-results img, #search-results script').length"));
    return v;
  }

  @Test
  void chineseWordFromTheHeaderBoxFindsTheArticleAndOpensIt() {
    searchFromFrontPage("周鸿祎");
    assertEquals(List.of(fixtureTitle, "周鴻禕談人工智慧").stream().sorted().toList(), titles().stream().sorted().toList());
    browser.driver().findElement(By.linkText(fixtureTitle)).click();
    until(d -> d.getCurrentUrl().contains("20240304-fixture"));
    assertEquals(fixtureTitle, browser.driver().findElement(By.tagName("h1")).getText());
  }

  @Test
  void latinWordMixedPhraseAndNoHit() {
    searchFromFrontPage("Sora");
    assertEquals(List.of(fixtureTitle), titles());
    searchFromFrontPage("\"Sora模型\"");
    assertEquals(List.of(fixtureTitle), titles());
    searchFromFrontPage("zzqqxjw");
    assertEquals(List.of(), titles());
    // the site's labels follow the articles' language (zh-Hans here)
    assertTrue(browser.driver().findElement(By.id("search-status")).getText().startsWith("没有找到"));
  }

  @Test
  void markupAndRegexCharactersAreInert() {
    searchFromFrontPage("<img src=x>");
    assertEquals(List.of("<img src=x onerror=alert(1)> 恶意 onerror"), titles());
    searchFromFrontPage(".*");
    assertEquals(List.of(), titles());
  }

  @Test
  void worksOverHttpUnderAGatewayPath() throws Exception {
    String prefix = "/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/";
    try (StaticServer server = new StaticServer(site, prefix)) {
      Browser.PageVisit v = browser.open(server.url("search/index.html?q=%E5%91%A8%E9%B8%BF%E7%A5%8E"));
      until(d -> "done".equals(d.findElement(By.tagName("body")).getDomAttribute("data-search-state")));
      v = browser.observe(server.url("search/index.html"));
      assertTrue(v.consoleErrors().isEmpty(), v.toString());
      assertTrue(v.networkRequests().stream().allMatch(u -> u.startsWith(server.url("").toString())), v.toString());
      assertEquals(2, titles().size(), titles().toString());
    }
  }
}
