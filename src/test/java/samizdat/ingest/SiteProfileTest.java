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
    assertEquals(List.of("bannedbook", "weixin"), p.all().stream().map(SiteProfile::name).toList());
    SiteProfile b = p.all().get(0);
    assertEquals(Optional.of("zh-Hans"), b.language());
    assertEquals("div.entry", b.body().orElseThrow().css());
    assertTrue(b.coversHost("www.bannedbook.org") && b.coversHost("bannedbook.org"));
    assertTrue(!b.coversHost("notbannedbook.org") && !b.coversHost("bannedbook.org.evil.example"));
    assertEquals(Optional.of("20240307-2009999"),
        b.idFromUrl("https://www.bannedbook.org/bnews/cnnews/20240307/2009999.html"));
    assertEquals(Optional.empty(), b.idFromUrl("https://www.bannedbook.org/bnews/tag/sora/"));
  }

  @Test
  void bannedbooksTraditionalEditionHasItsOwnIdAndEachEditionNamesTheOther() throws Exception {
    SiteProfile b = Profiles.bundled().all().get(0);
    String hans = "https://www.bannedbook.org/bnews/cnnews/20240307/2009999.html";
    String hant = "https://www.bannedbook.org/bnews/zh-tw/cnnews/20240307/2009999.html";
    assertEquals(Optional.of("zh-tw-20240307-2009999"), b.idFromUrl(hant));
    assertEquals(Optional.of("20240307-2009999"), b.idFromUrl(hans));
    List<String> fromHans = b.editions().stream().flatMap(e -> e.urlFor(hans).stream()).toList();
    List<String> fromHant = b.editions().stream().flatMap(e -> e.urlFor(hant).stream()).toList();
    assertEquals(List.of(hant), fromHans);
    assertEquals(List.of(hans), fromHant);
  }

  @Test
  void aProfileMaySetOnlyWhatItNeeds() throws Exception {
    SiteProfile p = parse("{\"name\":\"rfa\",\"hosts\":[\"www.rfa.org\"],"
        + "\"drop\":[\"div.share\"],\"date\":[\"span.date\"]}");
    assertEquals(Optional.empty(), p.body());
    assertEquals(List.of(), p.title());
    assertEquals(Optional.empty(), p.language());
    assertEquals(List.of("div.share"), p.drop().stream().map(SiteProfile.Rule::css).toList());
  }

  @Test
  void choosesByHostThenByMatchSelectorsElseGeneric() throws Exception {
    Profiles p = Profiles.bundled();
    var other = Jsoup.parse("<h1>x</h1><main>y</main>");
    assertEquals("bannedbook", p.choose(Optional.of("www.bannedbook.org"), other).name());
    assertEquals("generic", p.choose(Optional.of("example.org"), other).name());
    assertEquals("generic", p.choose(Optional.empty(), other).name());
    var shaped = Jsoup.parse("<h2>t</h2><div class=entry><p>y</p></div><p class=src-info>来源：x</p>");
    assertEquals("bannedbook", p.choose(Optional.of("mirror.example.org"), shaped).name());
    assertEquals("bannedbook", p.choose(Optional.empty(), shaped).name());
    // A WordPress page of another site has div.entry and h2 too, but none of bannedbook's marks.
    var wordpress = Jsoup.parse("<h2>t</h2><div class=entry><p>y</p></div>");
    assertEquals("generic", p.choose(Optional.empty(), wordpress).name());
  }

  @Test
  void userProfilesJoinTheChoiceAndReplaceABundledOneOfTheSameName(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("rfa.json"),
        "{\"name\":\"rfa\",\"hosts\":[\"rfa.org\"],\"drop\":[\"div.share\"]}");
    java.nio.file.Files.writeString(dir.resolve("bb.json"),
        "{\"name\":\"bannedbook\",\"hosts\":[\"bannedbook.org\"],\"body\":\"article\"}");
    Profiles p = Profiles.load(Optional.of(dir), Optional.empty());
    var page = Jsoup.parse("<h1>x</h1><main>y</main>");
    assertEquals("rfa", p.choose(Optional.of("www.rfa.org"), page).name());
    assertEquals("article", p.choose(Optional.of("www.bannedbook.org"), page).body().orElseThrow().css());
    assertEquals(List.of("bannedbook", "rfa", "weixin", "generic"), p.names());
    assertEquals("rfa", Profiles.load(Optional.of(dir), Optional.of("rfa")).choose(Optional.empty(), page).name());
    assertEquals("generic", Profiles.load(Optional.of(dir), Optional.of("generic"))
        .choose(Optional.of("www.bannedbook.org"), page).name());
    java.nio.file.Files.writeString(dir.resolve("zz.json"), "{\"name\":\"rfa\"}");
    assertTrue(assertThrows(ProfileException.class, () -> Profiles.load(Optional.of(dir), Optional.empty()))
        .getMessage().endsWith("zz.json: profile name \"rfa\" is also used by " + dir.resolve("rfa.json")));
    java.nio.file.Files.writeString(dir.resolve("zz.json"), "{\"name\":\"zz\",\"body\":\"div[\"}");
    assertTrue(assertThrows(ProfileException.class, () -> Profiles.load(Optional.of(dir), Optional.empty()))
        .getMessage().startsWith(dir.resolve("zz.json") + ": body: bad selector"));
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
        "{\"name\":\"generic\"}")).getMessage().contains("built-in generic"));
    assertEquals("test.json: urlId: bad pattern: Unclosed group", assertThrows(ProfileException.class,
        () -> parse("{\"name\":\"x\",\"language\":\"en\",\"title\":[\"h1\"],\"body\":\"div\",\"urlId\":\"(\"}"))
        .getMessage());
    assertTrue(assertThrows(ProfileException.class, () -> parse(
        "{\"name\":\"Bad Name\",\"language\":\"en\",\"title\":[\"h1\"],\"body\":\"div\"}"))
        .getMessage().contains("name \"Bad Name\""));
    assertEquals("test.json: dateScript: \"var ct = \\d+\" needs a group (…) around the date",
        assertThrows(ProfileException.class, () -> parse(
            "{\"name\":\"x\",\"dateScript\":[\"var ct = \\\\d+\"]}")).getMessage());
    assertEquals("test.json: timeZone: \"Beijing\" is no time zone (as Asia/Shanghai or +08:00)",
        assertThrows(ProfileException.class, () -> parse(
            "{\"name\":\"x\",\"timeZone\":\"Beijing\"}")).getMessage());
    assertTrue(assertThrows(ProfileException.class, () -> Profiles.forced("nope"))
        .getMessage().contains("no profile named \"nope\" (known: bannedbook, weixin, generic"));
  }
}
