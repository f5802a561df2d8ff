package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.mirror.SiteFolders;

class VerifyCommandTest {
  @TempDir Path tmp;
  Path site;
  Path stick;

  @BeforeEach
  void setUp() throws IOException {
    site = SiteFolders.write(tmp.resolve("site"), 4, 1500, 9);
    stick = tmp.resolve("stick");
    assertEquals(0, CliRun.run("mirror", "usb", "--site", site.toString(), stick.toString()).exitCode());
  }

  @Test
  void anIntactCopyExitsZero() {
    CliRun run = CliRun.run("verify", stick.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("OK: 9 files"), run.out());
    assertTrue(run.out().contains("archive: 自由新闻档案 (4 articles, 2023-01-05 to 2024-06-30), copied by samizdat"),
        run.out());
  }

  @Test
  void aCorruptedFileIsDetectedAndRepairedByARerun() throws IOException {
    Path page = stick.resolve("articles/1.html");
    byte[] bytes = Files.readAllBytes(page);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(page, bytes);
    Files.writeString(stick.resolve("my-own-file.txt"), "not the archive's");

    CliRun bad = CliRun.run("verify", stick.toString());

    assertEquals(1, bad.exitCode());
    assertTrue(bad.out().contains("changed  articles/1.html: content differs from the manifest"), bad.out());
    assertTrue(bad.out().contains("FAILED: 1 problems (0 missing, 1 changed, 0 extra)"), bad.out());
    assertTrue(bad.out().contains("not part of the archive (not checked): my-own-file.txt"), bad.out());
    assertTrue(bad.err().contains("the copy does not match its manifest"), bad.err());

    CliRun repair = CliRun.run("mirror", "usb", "--site", site.toString(), stick.toString());
    assertTrue(repair.out().contains("1 copied"), repair.out());

    assertEquals(0, CliRun.run("verify", stick.toString()).exitCode());
    assertEquals("not the archive's", Files.readString(stick.resolve("my-own-file.txt")));
  }

  @Test
  void aFolderWithoutManifestFails() throws IOException {
    Path plain = Files.createDirectories(tmp.resolve("plain"));

    CliRun run = CliRun.run("verify", plain.toString());

    assertEquals(1, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("samizdat: " + plain + "/samizdat-manifest.json: missing"), run.err());
  }
}
