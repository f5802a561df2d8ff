package samizdat.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build state is trusted only while the code that renders the site is the same; the code
 * fingerprint must therefore cover every package the build's code reaches and every library it
 * calls. Read from the sources: a new import from another package fails here until it is covered.
 */
class SiteCodeTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([a-z][\\w.]*?)\\.[A-Z]");

  @Test
  void everyPackageAndLibraryTheBuildReachesIsInTheFingerprint() throws IOException {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("samizdat.site", "samizdat.search"));
    Set<String> libraries = new TreeSet<>();
    while (!todo.isEmpty()) {
      String pkg = todo.pop();
      if (!seen.add(pkg)) {
        continue;
      }
      Path dir = SOURCES.resolve(pkg.replace('.', '/'));
      assertTrue(Files.isDirectory(dir), dir + " (run from the project folder)");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = IMPORT.matcher(Files.readString(f));
          while (m.find()) {
            String imported = m.group(1);
            if (imported.startsWith("samizdat.")) {
              todo.push(imported);
            } else if (!imported.startsWith("java.")) {
              libraries.add(imported);
            }
          }
        }
      }
      try (Stream<Path> sub = Files.list(dir)) {
        sub.filter(Files::isDirectory).forEach(d -> todo.push(pkg + "." + d.getFileName()));
      }
    }
    for (String pkg : seen) {
      assertTrue(SiteCode.PACKAGES.stream().anyMatch(c -> within(pkg, c.getPackageName())),
          pkg + " is used by the build but not in SiteCode.PACKAGES");
    }
    for (String lib : libraries) {
      assertTrue(SiteCode.LIBRARIES.keySet().stream().anyMatch(prefix -> within(lib, prefix)),
          lib + " is used by the build but not in SiteCode.LIBRARIES");
    }
  }

  @Test
  void everyLibrarysVersionIsFoundOnTheClassPath() throws IOException {
    for (String library : SiteCode.LIBRARIES.values()) {
      Optional<String> version = SiteCode.version(library);
      assertTrue(version.isPresent() && version.get().matches("\\d+\\.\\d+.*"), library + ": " + version);
    }
    assertTrue(SiteCode.version("org.example/not-here").isEmpty());
  }

  private static boolean within(String pkg, String root) {
    return pkg.equals(root) || pkg.startsWith(root + ".");
  }
}
