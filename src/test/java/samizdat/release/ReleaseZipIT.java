package samizdat.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** A class-data archive the launcher recorded: COMMAND-SLOT-VERSION-SIZE.jsa. */
  private static final Pattern ARCHIVE = Pattern.compile("([a-z]+)-\\d+-\\d+-(\\d+)\\.jsa");

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

  /**
   * The launcher's class-data archives (docs/performance.md): each command's first run records
   * one in the user's cache folder, later runs map it, and a damaged or half-written one is never
   * mapped, whatever happens to it.
   */
  @Test
  void commandsRecordAClassDataArchiveOnceAndMapOnlyAWholeOne() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "bin/samizdat is a POSIX shell script; samizdat.cmd records no archive");
    Path samizdat = Release.unpack(tmp.resolve("unpacked")).resolve("bin/samizdat");
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path saved = Files.createDirectories(work.resolve("saved"));
    try (InputStream in = ReleaseZipIT.class.getResourceAsStream(PAGES + "readability-gmw.html")) {
      assertTrue(in != null, "readability-gmw.html on the test classpath");
      Files.copy(in, saved.resolve("page.html"));
    }
    Path cache = tmp.resolve("home/.cache/samizdat");
    String[] build = {"build", "--quiet", "--content", "archive", "--out", "site"};

    assertEquals(0, run(work, samizdat, "--version").exit());
    assertFalse(Files.exists(cache), "--version records nothing");
    // Recorded with stdin closed, as some schedulers start a job (the launcher passes stdin on).
    Run ingest = run(work, Path.of("/bin/sh"), "-c", "exec \"$0\" \"$@\" <&-", samizdat.toString(),
        "ingest", "--quiet", "--content", "archive", "saved");
    assertEquals(0, ingest.exit(), ingest.toString());
    Run first = run(work, samizdat, build);
    assertEquals(0, first.exit(), first.toString());
    assertTrue(first.out().matches("built site: 1 articles, [^\n]*\n"), "only the summary on stdout: " + first);
    assertEquals(Set.of("ingest", "build"), archives(cache).keySet());
    Path archive = archives(cache).get("build");

    // The next run maps it: the JVM names it as the source of samizdat's classes.
    Path log = tmp.resolve("classes.log");
    Map<String, String> logged = Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log);
    Run mapped = run(work, logged, samizdat, build);
    assertEquals(0, mapped.exit(), mapped.toString());
    assertTrue(Files.readString(log).contains("samizdat.site.SiteBuilder source: shared objects file (top)"),
        "classes come from the archive");
    assertEquals(Map.of("ingest", archives(cache).get("ingest"), "build", archive), archives(cache));

    // Cut short (the JVM crashes on such a file): not mapped, recorded again.
    Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
    try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(archive) / 2);
    }
    Run afterCut = run(work, logged, samizdat, build);
    assertEquals(0, afterCut.exit(), afterCut.toString());
    assertTrue(afterCut.out().matches("built site: [^\n]*\n"), afterCut.toString());
    assertFalse(Files.readString(log).contains("(top)"), "nothing mapped from a cut archive");
    assertEquals(2, archives(cache).size(), "the cut archive replaced, not kept beside the new one");
    archive = archives(cache).get("build");

    // Damaged but whole: the JVM's checksums refuse it and the run goes on, quietly.
    Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
    try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[4096]), Files.size(archive) / 2);
    }
    Run damaged = run(work, logged, samizdat, build);
    assertEquals(0, damaged.exit(), damaged.toString());
    assertTrue(damaged.out().matches("built site: [^\n]*\n"), damaged.toString());
    assertFalse(Files.readString(log).contains("(top)"), "nothing mapped from a damaged archive");

    // Two first runs at once: each records under a name of its own; one archive stays.
    try (Stream<Path> s = Files.list(cache)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Process one = start(work, Map.of(), samizdat, "out1", build);
    Process two = start(work, Map.of(), samizdat, "out2", "build", "--quiet", "--content", "archive", "--out", "site2");
    assertTrue(one.waitFor(180, TimeUnit.SECONDS) && two.waitFor(180, TimeUnit.SECONDS), "both end");
    assertEquals(0, one.exitValue());
    assertEquals(0, two.exitValue());
    assertEquals(Set.of("build"), archives(cache).keySet());
  }

  /** The archives in the cache folder by command; asserts each is whole and nothing else is there. */
  private static Map<String, Path> archives(Path cache) throws IOException {
    Map<String, Path> found = new TreeMap<>();
    try (Stream<Path> s = Files.list(cache)) {
      for (Path p : s.toList()) {
        Matcher m = ARCHIVE.matcher(p.getFileName().toString());
        assertTrue(m.matches(), "only archives in " + cache + ": " + p.getFileName());
        assertEquals(Long.parseLong(m.group(2)), Files.size(p), "its size is in its name: " + p);
        assertTrue(found.put(m.group(1), p) == null, "one archive of " + m.group(1));
      }
    }
    return found;
  }

  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  /** Runs the launcher with only a Java runtime and the base system on the PATH. */
  private Run run(Path dir, Path launcher, String... args) throws IOException, InterruptedException {
    return run(dir, Map.of(), launcher, args);
  }

  private Run run(Path dir, Map<String, String> extraEnv, Path launcher, String... args)
      throws IOException, InterruptedException {
    Process p = start(dir, extraEnv, launcher, "std", args);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(List.of(args) + " did not finish in 180 s");
    }
    return new Run(p.exitValue(), Files.readString(tmp.resolve("std.out")), Files.readString(tmp.resolve("std.err")));
  }

  /** Starts the launcher, its output going to {@code NAME.out} and {@code NAME.err} in tmp. */
  private Process start(Path dir, Map<String, String> extraEnv, Path launcher, String name, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("LANG", "C.UTF-8");
    env.putAll(extraEnv);
    return pb.redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile())
        .start();
  }

  private static Set<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return Set.copyOf(s.map(dir::relativize).toList());
    }
  }
}
