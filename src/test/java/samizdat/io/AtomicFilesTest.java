package samizdat.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesNewFileAndCreatesParents() throws IOException {
    Path f = dir.resolve("a/b/c.txt");
    assertTrue(AtomicFiles.writeIfChanged(f, "hello".getBytes(StandardCharsets.UTF_8)));
    assertEquals("hello", Files.readString(f));
  }

  @Test
  void writtenFilesAreReadableByOthers() throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path f = dir.resolve("page.html");
    AtomicFiles.write(f, new byte[] {1}, false);
    assertTrue(Files.getPosixFilePermissions(f).contains(PosixFilePermission.OTHERS_READ),
        Files.getPosixFilePermissions(f).toString());
  }

  @Test
  void identicalContentLeavesFileAndMtimeAlone() throws IOException {
    Path f = dir.resolve("c.txt");
    AtomicFiles.writeIfChanged(f, new byte[] {1, 2, 3});
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(f, old);
    assertFalse(AtomicFiles.writeIfChanged(f, new byte[] {1, 2, 3}));
    assertEquals(old, Files.getLastModifiedTime(f));
    assertTrue(AtomicFiles.writeIfChanged(f, new byte[] {1, 2, 4}));
    assertArrayEquals(new byte[] {1, 2, 4}, Files.readAllBytes(f));
  }

  @Test
  void failingWriterLeavesOldFileAndNoTemporary() throws IOException {
    Path f = dir.resolve("keep.txt");
    Files.writeString(f, "good");
    assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
      out.write("partial".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }, true));
    assertEquals("good", Files.readString(f));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void createNewWritesOnlyWhereNothingIsAndMakesItsFolders() throws IOException {
    Path target = dir.resolve("a/b/new.html");
    assertTrue(AtomicFiles.createNew(target, "新".getBytes(StandardCharsets.UTF_8)));
    assertEquals("新", Files.readString(target));
    assertFalse(AtomicFiles.createNew(target, "other".getBytes(StandardCharsets.UTF_8)));
    assertEquals("新", Files.readString(target), "an existing file is left alone");
    if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
      assertTrue(Files.getPosixFilePermissions(target).contains(PosixFilePermission.OTHERS_READ));
    }
  }

  @Test
  void createOrReplaceCreatesWhereNothingIsAndReplacesALeftoverWholesale() throws IOException {
    Path target = dir.resolve("raw/x.html.gz");
    AtomicFiles.createOrReplace(target, "first".getBytes(StandardCharsets.UTF_8));
    assertEquals("first", Files.readString(target));
    // A leftover longer than the new bytes: replaced, not overwritten in place (no old tail).
    Files.writeString(target, "a much longer leftover from a crash");
    AtomicFiles.createOrReplace(target, "second".getBytes(StandardCharsets.UTF_8));
    assertEquals("second", Files.readString(target));
    try (Stream<Path> s = Files.list(target.getParent())) {
      assertEquals(List.of(target), s.toList(), "no temporary file left behind");
    }
    if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
      assertTrue(Files.getPosixFilePermissions(target).contains(PosixFilePermission.OTHERS_READ));
    }
  }
}
