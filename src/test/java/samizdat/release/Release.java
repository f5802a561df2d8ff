package samizdat.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The release zip made by {@code ./mvnw package}, unpacked for a test. */
final class Release {
  private Release() {}

  /** Unpacks the zip into {@code into} and returns its one top folder ({@code samizdat-VERSION}). */
  static Path unpack(Path into) throws IOException {
    Path zip = Path.of(System.getProperty("samizdat.release.zip", "target/samizdat-missing.zip"));
    assertTrue(Files.isRegularFile(zip), zip + " is made by ./mvnw package");
    Files.createDirectories(into);
    unzip(zip, into);
    List<Path> top;
    try (Stream<Path> s = Files.list(into)) {
      top = s.toList();
    }
    assertEquals(1, top.size(), "one folder at the top of the zip: " + top);
    return top.get(0);
  }

  /** Unpacks a zip keeping its Unix file modes (the zip file system reads them). */
  private static void unzip(Path zip, Path into) throws IOException {
    URI uri = URI.create("jar:" + zip.toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", "true"));
        Stream<Path> entries = Files.walk(fs.getPath("/"))) {
      for (Path entry : entries.toList()) {
        Path target = into.resolve(entry.toString().substring(1));
        assertTrue(target.normalize().startsWith(into), "entry inside the folder: " + entry);
        if (Files.isDirectory(entry)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(entry, target);
          Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
        }
      }
    }
  }
}
