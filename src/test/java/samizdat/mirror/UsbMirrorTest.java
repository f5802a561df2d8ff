package samizdat.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.ContentJson;
import samizdat.io.AtomicFiles;
import samizdat.io.Progress;
import samizdat.io.RelativePaths;

class UsbMirrorTest {
  @TempDir Path tmp;
  Path site;
  Path stick;

  @BeforeEach
  void setUp() throws IOException {
    site = SiteFolders.write(tmp.resolve("site"), 12, 3000, 1);
    stick = tmp.resolve("stick");
  }

  private UsbMirror.Result mirror() throws IOException, MirrorException {
    return new UsbMirror("samizdat test", false, Progress.NONE).mirror(site, stick);
  }

  private Manifest manifest() throws IOException {
    return Manifest.read(stick, new ContentJson()).orElseThrow();
  }

  @Test
  void copiesEveryFileWithAManifestOfHashesAndAReaderNote() throws Exception {
    UsbMirror.Result r = mirror();

    assertEquals(snapshot(site), snapshotWithout(stick, Manifest.FILE_NAME, UsbMirror.README));
    Manifest m = manifest();
    assertEquals(Manifest.FORMAT, m.format());
    assertEquals("samizdat test", m.tool());
    assertEquals("自由新闻档案", m.archive().title());
    assertEquals(12, m.archive().articleCount().orElseThrow());
    assertEquals("2023-01-05", m.archive().earliest().orElseThrow());
    assertEquals("2024-06-30", m.archive().latest().orElseThrow());
    assertEquals(r.files() + 1, m.fileCount()); // + README.txt
    for (ManifestEntry e : m.files()) {
      Path f = stick.resolve(e.path());
      assertEquals(Files.size(f), e.size(), e.path());
      assertEquals(new Sha256().of(f, n -> { }), e.sha256(), e.path());
    }
    String readme = Files.readString(stick.resolve(UsbMirror.README));
    assertTrue(readme.contains("index.html"), readme);
    assertTrue(readme.contains("samizdat verify"), readme);
    assertTrue(readme.startsWith("自由新闻档案\n"), readme);
    assertFalse(Files.exists(stick.resolve(UsbMirror.JOURNAL)));
    assertTrue(new Verifier().verify(stick, Progress.NONE).ok());
  }

  @Test
  void aSecondRunRewritesNothing() throws Exception {
    mirror();
    // Times that no longer match the site's (a copy made before times were kept, or retouched):
    // every file is then read and compared, none rewritten, and each gets the site file's time.
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Map<Path, Object> inodes = new HashMap<>();
    try (Stream<Path> files = Files.walk(stick)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, old);
        inodes.put(f, Files.readAttributes(f, BasicFileAttributes.class).fileKey());
      }
    }

    UsbMirror.Result r = mirror();

    assertEquals(0, r.copied());
    assertEquals(r.files(), r.unchanged());
    for (Map.Entry<Path, Object> e : inodes.entrySet()) {
      Path f = e.getKey();
      assertEquals(e.getValue(), Files.readAttributes(f, BasicFileAttributes.class).fileKey(), f + " was rewritten");
      String rel = RelativePaths.of(stick, f);
      if (Files.exists(site.resolve(rel))) {
        assertEquals(Files.getLastModifiedTime(site.resolve(rel)), Files.getLastModifiedTime(f), rel);
      }
    }
  }

  @Test
  void aFileWhoseSizeAndTimeStillMatchIsNotReadUnlessEveryByteIsCompared() throws Exception {
    mirror();
    // Bit rot on the stick leaves size and time as they were.
    Path rotten = stick.resolve("articles/3.html");
    FileTime time = Files.getLastModifiedTime(rotten);
    byte[] bytes = Files.readAllBytes(rotten);
    bytes[40] ^= 1;
    Files.write(rotten, bytes);
    Files.setLastModifiedTime(rotten, time);
    // An edit on the site of the same size, a minute later.
    Path edited = site.resolve("articles/4.html");
    byte[] page = Files.readAllBytes(edited);
    page[40] ^= 1;
    Files.write(edited, page);
    Files.setLastModifiedTime(edited, FileTime.fromMillis(Files.getLastModifiedTime(edited).toMillis() + 60_000));

    UsbMirror.Result quick = mirror();

    assertEquals(1, quick.copied(), "the edited page, found by its time");
    assertArrayEquals(page, Files.readAllBytes(stick.resolve("articles/4.html")));
    assertArrayEquals(bytes, Files.readAllBytes(rotten), "not read: size and time match the manifest");
    assertFalse(new Verifier().verify(stick, Progress.NONE).ok(), "verify reads every byte and finds it");

    UsbMirror.Result full = new UsbMirror("samizdat test", false, Progress.NONE).compareEveryByte(true)
        .mirror(site, stick);

    assertEquals(1, full.copied(), "the rotten page, found by its bytes");
    assertEquals(Files.readString(site.resolve("articles/3.html")), Files.readString(rotten));
    assertTrue(new Verifier().verify(stick, Progress.NONE).ok());
  }

  @Test
  void timesAreComparedAsFinelyAsTheSticksFileSystemKeepsThem() {
    assertEquals(Duration.ofSeconds(2), QuickCheck.timeResolution("vfat"));
    assertEquals(Duration.ofSeconds(2), QuickCheck.timeResolution("msdos"));
    assertEquals(Duration.ofSeconds(2), QuickCheck.timeResolution("fuseblk"));
    assertEquals(Duration.ofMillis(10), QuickCheck.timeResolution("exfat"));
    assertEquals(Duration.ofMillis(1), QuickCheck.timeResolution("ext4"));
    assertEquals(Duration.ofMillis(1), QuickCheck.timeResolution("ntfs3"));
  }

  @Test
  void changedFilesAreReplacedRemovedOnesDeletedAndUnrelatedFilesKept() throws Exception {
    Files.createDirectories(stick.resolve("articles"));
    Files.writeString(stick.resolve("my-photo.jpg"), "mine");
    Files.writeString(stick.resolve("articles/notes.txt"), "my notes");
    mirror();
    Files.writeString(site.resolve("articles/1.html"), "<p>corrected, same length? no</p>");
    Files.delete(site.resolve("articles/2.html"));
    Files.delete(site.resolve("media/9.jpg"));
    Files.createDirectories(site.resolve("gone"));
    Files.writeString(site.resolve("gone/x.html"), "x");
    mirror();
    Files.delete(site.resolve("gone/x.html"));
    Files.delete(site.resolve("gone"));

    UsbMirror.Result r = mirror();

    assertEquals(1, r.removed());
    assertFalse(Files.exists(stick.resolve("gone")), "emptied folder of the site removed");
    assertEquals("<p>corrected, same length? no</p>", Files.readString(stick.resolve("articles/1.html")));
    assertFalse(Files.exists(stick.resolve("articles/2.html")));
    assertFalse(Files.exists(stick.resolve("media/9.jpg")));
    assertEquals("mine", Files.readString(stick.resolve("my-photo.jpg")));
    assertEquals("my notes", Files.readString(stick.resolve("articles/notes.txt")));
    assertEquals(snapshot(site), snapshotWithout(stick, Manifest.FILE_NAME, UsbMirror.README,
        "my-photo.jpg", "articles/notes.txt"));
  }

  @Test
  void aChangeOfSameSizeIsFoundByItsHash() throws Exception {
    mirror();
    Path page = stick.resolve("articles/3.html");
    byte[] bytes = Files.readAllBytes(page);
    bytes[40] ^= 1; // bit rot on the stick: same size, same name
    Files.write(page, bytes);

    UsbMirror.Result r = mirror();

    assertEquals(1, r.copied());
    assertEquals(Files.readString(site.resolve("articles/3.html")), Files.readString(page));
  }

  @Test
  void filesLostFromTheStickComeBackAndWithADamagedManifestEqualFilesAreAdopted() throws Exception {
    mirror();
    Files.delete(stick.resolve("articles/4.html"));
    List<Path> media;
    try (Stream<Path> s = Files.list(stick.resolve("media"))) {
      media = s.toList();
    }
    for (Path p : media) { // a whole folder, deleted in a file manager
      Files.delete(p);
    }
    Files.delete(stick.resolve("media"));

    UsbMirror.Result r = mirror();

    assertEquals(1 + media.size(), r.copied());
    assertEquals(snapshot(site), snapshotWithout(stick, Manifest.FILE_NAME, UsbMirror.README));

    // Without a usable manifest nothing on the stick is known to be ours: files equal to the site's
    // are read, compared and adopted; one that differs is refused as someone else's.
    Files.writeString(stick.resolve(Manifest.FILE_NAME), "{\"format\": \"samizdat-manifest/1\", \"files\": [");

    UsbMirror.Result again = mirror();

    assertEquals(0, again.copied());
    assertEquals(again.files(), again.unchanged());
    assertEquals(1, again.warnings().size(), again.warnings().toString());
    assertTrue(again.warnings().get(0).endsWith("; treating the copy as new"), again.warnings().get(0));
    assertTrue(new Verifier().verify(stick, Progress.NONE).ok());
  }

  @Test
  void aForeignFileInTheWayStopsTheRunBeforeAnythingIsWritten() throws Exception {
    Files.createDirectories(stick);
    Files.writeString(stick.resolve("index.html"), "someone else's page");

    MirrorException e = assertThrows(MirrorException.class, this::mirror);

    assertTrue(e.getMessage().contains("index.html: already exists and was not written by samizdat"), e.getMessage());
    assertEquals(List.of(stick.resolve("index.html")), list(stick));
    assertEquals("someone else's page", Files.readString(stick.resolve("index.html")));

    new UsbMirror("t", true, Progress.NONE).mirror(site, stick); // --overwrite
    assertEquals(Files.readString(site.resolve("index.html")), Files.readString(stick.resolve("index.html")));
  }

  @Test
  void aForeignFileWhereTheSiteNeedsAFolderIsNamedOnceHoweverManyFilesGoBelowIt() throws Exception {
    Files.createDirectories(stick);
    Files.writeString(stick.resolve("articles"), "someone else's file");

    MirrorException e = assertThrows(MirrorException.class, this::mirror);

    assertEquals(List.of(stick + "/articles: is a file not written by samizdat, but the site needs a folder there;"
        + " move it away"), e.problems());
    assertEquals(List.of(stick.resolve("articles")), list(stick));
  }

  @Test
  void aFileOfOursWhereTheSiteNowHasAFolderIsReplacedByTheFolder() throws Exception {
    Files.writeString(site.resolve("about"), "a page without an extension");
    mirror();
    Files.delete(site.resolve("about"));
    Files.createDirectories(site.resolve("about/team"));
    Files.writeString(site.resolve("about/index.html"), "about us");
    Files.writeString(site.resolve("about/team/index.html"), "the team");

    UsbMirror.Result r = mirror();

    assertEquals(1, r.removed());
    assertEquals("the team", Files.readString(stick.resolve("about/team/index.html")));
    assertTrue(new Verifier().verify(stick, Progress.NONE).ok());
  }

  @Test
  void anIdenticalFileAlreadyThereIsAdoptedNotRejected() throws Exception {
    Files.createDirectories(stick);
    Files.copy(site.resolve("index.html"), stick.resolve("index.html"));

    UsbMirror.Result r = mirror();

    assertEquals(1, r.unchanged());
    assertTrue(manifest().files().stream().anyMatch(e -> e.path().equals("index.html")));
  }

  @Test
  void filesFromTheJournalOfAnInterruptedRunCountAsOurs() throws Exception {
    Files.createDirectories(stick);
    Files.writeString(stick.resolve("index.html"), "older version written by the killed run");
    Files.writeString(stick.resolve("old.html"), "a page since dropped from the site");
    Files.writeString(stick.resolve(UsbMirror.JOURNAL), "index.html\nold.html\n");
    Files.writeString(stick.resolve(AtomicFiles.TEMP_PREFIX + "123.part"), "torn");

    UsbMirror.Result r = mirror();

    assertEquals(Files.readString(site.resolve("index.html")), Files.readString(stick.resolve("index.html")));
    assertFalse(Files.exists(stick.resolve("old.html")));
    assertFalse(Files.exists(stick.resolve(AtomicFiles.TEMP_PREFIX + "123.part")));
    assertEquals(1, r.removed());
    assertTrue(new Verifier().verify(stick, Progress.NONE).ok());
  }

  @Test
  void temporaryFilesOfAKilledRunAreRemovedFromEveryFolder() throws Exception {
    mirror();
    // A run killed while copying: its journal written, the manifest removed, files half-written.
    Files.writeString(stick.resolve(UsbMirror.JOURNAL), "index.html\narticles/1.html\n");
    Files.delete(stick.resolve(Manifest.FILE_NAME));
    Path torn = stick.resolve("articles/" + AtomicFiles.TEMP_PREFIX + "1.part");
    Files.writeString(torn, "torn");
    Files.writeString(site.resolve("articles/1.html"), "changed since");

    mirror();

    assertFalse(Files.exists(torn));
    assertTrue(new Verifier().verify(stick, Progress.NONE).ok());

    // Killed while rewriting the manifest after a run that changed nothing: no journal, one temporary file.
    Path manifestPart = stick.resolve(AtomicFiles.TEMP_PREFIX + "2.part");
    Files.writeString(manifestPart, "{");

    UsbMirror.Result r = mirror();

    assertEquals(0, r.copied());
    assertFalse(Files.exists(manifestPart));
  }

  @Test
  void namesAFatStickCannotHoldAreRejectedBeforeCopying() throws Exception {
    Files.writeString(site.resolve("articles/a:b.html"), "x");
    Files.writeString(site.resolve("articles/NUL.html"), "x");
    Files.writeString(site.resolve("articles/Index.HTML"), "x");
    Files.writeString(site.resolve("articles/index.html"), "y");

    MirrorException e = assertThrows(MirrorException.class, this::mirror);

    String all = String.join("\n", e.problems());
    assertTrue(all.contains("articles/a:b.html: has ':'"), all);
    assertTrue(all.contains("articles/NUL.html: 'NUL' is a reserved device name"), all);
    assertTrue(all.contains("same name as") && all.contains("case-insensitive"), all);
    assertEquals(3, e.problems().size(), all);
    assertFalse(Files.exists(stick.resolve("index.html")));
  }

  @Test
  void aTargetTooSmallIsReportedBeforeCopying() throws Exception {
    MirrorException e = assertThrows(MirrorException.class,
        () -> new UsbMirror("t", false, Progress.NONE, dir -> 20_000).mirror(site, stick));

    assertTrue(e.getMessage().contains("not enough space"), e.getMessage());
    assertTrue(e.getMessage().contains("only 19.5 KiB is free"), e.getMessage());
    assertTrue(e.getMessage().endsWith("nothing was copied"), e.getMessage());
    assertEquals(List.of(), list(stick));
  }

  @Test
  void hiddenFilesAndTheSitesOwnReadmeAreHandled() throws Exception {
    Files.writeString(site.resolve(".DS_Store"), "junk");
    Files.writeString(site.resolve("README.txt"), "the site's own note");

    UsbMirror.Result r = mirror();

    assertFalse(Files.exists(stick.resolve(".DS_Store")));
    assertEquals("the site's own note", Files.readString(stick.resolve("README.txt")));
    assertEquals(2, r.warnings().size(), r.warnings().toString());
  }

  @Test
  void aFileThatCannotBeReadIsReportedTheOthersAreCopiedAndNoManifestIsWritten() throws Exception {
    Path vanishing = site.resolve("articles/5.html");
    Progress deletesAFileOnceCopyingStarts = new Progress() {
      @Override
      public void start(String task, long total) {
        try {
          Files.delete(vanishing);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public void advance(long done) { }

      @Override
      public void warn(String message) { }

      @Override
      public void finish() { }
    };

    MirrorException e = assertThrows(MirrorException.class,
        () -> new UsbMirror("t", false, deletesAFileOnceCopyingStarts).mirror(site, stick));

    assertEquals(2, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).endsWith("articles/5.html: cannot be read (removed since the start of the copy);"
        + " not copied"), e.problems().get(0));
    assertTrue(e.problems().get(1).contains("the copy is incomplete (1 files not copied"), e.problems().get(1));
    assertTrue(Files.isRegularFile(stick.resolve("articles/6.html")));
    assertFalse(Files.exists(stick.resolve(Manifest.FILE_NAME)));
    assertTrue(Files.exists(stick.resolve(UsbMirror.JOURNAL)));

    mirror();
    assertTrue(new Verifier().verify(stick, Progress.NONE).ok());

    // A file that the size-and-time check skips is not looked at again after the scan: the copy
    // keeps it as the scan saw it, whole and listed, and the next run removes it.
    Files.writeString(vanishing, "back again");
    mirror();
    UsbMirror.Result kept = new UsbMirror("t", false, deletesAFileOnceCopyingStarts).mirror(site, stick);
    assertEquals(0, kept.copied());
    assertEquals("back again", Files.readString(stick.resolve("articles/5.html")));
    assertTrue(new Verifier().verify(stick, Progress.NONE).ok());
    assertEquals(1, mirror().removed());
    assertFalse(Files.exists(stick.resolve("articles/5.html")));
  }

  @Test
  void aCopyCanBeMirroredOntoAnotherStick() throws Exception {
    mirror();
    Path second = tmp.resolve("second-stick");

    UsbMirror.Result r = new UsbMirror("samizdat test", false, Progress.NONE).mirror(stick, second);

    assertTrue(new Verifier().verify(second, Progress.NONE).ok());
    assertEquals(Files.readString(stick.resolve(UsbMirror.README)), Files.readString(second.resolve(UsbMirror.README)));
    assertEquals(List.of(Manifest.FILE_NAME + ": not copied from the site; a new one is written for this copy",
        UsbMirror.README + ": the site has its own; not writing the reader's note"), r.warnings());
  }

  @Test
  void refusesASiteThatIsNotBuiltOrATargetInsideTheSite() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    MirrorException notBuilt = assertThrows(MirrorException.class,
        () -> new UsbMirror("t", false, Progress.NONE).mirror(empty, stick));
    assertTrue(notBuilt.getMessage().contains("no index.html"), notBuilt.getMessage());

    MirrorException inside = assertThrows(MirrorException.class,
        () -> new UsbMirror("t", false, Progress.NONE).mirror(site, site.resolve("copy")));
    assertTrue(inside.getMessage().contains("must be outside the site folder"), inside.getMessage());
  }

  static Map<String, String> snapshot(Path dir) throws IOException {
    return snapshotWithout(dir);
  }

  /** Relative path -> content hash of every regular file, minus {@code excluded}. */
  static Map<String, String> snapshotWithout(Path dir, String... excluded) throws IOException {
    Map<String, String> map = new TreeMap<>();
    Sha256 sha = new Sha256();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = RelativePaths.of(dir, f);
        if (!List.of(excluded).contains(rel) && !rel.startsWith(".")) {
          map.put(rel, sha.of(f, n -> { }));
        }
      }
    }
    return map;
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
