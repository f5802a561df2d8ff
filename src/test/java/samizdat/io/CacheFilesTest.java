package samizdat.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFilesTest {
  @TempDir Path dir;

  @Test
  void besideAFolderIsInItsParentsCacheFolder() {
    Path site = dir.resolve("site");
    assertEquals(dir.resolve(".samizdat-cache").resolve("site.state"), CacheFiles.beside(site, "state"));
  }

  @Test
  void readsAFileOfManySteps() throws Exception {
    // 3 MiB and a bit: whole steps and a short last one
    byte[] bytes = new byte[3 * (1 << 20) + 12_345];
    new Random(7).nextBytes(bytes);
    Path file = Files.write(dir.resolve("x.state"), bytes);
    assertArrayEquals(bytes, CacheFiles.read(file, bytes.length));
    assertArrayEquals(new byte[0], CacheFiles.read(Files.write(dir.resolve("empty"), new byte[0]), 0));
  }

  @Test
  void aFileShorterThanItsMeasuredSizeIsAnError() throws Exception {
    Path file = Files.write(dir.resolve("x.state"), new byte[100]);
    EOFException e = assertThrows(EOFException.class, () -> CacheFiles.read(file, 101));
    assertEquals(file + ": shorter than its 101 bytes", e.getMessage());
  }
}
