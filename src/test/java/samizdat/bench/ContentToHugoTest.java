package samizdat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.Article;
import samizdat.content.ContentStore;
import samizdat.content.RelatedLink;

/**
 * {@code bench/build/ContentToHugo.java} turns a generated content folder into a Hugo site whose
 * pages hold the same articles, tags and related lists (Hugo itself is not run here: it is not a
 * test dependency; bench/build/run.sh runs it).
 */
class ContentToHugoTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static ContentStore store;
  static Map<String, Article> articles = new HashMap<>();
  static Map<String, String> idByUrl = new HashMap<>();

  @BeforeAll
  static void generate() throws Exception {
    run("GenerateContent.java", "150", dir.resolve("content").toString(), "11");
    store = new ContentStore(dir.resolve("content"));
    for (String id : store.ids()) {
      Article a = store.read(id);
      articles.put(id, a);
      idByUrl.put(a.meta().url().orElseThrow(), id);
    }
  }

  @Test
  void precomputedSiteCarriesEveryArticleWithItsRelatedList() throws Exception {
    Path hugo = dir.resolve("pre");
    run("ContentToHugo.java", dir.resolve("content").toString(), hugo.toString(), "precomputed");
    assertTrue(Files.readString(hugo.resolve("config.toml")).contains("paginate = 20"));
    assertFalse(Files.readString(hugo.resolve("config.toml")).contains("[related]"));
    for (String layout : List.of("_default/single.html", "_default/term.html", "_default/taxonomy.html",
        "index.html", "_default/baseof.html")) {
      assertTrue(Files.isRegularFile(hugo.resolve("layouts").resolve(layout)), layout);
    }
    int fullLists = 0;
    for (Article a : articles.values()) {
      Post post = post(hugo, a.id());
      assertEquals(a.meta().title(), post.front.get("title").asText());
      assertEquals(a.meta().published().map(Object::toString).orElse(""), post.front.path("date").asText(""));
      List<String> tags = new ArrayList<>();
      post.front.get("tags").forEach(t -> tags.add(t.asText()));
      assertEquals(a.meta().tags(), tags);
      assertEquals(a.bodyMarkdown().replace("](../media/", "](/media/"), post.body);

      JsonNode related = post.front.get("related");
      assertTrue(related.size() <= 5, a.id());
      Set<String> targets = new HashSet<>();
      for (JsonNode r : related) {
        if (r.has("href")) {
          String target = r.get("href").asText().replaceAll("^/posts/(.*)/$", "$1");
          assertTrue(articles.containsKey(target), r.toString());
          assertTrue(target.compareTo(a.id()) < 0, a.id() + " relates to the newer " + target);
          assertEquals(articles.get(target).meta().title(), r.get("title").asText());
          assertTrue(targets.add(target), "duplicate related entry in " + a.id());
        } else {
          assertFalse(idByUrl.containsKey(r.get("url").asText()), "a local article shown as outside");
        }
      }
      // The source page's own list comes first, resolved to local pages where possible.
      List<RelatedLink> source = a.meta().related();
      for (int k = 0; k < Math.min(source.size(), related.size()); k++) {
        String local = idByUrl.get(source.get(k).url());
        JsonNode r = related.get(k);
        if (local == null) assertEquals(source.get(k).url(), r.get("url").asText());
        else assertEquals("/posts/" + local + "/", r.get("href").asText());
      }
      if (related.size() == 5) fullLists++;
    }
    assertTrue(fullLists > 100, "computed neighbours fill most lists: " + fullLists);
    try (var media = Files.list(store.mediaDir())) {
      for (Path m : media.toList()) {
        assertTrue(Files.isRegularFile(hugo.resolve("static/media").resolve(m.getFileName())), m.toString());
      }
    }
  }

  @Test
  void builtinSiteLeavesComputedNeighboursToHugo() throws Exception {
    Path hugo = dir.resolve("builtin");
    run("ContentToHugo.java", dir.resolve("content").toString(), hugo.toString(), "builtin");
    String config = Files.readString(hugo.resolve("config.toml"));
    assertTrue(config.contains("includeNewer = false") && config.contains("name = \"keywords\""), config);
    assertTrue(Files.readString(hugo.resolve("layouts/_default/single.html")).contains(".Site.RegularPages.Related"));
    for (Article a : articles.values()) {
      Post post = post(hugo, a.id());
      int sourceEntries = (int) a.meta().related().stream().map(RelatedLink::url).distinct().count();
      assertEquals(Math.min(5, sourceEntries), post.front.get("related").size(), a.id());
      assertTrue(post.front.get("keywords").size() >= 10, a.id());
    }
  }

  record Post(JsonNode front, String body) {}

  private static Post post(Path hugo, String id) throws IOException {
    String text = Files.readString(hugo.resolve("content/posts").resolve(id + ".md"), StandardCharsets.UTF_8);
    int end = text.indexOf("\n}\n\n");
    assertTrue(text.startsWith("{\n") && end > 0, id);
    return new Post(JSON.readTree(text.substring(0, end + 2)), text.substring(end + 4));
  }

  private static void run(String program, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The converter reads content through samizdat's classes: give it the test class path.
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Path.of("bench", "build", program).toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
  }
}
