package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
  @TempDir Path tmp;

  private static String sora() throws IOException {
    try (InputStream in = ProfileCommandTest.class.getResourceAsStream("/fixtures/bannedbook-sora.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void showsWhatTheChosenProfileExtractsAndWhatItsRulesDropped() throws Exception {
    Path page = write("sora.html", sora());
    CliRun r = CliRun.run("profile", "test", "--content", tmp.resolve("content").toString(),
        "--lines", "2", "auto", page.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("== " + page + " (profile bannedbook)", lines.get(0));
    assertTrue(lines.contains("title:     中国大厂集体“屏蔽”Sora"), r.out());
    assertTrue(lines.contains("tags:      Sora, ChatGPT, OpenAI, 无人机, 百度, 李彦宏, 视频平台, 周鸿祎, 中国"), r.out());
    assertTrue(lines.contains("source:    偲睿洞察"), r.out());
    assertTrue(lines.contains("body:      55 blocks, 4179 characters"), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("dropped:   figure#shenyun-figure  Ad：美好不容错过")), r.out());
    assertTrue(lines.contains("  … 53 more blocks (--lines 0 shows all)"), r.out());
  }

  @Test
  void aUserProfileInTheContentFolderIsKnownByNameAndMaySetOnlyDrops() throws Exception {
    Path content = tmp.resolve("content");
    write("content/profiles/mine.json", "{\"name\": \"mine\", \"drop\": [\"p.notice\", \"div.ad\"]}");
    Path page = write("page.html", "<html lang=en><head><title>A long day in the city - Daily</title></head>"
        + "<body><nav><a href=/>Home</a></nav><article><h1>A long day in the city</h1>"
        + "<div class=ad>Buy now, limited offer</div>"
        + "<p>" + "The council met for eleven hours on Tuesday, and by the end of it nobody could say "
        + "what had been decided, least of all the members themselves. ".repeat(4) + "</p>"
        + "<p>Residents who had waited since the morning left before the vote was taken.</p>"
        + "</article></body></html>");
    CliRun r = CliRun.run("profile", "test", "--content", content.toString(), "mine", page.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("== " + page + " (profile mine)"), r.out());
    assertTrue(r.out().contains("dropped:   div.ad  Buy now, limited offer"), r.out());
    assertFalse(r.out().lines().anyMatch(l -> l.startsWith("  Buy now")), r.out());
  }

  @Test
  void aBadProfileIsAUsageErrorNamingItsFileAndAMissingPageFailsAlone() throws Exception {
    Path bad = write("bad.json", "{\"name\": \"bad\", \"body\": \"div[\"}");
    CliRun r = CliRun.run("profile", "test", bad.toString(), write("p.html", sora()).toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().strip().startsWith("samizdat: " + bad + ": body: bad selector"), r.err());

    CliRun missing = CliRun.run("profile", "test", "bannedbook", tmp.resolve("none.html").toString(),
        write("q.html", sora()).toString());
    assertEquals(1, missing.exitCode());
    assertEquals("samizdat: " + tmp.resolve("none.html") + ": cannot read: no such file or directory",
        missing.err().strip());
    assertTrue(missing.out().contains("(profile bannedbook)"), missing.out());
  }

  @Test
  void listNamesTheUsersProfilesTheBundledOnesAndGeneric() throws Exception {
    write("content/profiles/mine.json", "{\"name\": \"mine\", \"hosts\": [\"example.org\"]}");
    CliRun r = CliRun.run("profile", "list", "--content", tmp.resolve("content").toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> names = r.out().lines().map(l -> l.split("\t")[0]).toList();
    assertEquals(List.of("mine", "bannedbook", "weixin", "generic"), names);
  }
}
