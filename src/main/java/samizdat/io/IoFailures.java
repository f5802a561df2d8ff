package samizdat.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.List;
import java.util.Locale;

/**
 * Tells the I/O errors after which no further write can succeed (no space left, quota exceeded,
 * read-only file system, a failing device) from those of one file, and gives an error the path
 * of the file it was about: a write to a full disk says only "No space left on device".
 */
public final class IoFailures {
  /** The operating system's words for a disk that takes no more writes, lower case. */
  private static final List<String> FATAL = List.of(
      "no space left on device", "disk quota exceeded", "read-only file system",
      "input/output error", "not enough space on the disk", "file too large");

  private IoFailures() {}

  /** True when {@code e} (or a cause of it) means the disk takes no more writes. */
  public static boolean isFatal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FatalIoException || t instanceof ReadOnlyFileSystemException) {
        return true;
      }
      String m = t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
      if (m != null) {
        String lower = m.toLowerCase(Locale.ROOT);
        for (String words : FATAL) {
          if (lower.contains(words)) {
            return true;
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The reason alone, without a path: "No space left on device". */
  public static String reason(Throwable e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof FileSystemException) {
      return e.getClass().getSimpleName();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /**
   * {@code e} as an error about {@code file}: itself when it already names that file, else a
   * {@link FatalIoException} (for a fatal error) or a {@link FileSystemException} naming it.
   */
  public static IOException about(Path file, IOException e) {
    if (e instanceof FatalIoException) {
      return e;
    }
    if (isFatal(e)) {
      return new FatalIoException(file.toString(), reason(e), e);
    }
    if (e instanceof FileSystemException f && file.toString().equals(f.getFile()) && f.getOtherFile() == null) {
      return e;
    }
    FileSystemException named = new FileSystemException(file.toString(), null, reason(e));
    named.initCause(e);
    return named;
  }
}
