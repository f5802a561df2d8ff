package samizdat.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Files written since the last {@link #sync}, made durable together: every file's bytes, then the
 * folders that hold them (their entries: a new or renamed file is only safe once its folder is
 * synced). One sync per batch instead of one per file: each fsync waits for the disk's journal,
 * and syncing a few thousand at once, on several threads, lets the journal take them together
 * (measured in docs/safety.md). Thread-safe.
 */
public final class SyncBatch {
  /** Threads that sync at once: enough for the journal to group them, more gains nothing. */
  private static final int THREADS = 8;

  private final Set<Path> files = ConcurrentHashMap.newKeySet();

  /** Records a file whose bytes were just written (created, replaced or renamed into place). */
  public void add(Path file) {
    files.add(file.toAbsolutePath());
  }

  /** How many files wait for {@link #sync}. */
  public int pending() {
    return files.size();
  }

  /**
   * Forces the files written since the last call, and then their folders, to the device. A file
   * gone since (replaced by a later write) is skipped: its folder is still synced.
   *
   * @throws IOException the first failure, naming the file or folder
   */
  public void sync() throws IOException {
    List<Path> batch = new ArrayList<>(files);
    files.removeAll(batch);
    if (batch.isEmpty()) {
      return;
    }
    Set<Path> dirs = new TreeSet<>();
    for (Path f : batch) {
      dirs.add(f.getParent());
      // and the folder above, where a first run made the file's folder
      if (f.getParent().getParent() != null) {
        dirs.add(f.getParent().getParent());
      }
    }
    if (batch.size() < THREADS * 4) {
      for (Path f : batch) {
        syncIfThere(f);
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "samizdat-sync");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
          int first = i;
          done.add(pool.submit(() -> {
            for (int k = first; k < batch.size(); k += THREADS) {
              syncIfThere(batch.get(k));
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while syncing written files", e);
      } finally {
        pool.shutdownNow();
      }
    }
    for (Path d : dirs) {
      AtomicFiles.syncDirectory(d);
    }
  }

  private static void syncIfThere(Path file) throws IOException {
    try {
      AtomicFiles.sync(file);
    } catch (java.nio.file.NoSuchFileException e) {
      // replaced or removed since: its folder's sync covers that
    } catch (java.nio.file.FileSystemException e) {
      if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
        throw e;
      }
    }
  }
}
