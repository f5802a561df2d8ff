package samizdat.ingest;

/**
 * How much text a string holds, in units that treat Latin and CJK scripts alike. Chinese has no
 * spaces, so counting words means nothing there; counting characters undervalues it against
 * English, where one word takes about six characters. A unit is a third of a Latin character: a
 * non-space Latin character or a gap between words is 3 units, a CJK character is 5 units (so
 * 150 CJK characters weigh as much as 250 Latin ones). Stateless.
 */
final class TextCounts {
  /** Units of one Latin character (or word gap). */
  static final int LATIN = 3;
  /** Units of one CJK character. */
  static final int CJK = 5;

  private TextCounts() {}

  /** True for characters of scripts written without spaces, and their full-width punctuation. */
  static boolean isCjk(char c) {
    return c >= 0x3000 && (c <= 0x30ff // CJK punctuation, kana
        || c >= 0x3400 && c <= 0x4dbf
        || c >= 0x4e00 && c <= 0x9fff
        || c >= 0xac00 && c <= 0xd7af // Hangul
        || c >= 0xf900 && c <= 0xfaff
        || c >= 0xff00 && c <= 0xffef); // full-width forms
  }

  /** True for the punctuation that separates clauses and sentences in running text. */
  static boolean isClausePunct(char c) {
    return c == ',' || c == '，' || c == '、' || c == '。' || c == '；' || c == '：' || c == '？'
        || c == '！' || c == '،' || c == '؛';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0'
        || c == '\u3000' || c == '\u200b';
  }

  /** Units of {@code s}, with runs of spaces counted once, and only between words. */
  static int units(CharSequence s) {
    int units = 0;
    boolean gap = false;
    boolean any = false;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        gap = any;
        continue;
      }
      if (gap) {
        units += LATIN;
        gap = false;
      }
      any = true;
      units += isCjk(c) ? CJK : LATIN;
    }
    return units;
  }

  /** The units as Latin characters, for messages. */
  static int chars(int units) {
    return units / LATIN;
  }
}
