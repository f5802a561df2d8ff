package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateIndexTest {

  /** The first implementation, kept as the reference the fast one must agree with. */
  private static long referenceKey(String markdown) {
    long h = 0xcbf29ce484222325L;
    int n = markdown.length();
    for (int i = 0; i < n; i++) {
      char c = markdown.charAt(i);
      if (c == ']' && i + 1 < n && markdown.charAt(i + 1) == '(') {
        int close = markdown.indexOf(')', i + 2);
        if (close > 0) {
          i = close;
          continue;
        }
      }
      if (c == '[' || c == ']' || c == '!' || Character.isWhitespace(c)) {
        continue;
      }
      h ^= c;
      h *= 0x100000001b3L;
    }
    return h;
  }

  @Test
  void wideWhitespaceIsExactlyCharacterIsWhitespaceAboveAscii() {
    for (int c = 128; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      assertEquals(Character.isWhitespace(ch), DuplicateIndex.isWideWhitespace(ch),
          () -> Integer.toHexString(ch));
    }
  }

  @Test
  void keyIsTheReferenceKeyOnEveryCharacterAndOnRandomMarkdown() {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      all.append((char) c);
    }
    assertEquals(referenceKey(all.toString()), DuplicateIndex.bodyKey(all.toString()));
    // Markdown-shaped text: CJK, ASCII, every kind of white space, links, images, brackets.
    String[] pieces = {"文", "字", "a", "Z", "1", " ", "\n", "\t", "\u000b", "\u001c", "\u00a0",
        "\u1680", "\u2007", "\u2009", "\u2028", "\u202f", "\u205f", "\u3000", "\u0085", "[", "]",
        "!", "(", ")", "](", "](../media/x.png)", "![图](../media/a.jpg)", "[链接](https://x/)",
        "\\", "*", "。", "\ud83d\ude00"};
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = s.toString();
      assertEquals(referenceKey(text), DuplicateIndex.bodyKey(text), text);
    }
  }

  @Test
  void keyIgnoresSpacesBracketsAndLinkTargetsButNotText() {
    assertEquals(DuplicateIndex.bodyKey("文字 [链接](https://a/x) 与 ![图](../media/1.png)"),
        DuplicateIndex.bodyKey("文字\n链接\u3000与图"));
    assertNotEquals(DuplicateIndex.bodyKey("文字"), DuplicateIndex.bodyKey("文学"));
  }
}
