package samizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.io.Progress;
import samizdat.site.state.BuildState;

/** The search index inside {@code samizdat build}: only segments whose articles changed are written. */
class SearchRendererTest {
  @TempDir Path tmp;

  private BuildResult build(Path content, Path out) throws IOException {
    return new SiteBuilder().build(new BuildOptions(content, Optional.of(Path.of("templates")), out,
        tmp.resolve("cache.state"), "Test", Optional.empty(), Optional.empty(), 20, 2, true), Progress.NONE);
  }

  private static Set<String> searchFilesChanged(Path site, Map<String, FileTime> before) throws IOException {
    Set<String> changed = new TreeSet<>();
    for (String p : SiteBuilderTest.changedSince(site, before)) {
      if (p.startsWith("search/")) {
        changed.add(p);
      }
    }
    return changed;
  }

  @Test
  void newArticlesWriteOnlyTheNewestSegmentsFiles() throws IOException {
    Path content = tmp.resolve("content");
    // 600 articles, seven a day from 2021-01-01 (some undated, filed in 2024)
    TestContent.generate(content, 0, 600, 3);
    Path site = tmp.resolve("site");
    build(content, site);
    long searchFiles = SiteBuilderTest.files(site).keySet().stream().filter(p -> p.startsWith("search/")).count();
    SiteBuilderTest.agePast(site);
    Map<String, FileTime> before = SiteBuilderTest.mtimes(site);

    TestContent.generate(content, 600, 607, 3); // the next day's news
    build(content, site);
    Set<String> changed = searchFilesChanged(site, before);
    assertTrue(changed.contains("search/manifest.js"), changed.toString());
    for (String p : changed) {
      // segments are named by their first day; the old ones (before the last few weeks) stay
      assertTrue(p.equals("search/manifest.js") || p.compareTo("search/d20210301") > 0, "old segment rewritten: " + p);
    }
    Set<String> segments = new TreeSet<>();
    changed.forEach(p -> segments.add(p.split("/")[1]));
    segments.remove("manifest.js");
    // the new day's segment, and the day's merge with its neighbour(s) like a binary counter
    assertTrue(segments.size() <= 3, segments.toString());
    assertTrue(changed.size() < searchFiles / 4, changed.size() + " of " + searchFiles + ": " + changed);
  }

  @Test
  void aSegmentWithAMissingFileIsWrittenAgainAndNothingElse() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 0, 300, 4);
    Path site = tmp.resolve("site");
    build(content, site);
    String victim = SiteBuilderTest.files(site).keySet().stream()
        .filter(p -> p.startsWith("search/d") && p.contains("/t0/")).findFirst().orElseThrow();
    String segment = victim.split("/")[1];
    Files.delete(site.resolve(victim));
    SiteBuilderTest.agePast(site);
    Map<String, FileTime> before = SiteBuilderTest.mtimes(site);
    // an unrelated change, so that the build does not stop at "nothing changed"
    Files.writeString(content.resolve("articles").resolve(TestContent.id(5) + ".md"), "改过的正文。\n", java.nio.charset.StandardCharsets.UTF_8);
    build(content, site);
    assertTrue(Files.exists(site.resolve(victim)), victim + " written again");
    Set<String> changed = searchFilesChanged(site, before);
    Set<String> segments = new TreeSet<>();
    changed.forEach(p -> segments.add(p.split("/")[1]));
    segments.remove("manifest.js");
    assertTrue(segments.contains(segment), segments.toString());
    assertTrue(segments.size() <= 2, "only the damaged segment and the edited article's: " + segments);
    assertEquals(0, build(content, site).written(), "and then nothing");
  }

  @Test
  void aSegmentWhoseLastShardIsMissingFromTheStateIsNotTakenForASmallerOne() throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 0, 300, 4);
    Path site = tmp.resolve("site");
    build(content, site);
    // A segment of k shards whose upper half the build state then forgets (as after failed
    // writes): what is left looks like a complete segment of k/2 shards.
    String segment = SiteBuilderTest.files(site).keySet().stream()
        .filter(p -> p.startsWith("search/d") && p.endsWith("/t0/1.js")).findFirst().orElseThrow()
        .split("/")[1];
    List<String> shardFiles = SiteBuilderTest.files(site).keySet().stream()
        .filter(p -> p.startsWith("search/" + segment + "/t")).toList();
    int k = shardFiles.size();
    assertEquals(1, Integer.bitCount(k), "a power of two: " + shardFiles);
    Path statePath = tmp.resolve("cache.state");
    BuildState state = BuildState.load(statePath);
    state.loadDetails(state.code);
    for (String p : shardFiles) {
      int n = Integer.parseInt(p.substring(p.lastIndexOf('/') + 1, p.length() - ".js".length()));
      if (n >= k / 2) {
        assertTrue(state.files.remove(p) != null, p + " in the state");
      }
    }
    state.save(statePath);
    SiteBuilderTest.agePast(site);
    // an edit far from that (oldest) segment, so that only the state can make it be rewritten
    Files.writeString(content.resolve("articles").resolve(TestContent.id(299) + ".md"), "改过的正文。\n",
        java.nio.charset.StandardCharsets.UTF_8);
    build(content, site);
    Path fresh = tmp.resolve("fresh");
    build2(content, fresh);
    assertEquals(Files.readString(fresh.resolve("search/manifest.js")),
        Files.readString(site.resolve("search/manifest.js")), "the segment keeps all its shards");
  }

  private void build2(Path content, Path out) throws IOException {
    new SiteBuilder().build(new BuildOptions(content, Optional.of(Path.of("templates")), out,
        tmp.resolve("fresh.state"), "Test", Optional.empty(), Optional.empty(), 20, 2, true), Progress.NONE);
  }
}
