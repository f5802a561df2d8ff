package samizdat.site.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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

  /** A state past what one array holds (about 1.3 million articles) costs a full render, not the build. */
  @Test
  void aStateTooLargeToReadIsIgnoredWithANote() throws IOException {
    Path file = tmp.resolve("huge.state");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(3L << 30); // 3 GiB, sparse: no disk space taken
    }
    BuildState loaded = BuildState.load(file);
    assertTrue(loaded.files.isEmpty());
    assertTrue(loaded.note.orElseThrow().contains("too large to read"), loaded.note.toString());
  }
}
