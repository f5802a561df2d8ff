package samizdat.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.ContentStore;
import samizdat.io.AtomicFiles;
import samizdat.io.FileWrites;
import samizdat.io.FullDisk;
import samizdat.io.Progress;
import samizdat.site.state.BuildState;

/**
 * A build never destroys a site by mistake and repairs what went wrong behind its back: a wrong
 * content folder is refused, a full disk stops it with one line and the next plain build completes
 * the site, pages edited or left by others are found, and a hand-edited build state is ignored.
 */
class BuildSafetyTest {
  @TempDir Path tmp;

  private BuildOptions options(Path content, Path out) {
    return new BuildOptions(content, Optional.of(Path.of("templates")), out,
        tmp.resolve("cache").resolve(out.getFileName() + ".state"), "Test archive",
        Optional.empty(), Optional.empty(), 20, 2, true);
  }

  private BuildResult build(Path content, Path out) throws IOException {
    return new SiteBuilder().build(options(content, out), Progress.NONE);
  }

  /** Content files dated an hour back, so the build state may trust them (see BuildState#trust). */
  private Path content(int articles) throws IOException {
    Path content = tmp.resolve("content");
    TestContent.generate(content, articles, 7);
    age(content);
    return content;
  }

  private static void age(Path dir) throws IOException {
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, hourAgo);
      }
    }
  }

  private static TreeMap<String, String> snapshot(Path site) throws IOException {
    TreeMap<String, String> map = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        map.put(site.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)) + "@"
            + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return map;
  }

  @Test
  void aWrongOrEmptyContentFolderIsRefusedAndTheSiteIsLeftAlone() throws IOException {
    Path content = content(30);
    Path site = tmp.resolve("site");
    build(content, site);
    TreeMap<String, String> before = snapshot(site);

    Path empty = Files.createDirectories(tmp.resolve("mnt/usb")); // an unmounted drive's mount point
    BuildRefusedException notContent = assertThrows(BuildRefusedException.class,
        () -> build(empty, site));
    assertTrue(notContent.getMessage().contains("not a content folder (no articles/ in it)"), notContent.getMessage());

    BuildRefusedException articlesDir = assertThrows(BuildRefusedException.class,
        () -> build(content.resolve("articles"), site));
    assertTrue(articlesDir.getMessage().contains("not a content folder"), articlesDir.getMessage());

    // A content folder with its articles gone (or most of them): removing 27 of 30 is refused.
    Path few = tmp.resolve("few");
    TestContent.generate(few, 3, 7);
    BuildRefusedException shrink = assertThrows(BuildRefusedException.class, () -> build(few, site));
    assertTrue(shrink.getMessage().contains("3 articles, but the site") && shrink.getMessage().contains(
        "has 30; building would remove 27 article pages") && shrink.getMessage().contains("--allow-shrink"),
        shrink.getMessage());
    assertEquals(before, snapshot(site), "not a byte of the site changed");

    // Without a build state the article pages on disk tell how big the site is.
    Files.delete(options(content, site).cache());
    assertThrows(BuildRefusedException.class, () -> build(few, site));
    assertEquals(before, snapshot(site));

    BuildResult shrunk = new SiteBuilder().allowShrink(true).build(options(few, site), Progress.NONE);
    assertEquals(3, shrunk.articles());
  }

  @Test
  void aFullDiskStopsTheBuildWithOneLineAndAPlainBuildCompletesTheSite() throws IOException {
    Path content = content(40);
    Path clean = tmp.resolve("clean");
    build(content, clean);
    Path site = tmp.resolve("site");
    FullDisk disk = new FullDisk(200_000);
    BuildStoppedException stopped = assertThrows(BuildStoppedException.class,
        () -> new SiteBuilder(disk, false).build(options(content, site), Progress.NONE));
    assertTrue(stopped.getMessage().startsWith(site.toString()) && stopped.getMessage().contains(
        ": No space left on device; stopped (free some space there and run again)"), stopped.getMessage());
    assertTrue(stopped.notWritten() > 0 && stopped.written() > 0, stopped.written() + " / " + stopped.notWritten());
    assertTrue(disk.failures() < 20, "the build stopped early: " + disk.failures() + " failed writes");
    assertFalse(Files.exists(options(content, site).cache()), "no build state recording the failures");

    // Space freed: a plain build writes everything that is missing.
    BuildResult repaired = build(content, site);
    assertEquals(List.of(), repaired.errors());
    assertSameFiles(clean, site);
    assertEquals(0, build(content, site).written());
  }

  @Test
  void aFullDiskDuringAnIncrementalBuildLeavesAStateTheNextBuildRepairsFrom() throws IOException {
    Path content = content(40);
    Path site = tmp.resolve("site");
    build(content, site);
    // A change that touches every page: the title is on all of them.
    BuildOptions retitled = new BuildOptions(content, Optional.of(Path.of("templates")), site,
        options(content, site).cache(), "Another title", Optional.empty(), Optional.empty(), 20, 2, true);
    assertThrows(BuildStoppedException.class,
        () -> new SiteBuilder(new FullDisk(100_000), false).build(retitled, Progress.NONE));
    new SiteBuilder().build(retitled, Progress.NONE);
    Path clean = tmp.resolve("clean");
    new SiteBuilder().build(new BuildOptions(content, Optional.of(Path.of("templates")), clean,
        tmp.resolve("cache/clean.state"), "Another title", Optional.empty(), Optional.empty(), 20, 2, true),
        Progress.NONE);
    assertSameFiles(clean, site);
  }

  @Test
  void aPageThatFailedToBeWrittenIsWrittenByTheNextPlainBuild() throws IOException {
    Path content = content(20);
    Path site = tmp.resolve("site");
    // One file cannot be written (not a full disk: the rest goes on).
    FileWrites oneFails = new FileWrites() {
      @Override
      public boolean createNew(Path target, byte[] bytes) throws IOException {
        if (target.endsWith("404.html")) {
          throw new IOException("Permission denied");
        }
        return AtomicFiles.createNew(target, bytes);
      }

      @Override
      public boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        return createNew(target, bytes) || AtomicFiles.writeIfChanged(target, bytes);
      }

      @Override
      public void write(Path target, byte[] bytes, boolean sync) throws IOException {
        AtomicFiles.write(target, bytes, sync);
      }
    };
    BuildResult first = new SiteBuilder(oneFails, false).build(options(content, site), Progress.NONE);
    assertEquals(List.of("404.html: Permission denied"), first.errors());
    assertFalse(Files.exists(site.resolve("404.html")));
    BuildResult second = build(content, site);
    assertEquals(List.of(), second.errors(), "the failure was not cached as a result");
    assertTrue(Files.isRegularFile(site.resolve("404.html")));
    assertEquals(1, second.written());
  }

  @Test
  void aPageEditedBehindTheBuildsBackIsWrittenAgainEvenAtTheSameSize() throws IOException {
    Path content = content(20);
    Path site = tmp.resolve("site");
    build(content, site);
    Path page = site.resolve("index.html");
    byte[] good = Files.readAllBytes(page);
    String text = new String(good, StandardCharsets.UTF_8);
    Files.writeString(page, text.replace("<title>", "<titlx>"), StandardCharsets.UTF_8);
    assertEquals(good.length, Files.size(page));
    BuildResult again = build(content, site);
    assertEquals(1, again.written());
    assertArrayEquals(good, Files.readAllBytes(page));
  }

  @Test
  void filesOfOtherBuildsAndKilledRunsAreRemovedButAUsersFilesAreNot() throws IOException {
    Path content = content(20);
    Path site = tmp.resolve("site");
    build(content, site);
    // What another build (other content) left, and what a killed one did.
    List<Path> foreign = new ArrayList<>();
    for (String p : List.of("search/zz-other/t0/3.js", "a/2019/ff/ghost.html", "tags/00/gone/index.html",
        "page/9/9999.html")) {
      Path f = site.resolve(p);
      Files.createDirectories(f.getParent());
      Files.writeString(f, "left by another build");
      foreign.add(f);
    }
    Path temp = site.resolve("a/" + AtomicFiles.TEMP_PREFIX + "x1.part");
    Files.writeString(temp, "half a page");
    Files.setLastModifiedTime(temp, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    Files.writeString(site.resolve("a/notes.txt"), "mine");
    // The killed build left its mark beside the build state.
    Files.writeString(Leftovers.marker(options(content, site).cache()), "");

    // The plain build that follows takes the no-change path and cleans up after the killed one.
    build(content, site);
    assertFalse(Files.exists(temp), "a killed build's temporary file is removed");
    for (Path f : foreign) {
      assertFalse(Files.exists(f), f.toString());
    }
    assertFalse(Files.exists(Leftovers.marker(options(content, site).cache())));
    // A full build (--force deletes the state) also removes what no build of this content wrote.
    for (Path f : foreign) {
      Files.createDirectories(f.getParent());
      Files.writeString(f, "left by another build");
    }
    Files.delete(options(content, site).cache());
    build(content, site);
    for (Path f : foreign) {
      assertFalse(Files.exists(f), f.toString());
    }
    assertFalse(Files.exists(site.resolve("search/zz-other")), "emptied folders go too");
    assertEquals("mine", Files.readString(site.resolve("a/notes.txt")));
    Path clean = tmp.resolve("clean");
    build(content, clean);
    TreeMap<String, byte[]> want = SiteBuilderTest.files(clean);
    want.put("a/notes.txt", "mine".getBytes(StandardCharsets.UTF_8));
    assertEquals(want.keySet(), SiteBuilderTest.files(site).keySet());
  }

  /**
   * A build stopped half-way (here by a full disk; a kill is the same) leaves pages and temporary
   * files no saved state knows of. It leaves a marker too, so the next build walks the site for
   * them; builds after a clean finish do not.
   */
  @Test
  void pagesAndTemporaryFilesOfAnInterruptedBuildAreRemovedByTheNextBuild() throws IOException {
    Path content = content(30);
    Path site = tmp.resolve("site");
    build(content, site);
    Path marker = Leftovers.marker(options(content, site).cache());
    assertFalse(Files.exists(marker), "a finished build leaves no marker");
    TreeMap<String, byte[]> before = SiteBuilderTest.files(site);
    TestContent.generate(content, 30, 45, 7);
    age(content);
    assertThrows(BuildStoppedException.class,
        () -> new SiteBuilder(new FullDisk(60_000), false).build(options(content, site), Progress.NONE));
    assertTrue(Files.exists(marker), "the stopped build is marked unfinished");
    Path temp = site.resolve("a/" + AtomicFiles.TEMP_PREFIX + "x2.part");
    Files.writeString(temp, "half a page");
    // The new articles go again before the next build: their pages were never in a saved state.
    ContentStore store = new ContentStore(content);
    List<String> leftovers = new ArrayList<>();
    for (int i = 30; i < 45; i++) {
      String id = TestContent.id(i);
      Files.delete(store.metaFile(id));
      Files.delete(store.bodyFile(id));
    }
    for (String p : SiteBuilderTest.files(site).keySet()) {
      if (!before.containsKey(p)) {
        leftovers.add(p);
      }
    }
    assertTrue(leftovers.stream().anyMatch(p -> p.startsWith("a/")), "the stopped build wrote new pages: " + leftovers);

    build(content, site);
    assertFalse(Files.exists(marker));
    assertFalse(Files.exists(temp));
    Path clean = tmp.resolve("clean");
    build(content, clean);
    assertSameFiles(clean, site);
  }

  /**
   * A state another build code made (before an upgrade) gives only its file list: the bodies'
   * excerpts and signatures are worked out again, as that code may have worked them out otherwise.
   */
  @Test
  void aStateAnotherCodeMadeKeepsOnlyItsFileList() throws Exception {
    Path content = content(20);
    Path site = tmp.resolve("site");
    build(content, site);
    Path cache = options(content, site).cache();
    BuildState old = BuildState.load(cache);
    assertEquals(Optional.empty(), old.loadDetails(old.code));
    String id = TestContent.id(3);
    BuildState.BodyInfo body = old.bodies.get(id);
    old.bodies.put(id, new BuildState.BodyInfo(body.size(), body.mtime(), body.hash(), body.signature(), "STALE"));
    old.code = new byte[] {42};
    old.inputs = new byte[0];
    old.save(cache);
    build(content, site);
    BuildState now = BuildState.load(cache);
    assertEquals(Optional.empty(), now.loadDetails(now.code));
    assertEquals(body.excerpt(), now.bodies.get(id).excerpt());
    assertFalse(body.excerpt().equals("STALE"));
  }

  @Test
  void aHandEditedBuildStateIsIgnoredWithANote() throws Exception {
    Path content = content(20);
    Path site = tmp.resolve("site");
    build(content, site);
    ContentStore store = new ContentStore(content);
    String title = store.readMeta(TestContent.id(3)).orElseThrow().title();
    // Edit the cached title in place (same length, still well-formed), then change another
    // article so that the pages listing article 3 are rendered from the state again.
    // The article's month file of the state (.samizdat-cache/site.state.d/YYYY-MM.state) holds it.
    Path states = options(content, site).cache().resolveSibling("site.state.d");
    byte[] from = title.getBytes(StandardCharsets.UTF_8);
    Path cache = null;
    byte[] state = null;
    int at = -1;
    try (var files = Files.list(states)) {
      for (Path f : files.sorted().toList()) {
        byte[] bytes = Files.readAllBytes(f);
        if (indexOf(bytes, from) >= 0) {
          cache = f;
          state = bytes;
          at = indexOf(bytes, from);
        }
      }
    }
    assertTrue(at >= 0, "the state holds the title");
    byte[] forged = "X".repeat(from.length).getBytes(StandardCharsets.UTF_8);
    System.arraycopy(forged, 0, state, at, forged.length);
    Files.write(cache, state);
    TestContent.generate(content, 19, 20, 8);
    age(content);

    List<String> warnings = new ArrayList<>();
    Progress progress = new Progress() {
      @Override
      public void start(String task, long total) {}

      @Override
      public void advance(long done) {}

      @Override
      public void warn(String message) {
        warnings.add(message);
      }

      @Override
      public void finish() {}
    };
    new SiteBuilder().build(options(content, site), progress);
    String edited = cache.toString();
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith(edited)
        && w.contains("checksum does not match (torn, or edited by hand); its articles are read again")),
        warnings.toString());
    String index = Files.readString(site.resolve("archive/index.html")) + Files.readString(site.resolve("index.html"));
    assertFalse(index.contains("X".repeat(from.length)), "the forged title is not published");
    Path clean = tmp.resolve("clean");
    build(content, clean);
    assertSameFiles(clean, site);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void assertSameFiles(Path want, Path got) throws IOException {
    TreeMap<String, byte[]> a = SiteBuilderTest.files(want);
    TreeMap<String, byte[]> b = SiteBuilderTest.files(got);
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
  }
}
