package samizdat.mirror;

import java.nio.file.Path;

/** Checks on relative paths taken from files (manifests, journals) before they are resolved. */
final class SafePaths {
  private SafePaths() {}

  /** True for "a/b.html"-style paths that stay inside the folder they are resolved against. */
  static boolean isSafeRelative(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
        || path.length() > 4096) {
      return false;
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code base} resolved with a '/'-separated relative path: a site file's, or one that passed
   * {@link #isSafeRelative}. Every platform's paths take '/' as a separator (Windows also '\\').
   */
  static Path resolve(Path base, String path) {
    return base.resolve(path);
  }
}
