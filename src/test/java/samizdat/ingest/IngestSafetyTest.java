package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.ContentStore;
import samizdat.io.FullDisk;
import samizdat.io.Progress;

/** Ingest never takes a stored article for unchanged when its raw page says otherwise, and stops on a full disk. */
class IngestSafetyTest {
  @TempDir Path dir;

  private static Ingester ingester(ContentStore store, int jobs) throws ProfileException {
    return new Ingester(store, Profiles.bundled(), new Ingester.Options(Optional.empty(), Optional.empty(),
        jobs, FetchSettings.defaults("test"), Instant.parse("2024-03-08T00:00:00Z")));
  }

  private static List<Ingester.Outcome> ingest(ContentStore store, Path source) throws Exception {
    List<Ingester.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    ingester(store, 2).run(List.of(source.toString()), outcomes::add, Progress.NONE);
    return outcomes;
  }

  /** {@code n} distinct articles, version {@code v}: the same ids, the text differs between versions. */
  private Path pages(String name, int n, int v) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    String sora = Fixtures.sora();
    for (int k = 0; k < n; k++) {
      String page = "<link rel=\"canonical\" href=\"https://www.bannedbook.org/bnews/itnews/20240307/"
          + (2009000 + k) + ".html\">" + sora.replace("<h2>中国大厂集体“屏蔽”Sora</h2>",
          "<h2>第" + k + "篇 中国大厂集体“屏蔽”Sora</h2>" + (v == 1 ? "" : "<p>第" + v + "版更新。</p>"));
      Files.writeString(folder.resolve(String.format("p%03d.html", k)), page, StandardCharsets.UTF_8);
    }
    return folder;
  }

  @Test
  void aRawPageOfAnotherVersionIsNotTakenForUnchanged() throws Exception {
    Path v1 = pages("v1", 1, 1);
    Path v2 = pages("v2", 1, 2);
    ContentStore store = new ContentStore(dir.resolve("content"));
    String id = ingest(store, v1).get(0).id().orElseThrow();
    byte[] rawV1 = Files.readAllBytes(store.rawFile(id));
    // What two runs at once left: the raw page of version 2 beside version 1's body and JSON.
    ContentStore other = new ContentStore(dir.resolve("other"));
    ingest(other, v2);
    Files.copy(other.rawFile(id), store.rawFile(id), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    List<Ingester.Outcome> again = ingest(store, v1);
    assertEquals(Ingester.Status.UPDATED, again.get(0).status(), again.toString());
    assertArrayEquals(rawV1, Files.readAllBytes(store.rawFile(id)), "the raw page matches the article again");
    assertEquals(Ingester.Status.UNCHANGED, ingest(store, v1).get(0).status());
  }

  /**
   * A raw page cut short (a run killed mid-write by an older version, a torn copy) or gone, under
   * metadata whose {@code rawSha256} still names the good page: the article is written again, not
   * reported unchanged forever.
   */
  @Test
  void aTornOrMissingRawPageIsWrittenAgain() throws Exception {
    Path v1 = pages("v1", 1, 1);
    ContentStore store = new ContentStore(dir.resolve("content"));
    String id = ingest(store, v1).get(0).id().orElseThrow();
    byte[] good = Files.readAllBytes(store.rawFile(id));
    byte[] json = Files.readAllBytes(store.metaFile(id));

    Files.write(store.rawFile(id), java.util.Arrays.copyOf(good, good.length / 2));
    List<Ingester.Outcome> torn = ingest(store, v1);
    assertEquals(Ingester.Status.UPDATED, torn.get(0).status(), torn.toString());
    assertArrayEquals(good, Files.readAllBytes(store.rawFile(id)), "the raw page is whole again");

    Files.delete(store.rawFile(id));
    List<Ingester.Outcome> gone = ingest(store, v1);
    assertEquals(Ingester.Status.UPDATED, gone.get(0).status(), gone.toString());
    assertArrayEquals(good, Files.readAllBytes(store.rawFile(id)), "the raw page is back");
    assertArrayEquals(json, Files.readAllBytes(store.metaFile(id)), "the metadata was right all along");
    assertEquals(Ingester.Status.UNCHANGED, ingest(store, v1).get(0).status());
  }

  @Test
  void aFullDiskStopsTheRunAndARerunGivesTheSameFilesAsACleanOne() throws Exception {
    Path pages = pages("pages", 12, 1);
    ContentStore clean = new ContentStore(dir.resolve("clean"));
    ingest(clean, pages);

    FullDisk disk = new FullDisk(60_000);
    ContentStore full = new ContentStore(dir.resolve("content"), disk);
    List<Ingester.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    Ingester ingester = ingester(full, 2);
    Ingester.Summary summary = ingester.run(List.of(pages.toString()), outcomes::add, Progress.NONE);
    assertTrue(ingester.stoppedBy().isPresent(), "stopped");
    String line = ingester.stoppedBy().get().advice();
    assertTrue(line.startsWith(full.root().toString()) && line.contains(": No space left on device; stopped"),
        line);
    assertEquals(0, summary.failed(), "no line per page for a full disk: " + outcomes);
    assertTrue(summary.ingested() > 0 && ingester.notDone() > 0, summary.line() + ", not done " + ingester.notDone());
    assertEquals(12, summary.ingested() + ingester.notDone());
    assertEquals(1, disk.failures(), "nothing more was tried once the disk was full");

    disk.free();
    Ingester rerun = ingester(full, 2);
    Ingester.Summary second = rerun.run(List.of(pages.toString()), o -> { }, Progress.NONE);
    assertTrue(rerun.stoppedBy().isEmpty());
    assertEquals(12, second.ingested() + second.unchanged() + second.updated(), second.line());
    assertEquals(files(clean.root()).keySet(), files(full.root()).keySet());
    files(clean.root()).forEach((k, v) -> assertArrayEquals(v, files(full.root()).get(k), k));
  }

  private static TreeMap<String, byte[]> files(Path root) {
    TreeMap<String, byte[]> map = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        map.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return map;
  }
}
