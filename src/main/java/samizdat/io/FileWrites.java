package samizdat.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file writes a run makes, as one seam: {@link #ATOMIC} does them with {@link AtomicFiles};
 * tests put a disk that fills up or fails in its place.
 */
public interface FileWrites {
  /** As {@link AtomicFiles#createNew}. */
  boolean createNew(Path target, byte[] bytes) throws IOException;

  /** As {@link AtomicFiles#writeIfChanged(Path, byte[])}. */
  boolean writeIfChanged(Path target, byte[] bytes) throws IOException;

  /** As {@link AtomicFiles#write(Path, byte[], boolean)}. */
  void write(Path target, byte[] bytes, boolean sync) throws IOException;

  /** As {@link AtomicFiles#createOrReplace}. */
  default void createOrReplace(Path target, byte[] bytes) throws IOException {
    if (!createNew(target, bytes)) {
      write(target, bytes, false);
    }
  }

  /**
   * {@code writes} with every error naming the file it was about ({@link IoFailures#about}): a
   * full disk says only "No space left on device".
   */
  static FileWrites naming(FileWrites writes) {
    return new FileWrites() {
      @Override
      public boolean createNew(Path target, byte[] bytes) throws IOException {
        try {
          return writes.createNew(target, bytes);
        } catch (IOException e) {
          throw IoFailures.about(target, e);
        }
      }

      @Override
      public boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        try {
          return writes.writeIfChanged(target, bytes);
        } catch (IOException e) {
          throw IoFailures.about(target, e);
        }
      }

      @Override
      public void write(Path target, byte[] bytes, boolean sync) throws IOException {
        try {
          writes.write(target, bytes, sync);
        } catch (IOException e) {
          throw IoFailures.about(target, e);
        }
      }
    };
  }

  /** {@code writes}, recording in {@code batch} every file whose bytes it wrote, for one later sync. */
  static FileWrites recording(FileWrites writes, SyncBatch batch) {
    return new FileWrites() {
      @Override
      public boolean createNew(Path target, byte[] bytes) throws IOException {
        boolean created = writes.createNew(target, bytes);
        if (created) {
          batch.add(target);
        }
        return created;
      }

      @Override
      public boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        boolean written = writes.writeIfChanged(target, bytes);
        if (written) {
          batch.add(target);
        }
        return written;
      }

      @Override
      public void write(Path target, byte[] bytes, boolean sync) throws IOException {
        writes.write(target, bytes, sync);
        batch.add(target);
      }
    };
  }

  /** The real thing: {@link AtomicFiles}. */
  FileWrites ATOMIC = new FileWrites() {
    @Override
    public boolean createNew(Path target, byte[] bytes) throws IOException {
      return AtomicFiles.createNew(target, bytes);
    }

    @Override
    public boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
      return AtomicFiles.writeIfChanged(target, bytes);
    }

    @Override
    public void write(Path target, byte[] bytes, boolean sync) throws IOException {
      AtomicFiles.write(target, bytes, sync);
    }
  };
}
