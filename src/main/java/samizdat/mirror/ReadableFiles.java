package samizdat.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Copies are for other people: files written through a temporary file start out readable by
 * their owner only, so on POSIX file systems they are opened up to rw-r--r-- after the rename.
 * FAT sticks have no permissions; there this does nothing.
 */
public final class ReadableFiles {
  private ReadableFiles() {}

  public static void makeWorldReadable(Path file) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    try {
      view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // the copy is still correct, only less shareable
    }
  }
}
