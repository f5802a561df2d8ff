package samizdat.site;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import samizdat.io.AtomicFiles;
import samizdat.io.RelativePaths;

/**
 * What a build that did not finish may leave in the site (temporary files, pages no saved state
 * lists), the marker that tells the next build to look for them, and the walk that removes them.
 */
final class Leftovers {
  /** Folders of the site that only builds write to; a file in them no build wrote is removed. */
  static final List<String> OWN_FOLDERS = List.of("a", "tags", "page", "archive", "search", "media");

  private Leftovers() {}

  /**
   * The file that says a build of the site whose state is {@code cache} is running or did not
   * finish: written before the first byte of the site is, removed once the build has finished and
   * saved its state. Next to the state, outside the site.
   */
  static Path marker(Path cache) {
    return cache.resolveSibling(cache.getFileName() + ".unfinished");
  }

  /**
   * Removes what no build wrote from the folders only builds write to: temporary files of a killed
   * run everywhere there, and with {@code extras} also files this build did not write (a search
   * shard of another build, a page of an article a lost state forgot). Returns how many.
   */
  static int sweep(Path out, Set<String> written, boolean extras) throws IOException {
    int[] removed = {0};
    AtomicFiles.sweepTemps(out);
    for (String folder : OWN_FOLDERS) {
      Path dir = out.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> emptied = new ArrayList<>();
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          String name = file.getFileName().toString();
          boolean temp = name.startsWith(AtomicFiles.TEMP_PREFIX);
          if (attrs.isRegularFile() && (temp
              || (extras && looksWrittenByBuild(folder, name) && !written.contains(RelativePaths.of(out, file))))) {
            Files.deleteIfExists(file);
            removed[0]++;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) {
          emptied.add(d);
          return FileVisitResult.CONTINUE;
        }
      });
      if (extras) {
        for (Path d : emptied) {
          try {
            Files.delete(d);
          } catch (IOException e) {
            // not empty: kept
          }
        }
      }
    }
    return removed[0];
  }

  private static final Pattern PAGE_NAME =
      Pattern.compile("[a-z0-9_-][a-z0-9._-]*\\.(html|js|json|xml)");
  private static final Pattern MEDIA_NAME =
      Pattern.compile("[0-9a-f]{32,64}\\.[a-z0-9]{1,5}");

  /** True for the names a build gives files in {@code folder}: a user's notes.txt is not one. */
  static boolean looksWrittenByBuild(String folder, String name) {
    return folder.equals("media") ? MEDIA_NAME.matcher(name).matches() : PAGE_NAME.matcher(name).matches();
  }
}
