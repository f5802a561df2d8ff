package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.site.TestContent;

class TitleCacheTest {
  @TempDir Path tmp;

  @Test
  void aTitleIsTakenOnlyForTheRecordedSizeAndAnOldEnoughMtime() throws Exception {
    Path file = tmp.resolve(".samizdat-cache/content.titles");
    long old = System.currentTimeMillis() - 60_000;
    long recent = System.currentTimeMillis();
    TitleCache.save(file, Map.of("a1", new TitleCache.Entry(100, old, "标题"),
        "a2", new TitleCache.Entry(50, recent, "刚改过")));
    TitleCache cache = TitleCache.load(file);
    assertEquals(2, cache.size());
    assertEquals(Optional.of("标题"), cache.title("a1", 100, old));
    assertEquals(Optional.empty(), cache.title("a1", 101, old), "another size");
    assertEquals(Optional.empty(), cache.title("a1", 100, old + 1), "another mtime");
    assertEquals(Optional.empty(), cache.title("a2", 50, recent), "changed within 2 s of the save");
    assertEquals(Optional.empty(), cache.title("a3", 1, old));
  }

  @Test
  void aTornOrForeignCacheIsEmpty() throws Exception {
    Path file = tmp.resolve("content.titles");
    long old = System.currentTimeMillis() - 60_000;
    TitleCache.save(file, Map.of("a1", new TitleCache.Entry(100, old, "标题")));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertEquals(0, TitleCache.load(file).size());
    bytes[bytes.length - 12] ^= 1;
    Files.write(file, bytes);
    assertEquals(0, TitleCache.load(file).size());
    Files.writeString(file, "not a cache at all, but long enough to look at");
    assertEquals(0, TitleCache.load(file).size());
    assertEquals(0, TitleCache.load(tmp.resolve("none")).size());
  }

  /** The duplicate check reads the cache, and reads a title again once its file changed. */
  @Test
  void duplicatesAreFoundThroughTheCacheAndAfterATitleChanged() throws Exception {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 30, 5);
    ContentStore store = new ContentStore(content);
    Instant past = Instant.now().minusSeconds(3600);
    for (String id : store.ids()) {
      Files.setLastModifiedTime(store.metaFile(id), FileTime.from(past));
    }
    Article a = store.read(TestContent.id(7));
    assertEquals(Optional.of(TestContent.id(7)),
        new DuplicateIndex(store).findOrAdd("new1", a.meta().title(), a.bodyMarkdown()));
    Path cacheFile = TitleCache.beside(content);
    assertEquals(30, TitleCache.load(cacheFile).size(), "every title recorded");

    // A new title, its file given another (old) mtime: the cached title must not be used.
    ArticleMeta m = a.meta();
    store.write(new Article(new ArticleMeta(m.id(), "全新的标题", m.url(), m.site(), m.language(), m.published(),
        m.authors(), m.source(), m.tags(), m.image(), m.related(), m.images(), m.translations(), m.profile(),
        m.rawSha256(), m.firstIngested()), a.bodyMarkdown()));
    Files.setLastModifiedTime(store.metaFile(m.id()), FileTime.from(past.plusSeconds(60)));
    DuplicateIndex again = new DuplicateIndex(store);
    assertEquals(Optional.empty(), again.findOrAdd("new2", m.title(), a.bodyMarkdown()));
    assertEquals(Optional.of(m.id()), again.findOrAdd("new3", "全新的标题", a.bodyMarkdown()));
    assertTrue(TitleCache.load(cacheFile).title(m.id(), Files.size(store.metaFile(m.id())),
        past.plusSeconds(60).toEpochMilli()).orElseThrow().contains("全新的标题"));
  }
}
