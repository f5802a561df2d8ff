package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SiteProfileTest {
  private static SiteProfile parse(String json) throws ProfileException {
    return SiteProfile.parse(json.getBytes(StandardCharsets.UTF_8), "test.json");
  }

  @Test
  void theBundledBannedbookProfileLoads() throws Exception {
    Profiles p = Profiles.bundled();
    assertEquals(List.of("bannedbook"), p.all().stream().map(SiteProfile::name).toList());
    SiteProfile b = p.all().get(0);
    assertEquals("zh-CN", b.language());
    assertEquals("div.entry", b.body().css());
    assertTrue(b.coversHost("www.bannedbook.org") && b.coversHost("bannedbook.org"));
    assertTrue(!b.coversHost("notbannedbook.org") && !b.coversHost("bannedbook.org.evil.example"));
    assertEquals(Optional.of("20240307-2009999"),
        b.idFromUrl("https://www.bannedbook.org/bnews/cnnews/20240307/2009999.html"));
    assertEquals(Optional.empty(), b.idFromUrl("https://www.bannedbook.org/bnews/tag/sora/"));
  }

  @Test
  void choosesByHostThenByBodySelector() throws Exception {
    Profiles p = Profiles.bundled();
    var other = Jsoup.parse("<h1>x</h1><main>y</main>");
    assertEquals("bannedbook", p.choose(Optional.of("www.bannedbook.org"), other).orElseThrow().name());
    assertEquals(Optional.empty(), p.choose(Optional.of("example.org"), other));
    var shaped = Jsoup.parse("<h2>t</h2><div class=entry><p>y</p></div>");
    assertEquals("bannedbook", p.choose(Optional.of("mirror.example.org"), shaped).orElseThrow().name());
  }

  @Test
  void errorsNameTheFileAndTheProblem() {
    assertEquals("test.json: body: bad selector \"div[\": ",
        assertThrows(ProfileException.class, () -> parse(
            "{\"name\":\"x\",\"language\":\"en\",\"title\":[\"h1\"],\"body\":\"div[\"}")).getMessage()
            .replaceAll("\": .*", "\": "));
    assertTrue(assertThrows(ProfileException.class, () -> parse(
        "{\"name\":\"x\",\"language\":\"en\",\"title\":[\"h1\"],\"body\":\"div\",\"titel\":1}"))
        .getMessage().startsWith("test.json: not a valid profile: Unrecognized field \"titel\""));
    assertTrue(assertThrows(ProfileException.class, () -> parse(
        "{\"name\":\"x\",\"language\":\"en\",\"title\":[\"h1\"]}"))
        .getMessage().contains("body"));
    assertEquals("test.json: urlId: bad pattern: Unclosed group", assertThrows(ProfileException.class,
        () -> parse("{\"name\":\"x\",\"language\":\"en\",\"title\":[\"h1\"],\"body\":\"div\",\"urlId\":\"(\"}"))
        .getMessage());
    assertTrue(assertThrows(ProfileException.class, () -> parse(
        "{\"name\":\"Bad Name\",\"language\":\"en\",\"title\":[\"h1\"],\"body\":\"div\"}"))
        .getMessage().contains("name \"Bad Name\""));
    assertTrue(assertThrows(ProfileException.class, () -> Profiles.forced("nope"))
        .getMessage().contains("no profile named \"nope\" (bundled: bannedbook"));
  }
}
