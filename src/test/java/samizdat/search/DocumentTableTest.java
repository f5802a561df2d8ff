package samizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DocumentTableTest {
  @Test
  void excerptKeepsTheStartOfTheTextWithSpacesCollapsed() {
    assertEquals("a b c", DocumentTable.excerpt("  a\n\n b\t c "));
    String longText = "字".repeat(500);
    assertEquals(DocumentTable.EXCERPT_CHARS, DocumentTable.excerpt(longText).length());
    String astral = "𠀀".repeat(300);
    assertEquals(DocumentTable.EXCERPT_CHARS, DocumentTable.excerpt(astral).codePointCount(0, DocumentTable.excerpt(astral).length()));
  }

  @Test
  void excerptIsTheStartOfTheWholeTextCollapsedAndCutByCodePoints() {
    // The definition the one-pass excerpt must match: collapse everything, then cut.
    java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("\\s+");
    java.util.Random random = new java.util.Random(3);
    String[] pieces = {"字", "a", " ", "\n", "\t", "\u000B", "\f", "\r", "\u3000", "\u00A0", "𠀀",
        "\uD840", "\uDC00", "。", "\u2028"};
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(round % 10 == 0 ? 900 : 300);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String flat = spaces.matcher(text.toString().strip()).replaceAll(" ");
      String expected = flat.codePointCount(0, flat.length()) <= DocumentTable.EXCERPT_CHARS ? flat
          : flat.substring(0, flat.offsetByCodePoints(0, DocumentTable.EXCERPT_CHARS));
      assertEquals(expected, DocumentTable.excerpt(text.toString()), text.toString());
    }
  }
}
