package samizdat.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Where samizdat keeps what a run learned about a folder for the next run (the build's state, the
 * IPFS export's cache, ingest's titles): {@code .samizdat-cache/<folder name>.<kind>} in the
 * folder's parent, so it is never part of the folder itself and is never copied or exported with
 * it; and the envelope of such a file ({@link #writeChecked}, {@link #readChecked}): a magic
 * number and version, the body, a CRC-32C of everything before it.
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
  static byte[] read(Path file, int size) throws IOException {
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

  /**
   * Whether a cache's record of a file (its size and mtime in ms when a run saved the cache at
   * {@code savedAt}) still describes the file, which now has {@code size} and {@code mtime}. Only
   * an mtime more than 2 s older than the save is trusted: a file changed again within its
   * mtime's resolution keeps that mtime (git's "racily clean" file), and 2 s covers the coarsest
   * file system clock (FAT).
   */
  public static boolean unchanged(long cachedSize, long cachedMtime, long size, long mtime, long savedAt) {
    return cachedSize == size && cachedMtime == mtime && mtime < savedAt - 2000;
  }

  /** The largest cache file {@link #readChecked} reads: it is read into one array. */
  private static final long MAX_SIZE = Integer.MAX_VALUE - 16;

  /** Writes the body of a cache file. */
  @FunctionalInterface
  public interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /** Why a cache file cannot be used, in a few words (e.g. "written by another version of samizdat"). */
  public static final class UnusableException extends IOException {
    private static final long serialVersionUID = 1L;

    UnusableException(String why) {
      super(why);
    }
  }

  /**
   * Writes {@code file} whole, as a temporary file renamed over it (its folder made when missing):
   * {@code magic}, {@code version}, the body, and a CRC-32C of all bytes before it.
   */
  public static void writeChecked(Path file, int magic, int version, Body body) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, raw -> {
      CRC32C crc = new CRC32C();
      DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16));
      out.writeInt(magic);
      out.writeInt(version);
      body.write(out);
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue()); // past the checked stream
    }, false);
  }

  /**
   * The body of a cache file {@link #writeChecked} wrote: the buffer holds the whole file, its
   * position is past the version and its limit before the checksum.
   *
   * @param what the kind of file, for the message when it is not one ("export cache")
   * @throws java.nio.file.NoSuchFileException when there is none
   * @throws UnusableException when it is too large to read, not a {@code what}, of another version
   *     or does not match its checksum (torn, or edited by hand)
   */
  public static ByteBuffer readChecked(Path file, int magic, int version, String what) throws IOException {
    long size = Files.size(file);
    if (size > MAX_SIZE) {
      throw new UnusableException("too large to read (" + size + " bytes)");
    }
    byte[] bytes = read(file, (int) size);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (bytes.length < 16 || in.getInt() != magic) {
      throw new UnusableException("not a samizdat " + what);
    }
    if (in.getInt() != version) {
      throw new UnusableException("written by another version of samizdat");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 8);
    if (crc.getValue() != ByteBuffer.wrap(bytes).getLong(bytes.length - 8)) {
      throw new UnusableException("checksum does not match (torn, or edited by hand)");
    }
    return in.limit(bytes.length - 8);
  }

  /** A string as its UTF-8 length and bytes. */
  public static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** A string {@link #writeString} wrote. */
  public static String readString(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
