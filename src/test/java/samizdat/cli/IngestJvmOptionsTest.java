package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options the {@code ./samizdat} launcher gives ingest ({@code src/main/jvm}): the JVM
 * accepts them, they keep stdout for samizdat alone, and the compiler directives do what they
 * claim (C2 for SHA-256, C1's fast tier at once for everything else). Runs child JVMs.
 */
class IngestJvmOptionsTest {
  private static final Path ARGS = Path.of("src/main/jvm/ingest.args");
  private static final Path DIRECTIVES = Path.of("src/main/jvm/ingest-compiler.json");
  /** A PrintCompilation line: compile id, flags, tier, class::method. */
  // Not anchored: the VM's threads print at once, and a compile line may start in the middle of
  // another ("### Excluding compile: static    241  166       1       …HotLoops::mix").
  private static final Pattern COMPILED = Pattern.compile(
      "(?<![\\w.])\\d+\\s+\\d+\\s+[%sbn! ]*?([0-4])\\s+([\\w.$]+)::([\\w$<>]+)");

  @Test
  void theJvmTakesTheOptionsAndStdoutStaysSamizdats() throws Exception {
    Run r = java(List.of(), Main.class.getName(), "--version");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("samizdat [^\n]+\n"), "one line on stdout: [" + r.out() + "]");
    assertEquals("", r.err());
  }

  @Test
  void sha256GoesToC2AndOtherHotCodeStraightToC1sFastTier(@TempDir Path tmp) throws Exception {
    // DisplayVMOutput again, after the argument file, so the compile log can be read.
    Run r = java(List.of("-XX:+DisplayVMOutput", "-XX:+PrintCompilation"),
        HotLoops.class.getName(), tmp.toString());
    assertEquals(0, r.exit(), r.err());
    Set<String> sha = new TreeSet<>();
    Set<String> mine = new TreeSet<>();
    for (String line : r.out().lines().toList()) {
      Matcher m = COMPILED.matcher(line);
      if (!m.find() || line.contains("made not")) {
        continue;
      }
      String tier = m.group(1);
      if (m.group(2).equals("sun.security.provider.SHA2")) {
        sha.add(tier);
      } else if (m.group(2).equals(HotLoops.class.getName()) && m.group(3).equals("mix")) {
        mine.add(tier);
      }
    }
    assertTrue(sha.contains("4"), "SHA-256 compiled by C2; tiers seen: " + sha + "\n" + r.out());
    assertEquals(Set.of("1"), mine, "our own hot method: C1's fast tier only\n" + r.out());
  }

  /** The child program: hashes 64 MB with SHA-256 and calls a small method a million times. */
  static final class HotLoops {
    public static void main(String[] args) throws NoSuchAlgorithmException, IOException {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] block = new byte[1 << 16];
      for (int i = 0; i < 1024; i++) {
        block[i % block.length] = (byte) i;
        sha.update(block);
      }
      int x = 0;
      for (int i = 0; i < 1_000_000; i++) {
        x = mix(x, i);
      }
      // Written out so that neither loop is dead code.
      Files.writeString(Path.of(args[0], "out.txt"), x + " " + sha.digest().length);
    }

    static int mix(int x, int i) {
      return Integer.rotateLeft(x ^ i, 5) * 31;
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run java(List<String> extra, String mainClass, String... args)
      throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(ARGS), ARGS + " is where the launcher looks for it");
    assertTrue(Files.isRegularFile(DIRECTIVES), DIRECTIVES + " is where the launcher looks for it");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin);
    // As the launcher orders them: the argument file first (it unlocks the diagnostic options).
    cmd.add("@" + ARGS);
    cmd.add("-XX:CompilerDirectivesFile=" + DIRECTIVES);
    cmd.addAll(extra);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("jvm-options", ".out");
    Path err = Files.createTempFile("jvm-options", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      assertFalse(stdout.contains("Could not"), stdout);
      return new Run(p.exitValue(), stdout, Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
