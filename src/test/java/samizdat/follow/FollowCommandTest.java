package samizdat.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.cli.CliRun;

/** {@code samizdat follow} on the command line: output lines, summary, exit codes. */
class FollowCommandTest {
  @TempDir Path dir;

  @Test
  void urlsOnTheCommandLineThenFollowTxt() throws Exception {
    try (TestSite site = new TestSite(5)) {
      String content = dir.resolve("content").toString();
      CliRun r = CliRun.run("follow", "--content", content, "--delay", "0", "--quiet",
          site.url("/rss.xml"));
      assertEquals(0, r.exitCode(), r.err());
      List<String> lines = r.out().lines().toList();
      assertEquals(6, lines.size(), r.out());
      assertTrue(lines.get(0).startsWith("ingested "), lines.get(0));
      assertTrue(lines.get(0).endsWith(site.url(TestSite.articlePath(5)) + "?utm_source=rss")
          || lines.get(0).contains(TestSite.articlePath(5)), lines.get(0));
      assertTrue(lines.get(5).startsWith("sources read 1 (0 not modified, 0 failed), links found 5, "
          + "new 5, ingested 5, failed 0"), lines.get(5));

      // No URL: follow.txt. One line of it bad, one source failing: exit 1, the rest done.
      site.articles = 7;
      site.failing.put("/broken-feed.xml", 500);
      Files.writeString(Path.of(content, FollowList.FILE), "# mine\n" + site.url("/rss.xml")
          + " --pages 1\n" + site.url("/broken-feed.xml") + "\nnot a url\n");
      CliRun second = CliRun.run("follow", "--content", content, "--delay", "0", "--retries", "0",
          "--quiet");
      assertEquals(1, second.exitCode(), second.err());
      assertTrue(second.err().contains(FollowList.FILE + ":4: not an http(s) URL"), second.err());
      assertTrue(second.err().contains(site.url("/broken-feed.xml") + ": HTTP 500"), second.err());
      assertTrue(second.out().contains("new 2, ingested 2"), second.out());
    }
  }

  @Test
  void noUrlAndNoFollowTxtIsAUsageError() {
    CliRun r = CliRun.run("follow", "--content", dir.resolve("content").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("follow.txt"), r.err());
  }
}
