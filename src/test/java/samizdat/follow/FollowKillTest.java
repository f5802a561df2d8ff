package samizdat.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.io.AtomicFiles;

/**
 * kill -9 in the middle of a follow, then run again: the same content files as one uninterrupted
 * run, no article stored twice, no temporary file left. The runs are separate JVMs (the real
 * command line), killed with SIGKILL.
 */
class FollowKillTest {
  private static final int ARTICLES = 24;

  @TempDir Path dir;

  private Process start(Path content, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "samizdat.cli.Main", "follow", "--content", content.toString(), "--delay", "0",
        "--quiet");
    pb.environment().put("SOURCE_DATE_EPOCH", "1764547200");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  private int runToEnd(Path content, Path log) throws Exception {
    Process p = start(content, log);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "follow did not finish");
    return p.exitValue();
  }

  private static long count(Path articles) throws IOException {
    if (!Files.isDirectory(articles)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(articles)) {
      return s.filter(f -> f.toString().endsWith(".json")).count();
    }
  }

  /** Every file below {@code root} but follow's own state, with its bytes. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(f).toString();
        assertFalse(f.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX), "left behind: " + rel);
        if (!rel.startsWith("follow")) {
          files.put(rel, java.util.HexFormat.of().formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
        }
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return files;
  }

  @Test
  void killedMidRunThenRunAgainGivesWhatOneRunGives() throws Exception {
    try (TestSite site = new TestSite(ARTICLES)) {
      site.articleDelayMillis = 150;
      Path killed = dir.resolve("killed");
      Path whole = dir.resolve("whole");
      for (Path c : List.of(killed, whole)) {
        Files.createDirectories(c);
        Files.writeString(c.resolve(FollowList.FILE), "# test site\n" + site.url("/sitemap_index.xml")
            + "\n" + site.url("/section/") + " --pages 2\n");
      }
      Process p = start(killed, dir.resolve("killed-1.log"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (count(killed.resolve("articles")) < ARTICLES / 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      long atKill = count(killed.resolve("articles"));
      assertTrue(atKill > 0 && atKill < ARTICLES, "killed after " + atKill + " articles");

      site.articleDelayMillis = 0;
      List<String> before = new ArrayList<>(site.requests);
      assertEquals(0, runToEnd(killed, dir.resolve("killed-2.log")),
          Files.readString(dir.resolve("killed-2.log")));
      long second = site.requests.stream().skip(before.size())
          .filter(r -> r.startsWith("GET /news/")).count();
      // Only what the killed run had not stored (the one it was writing may be fetched again).
      assertTrue(second <= ARTICLES - atKill + 1, "second run fetched " + second + " after " + atKill);

      assertEquals(0, runToEnd(whole, dir.resolve("whole.log")), Files.readString(dir.resolve("whole.log")));
      assertEquals(ARTICLES, count(whole.resolve("articles")));
      assertEquals(tree(whole), tree(killed));
    }
  }
}
