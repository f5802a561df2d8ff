package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WeChat article copies, read by the bundled weixin profile. */
class WeixinProfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private String page() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/ingest/weixin/article.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private JsonNode ingest(String html, String name) throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(file, html);
    Path content = tmp.resolve("content-" + name);
    CliRun r = CliRun.run("ingest", "-q", "--content", content.toString(), file.toString());
    assertEquals(0, r.exitCode(), r.err());
    try (Stream<Path> s = Files.list(content.resolve("articles"))) {
      Path json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      JsonNode meta = JSON.readTree(json.toFile());
      String md = Files.readString(content.resolve("articles/" + meta.get("id").asText() + ".md"));
      assertTrue(md.startsWith("近日，一篇关于某地疫情期间封控管理的文章在网络上广泛流传"), md);
      assertTrue(md.contains("目前，该事件仍在持续发酵中"), md);
      assertFalse(md.contains("微信扫一扫") || md.contains("阅读") || md.contains("城市观察"), md);
      assertEquals("城市观察", meta.get("source").asText(), "the official account that published it");
      return meta;
    }
  }

  /** As fetched: WeChat's script has not run, the article is hidden and its date is a Unix time. */
  @Test
  void anUnrenderedPageGivesItsStoryAndItsDayInBeijing() throws Exception {
    JsonNode meta = ingest(page(), "fetched.html");
    assertEquals("weixin", meta.get("profile").asText());
    assertEquals("一篇被删除的文章：封控中的普通人", meta.get("title").asText());
    assertEquals("2022-04-27", meta.get("published").asText(), "04:00 in Beijing, still the 26th in UTC");
    assertEquals("zh-Hans", meta.get("language").asText());
    assertEquals("[\"李小明\"]", meta.get("authors").toString());
    assertEquals("https://mmbiz.qpic.cn/mmbiz_jpg/AbCdEf/640?wx_fmt=jpeg",
        meta.get("images").get(0).get("originalUrl").asText());
  }

  /**
   * Saved from a browser with its scripts left out (as SingleFile saves): the script had written
   * the date where the reader sees it, under the headline beside the account's name.
   */
  @Test
  void aPageSavedFromTheBrowserGivesTheDateItShows() throws Exception {
    String shown = page().replace("<em id=\"publish_time\" class=\"rich_media_meta rich_media_meta_text\"></em>",
        "<em id=\"publish_time\" class=\"rich_media_meta rich_media_meta_text\">2022年04月28日 09:15</em>")
        .replaceAll("var ct = \"\\d+\";", "");
    assertTrue(shown.contains("2022年04月28日") && !shown.contains("var ct"));
    assertEquals("2022-04-28", ingest(shown, "saved.html").get("published").asText());
  }
}
