package samizdat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import samizdat.io.AtomicFiles;
import samizdat.io.FolderLock;
import samizdat.io.IoFailures;
import samizdat.site.BuildOptions;

/**
 * The locks commands take (see docs/safety.md): the content folder (writers exclusive, build
 * shared), the site (build exclusive, mirrors shared) and a stick ({@code mirror usb}). A lock
 * another run holds past the wait ends the command with {@link ExitCodes#BUSY}.
 */
final class Locks {
  private Locks() {}

  /** The content folder's lock; a writer also sweeps what killed runs left in it. */
  static FolderLock content(Path content, FolderLock.Mode mode, String command, Duration wait) {
    if (Files.exists(content) && !Files.isDirectory(content)) {
      throw new CliException(content + ": not a folder (--content names the content folder)", ExitCodes.USAGE);
    }
    if (mode == FolderLock.Mode.SHARED && !Files.isDirectory(content)) {
      return FolderLock.none(); // a reader does not create the folder; it finds nothing to read
    }
    if (mode == FolderLock.Mode.EXCLUSIVE) {
      checkWritable(content);
    }
    FolderLock lock = take(content.resolve(FolderLock.FILE_NAME), "content folder " + content, mode, command, wait);
    if (mode == FolderLock.Mode.EXCLUSIVE) {
      try {
        for (String sub : new String[] {"", "articles", "raw", "media"}) {
          AtomicFiles.sweepTemps(sub.isEmpty() ? content : content.resolve(sub));
        }
      } catch (IOException e) {
        lock.close();
        throw new CliException(MirrorCommand.describe(e), code(e), e);
      }
    }
    return lock;
  }

  /**
   * Fails with one line, before anything is read or written, when a writer could not write in the
   * content folder or one of its folders (a read-only medium, a folder without write permission,
   * an immutable one): otherwise every page would fail on its own. Tried by creating a file, as
   * permission bits alone do not tell (root ignores them; a read-only mount overrides them).
   */
  private static void checkWritable(Path content) {
    Path dir = content;
    try {
      Files.createDirectories(content);
      for (String sub : new String[] {"", "articles", "raw", "media"}) {
        dir = sub.isEmpty() ? content : content.resolve(sub);
        if (Files.isDirectory(dir)) {
          Files.delete(AtomicFiles.newTempFile(dir, ".probe"));
        }
      }
    } catch (IOException e) {
      throw new CliException("content folder " + content + ": cannot write in " + dir + " ("
          + IoFailures.reason(e) + "); nothing was changed (make it writable and run again)", ExitCodes.STOPPED, e);
    }
  }

  /** The site's lock, kept beside its build state (outside the site, so it is never mirrored). */
  static FolderLock site(Path out, FolderLock.Mode mode, String command, Duration wait) {
    Path file = BuildOptions.defaultCache(out).resolveSibling(
        BuildOptions.defaultCache(out).getFileName().toString().replaceFirst("\\.state$", ".lock"));
    return take(file, "site " + out, mode, command, wait);
  }

  /** A stick's (any mirror target's) lock, at its root. */
  static FolderLock target(Path target, Duration wait) {
    return take(target.resolve(FolderLock.FILE_NAME), "mirror " + target, FolderLock.Mode.EXCLUSIVE,
        "samizdat mirror usb", wait);
  }

  private static FolderLock take(Path file, String what, FolderLock.Mode mode, String command, Duration wait) {
    try {
      return FolderLock.acquire(file, what, mode, command, wait);
    } catch (FolderLock.BusyException e) {
      throw new CliException(e.getMessage(), ExitCodes.BUSY, e);
    } catch (IOException e) {
      throw new CliException(MirrorCommand.describe(e), code(e), e);
    }
  }

  private static int code(IOException e) {
    return IoFailures.isFatal(e) ? ExitCodes.STOPPED : ExitCodes.FAILED;
  }
}
