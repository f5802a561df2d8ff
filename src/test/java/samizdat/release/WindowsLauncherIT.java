package samizdat.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release's {@code bin/samizdat.cmd}, run by Wine's {@code cmd}, starts Java exactly as the
 * POSIX {@code bin/samizdat} does: the same JVM options for each command, the same jar, the
 * arguments untouched, {@code SAMIZDAT_JAVA_OPTS} in place of the defaults, samizdat's exit code
 * passed on, one line and exit 1 when there is no Java runtime. A stub {@code java} on each side
 * prints the command line it was given and exits 7, so no Windows Java is needed (on Windows the
 * stub is a batch file, which ends the launcher in its place: the exit code seen is the stub's). The checkout's
 * {@code samizdat.cmd} is run the same way. Skipped, saying why, where Wine is not installed.
 */
class WindowsLauncherIT {
  /** The stub's exit code, to see that the launchers pass it on. */
  private static final int STUB_EXIT = 7;

  @TempDir static Path tmp;
  private static Path release;
  private static Path wine;

  @BeforeAll
  static void unpackAndStub() throws IOException {
    Optional<Path> found = findWine();
    assumeTrue(found.isPresent(),
        "wine not found: apt-get install wine64 (bin/samizdat.cmd is run by Wine's cmd)");
    wine = found.get();
    release = Release.unpack(tmp.resolve("unpacked"));
    Path stubs = Files.createDirectories(tmp.resolve("stubs"));
    Path posix = stubs.resolve("java");
    Files.writeString(posix, "#!/bin/sh\nprintf 'JAVA'\nfor a in \"$@\"; do\n"
        + "  case \"$a\" in *' '*) printf ' \"%s\"' \"$a\" ;; *) printf ' %s' \"$a\" ;; esac\n"
        + "done\necho\nexit " + STUB_EXIT + "\n");
    assertTrue(posix.toFile().setExecutable(true));
    // %* is the command line as cmd holds it: arguments with spaces keep their quotes.
    Files.writeString(stubs.resolve("java.bat"),
        "@echo off\r\necho JAVA %*\r\nexit /b " + STUB_EXIT + "\r\n", StandardCharsets.US_ASCII);
    Files.createDirectories(tmp.resolve("no-java/bin"));
  }

  @AfterAll
  static void stopWine() throws IOException, InterruptedException {
    if (wine != null) {
      Path server = wine.resolveSibling("wineserver");
      if (Files.isExecutable(server)) {
        ProcessBuilder pb = new ProcessBuilder(server.toString(), "-k").redirectErrorStream(true)
            .redirectOutput(tmp.resolve("wineserver.txt").toFile());
        pb.environment().put("WINEPREFIX", tmp.resolve("wine").toString());
        pb.start().waitFor(30, TimeUnit.SECONDS);
        // Its drive links point out of the temporary folder (Z: is /): removed here, not followed.
        Path devices = tmp.resolve("wine/dosdevices");
        if (Files.isDirectory(devices)) {
          try (Stream<Path> links = Files.list(devices)) {
            for (Path link : links.toList()) {
              Files.delete(link);
            }
          }
        }
      }
    }
  }

  @Test
  void eachCommandGetsTheSameJvmOptionsAsThePosixLauncher() throws Exception {
    String jar = release.resolve("lib/samizdat.jar").toString();
    String jvm = release.resolve("lib/jvm").toString();
    List<List<String>> cases = List.of(
        List.of("build", "--content", "archive"),
        List.of("--quiet", "ingest", "saved pages", "more"),
        List.of("verify", "stick"),
        List.of("mirror", "usb", "--site", "site", "stick"),
        List.of("--version"));
    List<List<String>> expected = List.of(
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xms896m", "-Xmn192m", "-jar", jar,
            "build", "--content", "archive"),
        List.of("@" + jvm + "/ingest.args", "-XX:CompilerDirectivesFile=" + jvm + "/ingest-compiler.json",
            "-jar", jar, "--quiet", "ingest", "saved pages", "more"),
        List.of("-jar", jar, "verify", "stick"),
        List.of("-XX:+UseParallelGC", "-jar", jar, "mirror", "usb", "--site", "site", "stick"),
        List.of("-jar", jar, "--version"));
    for (int i = 0; i < cases.size(); i++) {
      List<String> args = cases.get(i);
      Run posix = posix(Map.of(), args);
      Run cmd = cmd(release.resolve("bin"), "samizdat.cmd", Map.of(), args);
      assertEquals(STUB_EXIT, posix.exit(), posix.toString());
      assertEquals(STUB_EXIT, cmd.exit(), "cmd ends with the stub's exit code: " + cmd);
      assertEquals(expected.get(i), posix.java(), posix.toString());
      assertEquals(expected.get(i), cmd.java(), cmd.toString());
    }
  }

  @Test
  void samizdatJavaOptsReplacesTheDefaults() throws Exception {
    String jar = release.resolve("lib/samizdat.jar").toString();
    for (String command : List.of("build", "ingest")) {
      List<String> args = List.of(command, "x");
      Map<String, String> env = Map.of("SAMIZDAT_JAVA_OPTS", "-Xmx64m -Xss2m");
      List<String> expected = List.of("-Xmx64m", "-Xss2m", "-jar", jar, command, "x");
      assertEquals(expected, posix(env, args).java());
      assertEquals(expected, cmd(release.resolve("bin"), "samizdat.cmd", env, args).java());
    }
  }

  @Test
  void noJavaRuntimeIsOneLineAndExitOne() throws Exception {
    Path empty = tmp.resolve("no-java");
    Run posix = posix(Map.of("JAVA_HOME", empty.toString()), List.of("build"));
    Run cmd = cmd(release.resolve("bin"), "samizdat.cmd", Map.of("JAVA_HOME", windows(empty)),
        List.of("build"));
    Run noPath = cmd(release.resolve("bin"), "samizdat.cmd", Map.of("WINEPATH", ""), List.of("build"));
    for (Run run : List.of(posix, cmd, noPath)) {
      assertEquals(1, run.exit(), run.toString());
      assertEquals("samizdat: no Java runtime: install Java 17 or newer, or set JAVA_HOME",
          run.err().strip(), run.toString());
      assertEquals("", run.out().strip(), run.toString());
    }
  }

  @Test
  void theCheckoutsLauncherRunsTheBuiltJar() throws Exception {
    // A checkout with its jar built: samizdat.cmd hands over to the release's script with the
    // checkout's jar and option files (Wine has no PowerShell for the age check: the jar is used).
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(Path.of("samizdat.cmd"), checkout.resolve("samizdat.cmd"));
    Files.createDirectories(checkout.resolve("src/main/dist/bin"));
    Files.copy(Path.of("src/main/dist/bin/samizdat.cmd"), checkout.resolve("src/main/dist/bin/samizdat.cmd"));
    Files.createDirectories(checkout.resolve("target"));
    Files.writeString(checkout.resolve("target/samizdat.jar"), "stub");
    Run run = cmd(checkout, "samizdat.cmd", Map.of(), List.of("ingest", "page.html"));
    // No exit code check here: the stub is a batch file, which cmd runs in place of the calling
    // script (no return to it), where java.exe returns; Wine then reports 1 through the outer call.
    String jvm = checkout.resolve("src/main/jvm").toString();
    assertEquals(List.of("@" + jvm + "/ingest.args", "-XX:CompilerDirectivesFile=" + jvm
        + "/ingest-compiler.json", "-jar", checkout.resolve("target/samizdat.jar").toString(),
        "ingest", "page.html"), run.java());
  }

  private record Run(int exit, String out, String err) {
    /** The stub java's command line, one entry per argument, paths in Unix form. */
    List<String> java() {
      String line = out.lines().filter(l -> l.startsWith("JAVA")).findFirst()
          .orElseThrow(() -> new AssertionError("java was not started: " + this));
      List<String> words = new ArrayList<>();
      for (String word : split(line.substring(4).strip())) {
        words.add(unix(word));
      }
      return words;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  private static Run posix(Map<String, String> extraEnv, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(release.resolve("bin/samizdat").toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", tmp.resolve("stubs") + ":/usr/bin:/bin");
    env.putAll(extraEnv);
    return run(pb);
  }

  /** Runs {@code script} in {@code dir} with Wine's cmd, the stub java.bat on the PATH. */
  private static Run cmd(Path dir, String script, Map<String, String> extraEnv, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(wine.toString(), "cmd", "/c", script));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", "/usr/bin:/bin");
    env.put("HOME", tmp.toString());
    env.put("WINEPREFIX", tmp.resolve("wine").toString());
    env.put("WINEDEBUG", "-all");
    env.put("WINEPATH", windows(tmp.resolve("stubs")));
    env.putAll(extraEnv);
    return run(pb);
  }

  private static Run run(ProcessBuilder pb) throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    // The first Wine run makes its prefix, which takes a few seconds.
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(pb.command() + " did not finish in 300 s");
    }
    return new Run(p.exitValue(), read(out), withoutWineNotices(read(err)));
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\r", "");
  }

  /** Wine's own notes about making its prefix (first run only), which are not the launcher's. */
  private static String withoutWineNotices(String err) {
    return String.join("\n", err.lines().filter(l -> !l.startsWith("wine: ")).toList());
  }

  /** Splits a command line as cmd shows it: spaces between words, quotes around a word with spaces. */
  private static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  /** A path as Wine's Z: drive shows it ("Z:\tmp\x\bin\..\lib"), in Unix form ("/tmp/x/lib"). */
  private static String unix(String word) {
    String w = word.replace('\\', '/');
    int drive = w.indexOf("Z:/");
    if (drive < 0) {
      return w;
    }
    String prefix = w.substring(0, drive);
    return prefix + Path.of(w.substring(drive + 2)).normalize();
  }

  private static String windows(Path p) {
    return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
  }

  private static Optional<Path> findWine() {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "wine64"));
        candidates.add(Path.of(dir, "wine"));
      }
    }
    candidates.add(Path.of("/usr/lib/wine/wine64"));
    try (Stream<Path> s = candidates.stream()) {
      return s.filter(Files::isExecutable).findFirst();
    }
  }
}
