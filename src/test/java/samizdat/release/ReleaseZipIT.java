package samizdat.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release zip ({@code target/samizdat-VERSION.zip}, made by {@code ./mvnw package}) unpacked
 * alone into an empty folder: its {@code bin/samizdat} ingests saved pages, builds the site,
 * copies it to a "stick" and verifies the copy, with only a Java runtime on the PATH: no Maven,
 * no source tree, no JAVA_HOME. Run by failsafe after the package phase.
 */
class ReleaseZipIT {
  private static final String PAGES = "/ingest/generic/";

  @TempDir Path tmp;

  @Test
  void theUnpackedReleaseIngestsBuildsMirrorsAndVerifies() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "bin/samizdat is a POSIX shell script; samizdat.cmd cannot be run here");
    Path release = Release.unpack(tmp.resolve("unpacked"));
    assertTrue(release.getFileName().toString().matches("samizdat-\\d+\\.\\d+\\.\\d+.*"), release.toString());
    for (String name : List.of("bin/samizdat", "bin/samizdat.cmd", "lib/samizdat.jar", "README.md",
        "LICENSE", "NOTICE")) {
      assertTrue(Files.isRegularFile(release.resolve(name)), name + " in the release");
    }
    assertTrue(Files.getPosixFilePermissions(release.resolve("bin/samizdat"))
        .contains(PosixFilePermission.OWNER_EXECUTE), "bin/samizdat is executable in the zip");
    String cmd = Files.readString(release.resolve("bin/samizdat.cmd"), StandardCharsets.ISO_8859_1);
    assertEquals(cmd.lines().count(), cmd.split("\r\n", -1).length - 1,
        "bin/samizdat.cmd has Windows line endings throughout");
    Set<Path> shipped = files(release);

    // A user's folder of saved pages, elsewhere: an English and a Chinese page no profile describes.
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path saved = Files.createDirectories(work.resolve("saved"));
    for (String page : List.of("readability-bbc-1.html", "readability-gmw.html")) {
      try (InputStream in = ReleaseZipIT.class.getResourceAsStream(PAGES + page)) {
        assertTrue(in != null, page + " on the test classpath");
        Files.copy(in, saved.resolve(page));
      }
    }
    Path samizdat = release.resolve("bin/samizdat");

    Run ingest = run(work, samizdat, "ingest", "--quiet", "--content", "archive", "saved");
    assertEquals(0, ingest.exit(), ingest.toString());
    assertEquals(2, ingest.out().lines().filter(l -> l.matches("ingested \\S+ saved/.*\\.html")).count(),
        ingest.toString());
    try (Stream<Path> s = Files.list(work.resolve("archive/articles"))) {
      assertEquals(2, s.filter(p -> p.toString().endsWith(".md")).count());
    }

    Run build = run(work, samizdat, "build", "--quiet", "--content", "archive", "--out", "site");
    assertEquals(0, build.exit(), build.toString());
    assertTrue(Files.isRegularFile(work.resolve("site/index.html")));
    assertTrue(Files.readString(work.resolve("site/index.html")).contains("宇航员在太空中喝酒"),
        "the Chinese article is listed on the front page");

    Run usb = run(work, samizdat, "mirror", "usb", "--quiet", "--site", "site", "stick");
    assertEquals(0, usb.exit(), usb.toString());
    assertTrue(Files.isRegularFile(work.resolve("stick/samizdat-manifest.json")));
    assertTrue(Files.isRegularFile(work.resolve("stick/index.html")));

    Run verify = run(work, samizdat, "verify", "--quiet", "stick");
    assertEquals(0, verify.exit(), verify.toString());
    // Exit codes pass through the launcher: a damaged copy fails verify (1), a wrong option is a
    // usage error (2).
    Files.writeString(work.resolve("stick/index.html"), "damaged");
    Run damaged = run(work, samizdat, "verify", "--quiet", "stick");
    assertEquals(1, damaged.exit(), damaged.toString());
    Run usage = run(work, samizdat, "build", "--no-such-option");
    assertEquals(2, usage.exit(), usage.toString());

    // Started through a symbolic link (as from a folder on the PATH), it still finds its jar.
    Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("path")).resolve("samizdat"),
        samizdat);
    Run version = run(work, link, "--version");
    assertEquals(0, version.exit(), version.toString());
    assertTrue(version.out().startsWith("samizdat "), version.toString());

    assertEquals(shipped, files(release), "running it leaves the release folder as unpacked");
  }

  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  /** Runs the launcher with only a Java runtime and the base system on the PATH. */
  private Run run(Path dir, Path launcher, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("LANG", "C.UTF-8");
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish in 180 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Set<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return Set.copyOf(s.map(dir::relativize).toList());
    }
  }
}
