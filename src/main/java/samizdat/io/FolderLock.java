package samizdat.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A lock on a folder samizdat writes (the content folder, a site, a USB stick), held through an
 * operating-system lock on a small file. Writers take it exclusively, readers shared. The
 * operating system drops the lock when its process dies, however it dies, so a lock left by a
 * killed run is simply taken over: the file stays, only the lock on it matters. The exclusive
 * holder writes who it is (pid, command, since when) into the file for the message a waiting run
 * gives.
 *
 * <p>Within one JVM the operating system cannot tell two holders apart; Java then reports an
 * overlap, which is treated like any other holder: wait, then give up.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name in a content folder or on a stick. */
  public static final String FILE_NAME = ".samizdat-lock";

  private static final long POLL_MILLIS = 100;

  /** Who may hold the lock with whom. */
  public enum Mode {
    /** Readers: any number at once, but not with a writer. */
    SHARED,
    /** A writer: alone. */
    EXCLUSIVE
  }

  /** Another run holds the lock and did not let go in time. */
  public static final class BusyException extends IOException {
    private static final long serialVersionUID = 1L;

    BusyException(String message) {
      super(message);
    }
  }

  private final Optional<FileChannel> channel;
  private final Optional<FileLock> lock;

  private FolderLock(Optional<FileChannel> channel, Optional<FileLock> lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** A lock that holds nothing: for a reader of a folder that is not there (nothing can change it). */
  public static FolderLock none() {
    return new FolderLock(Optional.empty(), Optional.empty());
  }

  /**
   * Takes the lock held in {@code lockFile} (created, with its folder, if missing), waiting up to
   * {@code wait} for another holder to let go.
   *
   * @param what the folder, for the message ("content folder content")
   * @param command what this run is, written for others to see ("samizdat ingest")
   * @throws BusyException when another run still holds it after {@code wait}, naming that run
   * @throws IOException when the lock file cannot be made; a reader of a folder nobody can write
   *     (a read-only medium) gets a lock that holds nothing instead, as no writer can come
   */
  public static FolderLock acquire(Path lockFile, String what, Mode mode, String command, Duration wait)
      throws IOException {
    FileChannel ch;
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
      if (mode == Mode.SHARED && !Files.exists(lockFile)) {
        return new FolderLock(Optional.empty(), Optional.empty());
      }
      throw new FileSystemException(lockFile.toString(), null, "cannot write here (" + e.getClass().getSimpleName()
          + "): " + what + " must be writable");
    } catch (FileSystemException e) {
      if (mode == Mode.SHARED && "Read-only file system".equals(e.getReason())) {
        return new FolderLock(Optional.empty(), Optional.empty());
      }
      throw e;
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        Optional<FileLock> got = tryLock(ch, mode);
        if (got.isPresent()) {
          if (mode == Mode.EXCLUSIVE) {
            writeHolder(ch, command);
          }
          return new FolderLock(Optional.of(ch), got);
        }
        if (System.nanoTime() - deadline >= 0) {
          throw new BusyException(what + " is in use by " + holder(ch, mode) + " (lock " + lockFile
              + "); try again when it has finished");
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ch.close();
      throw new BusyException(what + ": interrupted while waiting for its lock");
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static Optional<FileLock> tryLock(FileChannel ch, Mode mode) throws IOException {
    try {
      return Optional.ofNullable(ch.tryLock(0, Long.MAX_VALUE, mode == Mode.SHARED));
    } catch (OverlappingFileLockException e) {
      return Optional.empty(); // held by this JVM
    }
  }

  private static void writeHolder(FileChannel ch, String command) throws IOException {
    String line = "pid " + ProcessHandle.current().pid() + ", " + command + ", since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), 0);
  }

  /** Who holds the lock, as far as can be told: an exclusive holder's line, or "a reader". */
  private static String holder(FileChannel ch, Mode wanted) throws IOException {
    if (wanted == Mode.EXCLUSIVE) {
      // If a shared lock can be had now, only readers hold it.
      Optional<FileLock> probe = tryLock(ch, Mode.SHARED);
      if (probe.isPresent()) {
        probe.get().release();
        return "another samizdat run that reads it";
      }
    }
    ByteBuffer buf = ByteBuffer.allocate(512);
    ch.read(buf, 0);
    String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "another samizdat run" : "another samizdat run (" + text + ")";
  }

  /** True when this lock holds something (false for a reader of a read-only folder). */
  public boolean held() {
    return lock.isPresent();
  }

  /** Lets go. Never fails: closing the file drops the lock, and so does the process's end. */
  @Override
  public void close() {
    try {
      if (lock.isPresent() && !lock.get().isShared()) {
        channel.get().truncate(0); // at rest the file is empty: it names no one
      }
      if (channel.isPresent()) {
        channel.get().close(); // releases the lock with it
      }
    } catch (IOException e) {
      // nothing to do: the operating system drops the lock when the process ends
    }
  }
}
