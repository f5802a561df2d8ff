package samizdat.mirror;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The files of a site folder that get mirrored: regular files, by '/'-separated relative path.
 * Hidden names (starting with '.') are left out, as {@code ipfs add} does, so the USB copy and
 * the IPFS export hold the same files; symbolic links and special files too (FAT cannot hold
 * links), each with a warning.
 */
public final class SiteFiles {
  private SiteFiles() {}

  /** Relative path -> size, sorted by path. */
  public static SortedMap<String, Long> scan(Path site, Consumer<String> warnings) throws IOException {
    SortedMap<String, Long> files = new TreeMap<>();
    Files.walkFileTree(site, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(site) && dir.getFileName().toString().startsWith(".")) {
          warnings.accept(site.relativize(dir) + "/: hidden folder, not mirrored");
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = relative(site, file);
        if (file.getFileName().toString().startsWith(".")) {
          warnings.accept(rel + ": hidden file, not mirrored");
        } else if (attrs.isRegularFile()) {
          files.put(rel, attrs.size());
        } else {
          warnings.accept(rel + ": " + (attrs.isSymbolicLink() ? "symbolic link" : "not a regular file")
              + ", not mirrored");
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        throw new IOException(file + ": cannot read (" + e.getMessage() + ")", e);
      }
    });
    return files;
  }

  static String relative(Path base, Path p) {
    StringBuilder sb = new StringBuilder();
    for (Path part : base.relativize(p)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
