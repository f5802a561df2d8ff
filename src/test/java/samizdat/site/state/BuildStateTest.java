package samizdat.site.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    state.metas.put(meta.id(), new BuildState.MetaInfo(10, 20, meta));
    Path file = tmp.resolve("state");
    state.save(file);
    BuildState loaded = BuildState.load(file);
    loaded.loadDetails();
    assertEquals(meta, loaded.metas.get(meta.id()).meta());
  }
}
