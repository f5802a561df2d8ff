package samizdat.site.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import samizdat.content.ArticleMeta;
import samizdat.content.ImageRef;
import samizdat.content.RelatedLink;
import samizdat.content.Translation;

class FingerprintTest {
  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void hash128IsMurmur3X64With128Bits() {
    // Published test vectors of MurmurHash3_x64_128, seed 0 (e.g. Guava's Murmur3Hash128Test).
    assertEquals("00000000000000000000000000000000", hex(Fingerprint.hash128(new byte[0], 0, 0)));
    byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    assertEquals("6c1b07bc7bbc4be347939ac4a93c437a", hex(Fingerprint.hash128(fox, 0, fox.length)));
  }

  @Test
  void hash128ReadsOnlyTheGivenRangeAndEveryTailLength() {
    byte[] data = new byte[80];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
    Set<String> seen = new HashSet<>();
    for (int n = 0; n <= 40; n++) {
      byte[] copy = Arrays.copyOfRange(data, 5, 5 + n);
      String h = hex(Fingerprint.hash128(data, 5, n));
      assertEquals(hex(Fingerprint.hash128(copy, 0, n)), h, "length " + n);
      seen.add(h);
    }
    assertEquals(41, seen.size(), "every prefix length hashes differently");
  }

  @Test
  void valuesAreTypedAndLengthPrefixed() {
    assertFalse(Arrays.equals(new Fingerprint().add("ab").done(), new Fingerprint().add("a").add("b").done()));
    assertFalse(Arrays.equals(new Fingerprint().add("1").done(), new Fingerprint().add(1).done()));
    assertFalse(Arrays.equals(new Fingerprint().addModel(List.of()).done(),
        new Fingerprint().addModel(Optional.empty()).done()));
    assertFalse(Arrays.equals(new Fingerprint().add("中").done(), new Fingerprint().add("文").done()));
  }

  @Test
  void modelMapsHashTheSameInAnyKeyOrder() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("title", "标题");
    a.put("items", List.of(Map.of("href", "a.html", "n", 1)));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("items", List.of(Map.of("n", 1, "href", "a.html")));
    b.put("title", "标题");
    assertArrayEquals(new Fingerprint().addModel(a).done(), new Fingerprint().addModel(b).done());
    b.put("title", "标题 ");
    assertFalse(Arrays.equals(new Fingerprint().addModel(a).done(), new Fingerprint().addModel(b).done()));
  }

  /** An article with every field set (also used by BuildStateTest). */
  static ArticleMeta fullMeta() {
    return new ArticleMeta("20240101-1", "标题", Optional.of("https://x.org/1"),
        Optional.of("x.org"), "zh", Optional.of(LocalDate.of(2024, 1, 1)), List.of("张三", "李四"),
        Optional.of("来源"), List.of("a", "b"),
        Optional.of(new ImageRef(Optional.of("lead.jpg"), "https://x.org/lead.jpg", "", "")),
        List.of(new RelatedLink("r", "https://x.org/2")),
        List.of(new ImageRef(Optional.of("f.png"), "https://x.org/f.png", "alt", "cap")),
        List.of(new Translation("zh-Hant", "https://x.org/zh-tw/1")), "profile",
        "ab".repeat(32), Instant.ofEpochSecond(1_700_000_000L, 5));
  }

  @Test
  void everyFieldOfArticleMetadataCounts() throws ReflectiveOperationException {
    ArticleMeta base = fullMeta();
    // one changed value per record component, in component order: a new field of the content
    // contract makes this list too short, and must be hashed too
    List<Object> changed = List.of(
        "20240101-2", "标题2", Optional.empty(), Optional.empty(), "en", Optional.empty(),
        List.of("张三"), Optional.empty(), List.of("a"),
        Optional.of(new ImageRef(Optional.empty(), "https://x.org/lead.jpg", "", "")),
        List.of(new RelatedLink("r", "https://x.org/3")),
        List.of(new ImageRef(Optional.of("f.png"), "https://x.org/f.png", "alt", "other caption")),
        List.of(new Translation("zh-Hans", "https://x.org/zh-tw/1")), "other", "cd".repeat(32),
        Instant.ofEpochSecond(1_700_000_000L, 6));
    RecordComponent[] components = ArticleMeta.class.getRecordComponents();
    assertEquals(components.length, changed.size());
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Constructor<ArticleMeta> canonical = ArticleMeta.class.getDeclaredConstructor(types);
    Set<String> seen = new HashSet<>();
    seen.add(hex(new Fingerprint().add(base).done()));
    for (int i = 0; i < components.length; i++) {
      Object[] values = new Object[components.length];
      for (int k = 0; k < values.length; k++) {
        values[k] = k == i ? changed.get(i) : components[k].getAccessor().invoke(base);
      }
      ArticleMeta v = canonical.newInstance(values);
      assertTrue(seen.add(hex(new Fingerprint().add(v).done())), components[i].getName());
    }
    assertArrayEquals(new Fingerprint().add(base).done(), new Fingerprint().add(base).done());
  }
}
