package samizdat.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import samizdat.io.AtomicFiles;

/**
 * {@code content/media/}: images named by their content hash, so each is stored once however many
 * articles show it, and a re-ingest never rewrites one. Thread-safe.
 */
final class MediaStore {
  private final Path dir;
  private final Set<String> present = ConcurrentHashMap.newKeySet();

  MediaStore(Path dir) {
    this.dir = dir;
  }

  /** The media folder. */
  Path dir() {
    return dir;
  }

  /** What kind of image the bytes are, by their magic number; empty when not an image. */
  static Optional<String> extension(byte[] b) {
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("jpg");
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("png");
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return Optional.of("gif");
    }
    if (b.length > 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
        && b[11] == 'P') {
      return Optional.of("webp");
    }
    if (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p'
        && (new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("avi"))) {
      return Optional.of("avif");
    }
    if (starts(b, 'B', 'M') && b.length > 26) {
      return Optional.of("bmp");
    }
    return Optional.empty();
  }

  /** True for images of at most 2 x 2 pixels (GIF and PNG headers): tracking pixels. */
  static boolean isPixel(byte[] b) {
    if (starts(b, 'G', 'I', 'F', '8') && b.length >= 10) {
      int w = (b[6] & 0xff) | (b[7] & 0xff) << 8;
      int h = (b[8] & 0xff) | (b[9] & 0xff) << 8;
      return w <= 2 && h <= 2;
    }
    if (starts(b, 0x89, 'P', 'N', 'G') && b.length >= 24) {
      int w = (b[16] & 0xff) << 24 | (b[17] & 0xff) << 16 | (b[18] & 0xff) << 8 | (b[19] & 0xff);
      int h = (b[20] & 0xff) << 24 | (b[21] & 0xff) << 16 | (b[22] & 0xff) << 8 | (b[23] & 0xff);
      return w <= 2 && h <= 2;
    }
    return false;
  }

  /** The file name an image is stored under: its content hash and extension. */
  static String name(byte[] image, String extension) {
    return ArticleFacts.sha256(image).substring(0, 32) + "." + extension;
  }

  /**
   * Stores an image (already checked to be one) under its {@link #name}, computed by the caller
   * when it looked at the image (computing it here again would hash every image twice).
   */
  void store(String name, byte[] image) throws IOException {
    if (present.contains(name)) {
      return;
    }
    Path file = dir.resolve(name);
    if (!(Files.isRegularFile(file) && Files.size(file) == image.length)) {
      AtomicFiles.write(file, image, false);
    }
    present.add(name);
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
