package samizdat.mirror.zim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import samizdat.cli.CliRun;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.e2e.Browser;
import samizdat.e2e.RequiresBrowser;

/**
 * The ZIM of a site made by {@code samizdat build}, checked with the real tools: openZIM's
 * {@code zimcheck -A} and {@code zimdump}, and Kiwix's {@code kiwix-serve} with the site's own
 * search page in a headless browser.
 */
@ExtendWith(RequiresZimTools.class)
class ZimToolsTest {
  @TempDir static Path work;
  static Path site;
  static Path zim;
  static String fixtureTitle;

  @BeforeAll
  static void buildSiteAndZim() throws Exception {
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
    for (int i = 0; i < 12; i++) {
      write(store, "2024020" + (i % 9 + 1) + "-n" + i, "新闻 " + i, LocalDate.of(2024, 2, i % 9 + 1), List.of("视频"),
          "第" + i + "篇：关于天气和交通的消息。");
    }
    site = work.resolve("site");
    CliRun b = CliRun.run("--quiet", "build", "--content", store.root().toString(), "--out", site.toString());
    assertEquals(0, b.exitCode(), b.err());
    zim = work.resolve("out/samizdat.zim");
    CliRun z = CliRun.run("--quiet", "mirror", "zim", "--site", site.toString(), "--zim", zim.toString());
    assertEquals(0, z.exitCode(), z.err());
  }

  static void write(ContentStore store, String id, String title, LocalDate date, List<String> tags, String body)
      throws Exception {
    store.write(new Article(new ArticleMeta(id, title, Optional.of("https://www.bannedbook.org/bnews/" + id + ".html"),
        Optional.of("www.bannedbook.org"), "zh-CN", Optional.of(date), Optional.empty(), tags, List.of(), List.of(),
        "bannedbook", "00".repeat(32), Instant.parse("2026-01-01T00:00:00Z")), body));
  }

  /** What a tool printed (stdout and stderr together) and its exit code. */
  record Run(int exitCode, String output) {}

  static Run run(String... command) throws Exception {
    Path log = Files.createTempFile(work, "tool", ".log");
    List<String> cmd = new ArrayList<>(List.of(command));
    cmd.set(0, RequiresZimTools.tool(cmd.get(0)).toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " took more than 2 minutes");
    }
    return new Run(p.exitValue(), Files.readString(log));
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void zimcheckWithAllChecksPassesWithoutError() throws Exception {
    Run r = run("zimcheck", "-A", zim.toString());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("Overall Test Status: Pass"), r.output());
    assertTrue(r.output().lines().noneMatch(l -> l.startsWith("[ERROR]")), r.output());
  }

  @Test
  void zimdumpGivesBackEverySiteFileByteForByte() throws Exception {
    Path out = work.resolve("dump");
    Run r = run("zimdump", "dump", "--dir=" + out, zim.toString());
    assertEquals(0, r.exitCode(), r.output());
    Map<String, byte[]> expected = files(site);
    Map<String, byte[]> dumped = files(out);
    assertEquals(expected.keySet(), dumped.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, dumped.get(path), path));
    Run list = run("zimdump", "list", zim.toString());
    assertEquals(0, list.exitCode(), list.output());
    assertTrue(list.output().lines().toList().containsAll(expected.keySet()), list.output());
    Run info = run("zimdump", "info", zim.toString());
    assertTrue(info.output().contains("main page: index.html"), info.output());
  }

  @Test
  void kiwixServeServesTheMainPageAnArticleAndTitleSuggestions() throws Exception {
    try (KiwixServe server = KiwixServe.start(zim)) {
      HttpResponse<String> main = server.get("");
      assertEquals(200, main.statusCode());
      assertTrue(main.body().contains("<title>"), main.body());
      assertEquals(200, server.get("search/index.html").statusCode());
      String article = articlePath();
      HttpResponse<String> a = server.get(article);
      assertEquals(200, a.statusCode());
      assertTrue(a.body().contains(fixtureTitle), a.body());
      HttpResponse<byte[]> css = server.getBytes("assets/site.css");
      assertArrayEquals(Files.readAllBytes(site.resolve("assets/site.css")), css.body());
      assertEquals("text/css", css.headers().firstValue("content-type").orElse(""));
      // Kiwix's own search box: titles starting with what the reader types.
      String suggest = server.getRoot("suggest?content=" + server.book + "&count=10&term="
          + URLEncoder.encode(fixtureTitle.substring(0, 4), StandardCharsets.UTF_8)).body();
      assertTrue(suggest.contains(article), suggest);
      assertTrue(suggest.contains(fixtureTitle), suggest);
    }
  }

  @Test
  @ExtendWith(RequiresBrowser.class)
  void theSiteSearchPageFindsArticlesInsideKiwix() throws Exception {
    try (KiwixServe server = KiwixServe.start(zim); Browser browser = Browser.start()) {
      browser.open(server.url(""));
      browser.driver().findElement(By.cssSelector(".site-header input[name=q]")).sendKeys("周鸿祎", Keys.ENTER);
      until(browser, () -> "done".equals(browser.driver().findElement(By.tagName("body"))
          .getDomAttribute("data-search-state")));
      @SuppressWarnings("unchecked")
      List<String> titles = (List<String>) browser.script(
          "return Array.from(document.querySelectorAll('#search-results h2 a')).map(a => a.textContent);");
      assertEquals(List.of(fixtureTitle, "周鴻禕談人工智慧").stream().sorted().toList(), titles.stream().sorted().toList());
      browser.driver().findElement(By.linkText(fixtureTitle)).click();
      until(browser, () -> browser.driver().getCurrentUrl().contains("20240304-fixture"));
      assertEquals(fixtureTitle, browser.driver().findElement(By.tagName("h1")).getText());
    }
  }

  static String articlePath() throws IOException {
    try (Stream<Path> walk = Files.walk(site.resolve("a"))) {
      return walk.filter(p -> p.getFileName().toString().contains("20240304-fixture")
          && p.getFileName().toString().endsWith(".html")).findFirst()
          .map(p -> site.relativize(p).toString().replace('\\', '/')).orElseThrow();
    }
  }

  interface Check {
    boolean ok();
  }

  static void until(Browser browser, Check check) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (WebDriverException e) {
        // the page is changing under us; try again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("page did not reach the expected state: " + browser.driver().getCurrentUrl());
      }
      Thread.sleep(25);
    }
  }

  /** A kiwix-serve on a free loopback port serving one ZIM file. */
  static final class KiwixServe implements AutoCloseable {
    final Process process;
    final URI root;
    final String book;
    String prefix;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private KiwixServe(Process process, URI root, String book) {
      this.process = process;
      this.root = root;
      this.book = book;
    }

    static KiwixServe start(Path zim) throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path log = Files.createTempFile(work, "kiwix-serve", ".log");
      Process p = new ProcessBuilder(RequiresZimTools.tool("kiwix-serve").toString(), "--address=127.0.0.1",
          "--port=" + port, zim.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      String name = zim.getFileName().toString().replaceAll("\\.zim$", "");
      KiwixServe k = new KiwixServe(p, URI.create("http://127.0.0.1:" + port + "/"), name);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (k.prefix == null) {
        // Newer kiwix-serve serves a book under /content/NAME/, older under /NAME/.
        for (String prefix : List.of("content/" + name + "/", name + "/")) {
          try {
            if (k.getRoot(prefix + "index.html").statusCode() == HttpURLConnection.HTTP_OK) {
              k.prefix = prefix;
              break;
            }
          } catch (IOException notYet) {
            // not listening yet
          }
        }
        if (k.prefix == null && (!p.isAlive() || System.nanoTime() > deadline)) {
          k.close();
          throw new AssertionError("kiwix-serve did not serve " + zim + ": " + Files.readString(log));
        }
        Thread.sleep(50);
      }
      return k;
    }

    URI url(String path) {
      return root.resolve(prefix + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> getRoot(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
