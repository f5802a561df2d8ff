package samizdat.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.ContentJson;

class ArchiveInfoTest {
  @TempDir Path site;
  final List<String> warnings = new ArrayList<>();

  @Test
  void readsArchiveInfoJson() throws Exception {
    Files.writeString(site.resolve("archive-info.json"), "{\"title\": \"Banned Book Archive\", \"language\": \"zh\","
        + " \"articleCount\": 1234, \"earliest\": \"2019-03-01\", \"latest\": null}");

    ArchiveInfo info = ArchiveInfo.read(site, new ContentJson(), warnings::add);

    assertEquals(new ArchiveInfo("Banned Book Archive", Optional.of("zh"), Optional.of(1234),
        Optional.of("2019-03-01"), Optional.empty()), info);
    assertEquals("1234 articles, 2019-03-01 to ?", info.describe());
    assertEquals(List.of(), warnings);
  }

  @Test
  void fallsBackToTheIndexTitleThenTheFolderName() throws Exception {
    assertEquals(site.getFileName().toString(), ArchiveInfo.read(site, new ContentJson(), warnings::add).title());

    Files.writeString(site.resolve("index.html"), "<html><head><title> 新闻 &amp; 评论 </title></head></html>");
    ArchiveInfo info = ArchiveInfo.read(site, new ContentJson(), warnings::add);
    assertEquals("新闻 & 评论", info.title());
    assertEquals("", info.describe());

    Files.writeString(site.resolve("archive-info.json"), "{broken");
    assertEquals("新闻 & 评论", ArchiveInfo.read(site, new ContentJson(), warnings::add).title());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("archive-info.json: unreadable"), warnings.get(0));
  }
}
