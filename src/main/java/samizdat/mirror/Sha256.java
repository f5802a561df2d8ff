package samizdat.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/** SHA-256 of files, read in large blocks. Each instance reuses one buffer: not thread-safe. */
final class Sha256 {
  private final MessageDigest digest;
  private final byte[] buffer = new byte[1 << 20];

  Sha256() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  MessageDigest digest() {
    return digest;
  }

  byte[] buffer() {
    return buffer;
  }

  /** Hex SHA-256 of {@code file}; {@code progress} is told each block's byte count. */
  String of(Path file, LongConsumer progress) throws IOException {
    digest.reset();
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        progress.accept(n);
      }
    }
    return hex(digest.digest());
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
