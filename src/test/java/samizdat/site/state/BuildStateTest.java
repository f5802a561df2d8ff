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
    loaded.loadDetails();
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
    assertEquals(Optional.empty(), loaded.loadDetails());
    String id = FingerprintTest.fullMeta().id();
    assertEquals(state.bodies.get(id).excerpt(), loaded.bodies.get(id).excerpt());
    assertArrayEquals(new int[] {4, 99}, loaded.related.get(id).positions());
    assertEquals(300, loaded.files.get("index.html").size());
  }

  @Test
  void anEditedArticlePartIsIgnoredWithANoteAndTheFileListKept() throws IOException {
    Path file = tmp.resolve("state");
    sample(40).save(file);
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(99, bytes[bytes.length - 9]); // the last related position, before the checksum
    bytes[bytes.length - 9] = 98;
    Files.write(file, bytes);
    BuildState loaded = BuildState.load(file);
    assertEquals(Optional.empty(), loaded.note);
    assertEquals(2, loaded.files.size());
    String note = loaded.loadDetails().orElseThrow();
    assertTrue(note.startsWith(file + ": checksum does not match"), note);
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
    assertEquals(Optional.empty(), loaded.loadDetails());

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
    String note = loaded.loadDetails().orElseThrow();
    assertTrue(note.contains("replaced while this build ran"), note);
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
    }
    assertArrayEquals(saved[0], saved[1]);
  }
}
