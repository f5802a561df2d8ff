package samizdat.mirror.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.cli.CliRun;
import samizdat.io.Progress;

/**
 * {@code mirror ipfs --since OLD.car}: a CAR of only the blocks the older one lacks, which on top
 * of the older one gives a node the whole new DAG.
 */
class CarDeltaTest {
  @TempDir Path tmp;

  static Set<String> blocks(Path car) throws IOException {
    return CarExportTest.ParsedCar.read(car).blocks().stream().map(CarExportTest.ParsedCar.Block::cid)
        .collect(Collectors.toSet());
  }

  /** The old fixture site with one page changed, one added, one removed and a large file kept. */
  Path changed(Path site) throws IOException {
    Files.writeString(site.resolve("index.html"), "<!doctype html><title>首页</title>\n<p>new front page</p>\n");
    Files.writeString(site.resolve("新闻/2024年/文章 二.html"), "<p>a new article</p>\n");
    Files.delete(site.resolve("a/b/c/d.txt"));
    return site;
  }

  @Test
  void theDeltaHoldsExactlyTheMissingBlocksUnderTheNewRoot() throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Path old = tmp.resolve("old.car");
    CarExport.export(site, old, Progress.NONE);
    changed(site);
    Path full = tmp.resolve("full.car");
    CarExport.Result whole = CarExport.export(site, full, Progress.NONE);
    Path delta = tmp.resolve("delta.car");
    CarExport.Result d = CarExport.export(site, delta, List.of(old), Progress.NONE);

    assertEquals(whole.rootCid(), d.rootCid());
    assertEquals(whole.rootCid(), CarExportTest.ParsedCar.read(delta).root());
    Set<String> missing = new HashSet<>(blocks(full));
    missing.removeAll(blocks(old));
    assertEquals(missing, blocks(delta), "exactly the blocks of the new DAG the old CAR lacks");
    assertEquals(missing.size(), d.blockCount());
    assertEquals(whole.blockCount() - missing.size(), d.heldBlocks());
    // What a node holds after importing old, then the delta: every block of the new DAG.
    Set<String> node = new HashSet<>(blocks(old));
    node.addAll(blocks(delta));
    assertTrue(node.containsAll(blocks(full)));
    // The 300 KB picture did not change: it is not carried again.
    assertTrue(Files.size(delta) < 20_000, "delta of " + Files.size(delta) + " bytes");
    assertEquals(Files.size(delta), d.carBytes());
  }

  @Test
  void aDeltaOnTopOfADeltaAndAnUnchangedSite() throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Path old = tmp.resolve("old.car");
    CarExport.export(site, old, Progress.NONE);
    Path same = tmp.resolve("same.car");
    CarExport.Result unchanged = CarExport.export(site, same, List.of(old), Progress.NONE);
    assertEquals(0, unchanged.blockCount(), "nothing new");
    assertEquals(CarExportTest.ParsedCar.read(old).root(), CarExportTest.ParsedCar.read(same).root());

    changed(site);
    Path first = tmp.resolve("first.car");
    CarExport.export(site, first, List.of(old), Progress.NONE);
    Files.writeString(site.resolve("a.txt"), "changed again\n");
    // The second delta is against the base and the first: it repeats none of their blocks, and
    // the three together hold the whole new DAG.
    Path second = tmp.resolve("second.car");
    CarExport.Result r = CarExport.export(site, second, List.of(old, first), Progress.NONE);
    Set<String> before = new HashSet<>(blocks(old));
    before.addAll(blocks(first));
    Set<String> repeated = new HashSet<>(before);
    repeated.retainAll(blocks(second));
    assertEquals(Set.of(), repeated);
    assertTrue(r.blockCount() > 0 && r.heldBlocks() > 0);
    Path full = tmp.resolve("full.car");
    CarExport.export(site, full, Progress.NONE);
    before.addAll(blocks(second));
    assertTrue(before.containsAll(blocks(full)));
  }

  @Test
  void aFileThatIsNotACarIsNamedAndNothingIsWritten() throws IOException {
    Path site = Fixtures.write(tmp, "zero-byte-file");
    Path notCar = tmp.resolve("notes.car");
    Files.writeString(notCar, "just some text, not a CAR\n");
    Path out = Files.createDirectories(tmp.resolve("out"));
    IOException e = assertThrows(IOException.class,
        () -> CarExport.export(site, out.resolve("d.car"), List.of(notCar), Progress.NONE));
    assertTrue(e.getMessage().startsWith(notCar + ": not a CAR file"), e.getMessage());
    Path cut = tmp.resolve("cut.car");
    CarExport.export(site, cut, Progress.NONE);
    byte[] bytes = Files.readAllBytes(cut);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    e = assertThrows(IOException.class,
        () -> CarExport.export(site, out.resolve("d.car"), List.of(cut), Progress.NONE));
    assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(), files.toList(), "no delta, no temporary file");
    }
  }

  @Test
  void theCommandWritesTheDeltaAndSaysWhatItLeftOut() throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Path old = tmp.resolve("old.car");
    assertEquals(0, CliRun.run("--quiet", "mirror", "ipfs", "--site", site.toString(), "--car", old.toString()).exitCode());
    changed(site);
    Path delta = tmp.resolve("delta.car");
    CliRun r = CliRun.run("--quiet", "mirror", "ipfs", "--site", site.toString(), "--car", delta.toString(),
        "--since", old.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("blocks of the site are in " + old + " and left out"), r.out());
    assertTrue(r.out().startsWith(CarExport.rootCid(site)), r.out());
    CliRun missing = CliRun.run("--quiet", "mirror", "ipfs", "--site", site.toString(), "--car",
        tmp.resolve("x.car").toString(), "--since", tmp.resolve("nope.car").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("nope.car"), missing.err());
    assertFalse(Files.exists(tmp.resolve("x.car")));
  }
}
