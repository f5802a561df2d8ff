package samizdat.mirror.ipfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import samizdat.io.AtomicFiles;
import samizdat.io.Progress;

/**
 * Exports a directory as a CARv1 file holding its UnixFS DAG, with the same root CID that
 * {@code ipfs add -r --cid-version=1 DIR} gives (see {@link UnixFsImporter} for the layout).
 *
 * <p>One streaming pass: every block goes to the CAR as soon as it is hashed, children before
 * parents, so memory stays flat however large the site is. The file is written to a temporary
 * name next to the target, synced and renamed, so an interrupted export never leaves a partial
 * CAR under the target name. The same directory always gives a byte-identical CAR.
 */
public final class CarExport {

  private CarExport() {}

  /**
   * What an export produced.
   *
   * @param blockCount blocks written to the CAR
   * @param heldBlocks blocks of the DAG left out because the older CAR holds them (0 for a full export)
   * @param unreadFiles files not read: unchanged since the last export (per its cache) and held
   *     by the older CARs
   */
  public record Result(String rootCid, long fileCount, long contentBytes, long blockCount,
      long heldBlocks, long carBytes, long unreadFiles, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Writes the CAR of {@code dir} to {@code car}.
   *
   * @param progress told the content bytes read and warnings (skipped hidden files and symbolic
   *     links), which are also returned in the result
   */
  public static Result export(Path dir, Path car, Progress progress) throws IOException {
    return export(dir, car, List.of(), progress);
  }

  /**
   * Writes the CAR of {@code dir} to {@code car}; with {@code since}, only the blocks none of those
   * older CARs holds (a delta: a node that imported them needs only this file to hold the whole
   * new DAG), with the new root.
   *
   * @throws IOException also when one of {@code since} is not a readable CAR file
   */
  public static Result export(Path dir, Path car, List<Path> since, Progress progress) throws IOException {
    return export(dir, car, since, Optional.of(defaultCache(dir)), progress);
  }

  /**
   * Where an export keeps what it learned for the next one (see {@code ExportCache}):
   * {@code .samizdat-cache/<site name>.ipfs} in the site's parent folder, beside the build's state.
   */
  public static Path defaultCache(Path dir) {
    return ExportCache.beside(dir);
  }

  /**
   * As {@link #export(Path, Path, List, Progress)}, with the cache in {@code cache} (none: every
   * file is read). The cache only saves reading: the CAR is the same with or without it.
   */
  public static Result export(Path dir, Path car, List<Path> since, Optional<Path> cache, Progress progress)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory");
    }
    Path abs = car.toAbsolutePath().normalize();
    if (abs.startsWith(dir.toAbsolutePath().normalize())) {
      throw new IOException(car + ": must be outside the exported folder " + dir
          + " (it would end up inside the next export)");
    }
    // Loaded first: its clock starts before any file is looked at (see FileStamp#settledBefore).
    ExportCache known = cache.map(ExportCache::load).orElseGet(ExportCache::none);
    known.note().ifPresent(progress::warn);
    CarBlocks held = new CarBlocks();
    for (Path old : since) {
      if (Files.exists(car) && Files.isSameFile(old, car)) {
        throw new IOException(car + ": is an older CAR given with --since; write the delta to another file");
      }
      held.add(old, known);
    }
    // Counting the files costs a stat of each, as much as the whole export of an unchanged site
    // with the cache; the last export's totals are as good for a progress bar.
    Optional<ExportCache.Totals> estimate = known.lastTotals();
    ExportCache.Totals totals = estimate.isPresent() ? estimate.get() : scanTotals(dir);
    Files.createDirectories(abs.getParent());
    removeDeadParts(abs.getParent());
    Path tmp = AtomicFiles.newTempFile(abs.getParent(), PART_SUFFIX);
    List<String> warnings = new ArrayList<>();
    ExecutorService hashers = newHashers();
    try {
      Result result;
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        // Held while writing: a later run deletes only the parts nobody holds (see removeDeadParts).
        ch.lock();
        CarWriter writer = new CarWriter(ch, held::holds);
        UnixFsImporter importer = new UnixFsImporter(writer, Optional.of(hashers), known);
        progress.start("exporting " + (estimate.isPresent() ? "about " : "") + totals.files() + " files to "
            + car.getFileName(), totals.bytes());
        AtomicLong bytes = new AtomicLong();
        DagNode root = importer.addTree(dir, n -> {
          bytes.addAndGet(n);
          progress.advance(n);
        }, w -> {
          warnings.add(w);
          progress.warn(w);
        });
        long carBytes = writer.finish(root.cid());
        ch.force(true);
        progress.finish();
        result = new Result(root.cid().toString(), importer.fileCount(), bytes.get(), writer.blockCount(),
            writer.heldBlockCount(), carBytes, importer.knownFileCount(), warnings);
      }
      AtomicFiles.move(tmp, abs);
      AtomicFiles.syncDirectory(abs.getParent()); // the rename, not only the bytes, survives a power cut
      if (cache.isPresent()) {
        try {
          known.save(cache.get(), new ExportCache.Totals(result.fileCount(), result.contentBytes()));
        } catch (IOException e) { // the CAR is written; the next export only reads more
          progress.warn(cache.get() + ": cannot save the export cache (" + e.getMessage() + ")");
        }
      }
      return result;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    } finally {
      hashers.shutdownNow();
    }
  }

  private static final String PART_SUFFIX = ".car.part";

  /**
   * Deletes the site-sized {@code .car.part} files that killed exports left in {@code dir}. A live
   * export holds an operating-system lock on its part; a part that can be locked has no writer.
   */
  static int removeDeadParts(Path dir) throws IOException {
    int removed = 0;
    try (java.nio.file.DirectoryStream<Path> parts =
        Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*" + PART_SUFFIX)) {
      for (Path part : parts) {
        if (!Files.isRegularFile(part, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
          java.nio.channels.FileLock lock = ch.tryLock();
          if (lock != null) {
            Files.deleteIfExists(part);
            removed++;
          }
        } catch (java.nio.channels.OverlappingFileLockException | java.nio.file.NoSuchFileException e) {
          // written by this process right now, or already gone
        }
      }
    }
    return removed;
  }

  /** One hashing thread per core; daemon threads, so a failed export never keeps the JVM alive. */
  private static ExecutorService newHashers() {
    AtomicLong n = new AtomicLong();
    return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
      Thread t = new Thread(r, "car-hash-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The root CID {@code ipfs add -r --cid-version=1 dir} would print, without writing a CAR. */
  public static String rootCid(Path dir) throws IOException {
    ExecutorService hashers = newHashers();
    try {
      return new UnixFsImporter(BlockSink.DISCARD, Optional.of(hashers), ExportCache.none())
          .addTree(dir, n -> { }, w -> { }).cid().toString();
    } finally {
      hashers.shutdownNow();
    }
  }

  /** How many regular, non-hidden files and bytes {@code dir} holds, for the progress bar. */
  private static ExportCache.Totals scanTotals(Path dir) throws IOException {
    long[] totals = new long[2];
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        return !d.equals(dir) && d.getFileName().toString().startsWith(".")
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && !f.getFileName().toString().startsWith(".")) {
          totals[0]++;
          totals[1] += attrs.size();
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
        throw new IOException(f + ": cannot read (" + e.getMessage() + ")", e);
      }
    });
    return new ExportCache.Totals(totals[0], totals[1]);
  }
}
