package samizdat.mirror.ipfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.io.Progress;

/**
 * The export cache only ever saves reading: with it or without it, the same site and older CARs
 * give the same CAR bytes.
 */
class ExportCacheTest {
  @TempDir Path tmp;

  /** Sets every file's mtime well into the past, so the cache trusts what it records. */
  static void settle(Path site) throws IOException {
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    try (var files = Files.walk(site)) {
      for (Path p : files.toList()) {
        Files.setLastModifiedTime(p, old);
      }
    }
  }

  /** Waits out the 2 s within which a file's ctime is too fresh to be trusted. */
  static void waitForSettledCtime() {
    try {
      Thread.sleep(TimeUnit.NANOSECONDS.toMillis(FileStamp.SETTLE_NANOS) + 100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  record Run(CarExport.Result result, byte[] bytes) {}

  /** Settles {@code site}, then exports it in full to base.car, recording {@code cache}; returns base.car. */
  Path settledFullExport(Path site, Path cache) throws IOException {
    settle(site);
    waitForSettledCtime();
    Path base = tmp.resolve("base.car");
    CarExport.export(site, base, List.of(), Optional.of(cache), Progress.NONE);
    return base;
  }

  Run export(Path site, String name, List<Path> since, Optional<Path> cache) throws IOException {
    Path car = tmp.resolve(name);
    CarExport.Result r = CarExport.export(site, car, since, cache, Progress.NONE);
    return new Run(r, Files.readAllBytes(car));
  }

  @Test
  void aCachedDeltaIsByteIdenticalToAnUncachedOneAndReadsNothingUnchanged() throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Files.write(site.resolve("big.bin"), Fixtures.pseudoRandom(9, 3 * Fixtures.C + 7)); // several blocks
    Path cache = tmp.resolve("cache.ipfs");
    Path base = settledFullExport(site, cache);
    assertTrue(Files.isRegularFile(cache));

    Run unchanged = export(site, "same.car", List.of(base), Optional.of(cache));
    assertEquals(unchanged.result().fileCount(), unchanged.result().unreadFiles(), "every file known and held");
    assertArrayEquals(export(site, "same-nocache.car", List.of(base), Optional.empty()).bytes(), unchanged.bytes());

    // Same size, new content: the mtime tells.
    Files.writeString(site.resolve("a.txt"), "LOWER\n");
    Run cached = export(site, "d.car", List.of(base), Optional.of(cache));
    Run uncached = export(site, "d-nocache.car", List.of(base), Optional.empty());
    assertArrayEquals(uncached.bytes(), cached.bytes());
    assertEquals(uncached.result().rootCid(), cached.result().rootCid());
    assertEquals(cached.result().fileCount() - 1, cached.result().unreadFiles());
    assertTrue(cached.result().blockCount() > 0);
  }

  @Test
  void aFileRewrittenWithItsSizeAndMtimeIsStillRead() throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Path cache = tmp.resolve("cache.ipfs");
    Path base = settledFullExport(site, cache);
    Path a = site.resolve("a.txt");
    FileTime mtime = Files.getLastModifiedTime(a);
    Files.writeString(a, "LOWER\n");
    Files.setLastModifiedTime(a, mtime); // what cp -p or rsync -t of another file would leave

    Run cached = export(site, "d.car", List.of(base), Optional.of(cache));
    assertArrayEquals(export(site, "d-nocache.car", List.of(base), Optional.empty()).bytes(), cached.bytes());
    if (FileStamp.unixView(a)) { // the ctime moved; without one, size and mtime decide, as in rsync
      assertEquals(cached.result().fileCount() - 1, cached.result().unreadFiles());
    }
  }

  @Test
  void aFreshFileIsNotTrustedUntilItsStampIsOlderThanTheRunThatRecordedIt() {
    long seenAt = 10_000_000_000L;
    assertTrue(new FileStamp(5, seenAt - 3_000_000_000L, seenAt - 3_000_000_000L, 1).settledBefore(seenAt));
    assertFalse(new FileStamp(5, seenAt - 1_000_000_000L, seenAt - 3_000_000_000L, 1).settledBefore(seenAt),
        "modified within 2 s of the run: could change again without a visible mtime change");
    assertFalse(new FileStamp(5, seenAt - 3_000_000_000L, seenAt - 1_000, 1).settledBefore(seenAt));
    assertFalse(new FileStamp(5, seenAt + 1, 0, 0).settledBefore(seenAt), "from the future");
  }

  @Test
  void aRacilyCleanFileIsReadAgain() throws IOException {
    Path site = Fixtures.write(tmp, "zero-byte-file"); // just written: mtime and ctime are fresh
    Path cache = tmp.resolve("cache.ipfs");
    Path base = tmp.resolve("base.car");
    CarExport.export(site, base, List.of(), Optional.of(cache), Progress.NONE);
    Run again = export(site, "again.car", List.of(base), Optional.of(cache));
    assertEquals(0, again.result().unreadFiles(), "recorded within 2 s of its last change: not trusted");
  }

  @Test
  void aCorruptOrForeignCacheIsIgnoredWithANote() throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Path cache = tmp.resolve("cache.ipfs");
    Path base = settledFullExport(site, cache);
    byte[] good = Files.readAllBytes(cache);
    byte[] expected = export(site, "nocache.car", List.of(base), Optional.empty()).bytes();
    List<byte[]> broken = new ArrayList<>();
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 1;
    broken.add(flipped);
    broken.add(java.util.Arrays.copyOf(good, good.length - 5));
    broken.add("not a cache at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    broken.add(new byte[0]);
    for (byte[] b : broken) {
      Files.write(cache, b);
      List<String> notes = new ArrayList<>();
      CarExport.Result r = CarExport.export(site, tmp.resolve("d.car"), List.of(base), Optional.of(cache),
          new Progress() {
            @Override public void start(String task, long total) {}
            @Override public void advance(long done) {}
            @Override public void warn(String message) {
              notes.add(message);
            }
            @Override public void finish() {}
          });
      assertArrayEquals(expected, Files.readAllBytes(tmp.resolve("d.car")));
      assertEquals(0, r.unreadFiles());
      assertEquals(1, notes.size(), notes.toString());
      assertTrue(notes.get(0).startsWith(cache + ": ") && notes.get(0).endsWith("ignored, every file is read again"),
          notes.get(0));
      assertTrue(ExportCache.load(cache).note().isEmpty(), "rewritten whole by that run");
    }
  }

  @Test
  void aFileWhoseRootIsHeldButNotItsLeavesIsStillWritten() throws IOException {
    // A delta given without the CAR it was made against holds a changed file's root but maybe not
    // all its blocks: the cache checks every block, not only the root.
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Path big = site.resolve("big.bin");
    Files.write(big, Fixtures.pseudoRandom(9, 3 * Fixtures.C));
    Path cache = tmp.resolve("cache.ipfs");
    Path base = settledFullExport(site, cache);
    byte[] content = Files.readAllBytes(big);
    content[content.length - 1] ^= 1; // the last chunk and the root change, the first chunks not
    Files.write(big, content);
    settle(site);
    waitForSettledCtime();
    Path delta = tmp.resolve("delta.car");
    CarExport.export(site, delta, List.of(base), Optional.of(cache), Progress.NONE);
    Run onlyDelta = export(site, "d.car", List.of(delta), Optional.of(cache));
    assertArrayEquals(export(site, "d-nocache.car", List.of(delta), Optional.empty()).bytes(), onlyDelta.bytes());
    assertTrue(onlyDelta.result().unreadFiles() < onlyDelta.result().fileCount());
  }

  @Test
  void digestSetHoldsWhatWasAdded() {
    DigestSet set = new DigestSet(4);
    List<byte[]> added = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      byte[] d = Fixtures.pseudoRandom(i + 1, 32);
      added.add(d);
      assertTrue(set.add(d, 0));
      assertFalse(set.add(d, 0));
    }
    assertTrue(set.add(new byte[32], 0), "the all-zero digest too");
    assertEquals(1001, set.size());
    for (byte[] d : added) {
      assertTrue(set.contains(d, 0));
    }
    assertTrue(set.contains(new byte[32], 0));
    assertFalse(set.contains(Fixtures.pseudoRandom(5000, 32), 0));
  }
}
