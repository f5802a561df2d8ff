package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.site.TestContent;

class BuildCommandTest {
  @TempDir Path tmp;

  private CliRun build(String... extra) {
    String[] args = new String[extra.length + 6];
    args[0] = "build";
    args[1] = "-q";
    args[2] = "--content=" + tmp.resolve("content");
    args[3] = "--out=" + tmp.resolve("site");
    args[4] = "--cache=" + tmp.resolve("cache/site.state");
    args[5] = "--title=CLI 测试";
    System.arraycopy(extra, 0, args, 6, extra.length);
    return CliRun.run(args);
  }

  @Test
  void buildsTheSiteAndPrintsAOneLineSummary() throws Exception {
    TestContent.generate(tmp.resolve("content"), 30, 1);
    CliRun r = build();
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    assertTrue(r.out().matches("(?s)built .*site: 30 articles, \\d+ files written, 0 unchanged, 0 removed, 0 errors, [0-9.]+ s\\s*"),
        r.out());
    assertTrue(Files.readString(tmp.resolve("site/index.html")).contains("CLI 测试"));
    assertTrue(Files.isRegularFile(tmp.resolve("cache/site.state")));

    CliRun again = build();
    assertEquals(0, again.exitCode());
    assertTrue(again.out().contains(" 0 files written,"), again.out());
  }

  @Test
  void progressGoesToStderrWithoutQuiet() throws Exception {
    TestContent.generate(tmp.resolve("content"), 3, 1);
    CliRun r = CliRun.run("build", "--content", tmp.resolve("content").toString(), "--out",
        tmp.resolve("site").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("writing site"), r.err());
    assertTrue(Files.isDirectory(tmp.resolve(".samizdat-cache")), "default cache next to the site");
  }

  @Test
  void aBadArticleGivesOneErrorLineAndExitOne() throws Exception {
    TestContent.generate(tmp.resolve("content"), 5, 1);
    Files.writeString(tmp.resolve("content/articles/a00002.json"), "[]");
    CliRun r = build();
    assertEquals(ExitCodes.FAILED, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("samizdat: ") && r.err().contains("a00002.json"), r.err());
    assertTrue(r.out().contains("4 articles"), r.out());
  }

  @Test
  void missingContentFolderFailsWithOneLine() {
    CliRun r = build();
    assertEquals(ExitCodes.REFUSED, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("no such content folder"), r.err());
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    TestContent.generate(tmp.resolve("content"), 1, 1);
    assertEquals(ExitCodes.USAGE, build("--base-url=ftp://x/").exitCode());
    assertEquals(ExitCodes.USAGE, build("--base-url=/relative").exitCode());
    assertEquals(ExitCodes.USAGE, build("--page-size=0").exitCode());
    assertEquals(ExitCodes.USAGE, build("--lang=<x>").exitCode());
    assertEquals(ExitCodes.USAGE, build("--templates=" + tmp.resolve("nope")).exitCode());
    assertFalse(Files.exists(tmp.resolve("site/index.html")));
  }

  @Test
  void baseUrlMakesFeedLinksAbsolute() throws Exception {
    TestContent.generate(tmp.resolve("content"), 2, 1);
    assertEquals(0, build("--base-url=https://example.net/news").exitCode());
    String feed = Files.readString(tmp.resolve("site/feed.xml"));
    assertTrue(feed.contains("href=\"https://example.net/news/a/"), feed);
  }

  @Test
  void forceRendersEverythingButWritesOnlyChangedBytes() throws Exception {
    TestContent.generate(tmp.resolve("content"), 4, 1);
    assertEquals(0, build().exitCode());
    CliRun r = build("--force");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains(" 0 files written,"), r.out());
  }

  @Test
  void helpDescribesTheOptions() {
    CliRun r = CliRun.run("build", "--help");
    assertEquals(0, r.exitCode());
    for (String o : new String[] {"--content", "--out", "--templates", "--base-url", "--title", "--force"}) {
      assertTrue(r.out().contains(o), o);
    }
  }
}
