package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownEmphasisTest {
  private static String md(String bodyHtml) {
    Document doc = Jsoup.parse("<div id=b>" + bodyHtml + "</div>", "https://example.org/a/page.html");
    return MarkdownWriter.write(doc.getElementById("b"), img -> Optional.of("f00.png"));
  }

  /** The shortcut that skips the check for whole-line emphasis agrees with the check. */
  @Test
  void aLineThatIsOneEmphasisPassesTheCheckAsTheShortcutSays() {
    String alphabet = "中国大厂集体屏蔽Sora，。？！：；“”‘’（）《》、—…·abcXYZ019 #>-+.)(][!_`<>&;\\|~=";
    java.util.Random rnd = new java.util.Random(20241127);
    int shortcut = 0;
    for (int i = 0; i < 20000; i++) {
      StringBuilder inner = new StringBuilder();
      int len = 1 + rnd.nextInt(12);
      for (int k = 0; k < len; k++) {
        inner.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      // The text as the writer escapes it, as one paragraph's line; then made one emphasis.
      String text = md("<p>" + org.jsoup.nodes.Entities.escape(inner.toString()) + "</p>").strip();
      if (text.isEmpty() || text.contains("\n")) {
        continue;
      }
      String marker = rnd.nextBoolean() ? "**" : "*";
      String line = marker + text + marker;
      if (MarkdownEmphasis.wholeLineEmphasis(line)) {
        shortcut++;
        assertEquals(line, MarkdownEmphasis.checked(line), "the check keeps [" + line + "]");
      }
    }
    assertTrue(shortcut > 5000, "most random lines take the shortcut: " + shortcut);
    assertTrue(MarkdownEmphasis.wholeLineEmphasis("**Sora到底牛在哪里？**"));
    assertFalse(MarkdownEmphasis.wholeLineEmphasis("**a** b **c**"));
    assertFalse(MarkdownEmphasis.wholeLineEmphasis("** a**"));
    assertFalse(MarkdownEmphasis.wholeLineEmphasis("**a\\**"));
    assertFalse(MarkdownEmphasis.wholeLineEmphasis("***a***"));
    assertFalse(MarkdownEmphasis.wholeLineEmphasis("**a**b"));
  }
}
