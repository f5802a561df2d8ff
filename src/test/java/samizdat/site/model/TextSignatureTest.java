package samizdat.site.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextSignatureTest {

  @Test
  void chineseBigramsAndLatinWordsAreTerms() {
    TextSignature.LongIntMap counts = new TextSignature.LongIntMap(16);
    TextSignature.terms("周鸿祎谈Sora模型 and the model", counts);
    long[] top = counts.top(100);
    // 周鸿, 鸿祎, 祎谈, 模型, sora, model ("the"/"and" are stop words; 谈 is CJK, 谈S is not a bigram)
    assertEquals(6, top.length, Arrays.toString(top));
  }

  @Test
  void signatureIsDeterministicAndBounded() {
    String text = "经济增长放缓，市场投资者担心房地产危机蔓延。".repeat(50) + " lorem ipsum dolor sit amet";
    long[] a = TextSignature.of("标题", text);
    assertArrayEquals(a, TextSignature.of("标题", text));
    assertTrue(a.length <= TextSignature.SIZE);
    long[] sorted = a.clone();
    Arrays.sort(sorted);
    assertArrayEquals(sorted, a);
  }

  @Test
  void markupAndUrlsAreNotTerms() {
    assertEquals(0, TextSignature.of("", "![](../media/abcdef0123456789abcdef.png) https://www.example.org/x").length);
  }

  /** The scanner finds exactly what the regular expression it replaced found. */
  @Test
  void markupScannerMatchesTheRegularExpression() {
    java.util.regex.Pattern markup = java.util.regex.Pattern.compile("\\]\\([^)]*\\)|https?://\\S+");
    String alphabet = "]()h ttps:/x中文\n\tab";
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(40);
      for (int i = 0; i < len; i++) {
        sb.append(random.nextInt(5) == 0 ? "http" : random.nextInt(7) == 0 ? "https://" : random.nextInt(6) == 0 ? "](" : "");
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      StringBuilder viaRegex = new StringBuilder();
      java.util.regex.Matcher m = markup.matcher(text);
      while (m.find()) {
        viaRegex.append(m.start()).append('-').append(m.end()).append(' ');
      }
      StringBuilder viaScanner = new StringBuilder();
      for (int i = 0; i < text.length(); ) {
        int end = TextSignature.markupEnd(text, i);
        if (end < 0) {
          i++;
        } else {
          viaScanner.append(i).append('-').append(end).append(' ');
          i = end;
        }
      }
      assertEquals(viaRegex.toString(), viaScanner.toString(), text);
      assertArrayEquals(referenceSignature(markup, "标题", text), TextSignature.of("标题", text), text);
    }
  }

  private static long[] referenceSignature(java.util.regex.Pattern markup, String title, String markdown) {
    TextSignature.LongIntMap counts = new TextSignature.LongIntMap(2048);
    for (int i = 0; i < 3; i++) {
      TextSignature.terms(title, counts);
    }
    TextSignature.terms(markup.matcher(markdown).replaceAll(" "), counts);
    return counts.top(TextSignature.SIZE);
  }

  @Test
  void aReusedTermTableGivesTheSameSignatureAsAFreshOne() {
    StringBuilder big = new StringBuilder();
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 6000; i++) {
      big.append((char) (0x4E00 + random.nextInt(3000)));
    }
    String small = "经济增长放缓，市场投资者担心房地产危机蔓延。 lorem ipsum dolor sit amet consectetur";
    TextSignature.LongIntMap reused = new TextSignature.LongIntMap(64);
    long[] bigFresh = TextSignature.of("大", big.toString(), new TextSignature.LongIntMap(64));
    assertArrayEquals(bigFresh, TextSignature.of("大", big.toString(), reused), "grows the table");
    assertArrayEquals(TextSignature.of("小", small, new TextSignature.LongIntMap(64)),
        TextSignature.of("小", small, reused), "after a table that grew");
    assertArrayEquals(bigFresh, TextSignature.of("大", big.toString(), reused));
  }
}
