package samizdat.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.content.ImageRef;
import samizdat.content.RelatedLink;

/**
 * The benchmark's content generator ({@code bench/build/GenerateContent.java}, run as a single-file
 * program the way {@code bench/build/run.sh} runs it) writes content that samizdat reads as if an
 * ingest had written it.
 */
class GeneratedContentTest {
  private static final Path GENERATOR = Path.of("bench", "build", "GenerateContent.java");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(\\.\\./media/([^)]+)\\)");

  @TempDir Path dir;

  @Test
  void generatesArticlesInTheContentContract() throws Exception {
    Path content = dir.resolve("content");
    generate("200", content.toString(), "7");
    ContentStore store = new ContentStore(content);
    List<String> ids = store.ids();
    assertEquals(200, ids.size());

    List<Article> articles = new ArrayList<>();
    for (String id : ids) {
      Article a = store.read(id);
      articles.add(a);
      // Byte for byte what ContentJson writes: the generator must not drift from the contract.
      assertArrayEquals(store.json().toBytes(a.meta()), Files.readAllBytes(store.metaFile(id)),
          "JSON layout of " + id);
    }
    Set<String> urls = new HashSet<>();
    articles.forEach(a -> urls.add(a.meta().url().orElseThrow()));

    int undated = 0;
    int relatedInside = 0;
    int relatedOutside = 0;
    int withImages = 0;
    Map<String, Integer> tagCounts = new HashMap<>();
    DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
    for (Article a : articles) {
      ArticleMeta m = a.meta();
      Matcher id = Pattern.compile("(\\d{8})-(\\d{7})").matcher(m.id());
      assertTrue(id.matches(), m.id());
      LocalDate day = LocalDate.parse(id.group(1), basic);
      assertTrue(m.url().orElseThrow().matches(
          "https://www\\.bannedbook\\.org/bnews/[a-z]+/" + id.group(1) + "/" + id.group(2) + "\\.html"),
          m.url().orElseThrow());
      if (m.published().isEmpty()) {
        undated++;
      } else {
        assertEquals(day, m.published().orElseThrow(), m.id());
      }
      assertTrue(!day.isBefore(LocalDate.of(2020, 1, 1)) && day.isBefore(LocalDate.of(2025, 1, 1)));

      int size = a.bodyMarkdown().getBytes(StandardCharsets.UTF_8).length;
      assertTrue(size >= 1024 && size <= 8192, m.id() + " body has " + size + " bytes");
      assertTrue(a.bodyMarkdown().endsWith("\n") && !a.bodyMarkdown().contains("\r"));
      assertFalse(m.title().isBlank());

      assertTrue(!m.tags().isEmpty() && m.tags().size() <= 8, m.id());
      Set<String> lower = new HashSet<>();
      for (String t : m.tags()) {
        assertTrue(lower.add(t.toLowerCase(Locale.ROOT)), "duplicate tag in " + m.id());
        tagCounts.merge(t, 1, Integer::sum);
      }

      assertTrue(m.related().size() <= 5);
      for (RelatedLink r : m.related()) {
        assertNotEquals(m.url().orElseThrow(), r.url());
        if (urls.contains(r.url())) relatedInside++; else relatedOutside++;
      }

      // Every fetched image is in media/ and shown in the body, in order; the others are not shown.
      List<String> shown = new ArrayList<>();
      Matcher img = IMAGE.matcher(a.bodyMarkdown());
      while (img.find()) shown.add(img.group(1));
      List<String> stored = m.images().stream().flatMap(i -> i.file().stream()).toList();
      assertEquals(stored, shown, m.id());
      for (String f : stored) {
        assertTrue(Files.size(store.mediaDir().resolve(f)) > 0, f);
        assertTrue(f.matches("[0-9a-f]{64}\\.png"), f);
      }
      for (ImageRef i : m.images()) assertTrue(i.originalUrl().startsWith("https://"));
      if (!m.images().isEmpty()) withImages++;
    }
    assertTrue(undated > 0 && undated < 20, "undated: " + undated);
    assertTrue(relatedInside > 50, "related links into the archive: " + relatedInside);
    assertTrue(relatedOutside > 20, "related links out of the archive: " + relatedOutside);
    assertTrue(withImages > 5, "articles with images: " + withImages);

    // Zipf: a handful of tags are on many articles, most tags are on one or two.
    List<Integer> counts = new ArrayList<>(tagCounts.values());
    counts.sort(null);
    int top = counts.get(counts.size() - 1);
    int median = counts.get(counts.size() / 2);
    assertTrue(top >= 20 && median <= 2, "top " + top + ", median " + median);
    assertTrue(tagCounts.size() > 100, "distinct tags: " + tagCounts.size());
    assertTrue(tagCounts.keySet().stream().anyMatch(t -> t.matches("[A-Za-z].*")), "some Latin tags");
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherContent() throws Exception {
    generate("40", dir.resolve("a").toString(), "3");
    generate("40", dir.resolve("b").toString(), "3");
    generate("40", dir.resolve("c").toString(), "4");
    assertEquals(tree(dir.resolve("a")), tree(dir.resolve("b")));
    assertNotEquals(tree(dir.resolve("a")).keySet(), tree(dir.resolve("c")).keySet());
  }

  @Test
  void appendAddsNewerArticlesAndTouchesNoExistingFile() throws Exception {
    Path content = dir.resolve("content");
    generate("60", content.toString(), "5");
    Map<String, String> before = tree(content);
    ContentStore store = new ContentStore(content);
    String newestBefore = store.ids().get(store.ids().size() - 1);
    Map<String, Long> mtimes = new HashMap<>();
    for (String f : before.keySet()) mtimes.put(f, Files.getLastModifiedTime(content.resolve(f)).toMillis());

    generate("--append", "25", content.toString(), "5");
    Map<String, String> after = tree(content);
    for (Map.Entry<String, String> e : before.entrySet()) {
      assertEquals(e.getValue(), after.get(e.getKey()), e.getKey());
      assertEquals(mtimes.get(e.getKey()), Files.getLastModifiedTime(content.resolve(e.getKey())).toMillis());
    }
    List<String> ids = store.ids();
    assertEquals(85, ids.size());
    List<String> added = ids.subList(60, 85);
    assertTrue(added.get(0).compareTo(newestBefore) > 0, added.get(0) + " after " + newestBefore);
    Set<String> oldUrls = new HashSet<>();
    for (String id : ids.subList(0, 60)) oldUrls.add(store.readMeta(id).orElseThrow().url().orElseThrow());
    int linksToOld = 0;
    for (String id : added) {
      Article a = store.read(id);
      assertArrayEquals(store.json().toBytes(a.meta()), Files.readAllBytes(store.metaFile(id)));
      LocalDate newestDay = LocalDate.parse(newestBefore.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
      assertTrue(a.meta().published().isEmpty() || a.meta().published().orElseThrow().isAfter(newestDay),
          id + " is newer than " + newestBefore);
      for (RelatedLink r : a.meta().related()) if (oldUrls.contains(r.url())) linksToOld++;
    }
    assertTrue(linksToOld > 0, "new articles link to older ones");
  }

  @Test
  void refusesToGenerateIntoAFolderWithArticles() throws Exception {
    Path content = dir.resolve("content");
    generate("5", content.toString(), "1");
    Process p = start("5", content.toString(), "1");
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor());
    assertTrue(err.contains("already has articles") && err.lines().count() == 1, err);
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  private static void generate(String... args) throws IOException, InterruptedException {
    Process p = start(args);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
  }

  private static Process start(String... args) throws IOException {
    assertTrue(Files.isRegularFile(GENERATOR), "run from the project root: " + GENERATOR.toAbsolutePath());
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(GENERATOR.toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
