package samizdat.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ContentJsonTest {
  private static final int COUNT = 3000;
  private static final String ID_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789_-";
  private static final String ID_REST = ID_FIRST + ".";
  // Characters the generator treats differently: escaped, raw ASCII that some writers escape,
  // multi-byte UTF-8, line separators, BOM and noncharacters, surrogate pairs.
  private static final String SPECIAL = "\"\\/<>&'\u0000\u0001\u0008\t\n\f\r\u001f\u007f\u0080\u009f"
      + "\u00a0é\u00ff\u0100\u07ff\u0800\u2028\u2029\ufeff\ufffd\ufffe\uffff";
  private static final String CJK = "中国大厂集体屏蔽来源偲睿洞察文本转视频，。「」《》（）：！？";
  private static final String[] SUPPLEMENTARY = {"😀", "𠀋", "👍🏽", "\udbff\udfff"};

  private final ContentJson json = new ContentJson();

  @Test
  void streamingMetaBytesEqualDatabindBytes() throws Exception {
    Random random = new Random(20240307L);
    int readBack = 0;
    for (int i = 0; i < COUNT; i++) {
      Gen gen = new Gen(random);
      ArticleMeta meta = gen.meta();
      byte[] expected = json.databindBytes(meta);
      byte[] actual = json.toBytes(meta);
      int n = i;
      assertArrayEquals(expected, actual, () -> "meta #" + n + ":\n"
          + new String(expected, StandardCharsets.UTF_8) + "\nvs\n"
          + new String(actual, StandardCharsets.UTF_8));
      if (!gen.lossy) {
        assertEquals(meta, json.readMeta(actual), "meta #" + i);
        readBack++;
      }
    }
    assertTrue(readBack > COUNT / 2, "read back only " + readBack);
  }

  @Test
  void stringFallbackEqualsDatabindStringFallback() throws Exception {
    Random random = new Random(20240308L);
    for (int i = 0; i < COUNT / 3; i++) {
      ArticleMeta meta = new Gen(random).meta();
      assertArrayEquals(json.databindBytesViaString(meta), json.metaBytesViaString(meta),
          "meta #" + i);
    }
  }

  @Test
  void writesTheDocumentedLayout() {
    ArticleMeta meta = new ArticleMeta("2024-x", "标题 \"q\" \u2028 😀", Optional.empty(),
        Optional.of("example.org"), "zh-CN", Optional.of(LocalDate.of(2024, 3, 5)),
        List.of("王 小明"), Optional.empty(), List.of(),
        Optional.of(new ImageRef(Optional.of("ab12.jpg"), "https://example.org/lead.jpg", "a", "")),
        List.of(new RelatedLink("r", "https://example.org/r")),
        List.of(new ImageRef(Optional.empty(), "https://example.org/i.jpg", "", "c")),
        List.of(new Translation("zh-Hant", "https://example.org/zh-tw/x")), "p", "ab",
        Instant.parse("2024-03-07T01:02:03.450Z"));
    String expected = """
        {
          "id" : "2024-x",
          "title" : "标题 \\"q\\" LS \\uD83D\\uDE00",
          "url" : null,
          "site" : "example.org",
          "language" : "zh-CN",
          "published" : "2024-03-05",
          "authors" : [
            "王 小明"
          ],
          "source" : null,
          "tags" : [ ],
          "image" : {
            "file" : "ab12.jpg",
            "originalUrl" : "https://example.org/lead.jpg",
            "alt" : "a",
            "caption" : ""
          },
          "related" : [
            {
              "title" : "r",
              "url" : "https://example.org/r"
            }
          ],
          "images" : [
            {
              "file" : null,
              "originalUrl" : "https://example.org/i.jpg",
              "alt" : "",
              "caption" : "c"
            }
          ],
          "translations" : [
            {
              "language" : "zh-Hant",
              "url" : "https://example.org/zh-tw/x"
            }
          ],
          "profile" : "p",
          "rawSha256" : "ab",
          "firstIngested" : "2024-03-07T01:02:03.450Z"
        }
        """.replace("LS", "\u2028"); // U+2028 stays raw; in the text block javac flags it
    assertEquals(expected, new String(json.toBytes(meta), StandardCharsets.UTF_8));
    assertArrayEquals(json.databindBytes(meta), json.toBytes(meta));
  }

  /** Random metadata; {@code lossy} when some value cannot survive a write and read. */
  private static final class Gen {
    private final Random random;
    // One meta in four gets lone surrogates, which the String fallback would write as '?'.
    private final boolean loneSurrogates;
    boolean lossy;

    Gen(Random random) {
      this.random = random;
      loneSurrogates = random.nextInt(4) == 0;
      lossy = loneSurrogates;
    }

    ArticleMeta meta() {
      return new ArticleMeta(id(), text(), optional(this::text), optional(this::text), text(),
          optional(this::date), list(this::text), optional(this::text), list(this::text),
          optional(this::image), list(() -> new RelatedLink(text(), text())), list(this::image),
          list(() -> new Translation(text(), text())), text(), text(), instant());
    }

    ImageRef image() {
      return new ImageRef(optional(this::text), text(), text(), text());
    }

    String id() {
      int length = 1 + (random.nextInt(4) == 0 ? random.nextInt(80) : random.nextInt(12));
      StringBuilder s = new StringBuilder().append(pick(ID_FIRST));
      while (s.length() < length) {
        s.append(pick(ID_REST));
      }
      return s.toString();
    }

    String text() {
      // Now and then over 1000 chars, which the UTF-8 generator writes in segments (another path).
      int kind = random.nextInt(60);
      int length = kind == 0 ? 0 : kind == 1 ? 1000 + random.nextInt(12000) : random.nextInt(40);
      StringBuilder s = new StringBuilder();
      while (s.length() < length) {
        int r = random.nextInt(100);
        if (r < 40) {
          s.append((char) (' ' + random.nextInt(95)));
        } else if (r < 60) {
          s.append(pick(CJK));
        } else if (r < 80) {
          s.append(pick(SPECIAL));
        } else if (r < 90) {
          s.append(SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)]);
        } else if (r < 93 && loneSurrogates) {
          // High or low, possibly next to another one (which may make a valid pair).
          s.append((char) (0xd800 + random.nextInt(0x800)));
        } else {
          char c = (char) random.nextInt(0x10000);
          s.append(Character.isSurrogate(c) && !loneSurrogates ? '?' : c);
        }
      }
      if (!loneSurrogates && hasLoneSurrogate(s)) {
        throw new AssertionError("generator bug: lone surrogate in " + s);
      }
      return s.toString();
    }

    LocalDate date() {
      long day = random.nextInt(8) == 0
          ? LocalDate.MIN.toEpochDay()
              + (long) (random.nextDouble() * (LocalDate.MAX.toEpochDay() - LocalDate.MIN.toEpochDay()))
          : random.nextInt(100 * 366);
      return LocalDate.ofEpochDay(day);
    }

    Instant instant() {
      long seconds = random.nextInt(8) == 0
          ? Instant.MIN.getEpochSecond()
              + (long) (random.nextDouble() * (Instant.MAX.getEpochSecond() - Instant.MIN.getEpochSecond()))
          : random.nextInt(Integer.MAX_VALUE);
      if (seconds < -62167219200L || seconds > 253402300799L) {
        lossy = true; // outside years 0000-9999, which is all the reader is asked to handle
      }
      int nanos = switch (random.nextInt(5)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        case 3 -> random.nextInt(10) * 100_000_000;
        default -> random.nextInt(1_000_000_000);
      };
      return Instant.ofEpochSecond(seconds, nanos);
    }

    <T> Optional<T> optional(Supplier<T> value) {
      return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(value.get());
    }

    <T> List<T> list(Supplier<T> value) {
      int size = random.nextInt(3) == 0 ? 0 : random.nextInt(5);
      List<T> values = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        values.add(value.get());
      }
      return values;
    }

    private char pick(String chars) {
      return chars.charAt(random.nextInt(chars.length()));
    }

    private static boolean hasLoneSurrogate(CharSequence s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return true;
        }
      }
      return false;
    }
  }
}
