package samizdat.io;

import java.nio.file.Path;

/**
 * Where samizdat keeps what a run learned about a folder for the next run (the build's state, the
 * IPFS export's cache): {@code .samizdat-cache/<folder name>.<kind>} in the folder's parent, so it
 * is never part of the folder itself and is never copied or exported with it.
 */
public final class CacheFiles {
  /** The cache folder's name. */
  public static final String FOLDER = ".samizdat-cache";

  private CacheFiles() {}

  /** {@code .samizdat-cache/<name of folder>.<kind>} in {@code folder}'s parent. */
  public static Path beside(Path folder, String kind) {
    Path abs = folder.toAbsolutePath().normalize();
    Path parent = abs.getParent() == null ? abs : abs.getParent();
    String name = abs.getFileName() == null ? "site" : abs.getFileName().toString();
    return parent.resolve(FOLDER).resolve(name + "." + kind);
  }
}
