package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.ContentStore;
import samizdat.io.Progress;

class IngesterTest {
  @TempDir
  Path dir;

  private List<Ingester.Outcome> ingest(ContentStore store, Path page) throws Exception {
    Ingester.Options options = new Ingester.Options(Optional.empty(), Optional.empty(), 1,
        FetchSettings.defaults("test"), Instant.parse("2024-03-08T00:00:00Z"));
    List<Ingester.Outcome> outcomes = new ArrayList<>();
    new Ingester(store, Profiles.bundled(), options)
        .run(List.of(page.toString()), outcomes::add, Progress.NONE);
    return outcomes;
  }

  private Path page() throws IOException {
    Path page = dir.resolve("pages/sora.html");
    Files.createDirectories(page.getParent());
    Files.write(page, Fixtures.bytes("fixtures/bannedbook-sora.html"));
    return page;
  }

  @Test
  void aNewArticleOverFilesACrashLeftBeforeItsJsonIsWrittenWhole() throws Exception {
    Path page = page();
    ContentStore clean = new ContentStore(dir.resolve("clean"));
    List<Ingester.Outcome> first = ingest(clean, page);
    assertEquals(Ingester.Status.INGESTED, first.get(0).status(), first.toString());
    String id = first.get(0).id().orElseThrow();

    // A crash between body and JSON: raw page and body there (one cut short), no JSON.
    ContentStore crashed = new ContentStore(dir.resolve("crashed"));
    Files.createDirectories(crashed.bodyFile(id).getParent());
    Files.createDirectories(crashed.rawFile(id).getParent());
    byte[] body = Files.readAllBytes(clean.bodyFile(id));
    Files.write(crashed.bodyFile(id), Arrays.copyOf(body, body.length / 2));
    Files.writeString(crashed.rawFile(id), "a leftover much longer than nothing, not gzip at all");
    assertEquals(List.of(), crashed.ids(), "an orphan body is not an article");

    List<Ingester.Outcome> again = ingest(crashed, page);
    assertEquals(Ingester.Status.INGESTED, again.get(0).status(), again.toString());
    assertEquals(List.of(id), crashed.ids());
    for (Path f : List.of(clean.bodyFile(id), clean.metaFile(id), clean.rawFile(id))) {
      Path twin = crashed.root().resolve(clean.root().relativize(f));
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(twin), twin.toString());
    }
    try (Stream<Path> files = Files.walk(crashed.root())) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")),
          "no temporary file left behind");
    }
    assertEquals(Ingester.Status.UNCHANGED, ingest(crashed, page).get(0).status());
  }

  /**
   * Two sources of one article in a batch: the one that comes first in source order is stored and
   * the other is the duplicate, however the workers' timing falls. Copies that differ only outside
   * the body have one id; a copy with the live URL has another id and is found by its text. Three
   * runs with four workers each give the same files and the same outcomes.
   */
  @Test
  void whichSourceOfAnArticleIsStoredFollowsSourceOrderNotWorkerTiming() throws Exception {
    String sora = Fixtures.sora();
    Path pages = dir.resolve("batch");
    Files.createDirectories(pages);
    int articles = 24;
    for (int k = 0; k < articles; k++) {
      String article = sora.replace("<h2>中国大厂集体“屏蔽”Sora</h2>", "<h2>第" + k + "篇 中国大厂集体“屏蔽”Sora</h2>");
      assertFalse(article.equals(sora), "the fixture's title is where this test expects it");
      // "a-k-copy.html" sorts before "a-k.html": the copy, saved with a note, is the first source.
      Files.writeString(pages.resolve("a-" + k + ".html"), article, StandardCharsets.UTF_8);
      Files.writeString(pages.resolve("a-" + k + "-copy.html"), article + "<!-- saved again -->",
          StandardCharsets.UTF_8);
      if (k % 3 == 0) {
        // The live page: its id comes from the URL, its text matches the saved ones.
        String live = "<link rel=\"canonical\" href=\"https://www.bannedbook.org/bnews/itnews/20240307/"
            + (2009000 + k) + ".html\">" + article;
        Files.writeString(pages.resolve("b-" + k + ".html"), live, StandardCharsets.UTF_8);
      }
    }
    List<List<String>> reports = new ArrayList<>();
    List<ContentStore> stores = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      ContentStore store = new ContentStore(dir.resolve("content-" + run));
      Ingester.Options options = new Ingester.Options(Optional.empty(), Optional.empty(), 4,
          FetchSettings.defaults("test"), Instant.parse("2024-03-08T00:00:00Z"));
      List<Ingester.Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
      new Ingester(store, Profiles.bundled(), options)
          .run(List.of(pages.toString()), outcomes::add, Progress.NONE);
      reports.add(outcomes.stream().map(o -> o.source() + " " + o.status() + " " + o.id().orElse("-"))
          .sorted().toList());
      stores.add(store);
    }
    List<String> report = reports.get(0);
    assertEquals(articles * 2 + articles / 3, report.size(), report.toString());
    for (int k = 0; k < articles; k++) {
      String copy = pages.resolve("a-" + k + "-copy.html").toString();
      String saved = pages.resolve("a-" + k + ".html").toString();
      String stored = report.stream().filter(r -> r.startsWith(copy + " ")).findFirst().orElseThrow();
      assertTrue(stored.startsWith(copy + " INGESTED t-"), stored);
      String id = stored.substring(stored.lastIndexOf(' ') + 1);
      assertTrue(report.contains(saved + " DUPLICATE " + id), report.toString());
      if (k % 3 == 0) {
        assertTrue(report.contains(pages.resolve("b-" + k + ".html") + " DUPLICATE " + id),
            report.toString());
      }
      // The stored raw page is the first source's, byte for byte.
      try (var in = Files.newInputStream(stores.get(0).rawFile(id))) {
        assertArrayEquals(Files.readAllBytes(Path.of(copy)), Gzip.decompress(in, 1 << 24), id);
      }
    }
    for (int run = 1; run < 3; run++) {
      assertEquals(report, reports.get(run), "run " + run + " reports the same outcomes");
      assertEquals(tree(stores.get(0).root()), tree(stores.get(run).root()), "run " + run + " files");
    }
  }

  /** Every file under {@code root}: its relative path and the SHA-256 of its bytes. */
  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      List<String> out = new ArrayList<>();
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.add(root.relativize(f) + " " + ArticleFacts.sha256(Files.readAllBytes(f)));
      }
      return out;
    }
  }

  /** The first implementation, kept as the reference for the table-driven one. */
  private static boolean referenceLooksBinary(byte[] raw) {
    if (raw.length >= 2 && ((raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF)
        || (raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE))) {
      return false;
    }
    int n = Math.min(raw.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = raw[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
        control++;
      }
    }
    return control * 20 > n;
  }

  @Test
  void binaryCheckAgreesWithTheFirstImplementation() {
    Random random = new Random(9);
    for (int round = 0; round < 5_000; round++) {
      byte[] bytes = new byte[random.nextInt(10_000)];
      int controls = random.nextInt(4);
      for (int i = 0; i < bytes.length; i++) {
        int r = random.nextInt(100);
        // Mostly text, some control characters at varying rates, rarely a NUL or a BOM.
        bytes[i] = (byte) (r < controls * 3 ? random.nextInt(0x20) : r == 99 && random.nextInt(50) == 0
            ? 0 : 0x20 + random.nextInt(0xe0));
      }
      if (bytes.length >= 2 && random.nextInt(20) == 0) {
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
      }
      assertEquals(referenceLooksBinary(bytes), PageLoader.looksBinary(bytes), "round " + round);
    }
    byte[] zeros = new byte[20_000];
    assertTrue(PageLoader.looksBinary(zeros));
    assertFalse(PageLoader.looksBinary("<p>文字\r\n\t</p>".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aFileIsReadToItsEndWhateverSizeItHadWhenLookedAt() throws IOException {
    byte[] page = new byte[20000];
    new Random(7).nextBytes(page);
    Path file = Files.write(dir.resolve("grown.html"), page);
    // The size seen before opening: right, smaller (the file grew since), larger (it shrank).
    for (int seen : new int[] {page.length, page.length - 1, page.length - 5000, 0, page.length + 10}) {
      try (var channel = Files.newByteChannel(file)) {
        assertArrayEquals(page, PageLoader.readAll(channel, seen), "size seen " + seen);
      }
    }
  }
}
