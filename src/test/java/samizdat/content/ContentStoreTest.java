package samizdat.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {
  @TempDir Path dir;

  static ArticleMeta meta(String id) {
    return new ArticleMeta(id, "中国大厂集体“屏蔽”Sora", Optional.of("https://www.bannedbook.org/bnews/x/20240305/2009000.html"),
        Optional.of("www.bannedbook.org"), "zh-CN", Optional.of(LocalDate.of(2024, 3, 5)), Optional.of("偲睿洞察"),
        List.of("Sora", "ChatGPT"), List.of(new RelatedLink("Sora文本转视频", "https://www.bannedbook.org/a.html")),
        List.of(new ImageRef(Optional.empty(), "https://example.org/x.jpg", "猫", "")),
        "bannedbook", "ab".repeat(32), Instant.parse("2026-11-26T00:00:00Z"));
  }

  @Test
  void roundTripsAnArticleAndWritesStableJson() throws Exception {
    ContentStore store = new ContentStore(dir);
    Article a = new Article(meta("20240305-2009000"), "正文。\n");
    assertTrue(store.write(a));
    assertFalse(store.write(a), "second identical write changes nothing");
    assertEquals(a, store.read("20240305-2009000"));
    assertEquals(List.of("20240305-2009000"), store.ids());
    String json = Files.readString(store.metaFile("20240305-2009000"));
    assertTrue(json.contains("\"published\" : \"2024-03-05\""), json);
    assertTrue(json.contains("\"file\" : null"), json);
    assertTrue(json.endsWith("}\n"));
    assertFalse(json.contains("\r"));
  }

  @Test
  void nullDatesReadBackAsEmpty() throws Exception {
    ContentStore store = new ContentStore(dir);
    ArticleMeta m = meta("x1");
    m = new ArticleMeta(m.id(), m.title(), Optional.empty(), Optional.empty(), m.language(), Optional.empty(),
        Optional.empty(), m.tags(), m.related(), m.images(), m.profile(), m.rawSha256(), m.firstIngested());
    store.write(new Article(m, "x\n"));
    assertTrue(Files.readString(store.metaFile("x1")).contains("\"published\" : null"));
    assertEquals(m, store.readMeta("x1").orElseThrow());
  }

  @Test
  void brokenJsonNamesTheFile() throws IOException {
    ContentStore store = new ContentStore(dir);
    Files.createDirectories(store.articlesDir());
    Files.writeString(store.metaFile("bad"), "{\"id\": \"bad\", \"title\": ");
    ContentException e = assertThrows(ContentException.class, () -> store.readMeta("bad"));
    assertTrue(e.getMessage().startsWith(store.metaFile("bad").toString()), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void rejectsUnsafeIds() {
    assertThrows(IllegalArgumentException.class, () -> meta("../etc"));
    assertThrows(IllegalArgumentException.class, () -> meta("A"));
  }
}
