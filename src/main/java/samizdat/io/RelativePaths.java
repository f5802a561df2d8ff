package samizdat.io;

import java.nio.file.Path;

/** A path below a folder as the site, manifests and state name it: relative, '/'-separated on every OS. */
public final class RelativePaths {
  private RelativePaths() {}

  /** {@code file} relative to {@code folder}, its parts joined by '/' (never '\'). */
  public static String of(Path folder, Path file) {
    StringBuilder sb = new StringBuilder();
    for (Path part : folder.relativize(file)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
