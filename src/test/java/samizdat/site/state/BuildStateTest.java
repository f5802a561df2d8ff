package samizdat.site.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.ArticleMeta;

class BuildStateTest {
  @TempDir Path tmp;

  @Test
  void cachedMetadataComesBackWithEveryField() throws IOException {
    // A field the codec forgot would vanish from pages whenever the cache is trusted.
    ArticleMeta meta = FingerprintTest.fullMeta();
    BuildState state = new BuildState();
    byte[] digest = new Fingerprint().add(meta).done();
    state.metas.put(meta.id(), new BuildState.MetaInfo(10, 20, meta, digest));
    Path file = tmp.resolve("state");
    state.save(file);
    BuildState loaded = BuildState.load(file);
    loaded.loadDetails(loaded.code);
    assertEquals(meta, loaded.metas.get(meta.id()).meta());
    assertArrayEquals(digest, loaded.metas.get(meta.id()).digest());
  }

  /** A state with a file list and one article of every kind of entry, with a body excerpt of {@code excerptChars}. */
  private static BuildState sample(int excerptChars) {
    ArticleMeta meta = FingerprintTest.fullMeta();
    BuildState state = new BuildState();
    state.inputs = new byte[] {1, 2, 3};
    state.articleCount = 1;
    state.files.put("a/1.html", new BuildState.FileInfo(new byte[16], 100, 200));
    state.files.put("index.html", new BuildState.FileInfo(new byte[] {9}, 300, 400));
    state.bodies.put(meta.id(), new BuildState.BodyInfo(5, 6, new byte[16], new long[] {7, 8},
        "摘要".repeat(excerptChars / 2)));
    state.metas.put(meta.id(), new BuildState.MetaInfo(10, 20, meta, new Fingerprint().add(meta).done()));
    state.related.put(meta.id(), new BuildState.RelatedInfo(new byte[16], new int[] {4, 99}));
    return state;
  }

  @Test
  void entriesLargerThanTheReadBufferComeBack() throws IOException {
    // 3 million characters, 9 MB of UTF-8: across several of the reader's 1 MiB fills
    BuildState state = sample(3_000_000);
    Path file = tmp.resolve("state");
    state.save(file);
    BuildState loaded = BuildState.load(file);
    assertEquals(Optional.empty(), loaded.note);
    assertEquals(Set.of("a/1.html", "index.html"), loaded.files.keySet());
    assertTrue(loaded.bodies.isEmpty(), "the article part waits for loadDetails");
    assertEquals(Optional.empty(), loaded.loadDetails(loaded.code));
    String id = FingerprintTest.fullMeta().id();
    assertEquals(state.bodies.get(id).excerpt(), loaded.bodies.get(id).excerpt());
    assertArrayEquals(new int[] {4, 99}, loaded.related.get(id).positions());
    assertEquals(300, loaded.files.get("index.html").size());
  }

  @Test
  void anEditedMonthFileIsIgnoredWithANoteAndTheFileListKept() throws IOException {
    Path file = tmp.resolve("state");
    sample(40).save(file);
    Path month = tmp.resolve("state.d/2024-01.state");
    byte[] bytes = Files.readAllBytes(month);
    assertEquals(99, bytes[bytes.length - 9]); // the last related position, before the checksum
    bytes[bytes.length - 9] = 98;
    Files.write(month, bytes);
    BuildState loaded = BuildState.load(file);
    assertEquals(Optional.empty(), loaded.note);
    assertEquals(2, loaded.files.size());
    String note = loaded.loadDetails(loaded.code).orElseThrow();
    assertTrue(note.startsWith(month + ": checksum does not match"), note);
    assertTrue(loaded.bodies.isEmpty() && loaded.metas.isEmpty() && loaded.related.isEmpty());
  }

  /** An article of {@code month} (of 2024) with a body, metadata and related list. */
  private static void article(BuildState state, String id, int month) {
    ArticleMeta meta = new ArticleMeta(id, "标题 " + id, Optional.empty(), Optional.empty(), "zh",
        Optional.of(java.time.LocalDate.of(2024, month, 1)), List.of(), Optional.empty(), List.of("a"),
        Optional.empty(), List.of(), List.of(), List.of(), "generic", "ab".repeat(32),
        java.time.Instant.ofEpochSecond(1_700_000_000L));
    state.metas.put(id, new BuildState.MetaInfo(1, 2, meta, new Fingerprint().add(meta).done()));
    state.bodies.put(id, new BuildState.BodyInfo(3, 4, new byte[16], new long[] {5}, "摘要"));
    state.related.put(id, new BuildState.RelatedInfo(new byte[16], new int[] {month}));
  }

  @Test
  void aSaveRewritesOnlyTheMonthsWhoseArticlesChanged() throws IOException {
    Path file = tmp.resolve("state");
    BuildState first = new BuildState();
    for (int m = 1; m <= 3; m++) {
      article(first, "a" + m, m);
      article(first, "b" + m, m);
    }
    first.save(file);
    Path dir = tmp.resolve("state.d");
    assertEquals(Set.of("2024-01.state", "2024-02.state", "2024-03.state"), names(dir));
    java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
    for (Path f : Files.list(dir).toList()) {
      Files.setLastModifiedTime(f, past);
    }
    Files.writeString(dir.resolve(".samizdat-tmp-killed"), "left by a killed build");

    BuildState previous = BuildState.load(file);
    assertEquals(Optional.empty(), previous.loadDetails(previous.code));
    // The next build: January as read, February with one article changed, March gone, April new.
    BuildState next = new BuildState();
    for (String id : List.of("a1", "b1", "a2", "b2")) {
      next.bodies.put(id, previous.bodies.get(id));
      next.metas.put(id, previous.metas.get(id));
      next.related.put(id, previous.related.get(id));
    }
    next.related.put("b2", new BuildState.RelatedInfo(new byte[16], new int[] {7}));
    article(next, "a4", 4);
    next.save(file, previous);

    assertEquals(Set.of("2024-01.state", "2024-02.state", "2024-04.state"), names(dir));
    assertEquals(past, Files.getLastModifiedTime(dir.resolve("2024-01.state")), "January is kept as it was");
    assertTrue(Files.getLastModifiedTime(dir.resolve("2024-02.state")).compareTo(past) > 0);
    BuildState loaded = BuildState.load(file);
    assertEquals(Optional.empty(), loaded.loadDetails(loaded.code));
    assertEquals(Set.of("a1", "b1", "a2", "b2", "a4"), loaded.metas.keySet());
    assertArrayEquals(new int[] {7}, loaded.related.get("b2").positions());

    // Saved whole, the same state makes the same month files.
    Path whole = tmp.resolve("whole");
    loaded.save(whole);
    for (String name : names(dir)) {
      assertArrayEquals(Files.readAllBytes(dir.resolve(name)), Files.readAllBytes(tmp.resolve("whole.d").resolve(name)), name);
    }
  }

  private static Set<String> names(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
    }
  }

  @Test
  void aStateAnotherCodeMadeGivesOnlyItsFileList() throws IOException {
    Path file = tmp.resolve("state");
    BuildState state = sample(40);
    state.code = new byte[] {1, 2};
    state.save(file);
    BuildState loaded = BuildState.load(file);
    assertArrayEquals(new byte[] {1, 2}, loaded.code);
    assertEquals(Optional.empty(), loaded.loadDetails(new byte[] {3}));
    assertEquals(2, loaded.files.size());
    assertTrue(loaded.bodies.isEmpty() && loaded.metas.isEmpty() && loaded.related.isEmpty());
  }

  @Test
  void anEditedOrCutFileListIgnoresTheWholeState() throws IOException {
    Path file = tmp.resolve("state");
    sample(40).save(file);
    byte[] bytes = Files.readAllBytes(file);
    byte[] edited = bytes.clone();
    edited[15] ^= 1; // the save time, the file list's first field
    Files.write(file, edited);
    BuildState loaded = BuildState.load(file);
    assertTrue(loaded.files.isEmpty());
    assertTrue(loaded.note.orElseThrow().contains("checksum does not match"), loaded.note.toString());
    assertEquals(Optional.empty(), loaded.loadDetails(loaded.code));

    Files.write(file, Arrays.copyOf(bytes, 40));
    loaded = BuildState.load(file);
    assertTrue(loaded.files.isEmpty());
    assertTrue(loaded.note.orElseThrow().contains("cut short"), loaded.note.toString());
  }

  @Test
  void aStateReplacedBetweenLoadingItsPartsCostsOnlyTheArticles() throws IOException {
    Path file = tmp.resolve("state");
    sample(40).save(file);
    BuildState loaded = BuildState.load(file);
    sample(4000).save(file);
    String note = loaded.loadDetails(loaded.code).orElseThrow();
    assertTrue(note.contains("not the file the state lists (replaced, torn, or edited by hand); its articles"
        + " are read again"), note);
    assertTrue(loaded.bodies.isEmpty());
    assertEquals(2, loaded.files.size());
  }

  @Test
  void equalStatesMakeEqualFilesWhateverTheOrderTheyWereFilledIn() throws IOException {
    // "Aa" and "BB" have the same String.hashCode: the order falls back to the names
    List<String> paths = new java.util.ArrayList<>(List.of("Aa", "BB", "AaBB", "BBAa", "index.html"));
    for (int i = 0; i < 2000; i++) {
      paths.add("a/" + i + ".html");
    }
    byte[][] saved = new byte[2][];
    byte[][] monthFiles = new byte[2][];
    for (int round = 0; round < 2; round++) {
      java.util.Collections.shuffle(paths, new java.util.Random(round));
      BuildState state = sample(40);
      state.files.clear();
      for (String p : paths) {
        state.files.put(p, new BuildState.FileInfo(new byte[] {(byte) p.length()}, p.hashCode(), 1));
      }
      Path file = tmp.resolve("state" + round);
      state.save(file);
      byte[] bytes = Files.readAllBytes(file);
      // the save time (bytes 12-19) differs by design, and so the checksum of the part it is in
      int headEnd = 12 + java.nio.ByteBuffer.wrap(bytes, 8, 4).getInt();
      Arrays.fill(bytes, 12, 20, (byte) 0);
      Arrays.fill(bytes, headEnd, headEnd + 8, (byte) 0);
      saved[round] = bytes;
      BuildState loaded = BuildState.load(file);
      assertEquals(new java.util.HashSet<>(paths), loaded.files.keySet());
      monthFiles[round] = Files.readAllBytes(tmp.resolve("state" + round + ".d/2024-01.state"));
    }
    assertArrayEquals(saved[0], saved[1]);
    assertArrayEquals(monthFiles[0], monthFiles[1]);
  }
}
