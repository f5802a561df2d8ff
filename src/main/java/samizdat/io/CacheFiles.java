package samizdat.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

  /**
   * The whole of a cache file of {@code size} bytes (as just measured), read in steps of 1 MiB.
   * {@code Files.readAllBytes} reads in one call, for which the JDK allocates a native buffer as
   * large as the file and keeps it for the thread: 158 MB more resident memory for the state of
   * a 100,000-article site.
   *
   * @throws EOFException when the file is shorter than {@code size} (it is replaced, not grown or
   *     cut, by the runs that write it)
   */
  public static byte[] read(Path file, int size) throws IOException {
    byte[] bytes = new byte[size];
    try (FileChannel channel = FileChannel.open(file)) {
      int at = 0;
      while (at < size) {
        int n = channel.read(ByteBuffer.wrap(bytes, at, Math.min(STEP, size - at)));
        if (n < 0) {
          throw new EOFException(file + ": shorter than its " + size + " bytes");
        }
        at += n;
      }
    }
    return bytes;
  }

  private static final int STEP = 1 << 20;
}
