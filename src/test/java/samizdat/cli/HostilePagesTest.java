package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.io.PortableNames;

/**
 * Pages made to break the archive come out clean in content, build state and site: a byte-order
 * mark before the doctype, a NUL byte, control characters, image URLs of other schemes, a {@code
 * <base>} pointing elsewhere, and tags and ids that are Windows device names.
 */
class HostilePagesTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAGE_URL = "https://www.bannedbook.org/bnews/itnews/20240307/2009999.html";

  private static String sora() throws IOException {
    try (InputStream in = HostilePagesTest.class.getResourceAsStream("/fixtures/bannedbook-sora.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path page(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve("pages").resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  private JsonNode onlyArticle(Path content) throws IOException {
    try (Stream<Path> s = Files.list(content.resolve("articles"))) {
      List<Path> metas = s.filter(p -> p.toString().endsWith(".json")).toList();
      assertEquals(1, metas.size(), metas.toString());
      return JSON.readTree(metas.get(0).toFile());
    }
  }

  /** Every file's text under {@code dir}, and the build state beside a site. */
  private static String allText(Path... dirs) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path dir : dirs) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          byte[] b = Files.readAllBytes(p);
          if (p.toString().endsWith(".gz") || (!p.toString().matches(".*\\.(md|json|html|js|xml)$")
              && !p.toString().endsWith(".state"))) {
            continue; // the raw page is kept as it came, by design; images are binary
          }
          sb.append(new String(b, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private void buildAndCheck(Path content, String... forbidden) throws IOException {
    buildAndCheck(content, true, forbidden);
  }

  private void buildAndCheck(Path content, boolean withState, String... forbidden) throws IOException {
    Path site = tmp.resolve("site");
    CliRun build = CliRun.run("build", "-q", "--content", content.toString(), "--out", site.toString());
    assertEquals(0, build.exitCode(), build.err());
    String text = withState ? allText(content, site, tmp.resolve(".samizdat-cache")) : allText(content, site);
    for (String f : forbidden) {
      assertFalse(text.contains(f), "no " + f.codePoints().mapToObj(Integer::toHexString).toList()
          + " in content, build state or site");
    }
  }

  @Test
  void aByteOrderMarkBeforeTheDoctypeIsNotPartOfTheTitle() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.write(sora().replace("<h2>中国大厂集体“屏蔽”Sora</h2>", "<h2>\uFEFF中国大厂集体“屏蔽”Sora</h2>")
        .getBytes(StandardCharsets.UTF_8));
    Path content = tmp.resolve("content");
    CliRun r = CliRun.run("ingest", "-q", "--content", content.toString(), page("bom.html", b.toByteArray()).toString());
    assertEquals(0, r.exitCode(), r.err());
    String title = onlyArticle(content).get("title").asText();
    assertFalse(title.contains("\uFEFF"), title);
    assertTrue(title.contains("Sora"), title);
    buildAndCheck(content, "\uFEFF");
  }

  @Test
  void aNulByteIsShownAsAReplacementCharacterAndThePageKept() throws IOException {
    String html = sora().replace("<p>在AI的长河里，", "<p>在AI的\0长河里，");
    Path content = tmp.resolve("content");
    CliRun r = CliRun.run("ingest", "-q", "--content", content.toString(),
        page("nul.html", html.getBytes(StandardCharsets.UTF_8)).toString());
    assertEquals(0, r.exitCode(), r.err());
    String id = onlyArticle(content).get("id").asText();
    String body = Files.readString(content.resolve("articles/" + id + ".md"));
    assertTrue(body.contains("在AI的\uFFFD长河里"), "NUL shown as U+FFFD, as browsers do");
    buildAndCheck(content, false, "\0"); // the build state is binary: NUL bytes are its own
  }

  @Test
  void controlCharactersReachNeitherTheContentNorTheSite() throws Exception {
    String html = sora()
        .replace("<h2>中国大厂集体“屏蔽”Sora</h2>", "<h2>中国大厂集体&#27;[2J“屏蔽”\u0007Sora</h2>")
        .replace("<p>在AI的长河里，", "<p><img src=\"a.png\" alt=\"图&#27;[31m\"><code>x&#x1b;y</code>"
            + "在AI的\u001b]0;pwned\u0007长河里&#127;\u009b，")
        .replace("title=\"标签 Sora 下的日志\">Sora</a>", "title=\"标签 Sora 下的日志\">So&#8;ra</a>");
    Path content = tmp.resolve("content");
    CliRun r = CliRun.run("ingest", "-q", "--content", content.toString(), "--url", PAGE_URL,
        page("esc.html", html.getBytes(StandardCharsets.UTF_8)).toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode meta = onlyArticle(content);
    assertTrue(meta.get("title").asText().contains("中国大厂集体[2J“屏蔽”Sora"), meta.toString());
    String id = meta.get("id").asText();
    String body = Files.readString(content.resolve("articles/" + id + ".md"));
    assertTrue(body.contains("`xy`在AI的\\]0;pwned长河里，"), body);
    assertTrue(meta.get("tags").toString().contains("\"Sora\""), meta.toString());
    buildAndCheck(content, false, "\u001b", "\u0007", "\u0008", "\u007f", "\u009b"); // the state is binary
    // The feed, which XML 1.0 rules, stays readable.
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(tmp.resolve("site/feed.xml").toFile());
  }

  @Test
  void aHandEditedTitleWithAControlCharacterLeavesTheFeedWellFormed() throws Exception {
    Path content = tmp.resolve("content");
    ContentStore store = new ContentStore(content);
    ArticleMeta meta = new ArticleMeta("t1", "Title \u001b[31m red \u000b\u0000", Optional.empty(), Optional.empty(),
        "en", Optional.of(LocalDate.of(2024, 1, 1)), List.of("a\u0001uthor"), Optional.empty(),
        List.of("ta\u0002g"), Optional.empty(), List.of(), List.of(), List.of(), "test", "0".repeat(64),
        Instant.parse("2024-01-01T00:00:00Z"));
    store.write(new Article(meta, "Body.\n"));
    Path site = tmp.resolve("site");
    CliRun build = CliRun.run("build", "-q", "--content", content.toString(), "--out", site.toString());
    assertEquals(0, build.exitCode(), build.err());
    org.w3c.dom.Document feed = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(site.resolve("feed.xml").toFile());
    String entryTitle = feed.getElementsByTagName("entry").item(0).getFirstChild().getNextSibling().getTextContent();
    assertEquals("Title [31m red ", entryTitle);
    assertTrue(allText(site).indexOf('\u0001') < 0 && allText(site).indexOf('\u0002') < 0);
  }

  @Test
  void imageUrlsOfOtherSchemesAreNotStored() throws IOException {
    String html = sora().replace("<p>在AI的长河里，", "<p><img src=\"vbscript:msgbox(1)\" alt=\"v\">"
        + "<img src=\"//stats.tracker.example/x.png\" alt=\"t\"><img src=\"JaVaScRiPt:alert(1)\" alt=\"j\">在AI的长河里，");
    Path content = tmp.resolve("content");
    CliRun r = CliRun.run("ingest", "-q", "--content", content.toString(),
        page("img.html", html.getBytes(StandardCharsets.UTF_8)).toString());
    assertEquals(0, r.exitCode(), r.err());
    for (JsonNode image : onlyArticle(content).path("images")) {
      String url = image.path("originalUrl").asText();
      assertTrue(url.isEmpty() || url.startsWith("https://") || url.startsWith("http://")
          || !url.contains(":") && !url.startsWith("//"), url);
    }
    buildAndCheck(content, "vbscript:", "//stats.tracker.example", "avascript:", "aVaScRiPt:");
  }

  @ParameterizedTest(name = "<base> {0}")
  @ValueSource(strings = {"before the page", "inside the body"})
  void aBaseElementPointingToAnotherHostIsIgnored(String where) throws IOException {
    String evil = "<base href=\"https://evil.example/phish/\">";
    String links = "<a href=\"more/story.html\">相关</a><img src=\"pics/a.png\" alt=\"a\">";
    String html = where.startsWith("before")
        ? (evil + sora()).replace("<p>在AI的长河里，", "<p>" + links + "在AI的长河里，")
        : sora().replace("<p>在AI的长河里，", "<p>" + evil + links + "在AI的长河里，");
    assertTrue(html.contains("evil.example") && html.contains("more/story.html"), "the fixture has the paragraph");
    Path content = tmp.resolve("content");
    CliRun r = CliRun.run("ingest", "-q", "--content", content.toString(), "--url", PAGE_URL,
        page("base.html", html.getBytes(StandardCharsets.UTF_8)).toString());
    assertEquals(0, r.exitCode(), r.err());
    String id = onlyArticle(content).get("id").asText();
    String stored = Files.readString(content.resolve("articles/" + id + ".json"))
        + Files.readString(content.resolve("articles/" + id + ".md"));
    assertFalse(stored.contains("evil.example"), "relative links resolve against the page's own URL");
    assertTrue(stored.contains("https://www.bannedbook.org/bnews/itnews/20240307/more/story.html"), stored);
  }

  @Test
  void tagsAndIdsThatAreWindowsDeviceNamesGetNamesEveryStickCanHold() throws Exception {
    Path content = tmp.resolve("content");
    ContentStore store = new ContentStore(content);
    Files.createDirectories(store.mediaDir());
    List<String> ids = List.of("con", "nul", "aux.1", "lpt1", "com1", "plain");
    for (int i = 0; i < ids.size(); i++) {
      ArticleMeta meta = new ArticleMeta(ids.get(i), "Title " + i, Optional.of("https://example.org/" + i),
          Optional.of("example.org"), "en", Optional.of(LocalDate.of(2024, 1, 1 + i)), List.of(), Optional.empty(),
          List.of("CON", "nul", "com1", "LPT1", "aux", "Prn", "ok"), Optional.empty(), List.of(), List.of(),
          List.of(), "test", "0".repeat(64), Instant.parse("2024-01-01T00:00:00Z"));
      store.write(new Article(meta, "Body of article " + i + ".\n"));
    }
    Path site = tmp.resolve("site");
    CliRun build = CliRun.run("build", "-q", "--content", content.toString(), "--out", site.toString());
    assertEquals(0, build.exitCode(), build.err());
    try (Stream<Path> s = Files.walk(site)) {
      List<String> bad = s.map(p -> site.relativize(p)).filter(p -> p.getNameCount() > 0)
          .filter(p -> PortableNames.isUnportable(p.getFileName().toString())).map(Path::toString).toList();
      assertEquals(List.of(), bad);
    }
    // The FAT/exFAT checks of mirror usb find nothing to refuse; every link of the site resolves.
    CliRun mirror = CliRun.run("mirror", "usb", "-q", "--site", site.toString(), tmp.resolve("stick").toString());
    assertEquals(0, mirror.exitCode(), mirror.err());
    String index = Files.readString(site.resolve("tags/index.html"));
    assertTrue(index.contains("CON") || index.contains("con"), "the tag is listed under its own name");
    org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(index, site.resolve("tags/index.html").toUri().toString());
    for (org.jsoup.nodes.Element a : doc.select("a[href]")) {
      String href = a.absUrl("href");
      if (href.startsWith("file:")) {
        Path target = Path.of(java.net.URI.create(href.replaceAll("#.*", "")));
        assertTrue(Files.exists(target), href);
      }
    }
  }
}
