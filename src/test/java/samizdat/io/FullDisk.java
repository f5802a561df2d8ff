package samizdat.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A disk that fills up: writes go to the real files ({@link AtomicFiles}) until {@code budget}
 * bytes are written, then every write fails the way the JDK reports ENOSPC, with no path in the
 * message. {@link #free} makes room again. For tests of runs on a full disk, without root.
 */
public final class FullDisk implements FileWrites {
  private final AtomicLong left;
  private final AtomicLong failures = new AtomicLong();

  public FullDisk(long budget) {
    this.left = new AtomicLong(budget);
  }

  /** Writes that failed. */
  public long failures() {
    return failures.get();
  }

  /** Room for everything from now on. */
  public void free() {
    left.set(Long.MAX_VALUE / 2);
  }

  private void take(int bytes) throws IOException {
    if (left.addAndGet(-bytes) < 0) {
      left.addAndGet(bytes);
      failures.incrementAndGet();
      throw new IOException("No space left on device");
    }
  }

  @Override
  public boolean createNew(Path target, byte[] bytes) throws IOException {
    take(bytes.length);
    return AtomicFiles.createNew(target, bytes);
  }

  @Override
  public boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
    take(bytes.length);
    return AtomicFiles.writeIfChanged(target, bytes);
  }

  @Override
  public void write(Path target, byte[] bytes, boolean sync) throws IOException {
    take(bytes.length);
    AtomicFiles.write(target, bytes, sync);
  }
}
