package samizdat.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which files of the copy can be taken as unchanged without reading them, as rsync does: every
 * file the mirror writes or finds equal gets the site file's modification time, and a file whose
 * size and time on the stick still match the site's, and whose entry in the previous manifest has
 * that size, keeps that entry's SHA-256. A day's update then reads only what changed instead of
 * the whole site and the whole copy. {@code verify} still reads every byte.
 */
final class QuickCheck {
  private final Map<String, ManifestEntry> previous;
  private final long windowNanos;

  private QuickCheck(Map<String, ManifestEntry> previous, Duration window) {
    this.previous = previous;
    this.windowNanos = window.toNanos();
  }

  /** Reads every byte: for {@code --checksum}, or when the copy has no usable manifest. */
  static QuickCheck none() {
    return new QuickCheck(Map.of(), Duration.ZERO);
  }

  /**
   * From the previous manifest on {@code target}; a missing or unreadable one leaves every file to
   * be read and compared.
   */
  static QuickCheck of(Path target, Optional<Manifest> manifest) throws IOException {
    if (manifest.isEmpty()) {
      return none();
    }
    Map<String, ManifestEntry> entries = new HashMap<>();
    for (ManifestEntry e : manifest.get().files()) {
      entries.put(e.path(), e);
    }
    return new QuickCheck(entries, timeResolution(Files.getFileStore(target).type()));
  }

  /**
   * How far apart a time set on the stick may read back: FAT keeps even seconds, exFAT 10 ms,
   * NTFS 100 ns, ext4 and the rest nanoseconds (1 ms is allowed, far below any two builds).
   */
  static Duration timeResolution(String fileSystemType) {
    String type = fileSystemType.toLowerCase(Locale.ROOT);
    if (type.contains("fat") && !type.contains("exfat") || type.equals("msdos") || type.equals("fuseblk")) {
      return Duration.ofSeconds(2);
    }
    if (type.contains("exfat")) {
      return Duration.ofMillis(10);
    }
    return Duration.ofMillis(1);
  }

  /**
   * The previous manifest's entry for {@code path} when the copy there, whose attributes the plan
   * found ({@code there}), can be taken as unchanged and equal to the site's file, of
   * {@code size} and {@code modified} when the site was scanned, without reading either.
   */
  Optional<ManifestEntry> unchanged(String path, long size, FileTime modified, BasicFileAttributes there) {
    ManifestEntry entry = previous.get(path);
    if (entry == null || !there.isRegularFile() || there.size() != entry.size() || size != entry.size()) {
      return Optional.empty();
    }
    long apart = Math.abs(nanos(modified) - nanos(there.lastModifiedTime()));
    return apart < windowNanos ? Optional.of(entry) : Optional.empty();
  }

  /**
   * Gives {@code target} the time of {@code source}, so that the next run can skip it. Where the
   * stick refuses, the next run reads and compares the file, as it would without this.
   */
  static void keepTime(Path source, Path target) {
    try {
      FileTime time = Files.getLastModifiedTime(source);
      if (!time.equals(Files.getLastModifiedTime(target, LinkOption.NOFOLLOW_LINKS))) {
        Files.setLastModifiedTime(target, time);
      }
    } catch (IOException e) {
      // the file stays as it is; only the next run's shortcut is lost
    }
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
