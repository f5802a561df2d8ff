package samizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import samizdat.e2e.Browser;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import samizdat.e2e.RequiresBrowser;

/**
 * The search page as a reader uses it: a real headless Chromium opens search/index.html from
 * file:// under the site's Content-Security-Policy, types queries and follows result links.
 */
@ExtendWith(RequiresBrowser.class)
class SearchPageBrowserTest {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";
  static final String EVIL_TITLE = "<img src=x onerror=\"window.pwned=1\"> 恶意标题 onerror";
  static Browser browser;
  /** The site the tests open; JUnit deletes it after them. */
  @TempDir
  static Path site;
  static String fixtureTitle;
  static String fixtureHref = "a/2024/03/fixture-sora/index.html";

  @BeforeAll
  static void buildSite() throws Exception {
    browser = Browser.start();
    List<SearchDocument> docs = new ArrayList<>();
    Document page = Jsoup.parse(Files.readString(Path.of("src/test/resources/fixtures/bannedbook-sora.html")));
    fixtureTitle = page.selectFirst("h2").text();
    docs.add(new SearchDocument("fixture-sora", fixtureTitle, Optional.of(LocalDate.of(2024, 3, 4)),
        List.of("Sora", "ChatGPT", "OpenAI"), page.selectFirst("div.entry").text(), fixtureHref));
    docs.add(new SearchDocument("trad", "周鴻禕談人工智慧", Optional.of(LocalDate.of(2023, 5, 1)),
        List.of("科技"), "紅衣大叔周鴻禕週二表示，人工智慧的發展需要人才。", "a/2023/05/trad/index.html"));
    docs.add(new SearchDocument("evil", EVIL_TITLE, Optional.of(LocalDate.of(2022, 1, 1)),
        List.of("<b>tag</b>"), "<script>window.pwned=2</script> .* $& \\ onerror text", "a/2022/01/evil/index.html"));
    for (int i = 0; i < 14; i++) {
      LocalDate d = LocalDate.of(2024, 1 + i % 3, 1 + i);
      docs.add(new SearchDocument("sora-" + i, "Sora 新闻 " + i, Optional.of(d), List.of("视频"),
          "第" + i + "篇：OpenAI 的 Sora 视频模型。", "a/2024/0" + (1 + i % 3) + "/sora-" + i + "/index.html"));
    }
    docs.addAll(new SyntheticDocuments(3).documents(0, 300, LocalDate.of(2023, 1, 1), 500));
    SortedMap<String, byte[]> files = new SearchIndex().build(docs);
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      write(e.getKey(), e.getValue());
    }
    for (SearchDocument d : docs) {
      write(d.href(), ("<!DOCTYPE html><html><head><meta charset=utf-8><title>x</title></head><body><h1 id=title></h1></body></html>")
          .getBytes(StandardCharsets.UTF_8));
      // The title goes in as text, escaped by jsoup, like the site build does.
      Document article = Jsoup.parse(Files.readString(site.resolve(d.href())));
      article.getElementById("title").text(d.title());
      Files.writeString(site.resolve(d.href()), article.outerHtml());
    }
    try (var assets = Files.list(Path.of("templates/assets"))) {
      for (Path asset : assets.toList()) {
        write("assets/" + asset.getFileName(), Files.readAllBytes(asset));
      }
    }
    Mustache template = new DefaultMustacheFactory(Path.of("templates").toFile()).compile("search.mustache");
    StringWriter html = new StringWriter();
    template.execute(html, Map.of("root", "../", "lang", "zh", "title", "搜索", "siteTitle", "测试档案")).flush();
    String withCsp = html.toString().replace("<head>",
        "<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">");
    assertTrue(withCsp.contains(CSP));
    write("search/index.html", withCsp.getBytes(StandardCharsets.UTF_8));
  }

  /** Polls the page until the condition holds (there is no fixed sleep; the time is only a limit). */
  static void until(int seconds, java.util.function.Predicate<WebDriver> condition) {
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

  static void write(String path, byte[] bytes) throws Exception {
    Path f = site.resolve(path);
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  URI searchPage(String query) {
    String uri = site.resolve("search/index.html").toUri().toString();
    return URI.create(query.isEmpty() ? uri : uri + "?" + query);
  }

  /** Waits until the page has rendered results (or an empty-result status) for the current query. */
  void awaitResults() {
    until(20, d ->
        "done".equals(d.findElement(By.tagName("body")).getDomAttribute("data-search-state"))
            || !"partial".equals(d.findElement(By.tagName("body")).getDomAttribute("data-search-state"))
                && !d.findElement(By.id("search-status")).getText().isEmpty());
  }

  Browser.PageVisit type(String query) {
    Browser.PageVisit v = browser.open(searchPage(""));
    assertTrue(v.consoleErrors().isEmpty(), v.toString());
    WebElement input = browser.driver().findElement(By.id("search-q"));
    input.sendKeys(query);
    until(20, d -> query.equals(d.findElement(By.tagName("body")).getDomAttribute("data-search-query")));
    return browser.observe(searchPage(""));
  }

  @SuppressWarnings("unchecked")
  List<String> titles() {
    return (List<String>) browser.script("return Array.from(document.querySelectorAll('#search-results h2 a')).map(a => a.textContent);");
  }

  String status() {
    return browser.driver().findElement(By.id("search-status")).getText();
  }

  @AfterEach
  void nothingInjected() {
    Object pwned = browser.script("return window.pwned === undefined ? 'no' : String(window.pwned);");
    assertEquals("no", pwned);
    Object images = browser.script("return document.images.length;");
    assertEquals(0L, images, "no image element ever appears on the search page");
  }

  @Test
  void chineseWordFindsTheArticleAndItsLinkOpensIt() {
    Browser.PageVisit v = type("周鸿祎");
    assertTrue(v.networkRequests().isEmpty(), v.toString());
    assertTrue(v.consoleErrors().isEmpty(), v.toString());
    List<String> titles = titles();
    assertTrue(titles.contains(fixtureTitle), titles.toString());
    assertTrue(titles.contains("周鴻禕談人工智慧"), "Traditional text found by a Simplified query: " + titles);
    assertEquals(2, titles.size(), titles.toString());
    assertTrue(String.valueOf(browser.script("return location.search;")).contains("q="), "query kept in the URL");
    WebElement mark = browser.driver().findElement(By.cssSelector("#search-results mark"));
    assertEquals("周鴻禕", mark.getText(), "matched terms highlighted in the original script");
    browser.driver().findElement(By.linkText(fixtureTitle)).click();
    until(10, d -> d.getCurrentUrl().endsWith(fixtureHref));
    assertEquals(fixtureTitle, browser.driver().findElement(By.id("title")).getText());
  }

  @Test
  void traditionalQueryFindsSimplifiedText() {
    browser.open(searchPage("q=" + enc("周鴻禕 紅衣")));
    awaitResults();
    assertEquals(List.of(fixtureTitle, "周鴻禕談人工智慧").stream().sorted().toList(), titles().stream().sorted().toList());
    browser.open(searchPage("q=" + enc("禕")));
    awaitResults();
    assertEquals(List.of(fixtureTitle, "周鴻禕談人工智慧").stream().sorted().toList(), titles().stream().sorted().toList(),
        "one character finds every article containing it, wherever it stands in a run");
  }

  @Test
  void latinWordPaginatesAndSortsNewestFirst() {
    Browser.PageVisit v = type("Sora");
    assertTrue(v.consoleErrors().isEmpty(), v.toString());
    assertTrue(status().startsWith("15 results"), status());
    assertEquals(10, titles().size());
    assertTrue(titles().contains(fixtureTitle), "title match ranks high: " + titles());
    browser.driver().findElements(By.cssSelector("#search-pages button")).get(1).click();
    until(10, d -> titles().size() == 5);
    assertTrue(String.valueOf(browser.script("return location.search;")).contains("page=2"));

    browser.open(searchPage("q=Sora&sort=newest"));
    awaitResults();
    @SuppressWarnings("unchecked")
    List<String> dates = (List<String>) browser.script("return Array.from(document.querySelectorAll('#search-results time')).map(t => t.dateTime);");
    assertEquals(dates.stream().sorted((a, b) -> b.compareTo(a)).toList(), dates);
    assertEquals("2024-03-12", dates.get(0), "sora-11 is the newest");
  }

  @Test
  void phrasesNeedAdjacentWords() {
    browser.open(searchPage("q=" + enc("\"Sora模型\"")));
    awaitResults();
    assertEquals(List.of(fixtureTitle), titles());
    browser.open(searchPage("q=" + enc("「模型Sora」")));
    awaitResults();
    assertEquals(List.of(fixtureTitle), titles());
    browser.open(searchPage("q=" + enc("\"Sora 周鸿祎\"")));
    awaitResults();
    assertEquals(List.of(), titles(), "both words occur, but not next to each other");
    browser.open(searchPage("q=" + enc("\"视频模型\"")));
    awaitResults();
    assertTrue(titles().size() >= 2 && titles().contains(fixtureTitle), titles().toString());
  }

  @Test
  void wordInNoArticleSaysNoResults() {
    type("zzqqxjw");
    assertTrue(status().startsWith("No results"), status());
    assertEquals(List.of(), titles());
  }

  @Test
  void htmlAndRegexInQueriesAreInert() {
    Browser.PageVisit v = type("<img src=x>");
    assertTrue(v.consoleErrors().isEmpty(), v.toString());
    assertEquals(List.of(EVIL_TITLE), titles(), "the words img, src and x are searched, nothing is injected");
    type("<img src=zzqqx>");
    assertTrue(status().contains("<img src=zzqqx>"), "the query is shown as text: " + status());
    type(".*");
    assertTrue(status().startsWith("Type a word"), status());
    assertEquals(List.of(), titles());
    type("$& \\ (");
    assertTrue(status().startsWith("Type a word"), status());
  }

  @Test
  void aKeystrokeDuringASearchNeverLabelsTheOlderResultsWithTheNewQuery() {
    // A word in no article is still being searched when "onerror" is typed over it: the first
    // list shown is that word's (nothing), and must say so, not "No results for onerror".
    browser.open(searchPage(""));
    browser.script("window.shown = [];"
        + "new MutationObserver(function () {"
        + "  var b = document.body;"
        + "  if (b.getAttribute('data-search-state') === 'done') {"
        + "    window.shown.push(b.getAttribute('data-search-query') + ' | '"
        + "      + document.getElementById('search-status').textContent + ' | '"
        + "      + document.querySelectorAll('#search-results h2 a').length);"
        + "  }"
        + "}).observe(document.body, { attributes: true });"
        + "var input = document.getElementById('search-q');"
        + "input.value = 'zzqqxjw'; input.dispatchEvent(new Event('input'));"
        + "input.value = 'onerror'; input.dispatchEvent(new Event('input'));");
    until(20, d -> String.valueOf(browser.script("return window.shown.join('\\n');")).contains("onerror | "));
    until(20, d -> "done".equals(d.findElement(By.tagName("body")).getDomAttribute("data-search-state")));
    @SuppressWarnings("unchecked")
    List<String> shown = (List<String>) browser.script("return window.shown;");
    for (String list : shown) {
      String query = list.substring(0, list.indexOf(" | "));
      assertTrue(list.endsWith(" | 0") ? list.contains("\u201c" + query + "\u201d") && !query.equals("onerror")
          : query.equals("onerror"), "each list is labelled with the query it answers: " + shown);
    }
    assertTrue(shown.get(shown.size() - 1).startsWith("onerror | 1 result"), shown.toString());
    assertEquals(List.of(EVIL_TITLE), titles());
  }

  @Test
  void indexedMarkupIsShownAsText() {
    type("onerror");
    assertEquals(List.of(EVIL_TITLE), titles());
    String snippet = browser.driver().findElement(By.cssSelector(".search-snippet")).getText();
    assertTrue(snippet.contains("<script>window.pwned=2</script>"), snippet);
    assertTrue(browser.driver().findElements(By.cssSelector("#search-results script, #search-results b")).isEmpty());
  }

  @Test
  void tagAndYearFiltersNarrowTheResults() {
    browser.open(searchPage("q=" + enc("周鸿祎") + "&year=2023"));
    awaitResults();
    assertEquals(List.of("周鴻禕談人工智慧"), titles());
    browser.open(searchPage("q=Sora"));
    awaitResults();
    browser.driver().findElements(By.xpath("//button[@class='search-chip' and text()='OpenAI']")).get(0).click();
    until(10, d -> titles().size() == 1);
    assertEquals(List.of(fixtureTitle), titles());
    assertTrue(String.valueOf(browser.script("return location.search;")).contains("tag=OpenAI"));
  }

  @Test
  void javascriptTokenizerAgreesWithJava() throws Exception {
    browser.open(searchPage(""));
    Tokenizer java = Tokenizer.standard();
    for (JsonNode v : TokenizerTest.vectors()) {
      String text = v.get("text").asText();
      Object js = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "samizdatSearch.index.start().then(ix => { const t = ix.tokenizer.terms(arguments[0]);"
              + " const c = samizdatSearch.core;"
              + " done(t.map(x => [x, c.shardKey(x), c.shardHashKey(x), c.hash(c.shardHashKey(x))])); });",
          text);
      List<List<Object>> expected = new ArrayList<>();
      for (String term : java.terms(text)) {
        String hashKey = Tokenizer.shardHashKey(term);
        expected.add(List.of(term, Tokenizer.shardKey(term), hashKey, (long) Tokenizer.hash(hashKey)));
      }
      assertEquals(expected, js, text);
    }
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
