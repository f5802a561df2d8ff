package samizdat.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader (or a crash) only ever sees the old or the new content: bytes go
 * to a temporary file in the same directory, which is then renamed over the target.
 *
 * <p>Stateless and thread-safe.
 */
public final class AtomicFiles {

  /** Prefix of temporary files; anything left with it after a crash is safe to delete. */
  public static final String TEMP_PREFIX = ".samizdat-tmp-";

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code target} unless it already holds exactly these bytes.
   *
   * @return true if the file was written, false if it was already identical (mtime untouched)
   */
  public static boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
    return writeIfChanged(target, bytes, false);
  }

  /** As {@link #writeIfChanged(Path, byte[])}; {@code sync} forces new bytes to the device. */
  public static boolean writeIfChanged(Path target, byte[] bytes, boolean sync) throws IOException {
    if (Files.isRegularFile(target) && Files.size(target) == bytes.length
        && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return false;
    }
    write(target, bytes, sync);
    return true;
  }

  /** Writes {@code bytes} to {@code target} atomically; {@code sync} forces them to the device first. */
  public static void write(Path target, byte[] bytes, boolean sync) throws IOException {
    write(target, out -> out.write(bytes), sync);
  }

  /**
   * Writes {@code bytes} to {@code target} only if nothing is there, creating its folders;
   * returns false, touching nothing, if something is. Where there was no file there is no good one
   * to lose, so this skips the temp file and rename (a third of the system calls when a first
   * build creates tens of thousands of files); a file that fails half-written is deleted.
   */
  public static boolean createNew(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    FileChannel channel;
    try {
      channel = open(target, dir);
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw IoFailures.about(target, e);
    }
    try (channel) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      Files.deleteIfExists(target);
      throw IoFailures.about(target, e);
    } catch (RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    return true;
  }

  /**
   * Writes {@code bytes} to {@code target}: created directly ({@link #createNew}) where nothing
   * is, written atomically ({@link #write(Path, byte[], boolean)}) over a file that is there. For
   * files that are new in the normal case but may meet a leftover, e.g. one a crash left behind
   * before the file that commits them was written.
   */
  public static void createOrReplace(Path target, byte[] bytes) throws IOException {
    if (!createNew(target, bytes)) {
      write(target, bytes, false);
    }
  }

  /** Opens a new file; a missing folder is made on demand rather than checked before every file. */
  private static FileChannel open(Path file, Path dir) throws IOException {
    try {
      return FileChannel.open(file, CREATE_NEW_WRITE, readableBy(dir));
    } catch (NoSuchFileException e) {
      Files.createDirectories(dir);
      return FileChannel.open(file, CREATE_NEW_WRITE, readableBy(dir));
    }
  }

  /** Content producer for {@link #write(Path, Writer, boolean)}. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Streams content produced by {@code writer} into {@code target} atomically. If the writer
   * throws, the target is left as it was and the temporary file is removed.
   */
  public static void write(Path target, Writer writer, boolean sync) throws IOException {
    Path abs = target.toAbsolutePath();
    TempFile temp;
    try {
      temp = openTemp(abs.getParent());
    } catch (IOException e) {
      throw IoFailures.about(target, e);
    }
    Path tmp = temp.path();
    try {
      try (FileChannel channel = temp.channel();
          OutputStream out = new TargetStream(target, java.nio.channels.Channels.newOutputStream(channel))) {
        writer.writeTo(out);
        out.flush();
        if (sync) {
          try {
            channel.force(true);
          } catch (IOException e) {
            throw IoFailures.about(target, e);
          }
        }
      }
      try {
        move(tmp, abs);
      } catch (IOException e) {
        throw IoFailures.about(target, e);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /**
   * The temporary file's stream, whose errors name the target (a full disk says only "No space
   * left on device", and the temporary name means nothing to a user); errors of the writer's own
   * reading pass as they are.
   */
  private static final class TargetStream extends java.io.FilterOutputStream {
    private final Path target;

    TargetStream(Path target, OutputStream out) {
      super(out);
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw IoFailures.about(target, e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw IoFailures.about(target, e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw IoFailures.about(target, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw IoFailures.about(target, e);
      }
    }
  }

  private record TempFile(Path path, FileChannel channel) {}

  /**
   * Creates and opens a temporary file in one system call (createTempFile plus a second open
   * cost twice the calls, and they dominate when a build writes tens of thousands of small files).
   */
  private static TempFile openTemp(Path dir) throws IOException {
    while (true) {
      // 63 random bits: the unsigned form of a negative long went through BigInteger.
      Path tmp = dir.resolve(TEMP_PREFIX
          + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".part");
      try {
        return new TempFile(tmp, open(tmp, dir));
      } catch (FileAlreadyExistsException e) {
        // another writer drew the same name: draw again
      }
    }
  }

  private static final Set<OpenOption> CREATE_NEW_WRITE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  private static final FileAttribute<?>[] NO_ATTRIBUTES = new FileAttribute<?>[0];

  /**
   * Mode 0644. Made once: parsing the mode and copying it into a new attribute for every file
   * was an eighth of the time it takes to open one.
   */
  private static final FileAttribute<?> READABLE_BY_ALL =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

  private static FileAttribute<?>[] readableBy(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {READABLE_BY_ALL}
        : NO_ATTRIBUTES;
  }

  /**
   * A new temporary file in {@code dir} (for a later {@link #move}), readable by everyone, like a
   * file any other tool writes: {@code createTempFile} alone makes it owner-only (0600), which a web server serving the site, or
   * another user reading a stick, could not read. The process umask still applies.
   */
  public static Path newTempFile(Path dir, String suffix) throws IOException {
    return Files.createTempFile(dir, TEMP_PREFIX, suffix, readableBy(dir));
  }

  /**
   * Deletes temporary files that a killed run left in {@code dir} (not its subfolders): those
   * named with {@link #TEMP_PREFIX} and last modified before this process started. Call it only
   * while holding the folder's lock, so no live writer's file can be among them.
   *
   * @return how many were deleted
   */
  public static int sweepTemps(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long started = ProcessHandle.current().info().startInstant()
        .map(java.time.Instant::toEpochMilli).orElse(Long.MAX_VALUE);
    int deleted = 0;
    try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
      for (Path p : s) {
        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(p,
            java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (a.isRegularFile() && a.lastModifiedTime().toMillis() < started && Files.deleteIfExists(p)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  /** Forces the bytes of {@code file} to the device (fsync), naming it when that fails. */
  public static void sync(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      throw IoFailures.about(file, e);
    }
  }

  /**
   * Forces the entries of folder {@code dir} to the device: a file created, renamed or deleted in
   * it survives a power cut only once this is done. Where a folder cannot be opened or synced
   * (Windows, some network file systems) the file system keeps its own order and this does
   * nothing; a failing or full device is an error.
   */
  public static void syncDirectory(Path dir) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException e) {
      return;
    }
    try (ch) {
      ch.force(true);
    } catch (IOException e) {
      if (IoFailures.isFatal(e)) {
        throw IoFailures.about(dir, e);
      }
    }
  }

  /** Renames {@code source} over {@code target}, atomically where the file system allows it. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
