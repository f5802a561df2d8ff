package samizdat.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import samizdat.cli.CliRun;
import samizdat.content.ContentStore;

/**
 * The ZIM of a real built site (the 45 articles of {@link SiteE2ETest}, with its search index)
 * checked with openZIM's and Kiwix's own tools, Debian's {@code zim-tools} and
 * {@code kiwix-tools}: {@code zimcheck -A} finds no error, {@code zimdump} gives back every file
 * byte for byte, and {@code kiwix-serve} serves the main page, an article, title suggestions and
 * the site's own search page, which returns results in a headless browser. Without the tools the
 * tests are skipped, except under CI, where .ci/run installs them.
 */
class ZimKiwixE2ETest {
  @TempDir static Path work;
  static Path site;
  static Path zim;

  @BeforeAll
  static void buildSiteAndZim() throws Exception {
    Path content = work.resolve("content");
    SiteE2ETest.writeContent(new ContentStore(content));
    site = work.resolve("site");
    CliRun build = CliRun.run("--quiet", "build", "--content", content.toString(), "--out", site.toString());
    assertEquals(0, build.exitCode(), build.err());
    zim = work.resolve("archive.zim");
    CliRun r = CliRun.run("--quiet", "mirror", "zim", "--site", site.toString(), "--zim", zim.toString());
    assertEquals(0, r.exitCode(), r.err());
  }

  /** The tool's path; skips the test when it is not installed, except under CI. */
  static String tool(String name) {
    Path p = Path.of("/usr/bin", name);
    boolean present = Files.isExecutable(p);
    if (!present && System.getenv("CI") != null) {
      throw new IllegalStateException("CI needs " + p + " (.ci/run installs zim-tools and kiwix-tools)");
    }
    Assumptions.assumeTrue(present, name + " is not installed (apt-get install zim-tools kiwix-tools); skipping");
    return p.toString();
  }

  record Run(int exitCode, String output) {}

  static Run run(String... command) throws Exception {
    Path log = Files.createTempFile(work, "tool-", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
    return new Run(p.exitValue(), Files.readString(log));
  }

  static Map<String, byte[]> siteFiles() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(site.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return files;
  }

  @Test
  void zimcheckFindsNoError() throws Exception {
    Run r = run(tool("zimcheck"), "-A", zim.toString());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("Overall Test Status: Pass"), r.output());
    assertFalse(r.output().contains("[ERROR]"), r.output());
  }

  @Test
  void zimdumpGivesBackEveryFileByteForByte() throws Exception {
    Map<String, byte[]> files = siteFiles();
    assertTrue(files.size() > 80, "a real site: " + files.size());
    Run list = run(tool("zimdump"), "list", zim.toString());
    assertEquals(0, list.exitCode(), list.output());
    assertEquals(new ArrayList<>(files.keySet()), list.output().lines().sorted().toList());
    Path dump = work.resolve("dump");
    Run d = run(tool("zimdump"), "dump", "--dir=" + dump, zim.toString());
    assertEquals(0, d.exitCode(), d.output());
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      assertArrayEquals(f.getValue(), Files.readAllBytes(dump.resolve(f.getKey())), f.getKey());
    }
    try (Stream<Path> walk = Files.walk(dump)) {
      assertEquals(files.size(), walk.filter(Files::isRegularFile).count(), "nothing more");
    }
  }

  @Test
  void kiwixServeServesPagesSuggestionsAndTheSitesOwnSearch() throws Exception {
    String kiwixServe = tool("kiwix-serve");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process server = new ProcessBuilder(kiwixServe, "--address=127.0.0.1", "--port=" + port, zim.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("kiwix-serve.log").toFile()).start();
    try (Browser browser = Browser.start()) {
      String base = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
      String catalog = awaitServer(http, base + "/catalog/v2/entries", server);
      assertTrue(catalog.contains("<language>zho</language>"), catalog);
      assertTrue(catalog.contains("<title>自由文库 Samizdat news archive</title>"), catalog);
      Matcher book = Pattern.compile("<link type=\"text/html\" href=\"([^\"]+)\"").matcher(catalog);
      assertTrue(book.find(), catalog);
      String root = base + book.group(1) + "/";

      HttpResponse<String> main = http.send(HttpRequest.newBuilder(URI.create(root)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, main.statusCode());
      // kiwix-serve 3.3 inserts its task bar into HTML pages it serves; zimdump checks the bytes.
      assertTrue(main.body().contains("<title>自由文库 Samizdat news archive</title>"), main.body());
      assertTrue(main.body().contains("共 45 篇文章"), main.body());
      String article;
      try (Stream<Path> walk = Files.walk(site.resolve("a"))) {
        article = site.relativize(walk.filter(p -> p.toString().endsWith(".html")).sorted().findFirst().orElseThrow())
            .toString().replace('\\', '/');
      }
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(root + article)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      String h1 = Files.readString(site.resolve(article)).replaceAll("(?s).*(<h1>.*?</h1>).*", "$1");
      assertTrue(h1.startsWith("<h1>") && page.body().contains(h1), h1 + " in " + page.body());
      assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));

      // Kiwix's own search box: title suggestions, by the beginning of the title.
      String bookName = book.group(1).replaceAll(".*/", "");
      String suggest = http.send(HttpRequest.newBuilder(URI.create(base + "/suggest?content=" + bookName
          + "&term=" + URLEncoder.encode("文章1", StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(suggest.contains("文章1：AI大厂的黎明 Sora"), suggest);
      assertTrue(suggest.contains("\"path\" : \"a/"), suggest);

      // The site's own full-text search, running in the browser from the ZIM.
      browser.open(URI.create(root + "search/index.html?q=" + URLEncoder.encode("周鸿祎", StandardCharsets.UTF_8)));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      List<String> titles = List.of();
      while (System.nanoTime() < deadline) {
        String state = browser.driver().findElement(By.tagName("body")).getDomAttribute("data-search-state");
        titles = browser.driver().findElements(By.cssSelector("#search-results h2 a")).stream()
            .map(e -> e.getText()).toList();
        if ("done".equals(state) && !titles.isEmpty()) {
          break;
        }
        Thread.sleep(50);
      }
      assertFalse(titles.isEmpty(), "search results in kiwix-serve: " + browser.driver().getPageSource());
      assertTrue(titles.stream().allMatch(t -> t.contains("文章")), titles.toString());
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Polls until kiwix-serve answers (it prints nothing when ready). */
  static String awaitServer(HttpClient http, String url, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return r.body();
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!server.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("kiwix-serve did not start: " + Files.readString(work.resolve("kiwix-serve.log")));
      }
      Thread.sleep(100);
    }
  }
}
