package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.mirror.SiteFolders;

class MirrorUsbCommandTest {
  @TempDir Path tmp;

  @Test
  void copiesTheSiteAndPrintsASummary() throws IOException {
    Path site = SiteFolders.write(tmp.resolve("site"), 5, 1000, 3);
    Path stick = tmp.resolve("stick");

    CliRun run = CliRun.run("mirror", "usb", "--site", site.toString(), stick.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("mirrored " + site + " to " + stick + ": 9 files"), run.out());
    assertTrue(run.out().contains("9 copied"), run.out());
    assertTrue(run.out().contains("archive: 自由新闻档案 (5 articles, 2023-01-05 to 2024-06-30)"), run.out());
    assertTrue(Files.isRegularFile(stick.resolve("samizdat-manifest.json")));

    CliRun again = CliRun.run("mirror", "usb", "--site", site.toString(), stick.toString());
    assertTrue(again.out().contains("0 copied (0 B), 9 unchanged, 0 removed"), again.out());
  }

  @Test
  void problemsAreOneLineEachWithExitCode1() throws IOException {
    Path site = SiteFolders.write(tmp.resolve("site"), 2, 0, 3);
    Files.writeString(site.resolve("a|b.html"), "x");
    Files.writeString(site.resolve("aux.html"), "x");

    CliRun run = CliRun.run("mirror", "usb", "--site", site.toString(), tmp.resolve("stick").toString());

    assertEquals(1, run.exitCode());
    List<String> lines = run.err().lines().filter(l -> l.startsWith("samizdat: ")).toList();
    assertEquals(2, lines.size(), run.err());
    assertTrue(lines.stream().anyMatch(l -> l.contains("a|b.html: has '|'")), run.err());
    assertTrue(lines.stream().anyMatch(l -> l.contains("aux.html: 'AUX' is a reserved device name")), run.err());
    assertEquals("", run.out());
  }

  @Test
  void usageErrorsAndHelp() {
    CliRun help = CliRun.run("mirror", "usb", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("Usage: samizdat mirror usb") && help.out().contains("--overwrite"), help.out());
    assertEquals(0, CliRun.run("verify", "--help").exitCode());
    assertEquals(0, CliRun.run("mirror", "ipfs", "--help").exitCode());
    assertEquals(2, CliRun.run("mirror").exitCode());
    assertEquals(2, CliRun.run("mirror", "usb").exitCode());
    CliRun missingSite = CliRun.run("mirror", "usb", "--site", tmp.resolve("nope").toString(), tmp.resolve("s").toString());
    assertEquals(ExitCodes.REFUSED, missingSite.exitCode());
    assertTrue(missingSite.err().contains("nope: no such folder; build the site first"), missingSite.err());
  }

  @Test
  void aContentFolderGivenAsTheStickIsRefusedUntouched() throws IOException {
    Path site = SiteFolders.write(tmp.resolve("site"), 2, 0, 3);
    Path content = tmp.resolve("content");
    Path page = tmp.resolve("page.html");
    try (var in = MirrorUsbCommandTest.class.getResourceAsStream("/fixtures/bannedbook-sora.html")) {
      Files.write(page, in.readAllBytes());
    }
    assertEquals(0, CliRun.run("ingest", "-q", "--content", content.toString(), page.toString()).exitCode());
    List<String> before = listing(content);
    assertTrue(before.contains("articles") && before.contains("raw"), before.toString());

    CliRun run = CliRun.run("mirror", "usb", "--site", site.toString(), content.toString());

    assertEquals(ExitCodes.REFUSED, run.exitCode(), run.err());
    assertEquals("samizdat: " + content + ": a samizdat content folder (articles/, raw/), not a place for a copy of"
        + " the site. Nothing was changed. Give a stick or another folder\n", run.err());
    assertEquals(before, listing(content));
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString().replace(File.separatorChar, '/')).sorted().toList();
    }
  }

  /**
   * A real interruption: a child JVM copying a site is killed (SIGKILL) mid-copy. The stick then
   * fails verification (no manifest yet), a re-run completes the copy, and verify passes.
   */
  @Test
  void aKilledCopyIsCompletedByRunningAgain() throws Exception {
    Path site = tmp.resolve("site");
    SiteFolders.write(site, 10, 0, 5);
    Random random = new Random(11);
    Files.createDirectories(site.resolve("big"));
    for (int i = 0; i < 600; i++) {
      byte[] data = new byte[64 * 1024];
      random.nextBytes(data);
      Files.write(site.resolve("big/" + i + ".bin"), data);
    }
    Path stick = tmp.resolve("stick");
    Files.createDirectories(stick);
    Files.writeString(stick.resolve("keep-me.txt"), "unrelated");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "samizdat.cli.Main", "mirror", "usb", "--quiet", "--site", site.toString(), stick.toString())
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (countFiles(stick.resolve("big")) < 30) {
        assertTrue(child.isAlive(), "the copy ended before it could be interrupted: "
            + Files.readString(tmp.resolve("child.log")));
        assertTrue(System.nanoTime() < deadline, "the copy did not start");
        Thread.sleep(5);
      }
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertFalse(Files.exists(stick.resolve("samizdat-manifest.json")), "killed before the manifest");
    assertTrue(countFiles(stick.resolve("big")) < 600, "killed mid-copy");
    CliRun before = CliRun.run("verify", stick.toString());
    assertEquals(1, before.exitCode());
    assertTrue(before.err().contains("samizdat-manifest.json: missing"), before.err());

    CliRun rerun = CliRun.run("mirror", "usb", "--quiet", "--site", site.toString(), stick.toString());

    assertEquals(0, rerun.exitCode(), rerun.err());
    CliRun after = CliRun.run("verify", stick.toString());
    assertEquals(0, after.exitCode(), after.out() + after.err());
    assertEquals("unrelated", Files.readString(stick.resolve("keep-me.txt")));
    try (Stream<Path> files = Files.walk(stick)) {
      assertEquals(List.of(), files.map(Path::getFileName).map(Path::toString)
          .filter(n -> n.startsWith(".samizdat") && !n.equals(samizdat.io.FolderLock.FILE_NAME)).toList(),
          "temporary files and journal cleaned up");
    }
  }

  private static long countFiles(Path dir) throws IOException {
    File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(".bin"));
    return files == null ? 0 : files.length;
  }
}
