package samizdat.mirror;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import samizdat.io.PortableNames;
import samizdat.io.RelativePaths;

/**
 * The files of a site folder that get mirrored: regular files, by '/'-separated relative path.
 * Hidden names (starting with '.') are left out, as {@code ipfs add} does, so the USB copy and
 * the IPFS export hold the same files; symbolic links and special files too (FAT cannot hold
 * links), each with a warning.
 */
public final class SiteFiles {
  private SiteFiles() {}

  /** Relative path -> size, sorted by path; a name that is not valid UTF-8 is a warning. */
  public static SortedMap<String, Long> scan(Path site, Consumer<String> warnings) throws IOException {
    return scan(site, warnings, warnings, (path, time) -> { });
  }

  /**
   * Relative path -> size, sorted by path. A file or folder whose name is not valid UTF-8
   * ({@link PortableNames#isUtf8}) is left out and told to {@code notUtf8}, one line naming it
   * with its bytes escaped: no stick, manifest or URL can hold its name. Each listed file's
   * modification time, as the walk found it, goes to {@code times}.
   */
  public static SortedMap<String, Long> scan(Path site, Consumer<String> warnings, Consumer<String> notUtf8,
      BiConsumer<String, FileTime> times) throws IOException {
    SortedMap<String, Long> files = new TreeMap<>();
    // The relative path of each folder being walked, ending in '/' ("" for the site itself).
    Deque<String> folders = new ArrayDeque<>();
    Files.walkFileTree(site, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(site)) {
          folders.push("");
          return FileVisitResult.CONTINUE;
        }
        if (!PortableNames.isUtf8(dir)) {
          notUtf8.accept(shown(site, dir) + "/: folder name is not valid UTF-8; not copied, nor anything"
              + " in it (rename it to copy it)");
          return FileVisitResult.SKIP_SUBTREE;
        }
        if (dir.getFileName().toString().startsWith(".")) {
          warnings.accept(site.relativize(dir) + "/: hidden folder, not mirrored");
          return FileVisitResult.SKIP_SUBTREE;
        }
        folders.push(folders.peek() + dir.getFileName() + "/");
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        folders.pop();
        return super.postVisitDirectory(dir, e);
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (!PortableNames.isUtf8(file)) {
          notUtf8.accept(shown(site, file) + ": file name is not valid UTF-8; not copied (rename it to copy it)");
          return FileVisitResult.CONTINUE;
        }
        String name = file.getFileName().toString();
        String rel = folders.peek() + name;
        if (name.startsWith(".")) {
          warnings.accept(rel + ": hidden file, not mirrored");
        } else if (attrs.isRegularFile()) {
          files.put(rel, attrs.size());
          times.accept(rel, attrs.lastModifiedTime());
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

  /** {@code p} relative to {@code base} for a message, its own name's bytes escaped if need be. */
  static String shown(Path base, Path p) {
    String parent = RelativePaths.of(base, p.getParent());
    return (parent.isEmpty() ? "" : parent + "/") + PortableNames.shown(p);
  }
}
