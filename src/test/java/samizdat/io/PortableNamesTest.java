package samizdat.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PortableNamesTest {
  @Test
  void deviceNamesInAnyCaseWithAnyExtensionAndTrailingDotsAreUnportable() {
    for (String name : new String[] {"con", "CON", "Nul", "nul.html", "com1", "COM9.txt", "lpt1", "aux",
        "prn.tar.gz", "con .x", "abc.", "abc "}) {
      assertTrue(PortableNames.isUnportable(name), name);
    }
    for (String name : new String[] {"console", "con-1", "com10", "lpt", "nul_", "a.con", "sora", "t--3fa9"}) {
      assertFalse(PortableNames.isUnportable(name), name);
    }
    assertEquals("CON", PortableNames.reservedStem("con.html"));
    assertEquals("", PortableNames.reservedStem("contact.html"));
  }

  @Test
  void aWriteErrorNamesItsFileAndAFullDiskIsFatal() {
    IOException enospc = new IOException("No space left on device");
    IOException named = IoFailures.about(Path.of("site/a/x.html"), enospc);
    assertTrue(named instanceof FatalIoException, named.toString());
    assertEquals("site/a/x.html: No space left on device", named.getMessage());
    assertEquals("site/a/x.html: No space left on device; stopped (free some space there and run again)",
        ((FatalIoException) named).advice());
    assertTrue(IoFailures.isFatal(new FileSystemException("/mnt/x", null, "Read-only file system")));
    IOException denied = IoFailures.about(Path.of("content/articles/a.json"),
        new FileSystemException("content/articles/.samizdat-tmp-1x.part", null, "Permission denied"));
    assertFalse(IoFailures.isFatal(denied));
    assertEquals("content/articles/a.json: Permission denied", denied.getMessage(),
        "the target, not the temporary file");
  }
}
