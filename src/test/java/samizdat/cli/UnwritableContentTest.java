package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A content folder a writer cannot write in (read-only medium, no permission, immutable) and a
 * file given as {@code --content}: one line up front and a documented exit code, not one error
 * per page (issue 14, point 7). Permission bits do not stop root, so as root a folder is made
 * immutable ({@code chattr +i}) or mounted read-only; where neither can be done the test is
 * skipped, saying why.
 */
class UnwritableContentTest {
  @TempDir Path tmp;

  /** What to undo after the test, last first. */
  private final List<List<String>> undo = new ArrayList<>();

  @AfterEach
  void restore() throws Exception {
    for (int i = undo.size() - 1; i >= 0; i--) {
      run(undo.get(i));
    }
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  private static boolean canCreateIn(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Makes {@code dir} a folder no file can be created in, or skips the test. */
  private void makeUnwritable(Path dir) throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
      undo.add(List.of("chmod", "u+w", dir.toString()));
    } else if (run(List.of("chattr", "+i", dir.toString())) == 0) {
      undo.add(List.of("chattr", "-i", dir.toString()));
    }
    Assumptions.assumeFalse(canCreateIn(dir), "cannot make a folder unwritable here (running as "
        + System.getProperty("user.name") + ", and chattr +i failed: a file system without it, or no"
        + " CAP_LINUX_IMMUTABLE)");
  }

  private Path pages(int n) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("pages"));
    String sora;
    try (var in = getClass().getResourceAsStream("/fixtures/bannedbook-sora.html")) {
      sora = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (int k = 0; k < n; k++) {
      Files.writeString(folder.resolve("p" + k + ".html"), "<link rel=\"canonical\" href=\"https://www.bannedbook.org/"
          + "bnews/itnews/20240307/" + (2009000 + k) + ".html\">" + sora.replace("<h2>中国大厂集体“屏蔽”Sora</h2>",
          "<h2>第" + k + "篇 中国大厂集体“屏蔽”Sora</h2>"), StandardCharsets.UTF_8);
    }
    return folder;
  }

  private static TreeMap<String, Long> snapshot(Path dir) throws IOException {
    TreeMap<String, Long> map = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        map.put(dir.relativize(p).toString(), Files.size(p) * 1_000_000_000L + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return map;
  }

  @Test
  void aContentFolderThatCannotBeWrittenIsOneLineUpFront() throws Exception {
    Path content = tmp.resolve("content");
    Path pages = pages(6);
    assertEquals(0, CliRun.run("ingest", "-q", "--content", content.toString(), pages.resolve("p0.html").toString())
        .exitCode());
    TreeMap<String, Long> before = snapshot(content);
    makeUnwritable(content.resolve("articles"));

    for (String[] args : List.of(
        new String[] {"ingest", "-q", "--content", content.toString(), pages.toString()},
        new String[] {"reingest", "-q", "--content", content.toString()})) {
      CliRun r = CliRun.run(args);
      assertEquals(ExitCodes.STOPPED, r.exitCode(), args[0] + ": " + r.err());
      assertEquals(List.of("samizdat: content folder " + content + ": cannot write in " + content.resolve("articles")
          + " (" + (System.getProperty("user.name").equals("root") ? "Operation not permitted" : "Permission denied")
          + "); nothing was changed (make it writable and run again)"), r.err().lines().toList(), args[0]);
      assertEquals("", r.out(), args[0] + ": no summary of pages never read");
    }
    assertEquals(before, snapshot(content), "nothing changed");
    // Reading is still fine: a build takes what is there.
    CliRun build = CliRun.run("build", "-q", "--content", content.toString(), "--out", tmp.resolve("site").toString());
    assertEquals(0, build.exitCode(), build.err());
  }

  @Test
  void aReadOnlyMountIsOneLineUpFrontAndCanStillBeBuilt() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "a read-only bind mount needs root");
    Path content = tmp.resolve("content");
    Path pages = pages(3);
    assertEquals(0, CliRun.run("ingest", "-q", "--content", content.toString(), pages.toString()).exitCode());
    Assumptions.assumeTrue(run(List.of("mount", "--bind", content.toString(), content.toString())) == 0,
        "mount --bind is not permitted here (no CAP_SYS_ADMIN)");
    undo.add(List.of("umount", content.toString()));
    Assumptions.assumeTrue(run(List.of("mount", "-o", "remount,ro,bind", content.toString())) == 0,
        "a read-only remount is not permitted here");
    Assumptions.assumeFalse(canCreateIn(content), "the mount is still writable");

    CliRun r = CliRun.run("ingest", "-q", "--content", content.toString(), pages.toString());
    assertEquals(ExitCodes.STOPPED, r.exitCode(), r.err());
    assertEquals(List.of("samizdat: content folder " + content + ": cannot write in " + content
        + " (Read-only file system); nothing was changed (make it writable and run again)"), r.err().lines().toList());
    CliRun build = CliRun.run("build", "-q", "--content", content.toString(), "--out", tmp.resolve("site").toString());
    assertEquals(0, build.exitCode(), "a read-only archive (a DVD, a write-protected stick) is built: " + build.err());
    assertTrue(build.out().contains("3 articles"), build.out());
  }

  @Test
  void aFileGivenAsContentIsOneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("content.txt"), "not a folder");
    Path pages = pages(2);
    for (String[] args : List.of(
        new String[] {"ingest", "-q", "--content", file.toString(), pages.toString()},
        new String[] {"reingest", "-q", "--content", file.toString()},
        new String[] {"follow", "-q", "--content", file.toString(), "http://127.0.0.1:9/feed.xml"},
        new String[] {"build", "-q", "--content", file.toString(), "--out", tmp.resolve("site").toString()})) {
      CliRun r = CliRun.run(args);
      assertEquals(ExitCodes.USAGE, r.exitCode(), args[0] + ": " + r.err());
      assertEquals(1, r.err().lines().count(), args[0] + ": " + r.err());
      assertTrue(r.err().contains(file + ": not a folder") || r.err().contains(file + ": not a content folder"),
          args[0] + ": " + r.err());
      assertEquals("not a folder", Files.readString(file));
    }
  }
}
