package samizdat.site.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import samizdat.content.ArticleMeta;
import samizdat.content.Translation;

class EditionsTest {
  static final String HANS_URL = "https://www.bannedbook.org/bnews/cnnews/20240307/2009999.html";
  static final String HANT_URL = "https://www.bannedbook.org/bnews/zh-tw/cnnews/20240307/2009999.html";

  static Doc doc(String id, String url, String language, List<Translation> translations) {
    ArticleMeta meta = new ArticleMeta(id, "标题 " + id, Optional.of(url), Optional.of("www.bannedbook.org"),
        language, Optional.of(LocalDate.of(2024, 3, 7)), List.of(), Optional.empty(), List.of(),
        Optional.empty(), List.of(), List.of(), translations, "bannedbook", "0".repeat(64),
        Instant.parse("2024-03-08T00:00:00Z"));
    return Doc.of(meta, SiteLayout.article(id, meta.published()), Path.of(id + ".md"), new byte[16],
        new long[0]);
  }

  private static List<String> shown(Editions editions, Doc d) {
    return editions.of(d).stream().map(e -> e.doc().id() + ":" + e.language() + ":" + e.label()).toList();
  }

  @Test
  void aPairNamingEachOtherListsBothInOneOrderOnEachPage() {
    Doc hans = doc("20240307-2009999", HANS_URL, "zh-Hans", List.of(new Translation("zh-Hant", HANT_URL)));
    Doc hant = doc("zh-tw-20240307-2009999", HANT_URL, "zh-Hans", // the page's own lang may be wrong
        List.of(new Translation("zh-Hans", HANS_URL)));
    Editions editions = Editions.of(List.of(hans, hant));
    List<String> expected = List.of("zh-tw-20240307-2009999:zh-Hant:繁體", "20240307-2009999:zh-Hans:简体");
    assertEquals(expected, shown(editions, hans));
    assertEquals(expected, shown(editions, hant));
  }

  @Test
  void oneSideNamingTheOtherLinksBothWays() {
    Doc hans = doc("20240307-2009999", HANS_URL, "zh-CN", List.of(new Translation("zh-Hant", HANT_URL)));
    Doc hant = doc("zh-tw-20240307-2009999", HANT_URL, "zh-TW", List.of());
    Editions editions = Editions.of(List.of(hant, hans));
    List<String> expected = List.of("zh-tw-20240307-2009999:zh-Hant:繁體", "20240307-2009999:zh-CN:简体");
    assertEquals(expected, shown(editions, hant));
    assertEquals(expected, shown(editions, hans));
  }

  @Test
  void aTwinThatIsNotArchivedItselfOrALanguageChooserGiveNothing() {
    Doc hans = doc("20240307-2009999", HANS_URL, "zh-Hans", List.of(new Translation("zh-Hant", HANT_URL),
        new Translation("zh-Hans", HANS_URL)));
    Doc other = doc("20240307-1", "https://www.bannedbook.org/bnews/cnnews/20240307/1.html", "zh-Hans",
        List.of(new Translation("x-default", HANS_URL)));
    Editions editions = Editions.of(List.of(hans, other));
    assertEquals(List.of(), editions.of(hans));
    assertEquals(List.of(), editions.of(other));
  }

  @Test
  void urlsMatchIgnoringSchemeAndTrailingSlashLikeRelatedLinks() {
    Doc en = doc("en-1", "https://example.org/en/story/", "en", List.of(new Translation("ja", "http://example.org/ja/story")));
    Doc ja = doc("ja-1", "https://example.org/ja/story", "ja", List.of());
    assertEquals(List.of("en-1:en:English", "ja-1:ja:日本語"), shown(Editions.of(List.of(en, ja)), ja));
  }

  @Test
  void twoEditionsWithOneLabelShowTheirTags() {
    Doc cn = doc("cn-1", "https://example.org/cn/1", "zh-CN", List.of(new Translation("zh-Hans", "https://example.org/sg/1")));
    Doc sg = doc("sg-1", "https://example.org/sg/1", "zh-SG", List.of());
    assertEquals(List.of("cn-1:zh-CN:zh-CN", "sg-1:zh-Hans:zh-Hans"), shown(Editions.of(List.of(cn, sg)), cn));
  }

  @Test
  void labelsAreTheLanguagesOwnNamesElseTheTag() {
    assertEquals("简体", Editions.label("zh-Hans"));
    assertEquals("简体", Editions.label("zh_CN"));
    assertEquals("繁體", Editions.label("zh-Hant-TW"));
    assertEquals("繁體", Editions.label("zh-hk"));
    assertEquals("English", Editions.label("en-GB"));
    assertEquals("ئۇيغۇرچە", Editions.label("ug"));
    assertEquals("བོད་ཡིག", Editions.label("bo"));
    assertEquals("Tiếng Việt", Editions.label("vi"));
    assertEquals("zh", Editions.label("zh"));
    assertEquals("yue-Hant", Editions.label("yue-Hant"));
  }
}
