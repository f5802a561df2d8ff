package samizdat.site;

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
}
