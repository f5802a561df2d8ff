package samizdat.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.search.SearchIndex;
import samizdat.site.SiteBuilder;

class ClasspathDirTest {
  @TempDir
  Path tmp;

  /** The code fingerprint is what invalidates the build state: a subpackage's class is code too. */
  @Test
  void aChangeInASubfolderChangesTheFingerprint() throws IOException {
    Path dir = tmp.resolve("site");
    Files.createDirectories(dir.resolve("render"));
    Files.write(dir.resolve("SiteBuilder.class"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("render/ListPages.class"), new byte[] {4, 5, 6});
    byte[] before = ClasspathDir.fingerprintOf(dir);
    Files.write(dir.resolve("render/ListPages.class"), new byte[] {4, 5, 7});
    assertFalse(Arrays.equals(before, ClasspathDir.fingerprintOf(dir)), "changed bytes in render/");
    byte[] changed = ClasspathDir.fingerprintOf(dir);
    Files.write(dir.resolve("render/Extra.class"), new byte[0]);
    assertFalse(Arrays.equals(changed, ClasspathDir.fingerprintOf(dir)), "a new empty file in render/");
    Files.delete(dir.resolve("render/Extra.class"));
    assertArrayEquals(changed, ClasspathDir.fingerprintOf(dir), "the same tree again");
    // A file moved to another folder under the same name is another tree.
    Files.createDirectories(dir.resolve("model"));
    Files.move(dir.resolve("render/ListPages.class"), dir.resolve("model/ListPages.class"));
    assertFalse(Arrays.equals(changed, ClasspathDir.fingerprintOf(dir)), "a class moved to model/");
  }

  @Test
  void equalTreesInOtherPlacesHaveEqualFingerprints() throws IOException {
    for (String root : new String[] {"a", "b"}) {
      Path dir = tmp.resolve(root);
      Files.createDirectories(dir.resolve("x/y"));
      Files.writeString(dir.resolve("x/y/z.class"), "z");
      Files.writeString(dir.resolve("x/w.class"), "w");
      Files.writeString(dir.resolve("v.class"), "v");
    }
    assertArrayEquals(ClasspathDir.fingerprintOf(tmp.resolve("a")), ClasspathDir.fingerprintOf(tmp.resolve("b")));
  }

  /** SiteBuilder's fingerprint is the tree of samizdat/site, so it covers site.render, model and state. */
  @Test
  void theSiteBuildersFingerprintCoversItsSubpackages() throws IOException {
    Path copy = tmp.resolve("copy");
    try (ClasspathDir code = ClasspathDir.containing("/samizdat/site/SiteBuilder.class")) {
      assertTrue(Files.isRegularFile(code.path().resolve("render/ClasspathDir.class")));
      copyTree(code.path(), copy);
    }
    assertArrayEquals(ClasspathDir.fingerprintOf(copy), ClasspathDir.fingerprintOf(SiteBuilder.class));
    Path render = copy.resolve("render/ClasspathDir.class");
    byte[] bytes = Files.readAllBytes(render);
    bytes[bytes.length - 1] ^= 1;
    Files.write(render, bytes);
    assertFalse(Arrays.equals(ClasspathDir.fingerprintOf(copy), ClasspathDir.fingerprintOf(SiteBuilder.class)));
  }

  @Test
  void theSearchIndexFingerprintIsItsPackageTree() throws IOException {
    Path copy = tmp.resolve("search");
    try (ClasspathDir code = ClasspathDir.containing("/samizdat/search/SearchIndex.class")) {
      copyTree(code.path(), copy);
    }
    assertArrayEquals(ClasspathDir.fingerprintOf(copy), ClasspathDir.fingerprintOf(SearchIndex.class));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
