package samizdat.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentJson;
import samizdat.content.ContentStore;
import samizdat.content.RelatedLink;
import samizdat.content.Translation;
import samizdat.io.Progress;
import samizdat.site.model.SiteLayout;
import samizdat.site.render.StaticPagesRenderer;
import samizdat.site.render.TagRenderer;
import samizdat.site.render.Views;

class SiteBuilderTest {
  @TempDir Path tmp;

  private BuildOptions options(Path content, Path out) {
    return new BuildOptions(content, Optional.of(Path.of("templates")), out,
        tmp.resolve("cache").resolve(out.getFileName() + ".state"), "测试存档 Test archive",
        Optional.empty(), Optional.empty(), 20, 2, true);
  }

  private BuildResult build(Path content, Path out) throws IOException {
    return new SiteBuilder().build(options(content, out), Progress.NONE);
  }

  /** Every file of the site by relative path. */
  static TreeMap<String, byte[]> files(Path site) throws IOException {
    TreeMap<String, byte[]> map = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        map.put(site.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return map;
  }

  static Map<String, FileTime> mtimes(Path site) throws IOException {
    Map<String, FileTime> map = new HashMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        map.put(site.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    return map;
  }

  /** Sets every file's mtime into the past, so a rewrite shows even within one clock tick. */
  static void agePast(Path site) throws IOException {
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        Files.setLastModifiedTime(p, old);
      }
    }
  }

  static Set<String> changedSince(Path site, Map<String, FileTime> before) throws IOException {
    Set<String> changed = new HashSet<>();
    for (var e : mtimes(site).entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    return changed;
  }

  @Test
  void buildsEveryKindOfPage() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 120, 7);
    Path site = tmp.resolve("site");
    BuildResult r = build(content, site);
    assertEquals(120, r.articles());
    assertEquals(List.of(), r.errors());
    for (String p : List.of("index.html", "page/0/1.html", "tags/index.html", "archive/index.html",
        "about/index.html", "search/index.html", "feed.xml", "404.html", "ipfs-404.html",
        "archive-info.json", "assets/site.css", "archive/undated/index.html", "tags/tags.js",
        "assets/zh-script.js")) {
      assertTrue(Files.isRegularFile(site.resolve(p)), p);
    }
    assertTrue(files(site).keySet().stream().noneMatch(p -> p.contains("undated/undated")));
    Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
    // 120 articles, 118 dated: the front page holds those on no numbered page (118 - 5 * 20)
    assertEquals(18, index.select(".article-list li").size());
    // newest first; undated (every 50th) come after all dated ones in the lists
    List<String> dates = index.select(".article-list time").eachText();
    assertEquals(dates.stream().sorted((a, b) -> b.compareTo(a)).toList(), dates);
    Document first = Jsoup.parse(site.resolve("page/0/1.html").toFile(), "UTF-8");
    assertTrue(first.select(".article-list li").size() == 20);
    String article = read(site, new SiteModelProbe(content).path("a00003"));
    Document a = Jsoup.parse(article);
    assertEquals("zh-CN", a.selectFirst("html").attr("lang"));
    assertTrue(a.select(".tags a").size() >= 1);
    assertTrue(a.select(".article-body img").size() == 1, "a00003 has an image");
    assertTrue(a.selectFirst(".original .url").text().startsWith("https://www.example.org/news/"));

    JsonNode info = new ContentJson().mapper().readTree(site.resolve("archive-info.json").toFile());
    assertEquals("测试存档 Test archive", info.get("title").asText());
    assertEquals(120, info.get("articleCount").asInt());
    assertEquals("zh-CN", info.get("language").asText());
    assertEquals("2021-01-01", info.get("earliest").asText());
    assertEquals(LocalDate.of(2021, 1, 1).plusDays(119 / 7).toString(), info.get("latest").asText());

    String feed = read(site, "feed.xml");
    assertTrue(feed.contains("<entry"));
    assertFalse(feed.contains("http://localhost"));
  }

  @Test
  void siteIsPortableEveryLinkResolvesAndNamesAreSafe() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 150, 3);
    Path site = tmp.resolve("site");
    build(content, site);
    Set<String> lower = new HashSet<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.equals(site)) {
          continue;
        }
        String rel = site.relativize(p).toString().replace('\\', '/');
        SiteLayout.checkPath(rel);
        assertTrue(lower.add(rel.toLowerCase(Locale.ROOT)), "case clash " + rel);
        if (Files.isDirectory(p)) {
          try (Stream<Path> list = Files.list(p)) {
            assertTrue(list.count() <= 1000, rel);
          }
        }
      }
    }
    assertLinksResolve(site);
  }

  /** Every href/src in every HTML page is relative, names a file, and that file exists. */
  static void assertLinksResolve(Path site) throws IOException {
    int checked = 0;
    for (String rel : files(site).keySet()) {
      if (!rel.endsWith(".html")) {
        continue;
      }
      Path page = site.resolve(rel);
      Document d = Jsoup.parse(page.toFile(), "UTF-8");
      Element csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]");
      assertTrue(csp != null && csp.attr("content").contains("default-src 'none'"), rel);
      for (Element e : d.select("[href], [src], form[action]")) {
        String url = e.hasAttr("src") ? e.attr("src") : e.hasAttr("href") ? e.attr("href") : e.attr("action");
        if (url.startsWith("#")) {
          continue;
        }
        if (url.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
          assertTrue(e.tagName().equals("a") && url.matches("(?i)^(https?|mailto):.*"),
              rel + ": external reference " + e);
          continue;
        }
        String path = url.replaceAll("[?#].*$", "");
        assertFalse(path.isEmpty() || path.endsWith("/"), rel + ": link names no file: " + url);
        Path target = page.getParent().resolve(path).normalize();
        assertTrue(target.startsWith(site), rel + ": link leaves the site: " + url);
        assertTrue(Files.isRegularFile(target), rel + ": broken link " + url);
        checked++;
      }
    }
    assertTrue(checked > 100);
  }

  @Test
  void twoBuildsOfTheSameContentAreByteIdentical() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 80, 5);
    build(content, tmp.resolve("one"));
    build(content, tmp.resolve("two"));
    TreeMap<String, byte[]> one = files(tmp.resolve("one"));
    TreeMap<String, byte[]> two = files(tmp.resolve("two"));
    assertEquals(one.keySet(), two.keySet());
    for (String k : one.keySet()) {
      assertArrayEquals(one.get(k), two.get(k), k);
    }
  }

  @Test
  void anArticlesTextFileIsTheSameWrittenByTheSearchIndexAsOnItsOwn() throws IOException {
    // In a full build the search index writes each text file from the body text it read; a text
    // file written alone (its index segment unchanged) reads and parses the body itself. Both
    // must give the article's own text.
    Path content = tmp.resolve("content");
    TestContent.generate(content, 240, 11);
    Path site = tmp.resolve("site");
    build(content, site);
    TreeMap<String, byte[]> handed = new TreeMap<>(files(site));
    handed.keySet().removeIf(p -> !p.endsWith(".text.js"));
    assertEquals(240, handed.size());
    for (String p : handed.keySet()) {
      Files.delete(site.resolve(p));
    }
    BuildResult again = build(content, site);
    assertEquals(240, again.written(), "only the text files were gone");
    for (Map.Entry<String, byte[]> e : handed.entrySet()) {
      String id = e.getKey().substring(e.getKey().lastIndexOf('/') + 1).replace(".text.js", "");
      String text = new String(e.getValue(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("samizdatText(\"" + id + "\",\""), e.getKey());
      assertArrayEquals(Files.readAllBytes(site.resolve(e.getKey())), e.getValue(), e.getKey());
    }
  }

  @Test
  void rebuildWithNothingChangedWritesNothing() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 60, 5);
    Path site = tmp.resolve("site");
    BuildResult first = build(content, site);
    agePast(site);
    Map<String, FileTime> before = mtimes(site);
    BuildResult again = build(content, site);
    assertEquals(0, again.written());
    assertEquals(0, again.removed());
    assertEquals(first.written(), again.unchanged());
    assertEquals(Set.of(), changedSince(site, before));
  }

  @Test
  void unchangedOldContentTakesTheFastPathAndAnEditIsStillSeen() throws Exception {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 50, 5);
    agePast(content);
    Path site = tmp.resolve("site");
    BuildResult first = build(content, site);
    BuildResult again = build(content, site);
    assertEquals(0, again.written());
    assertEquals(first.written(), again.unchanged());
    assertEquals(50, again.articles());
    ContentStore store = new ContentStore(content);
    store.write(new Article(store.read("a00010").meta(), "编辑过 edited body"));
    BuildResult edited = build(content, site);
    assertTrue(edited.written() >= 1);
    assertTrue(Files.readString(site.resolve(new SiteModelProbe(content).path("a00010"))).contains("编辑过"));
  }

  @Test
  void lostCacheStillWritesNothingAndDeletedFilesComeBack() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 40, 5);
    Path site = tmp.resolve("site");
    build(content, site);
    agePast(site);
    Map<String, FileTime> before = mtimes(site);
    Files.delete(options(content, site).cache());
    Files.delete(site.resolve("about/index.html"));
    BuildResult again = build(content, site);
    assertEquals(1, again.written());
    assertEquals(Set.of("about/index.html"), changedSince(site, before));
  }

  @Test
  void addingArticlesRewritesOnlyPagesThatShowThem() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 0, 400, 9);
    Path site = tmp.resolve("site");
    build(content, site);
    int total = files(site).size();
    agePast(site);
    Map<String, FileTime> before = mtimes(site);
    TestContent.generate(content, 400, 404, 9);
    BuildResult r = build(content, site);
    Set<String> changed = changedSince(site, before);
    assertEquals(changed.size(), r.written());
    SiteModelProbe probe = new SiteModelProbe(content);
    Set<String> newUrls = new HashSet<>();
    for (int i = 400; i < 404; i++) {
      newUrls.add("https://www.example.org/news/" + TestContent.id(i) + ".html");
    }
    for (String p : changed) {
      if (p.startsWith("a/")) {
        // an article page or its text for search snippets
        String id = p.substring(p.lastIndexOf('/') + 1).replace(".text.js", "").replace(".html", "");
        int n = Integer.parseInt(id.substring(1));
        boolean allowed = n >= 398 // new ones and the former newest dated one (399 is undated)
            || probe.meta(id).related().stream().anyMatch(l -> newUrls.contains(l.url()));
        assertTrue(allowed, "old article page rewritten: " + p);
      }
      if (p.startsWith("page/")) {
        // 400 -> 404 articles makes no numbered page (see Pagination): none is rewritten
        assertTrue(false, "old index page rewritten: " + p);
      }
    }
    assertTrue(changed.size() < total / 10, changed.size() + " of " + total + ": " + changed);
  }

  @Test
  void changingOneArticleRewritesFewPagesAndDeletingRemovesItsFiles() throws Exception {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 200, 4);
    ContentStore store = new ContentStore(content);
    // a tag only one article has
    Article lonely = store.read("a00100");
    ArticleMeta m = lonely.meta();
    List<String> tags = new ArrayList<>(m.tags());
    tags.add("独一无二");
    store.write(new Article(withTags(m, tags), lonely.bodyMarkdown()));
    Path site = tmp.resolve("site");
    build(content, site);
    String lonelyTagDir = SiteLayout.tagDir(SiteLayout.tagSlug(SiteLayout.tagKey("独一无二")));
    assertTrue(Files.exists(site.resolve(lonelyTagDir + "index.html")));
    agePast(site);
    Map<String, FileTime> before = mtimes(site);
    Map<String, String> htmlBefore = new java.util.HashMap<>();
    for (String p : before.keySet()) {
      if (p.endsWith(".html")) {
        htmlBefore.put(p, Files.readString(site.resolve(p)));
      }
    }

    store.write(new Article(store.read("a00150").meta(), "新的正文。 changed body"));
    BuildResult changed = build(content, site);
    Set<String> rewritten = changedSince(site, before);
    String page150 = new SiteModelProbe(content).path("a00150");
    assertTrue(rewritten.contains(page150));
    assertEquals(rewritten.size(), changed.written());
    // Besides the page itself, only pages that show or showed the article (its text feeds their
    // related lists) and the search files of the one index segment that holds it may change.
    Set<String> searchFiles = new java.util.TreeSet<>();
    for (String p : rewritten) {
      if (p.startsWith("search/")) {
        searchFiles.add(p);
      } else if (!p.equals(page150) && !p.equals(page150.replace(".html", ".text.js"))) {
        String html = Files.readString(site.resolve(p));
        String target = page150.substring(page150.lastIndexOf('/') + 1);
        assertTrue(html.contains(target) || htmlBefore.getOrDefault(p, "").contains(target),
            p + " was rewritten but neither showed nor shows a00150");
      }
    }
    // the page, its text for search snippets, a neighbour, and the list pages that show its
    // excerpt (main index, month, its tags)
    assertTrue(rewritten.size() - searchFiles.size() <= 8, rewritten.toString());
    assertEquals(1, searchFiles.stream().map(p -> p.split("/")[1]).distinct().count(),
        "one search segment rewritten: " + searchFiles);

    Files.delete(store.metaFile("a00100"));
    Files.delete(store.bodyFile("a00100"));
    String page100 = SiteLayout.article("a00100", m.published());
    BuildResult deleted = build(content, site);
    assertFalse(Files.exists(site.resolve(page100)));
    assertFalse(Files.exists(site.resolve(lonelyTagDir)), "empty tag folder removed");
    assertTrue(deleted.removed() >= 2);
    assertLinksResolve(site);
  }

  @Test
  void incrementalBuildsEqualAFreshBuild() throws Exception {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 0, 150, 11);
    agePast(content); // old enough for the build state to trust cached metadata and signatures
    Path site = tmp.resolve("site");
    build(content, site);
    TestContent.generate(content, 150, 170, 11);
    ContentStore store = new ContentStore(content);
    store.write(new Article(store.read("a00020").meta(), "改过的正文 edited"));
    Files.delete(store.metaFile("a00030"));
    build(content, site);
    build(content, tmp.resolve("fresh"));
    TreeMap<String, byte[]> incremental = files(site);
    TreeMap<String, byte[]> fresh = files(tmp.resolve("fresh"));
    assertEquals(fresh.keySet(), incremental.keySet());
    for (String k : fresh.keySet()) {
      assertArrayEquals(fresh.get(k), incremental.get(k), k);
    }
  }

  /**
   * After each kind of change to the content, the site a build updates is byte for byte the site a
   * fresh build of the same content writes into an empty folder: every file, and no file more.
   * Changed files get an mtime of their own in the past, so the build state trusts every unchanged
   * file and only the change itself shows.
   */
  @Test
  void incrementalBuildsEqualAFreshBuildAfterEveryKindOfChange() throws Exception {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 0, 150, 13);
    agePast(content);
    Path site = tmp.resolve("site");
    build(content, site);
    ContentStore store = new ContentStore(content);
    Map<String, ThrowingStep> steps = new java.util.LinkedHashMap<>();
    steps.put("add 20 newer articles", () -> TestContent.generate(content, 150, 170, 13));
    steps.put("edit a title and a body", () -> {
      Article a = store.read("a00020");
      store.write(new Article(with(a.meta(), "改过的标题 edited title", a.meta().published(), a.meta().tags()),
          "改过的正文 edited body"));
    });
    steps.put("change an article's tags", () -> {
      Article a = store.read("a00040");
      store.write(new Article(with(a.meta(), a.meta().title(), a.meta().published(), List.of("全新标签", "国际")),
          a.bodyMarkdown()));
    });
    steps.put("move an article to another month and list page, date an undated one", () -> {
      Article a = store.read("a00060");
      store.write(new Article(with(a.meta(), a.meta().title(), Optional.of(LocalDate.of(2021, 12, 30)),
          a.meta().tags()), a.bodyMarkdown()));
      Article undated = store.read("a00049");
      assertTrue(undated.meta().published().isEmpty());
      store.write(new Article(with(undated.meta(), undated.meta().title(), Optional.of(LocalDate.of(2021, 2, 3)),
          undated.meta().tags()), undated.bodyMarkdown()));
    });
    steps.put("remove an article", () -> {
      Files.delete(store.metaFile("a00030"));
      Files.delete(store.bodyFile("a00030"));
    });
    steps.put("make an old article's text another's (changes related lists)", () -> {
      Article twin = store.read("a00100");
      Article a = store.read("a00005");
      store.write(new Article(with(a.meta(), twin.meta().title() + " 又", a.meta().published(), twin.meta().tags()),
          twin.bodyMarkdown()));
    });
    steps.put("tag a later article", () -> {
      Article a = store.read("a00110");
      store.write(new Article(with(a.meta(), a.meta().title(), Optional.of(LocalDate.of(2022, 5, 1)),
          List.of("Hong Kong")), a.bodyMarkdown()));
    });
    steps.put("respell that tag on an older article (renames it on the later one's page)", () -> {
      Article a = store.read("a00111");
      store.write(new Article(with(a.meta(), a.meta().title(), Optional.of(LocalDate.of(2020, 2, 2)),
          List.of("HONG KONG")), a.bodyMarkdown()));
    });
    steps.put("link two articles as editions (the other one's page offers the link)", () -> {
      Article a = store.read("a00003");
      Article other = store.read("a00147");
      ArticleMeta m = a.meta();
      store.write(new Article(new ArticleMeta(m.id(), m.title(), m.url(), m.site(), m.language(), m.published(),
          m.authors(), m.source(), m.tags(), m.image(), m.related(), m.images(),
          List.of(new Translation("zh-Hant", other.meta().url().orElseThrow())), m.profile(), m.rawSha256(),
          m.firstIngested()), a.bodyMarkdown()));
    });
    steps.put("give an article a lead image the media folder lacks, and a new title", () -> {
      Article a = store.read("a00120");
      ArticleMeta m = a.meta();
      store.write(new Article(new ArticleMeta(m.id(), m.title() + " 配图", m.url(), m.site(), m.language(),
          m.published(), m.authors(), m.source(), m.tags(),
          Optional.of(new samizdat.content.ImageRef(Optional.of("lead-a00120.png"), "https://example.org/lead.png",
              "alt", "")), m.related(), m.images(), m.translations(), m.profile(), m.rawSha256(),
          m.firstIngested()), a.bodyMarkdown()));
    });
    steps.put("its image arrives in the media folder (list pages show it)", () -> {
      Files.createDirectories(store.mediaDir());
      Files.write(store.mediaDir().resolve("lead-a00120.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    });
    steps.put("remove the newest articles", () -> {
      for (int i = 165; i < 170; i++) {
        Files.delete(store.metaFile(TestContent.id(i)));
        Files.delete(store.bodyFile(TestContent.id(i)));
      }
    });
    int step = 0;
    Map<String, byte[]> previousSite = files(site);
    for (var e : steps.entrySet()) {
      step++;
      e.getValue().run();
      ageChanged(content, step);
      build(content, site);
      Path fresh = tmp.resolve("fresh" + step);
      build(content, fresh);
      TreeMap<String, byte[]> incremental = files(site);
      TreeMap<String, byte[]> expected = files(fresh);
      assertEquals(expected.keySet(), incremental.keySet(), e.getKey());
      for (String k : expected.keySet()) {
        assertArrayEquals(expected.get(k), incremental.get(k), e.getKey() + ": " + k);
      }
      assertFalse(sameFiles(previousSite, incremental), e.getKey() + ": the change shows in the site");
      previousSite = incremental;
    }
  }

  private interface ThrowingStep {
    void run() throws Exception;
  }

  private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (String k : a.keySet()) {
      if (!java.util.Arrays.equals(a.get(k), b.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static ArticleMeta with(ArticleMeta m, String title, Optional<LocalDate> published, List<String> tags) {
    return new ArticleMeta(m.id(), title, m.url(), m.site(), m.language(), published, m.authors(), m.source(),
        tags, m.image(), m.related(), m.images(), m.translations(), m.profile(), m.rawSha256(), m.firstIngested());
  }

  /** Gives files written since {@link #agePast} an old mtime of their own (minutes after it, by step). */
  private static void ageChanged(Path content, int step) throws IOException {
    FileTime aged = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    FileTime mine = FileTime.from(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(60L * step));
    try (Stream<Path> walk = Files.walk(content)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        if (Files.getLastModifiedTime(p).compareTo(mine) > 0) {
          Files.setLastModifiedTime(p, mine);
        }
      }
    }
    assertTrue(aged.compareTo(mine) < 0);
  }

  @Test
  void filesSamizdatDidNotWriteAreLeftAlone() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 10, 1);
    Path site = tmp.resolve("site");
    Files.createDirectories(site.resolve("a"));
    Files.writeString(site.resolve("README.txt"), "mine");
    Files.writeString(site.resolve("a/notes.txt"), "mine too");
    build(content, site);
    Files.delete(new ContentStore(content).metaFile("a00001"));
    build(content, site);
    assertEquals("mine", Files.readString(site.resolve("README.txt")));
    assertEquals("mine too", Files.readString(site.resolve("a/notes.txt")));
  }

  @Test
  void aBadArticleIsReportedAndTheRestIsBuilt() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 12, 1);
    ContentStore store = new ContentStore(content);
    Files.writeString(store.metaFile("a00004"), "{ not json", StandardCharsets.UTF_8);
    Files.delete(store.bodyFile("a00007"));
    Path site = tmp.resolve("site");
    BuildResult r = build(content, site);
    assertEquals(10, r.articles());
    assertEquals(2, r.errors().size(), r.errors().toString());
    assertTrue(r.errors().get(0).contains("a00004.json"), r.errors().get(0));
    assertTrue(r.errors().get(1).contains("a00007.md"), r.errors().get(1));
    for (String e : r.errors()) {
      assertFalse(e.contains("\n"));
    }
    assertLinksResolve(site);
  }

  @Test
  void untrustedContentRendersAsInertText() throws IOException {
    Path content = tmp.resolve("content");
    ContentStore store = new ContentStore(content);
    String evilTitle = "<script>alert('t')</script> {{siteTitle}} {{{body}}} <img src=x onerror=alert(1)>";
    ArticleMeta meta = new ArticleMeta("evil", evilTitle, Optional.of("javascript:alert(document.cookie)"),
        Optional.of("<b>site</b>"), "zh-CN\" onload=\"alert(1)", Optional.of(LocalDate.of(2024, 1, 2)),
        Optional.of("<i>source</i>"), List.of("<b>tag</b>", "{{#x}}", "\"><script>alert(3)</script>"),
        List.of(new RelatedLink("<script>r</script>", "javascript:alert(4)")), List.of(), "p", "0",
        Instant.EPOCH);
    store.write(new Article(meta, "<script>alert(5)</script>\n\n[x](javascript:alert(6)) "
        + "[y](data:text/html;base64,PHNjcmlwdD4=) ![z](https://evil.example/track.png) "
        + "<a href=\"javascript:alert(7)\">a</a> {{siteTitle}}"));
    TestContent.generate(content, 3, 1);
    Path site = tmp.resolve("site");
    BuildResult r = build(content, site);
    assertEquals(List.of(), r.errors());
    for (var e : files(site).entrySet()) {
      if (!e.getKey().endsWith(".html")) {
        continue;
      }
      Document d = Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8));
      // the one inline script: the not-found pages' own root finder, allowed by its hash
      for (Element script : d.select("script:not([src])")) {
        assertTrue(e.getKey().equals("404.html") || e.getKey().equals("ipfs-404.html"), e.getKey());
        assertEquals(StaticPagesRenderer.ROOT_FINDER, script.data(), e.getKey());
      }
      for (Element el : d.getAllElements()) {
        for (var attr : el.attributes()) {
          assertFalse(attr.getKey().toLowerCase(Locale.ROOT).startsWith("on"), e.getKey() + ": " + el);
          String v = attr.getValue().strip().toLowerCase(Locale.ROOT);
          assertFalse(v.startsWith("javascript:") || v.startsWith("data:text"), e.getKey() + ": " + el);
        }
        if (el.tagName().equals("img")) {
          assertFalse(el.attr("src").contains("evil.example"), e.getKey());
        }
      }
    }
    Document page = Jsoup.parse(read(site, SiteLayout.article("evil", meta.published())));
    assertEquals(evilTitle, page.selectFirst("h1").text());
    assertTrue(page.selectFirst(".article-body").text().contains("<script>alert(5)</script>"));
    assertTrue(page.selectFirst(".article-body").text().contains("{{siteTitle}}"));
    assertEquals("javascript:alert(document.cookie)", page.selectFirst(".original .url").text());
    assertTrue(page.select(".original a").isEmpty(), "no link for a javascript: original URL");
    assertTrue(page.select(".tags a").eachText().contains("<b>tag</b>"));
  }

  @Test
  void notFoundPagesFindTheSiteRootWithAScriptTheirPolicyAllowsByHash() throws Exception {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 3, 1);
    Path site = tmp.resolve("site");
    build(content, site);
    String hash = "'sha256-" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
        .getInstance("SHA-256").digest(StaticPagesRenderer.ROOT_FINDER.getBytes(StandardCharsets.UTF_8))) + "'";
    for (String name : List.of("404.html", "ipfs-404.html")) {
      Document d = Jsoup.parse(read(site, name));
      String csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
      assertTrue(csp.contains("script-src 'self' " + hash + ";"), csp);
      assertTrue(csp.contains("base-uri 'self'") && csp.contains("default-src 'none'"), csp);
      Element script = d.selectFirst("head script");
      assertEquals(StaticPagesRenderer.ROOT_FINDER, script.data());
      // before anything that names a URL, so the <base> it adds counts for all of them
      assertTrue(d.head().html().indexOf("<script>") < d.head().html().indexOf("<link"), name);
      assertTrue(d.select("meta[name=samizdat-base]").isEmpty(), "no base URL given");
      assertEquals("index.html", d.selectFirst(".site-title").attr("href"));
    }
    // every other page keeps the strict policy
    Document front = Jsoup.parse(read(site, "index.html"));
    assertEquals(Views.CSP, front.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));
    assertTrue(front.select("script:not([src])").isEmpty());

    new SiteBuilder().build(options(content, site).withBaseUrl("https://news.example/mirror"), Progress.NONE);
    Document d = Jsoup.parse(read(site, "404.html"));
    assertEquals("https://news.example/mirror/", d.selectFirst("meta[name=samizdat-base]").attr("content"));
  }

  @Test
  void defaultTemplatesComeFromTheClassPath() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 5, 1);
    Path site = tmp.resolve("site");
    BuildOptions o = BuildOptions.of(content, site).withStrictTemplates(true);
    o = new BuildOptions(o.content(), Optional.empty(), o.out(), tmp.resolve("c.state"), o.title(),
        o.language(), o.baseUrl(), o.pageSize(), 2, true);
    BuildResult r = new SiteBuilder().build(o, Progress.NONE);
    assertEquals(5, r.articles());
    assertTrue(Files.isRegularFile(site.resolve("assets/site.css")));
  }

  @Test
  void aTemplateTypoFailsInStrictMode() throws IOException {
    Path templates = tmp.resolve("templates");
    try (Stream<Path> walk = Files.walk(Path.of("templates"))) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = templates.resolve(Path.of("templates").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(templates.resolve("tags.mustache"), "{{> header}}{{tagCuont}}{{> footer}}");
    Path content = tmp.resolve("content");
    TestContent.generate(content, 3, 1);
    BuildOptions o = options(content, tmp.resolve("site")).withTemplates(templates);
    Exception e = assertThrows(RuntimeException.class, () -> new SiteBuilder().build(o, Progress.NONE));
    assertTrue(e.getMessage().contains("tagCuont"), e.getMessage());
  }

  @Test
  void feedLinksAreAbsoluteOnlyWithABaseUrl() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 5, 1);
    Path site = tmp.resolve("site");
    new SiteBuilder().build(options(content, site).withBaseUrl("https://news.example.net/archive/"),
        Progress.NONE);
    Document feed = Jsoup.parse(read(site, "feed.xml"), "", org.jsoup.parser.Parser.xmlParser());
    for (Element link : feed.select("link")) {
      assertTrue(link.attr("href").startsWith("https://news.example.net/archive/"), link.toString());
    }
    assertEquals(5, feed.select("entry").size());
  }

  @Test
  void tagsIndexIsSortedByCountThenChineseCollation() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 150, 2);
    Path site = tmp.resolve("site");
    build(content, site);
    Document d = Jsoup.parse(read(site, "tags/index.html"));
    // the "most used" group; the groups by initial follow in collation order
    List<Integer> counts = d.select(".tag-top .tag-cloud .count").eachText().stream().map(Integer::parseInt).toList();
    assertEquals(counts.stream().sorted((a, b) -> b - a).toList(), counts);
    java.text.Collator c = java.text.Collator.getInstance(Locale.CHINESE);
    List<Element> items = d.select(".tag-top .tag-cloud li");
    assertEquals(TagRenderer.TOP, items.size());
    for (int i = 1; i < items.size(); i++) {
      if (counts.get(i).equals(counts.get(i - 1))) {
        assertTrue(c.compare(items.get(i - 1).selectFirst("a").text(), items.get(i).selectFirst("a").text()) <= 0);
      }
    }
  }

  private static String read(Path site, String rel) throws IOException {
    return Files.readString(site.resolve(rel), StandardCharsets.UTF_8);
  }

  private static ArticleMeta withTags(ArticleMeta m, List<String> tags) {
    return new ArticleMeta(m.id(), m.title(), m.url(), m.site(), m.language(), m.published(), m.source(),
        tags, m.related(), m.images(), m.profile(), m.rawSha256(), m.firstIngested());
  }

  /** Reads metadata back to find page paths the way the build does. */
  private static final class SiteModelProbe {
    private final ContentStore store;

    SiteModelProbe(Path content) {
      store = new ContentStore(content);
    }

    ArticleMeta meta(String id) {
      try {
        return store.readMeta(id).orElseThrow();
      } catch (samizdat.content.ContentException e) {
        throw new AssertionError(e);
      }
    }

    String path(String id) {
      return SiteLayout.article(id, meta(id).published());
    }
  }
}
