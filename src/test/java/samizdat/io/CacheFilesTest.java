package samizdat.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void aRecordIsTrustedOnlyForTheSameSizeAndMtimeSafelyOlderThanTheSave() {
    long saved = 1_700_000_000_000L;
    assertTrue(CacheFiles.unchanged(10, saved - 2001, 10, saved - 2001, saved));
    assertFalse(CacheFiles.unchanged(10, saved - 2000, 10, saved - 2000, saved), "racily clean");
    assertFalse(CacheFiles.unchanged(10, saved - 5000, 11, saved - 5000, saved), "size changed");
    assertFalse(CacheFiles.unchanged(10, saved - 5000, 10, saved - 4000, saved), "mtime changed");
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

  @Test
  void aCheckedFileComesBackOnlyWholeAndOfItsKindAndVersion() throws Exception {
    Path file = dir.resolve(".samizdat-cache/site.x");
    CacheFiles.writeChecked(file, 0x12345678, 3, out -> {
      out.writeLong(42);
      CacheFiles.writeString(out, "新闻 news");
    });
    java.nio.ByteBuffer in = CacheFiles.readChecked(file, 0x12345678, 3, "x cache");
    assertEquals(42, in.getLong());
    assertEquals("新闻 news", CacheFiles.readString(in));
    assertEquals(0, in.remaining(), "the checksum is past the limit");

    assertEquals("not a samizdat x cache", assertThrows(CacheFiles.UnusableException.class,
        () -> CacheFiles.readChecked(file, 0x12345679, 3, "x cache")).getMessage());
    assertEquals("written by another version of samizdat", assertThrows(CacheFiles.UnusableException.class,
        () -> CacheFiles.readChecked(file, 0x12345678, 4, "x cache")).getMessage());
    byte[] bytes = Files.readAllBytes(file);
    bytes[9] ^= 1;
    Files.write(file, bytes);
    assertEquals("checksum does not match (torn, or edited by hand)", assertThrows(
        CacheFiles.UnusableException.class, () -> CacheFiles.readChecked(file, 0x12345678, 3, "x cache")).getMessage());
    assertThrows(java.nio.file.NoSuchFileException.class,
        () -> CacheFiles.readChecked(dir.resolve("none"), 0x12345678, 3, "x cache"));
  }
}
