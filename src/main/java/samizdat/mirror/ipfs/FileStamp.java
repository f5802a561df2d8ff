package samizdat.mirror.ipfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What tells, without reading a file, that it is still the file an earlier run read, as rsync and
 * git judge it: size, modification time, and where the system has them the status-change time and
 * inode. A rewrite that keeps size and mtime (or sets the mtime back) still moves the ctime, which
 * no program can set; a file renamed over this one has another inode. Times in nanoseconds.
 *
 * @param ctime 0 where the file system does not give it (then size and mtime decide, as rsync's do)
 * @param inode 0 where the file system does not give it
 */
record FileStamp(long size, long mtime, long ctime, long inode) {

  /** A directory entry as one {@code lstat} gives it. */
  record Listed(boolean regularFile, boolean directory, boolean symbolicLink, FileStamp stamp) {}

  private static final String UNIX =
      "unix:size,lastModifiedTime,ctime,ino,isRegularFile,isDirectory,isSymbolicLink";

  /** Whether the file system of {@code p} gives ctime and inode (the "unix" attribute view). */
  static boolean unixView(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("unix");
  }

  /** The entry {@code p} itself (a symbolic link is not followed). */
  static Listed read(Path p, boolean unixView) throws IOException {
    if (unixView) {
      Map<String, Object> a = Files.readAttributes(p, UNIX, LinkOption.NOFOLLOW_LINKS);
      FileStamp stamp = new FileStamp((Long) a.get("size"), nanos(a.get("lastModifiedTime")),
          nanos(a.get("ctime")), ((Number) a.get("ino")).longValue());
      return new Listed((Boolean) a.get("isRegularFile"), (Boolean) a.get("isDirectory"),
          (Boolean) a.get("isSymbolicLink"), stamp);
    }
    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return new Listed(a.isRegularFile(), a.isDirectory(), a.isSymbolicLink(),
        new FileStamp(a.size(), nanos(a.lastModifiedTime()), 0, 0));
  }

  /**
   * Whether a file with this stamp, seen by a run that started at {@code seenAt} (ns since the
   * epoch), cannot have changed since without changing its stamp. A file modified within the
   * same clock tick as that run read it keeps its mtime and ctime (git's "racily clean" file), so
   * only stamps safely older than the run are trusted; 2 s covers the coarsest file system clock
   * (FAT).
   */
  boolean settledBefore(long seenAt) {
    return mtime < seenAt - SETTLE_NANOS && ctime < seenAt - SETTLE_NANOS;
  }

  static final long SETTLE_NANOS = 2_000_000_000L;

  private static long nanos(Object fileTime) {
    return ((FileTime) fileTime).to(TimeUnit.NANOSECONDS);
  }
}
