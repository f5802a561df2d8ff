package samizdat.site.render;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import samizdat.io.RelativePaths;
import samizdat.site.state.Fingerprint;

/**
 * A folder of the class path (in the jar or in {@code target/classes}) as a {@link Path}, so the
 * default templates and the code itself can be read like any folder. Closing releases the jar's
 * file system if this opened it.
 */
public final class ClasspathDir implements AutoCloseable {
  private final Path path;
  private final Optional<FileSystem> opened;

  private ClasspathDir(Path path, Optional<FileSystem> opened) {
    this.path = path;
    this.opened = opened;
  }

  public Path path() {
    return path;
  }

  /** The folder that holds class-path resource {@code resource} (e.g. {@code /templates/README.md}). */
  public static ClasspathDir containing(String resource) throws IOException {
    URL url = ClasspathDir.class.getResource(resource);
    if (url == null) {
      throw new IOException("resource missing from the class path: " + resource);
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        Optional<FileSystem> opened;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
          opened = Optional.of(fs);
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
          opened = Optional.empty();
        }
        return new ClasspathDir(fs.getPath(resource).getParent(), opened);
      }
      return new ClasspathDir(Path.of(uri).getParent(), Optional.empty());
    } catch (URISyntaxException e) {
      throw new IOException("bad class-path URL " + url, e);
    }
  }

  /**
   * A digest of every file in the folder of {@code type}'s class file and in all folders below it
   * (relative names and bytes, sorted): changes when the code of that package or of any of its
   * subpackages does ({@code samizdat.site} covers {@code samizdat.site.render} and the rest).
   */
  public static byte[] fingerprintOf(Class<?> type) throws IOException {
    try (ClasspathDir dir = containing("/" + type.getName().replace('.', '/') + ".class")) {
      return fingerprintOf(dir.path());
    }
  }

  /** A digest of every regular file under {@code folder}: its path relative to it ('/'-separated) and bytes. */
  static byte[] fingerprintOf(Path folder) throws IOException {
    TreeMap<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile).forEach(f -> files.put(RelativePaths.of(folder, f), f));
    }
    Fingerprint fp = new Fingerprint().add(files.size());
    for (var e : files.entrySet()) {
      fp.add(e.getKey()).add(Files.readAllBytes(e.getValue()));
    }
    return fp.done();
  }

  @Override
  public void close() throws IOException {
    if (opened.isPresent()) {
      opened.get().close();
    }
  }
}
