package samizdat.site.render;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import samizdat.io.FatalIoException;
import samizdat.io.FileWrites;
import samizdat.io.IoFailures;
import samizdat.site.model.SiteLayout;
import samizdat.site.state.BuildState;

/**
 * Writes pages into the site incrementally. A page whose fingerprint equals the previous build's,
 * and whose file is still there with the recorded size, is skipped without rendering. Otherwise
 * it is rendered and written only if its bytes differ (atomically: temp file + rename), so an
 * unchanged file keeps its mtime. At the end, files that the previous build wrote and this one did
 * not are removed, with folders left empty; files samizdat did not write are never touched.
 *
 * <p>A file the previous build did not write is usually not there at all (a first build, a new
 * article): it is created directly, without the temp file, rename and compare, which cost three
 * times the system calls on a 20,000-file first build. The create fails when something is there
 * after all (a lost cache, a file of the user's), and then the file goes the careful way. A new
 * file that fails half-written is deleted; there was no good file to lose.
 *
 * <p>The size and mtime of every file written are recorded: a file changed behind the build's
 * back (edited, even to the same size; replaced by another build) fails {@link #isIntact} and is
 * written again. The first fatal I/O error (a full disk) stops all writing: every later
 * {@link #write} throws it at once, so a run on a full disk ends with one line, not thousands.
 *
 * <p>{@link #write} is called from many threads.
 */
public final class OutputWriter {
  private final Path out;
  private final BuildState previous;
  private final BuildState next;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private final FileWrites writes;
  private final AtomicReference<FatalIoException> stopped = new AtomicReference<>();

  public OutputWriter(Path out, BuildState previous, BuildState next, FileWrites writes) {
    this.out = out;
    this.previous = previous;
    this.next = next;
    this.writes = writes;
  }

  /** The fatal error that stopped writing, if one did. */
  public Optional<FatalIoException> stopped() {
    return Optional.ofNullable(stopped.get());
  }

  public void write(Page page) throws IOException {
    FatalIoException fatal = stopped.get();
    if (fatal != null) {
      page.release();
      throw fatal;
    }
    try {
      writeOrSkip(page);
    } catch (IOException e) {
      IOException named = IoFailures.about(out.resolve(page.path()), e);
      if (named instanceof FatalIoException f) {
        stopped.compareAndSet(null, f);
        throw stopped.get();
      }
      throw named;
    } finally {
      page.release();
    }
  }

  private void writeOrSkip(Page page) throws IOException {
    String path = page.path();
    SiteLayout.checkPath(path);
    if (!seen.add(path)) {
      throw new IllegalStateException("two pages want the same file: " + path);
    }
    byte[] fingerprint = page.fingerprint();
    Path file = out.resolve(path);
    BuildState.FileInfo old = previous.files.get(path);
    if (old != null && Arrays.equals(old.fingerprint(), fingerprint) && isIntact(path, old)) {
      next.files.put(path, old);
      unchanged.incrementAndGet();
      return;
    }
    next.markChanged();
    byte[] bytes = page.render();
    if ((old == null && writes.createNew(file, bytes)) || writes.writeIfChanged(file, bytes)) {
      written.incrementAndGet();
    } else {
      unchanged.incrementAndGet();
    }
    long[] stat = stat(file);
    next.files.put(path, new BuildState.FileInfo(fingerprint, bytes.length, stat[1]));
  }

  /** Whether the previous build's file at {@code path} is still there with its recorded size and mtime. */
  boolean isIntact(String path, BuildState.FileInfo old) {
    long[] stat = stat(out.resolve(path));
    return stat[0] == old.size() && stat[1] == old.mtime();
  }

  /** Size (-1: not a regular file) and mtime in ms of a file. */
  static long[] stat(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new long[] {a.isRegularFile() ? a.size() : -1, a.lastModifiedTime().toMillis()};
    } catch (IOException e) {
      return new long[] {-1, -1};
    }
  }

  /** Removes files of the previous build that this build did not produce; returns how many. */
  public int removeStale() throws IOException {
    List<String> stale = new ArrayList<>();
    for (String path : previous.files.keySet()) {
      if (!seen.contains(path)) {
        stale.add(path);
      }
    }
    stale.sort(null);
    if (!stale.isEmpty()) {
      next.markChanged();
    }
    int removed = 0;
    for (String path : stale) {
      Path file = out.resolve(path);
      if (Files.deleteIfExists(file)) {
        removed++;
      }
      removeEmptyParents(file.getParent());
    }
    return removed;
  }

  private void removeEmptyParents(Path dir) throws IOException {
    Path root = out.toAbsolutePath().normalize();
    Path d = dir.toAbsolutePath().normalize();
    while (d.startsWith(root) && !d.equals(root)) {
      try {
        Files.delete(d);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      }
      d = d.getParent();
    }
  }

  /** The paths this build wrote or kept. */
  public Set<String> seen() {
    return seen;
  }

  public int written() {
    return written.get();
  }

  public int unchanged() {
    return unchanged.get();
  }
}
