package samizdat.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import samizdat.io.AtomicFiles;

/**
 * What {@link UsbMirror} does to files and folders on the target: durable atomic copies, the
 * temporary files and emptied folders a run leaves, and the order folders are synced in.
 */
final class StickFiles {
  private StickFiles() {}

  /** A path's attributes (not following a link), or empty when nothing is there. */
  static Optional<BasicFileAttributes> attributes(Path p) throws IOException {
    try {
      return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Temporary files of a killed run, at the root of the target and in the folders of {@code paths}. */
  static void removeLeftoverTemporaryFiles(Path target, Set<String> paths) throws IOException {
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(target);
    for (String p : paths) {
      dirs.add(SafePaths.resolve(target, p).getParent());
    }
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*")) {
        for (Path leftover : s) {
          if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(leftover);
          }
        }
      }
    }
  }

  /** Removes {@code dir} and its parents while empty; returns the first folder left (changed). */
  static Path removeEmptyParents(Path target, Path dir) throws IOException {
    while (dir != null && !dir.equals(target) && dir.startsWith(target) && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        if (s.iterator().hasNext()) {
          return dir;
        }
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
    return dir == null || !dir.startsWith(target) ? target : dir;
  }

  /**
   * {@code dirs} and every folder between them and {@code target} (a folder made by this run is
   * an entry of its parent), deepest first, {@code target} last.
   */
  static List<Path> deepestFirst(Path target, Set<Path> dirs) {
    Set<Path> all = new TreeSet<>();
    for (Path d : dirs) {
      for (Path p = d; p != null && p.startsWith(target); p = p.getParent()) {
        if (!all.add(p)) {
          break;
        }
      }
    }
    List<Path> order = new ArrayList<>(all);
    order.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    return order;
  }

  /** Copies {@code source} to {@code target} atomically and durably; returns the hash of the bytes written. */
  static String copy(Path source, Path target, Sha256 sha, LongConsumer copiedBytes)
      throws IOException {
    sha.digest().reset();
    byte[] buffer = sha.buffer();
    AtomicFiles.write(target, (OutputStream out) -> {
      try (InputStream in = Files.newInputStream(source)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          sha.digest().update(buffer, 0, n);
          out.write(buffer, 0, n);
          copiedBytes.accept(n);
        }
      }
    }, true);
    return Sha256.hex(sha.digest().digest());
  }

  static boolean sameContent(Sha256 sha, Path a, Path b) throws IOException {
    return sha.of(a, n -> { }).equals(sha.of(b, n -> { }));
  }
}
