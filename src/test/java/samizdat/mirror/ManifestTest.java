package samizdat.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.ContentJson;

class ManifestTest {
  @TempDir Path tmp;

  private static final String HASH = "0123456789abcdef".repeat(4);

  /** The hand-written file list gives the bytes databind gives, whatever the names hold. */
  @Test
  void toJsonIsDatabindsJson() throws Exception {
    ContentJson json = new ContentJson();
    List<ArchiveInfo> archives = List.of(
        new ArchiveInfo("禁书网 \"档案\"", Optional.of("zh-Hans"), Optional.of(101_300), Optional.of("2020-01-01"),
            Optional.of("2025-06-15")),
        new ArchiveInfo("", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    List<ManifestEntry> entries = List.of(
        new ManifestEntry("index.html", 0, HASH),
        new ManifestEntry("a/2025/3f/20250101-1.html", Long.MAX_VALUE, HASH),
        new ManifestEntry("tags/t--9a/新闻 \"引号\" \\ tab\there\u0001.html", 12_345, HASH),
        new ManifestEntry("media/😀.png", 7, HASH));
    for (ArchiveInfo archive : archives) {
      for (List<ManifestEntry> files : List.of(entries, List.<ManifestEntry>of())) {
        Manifest m = Manifest.of("samizdat 1.0", archive, files);
        assertArrayEquals(json.toBytes(m), m.toJson(json), archive + " " + files.size());
      }
    }
  }

  @Test
  void whatIsWrittenReadsBack() throws Exception {
    ContentJson json = new ContentJson();
    Manifest m = Manifest.of("samizdat 1.0",
        new ArchiveInfo("档案", Optional.of("zh"), Optional.of(2), Optional.empty(), Optional.empty()),
        List.of(new ManifestEntry("b.html", 3, HASH), new ManifestEntry("a/新.html", 5, HASH)));
    Files.write(tmp.resolve(Manifest.FILE_NAME), m.toJson(json));
    assertEquals(Optional.of(m), Manifest.read(tmp, json));
  }
}
