package samizdat.ingest;

import samizdat.content.ControlCharacters;

/**
 * The character rules of Markdown text, without state: which ASCII characters are
 * backslash-escaped so that text renders back as the same literal characters, what starts a line
 * as a list item or heading underline, what counts as space and as punctuation for CommonMark's
 * emphasis rules, and how a block's edges are trimmed.
 *
 * <p>Apart from {@link MarkdownWriter} because these rules decide whether a reader sees exactly
 * the page's characters (and nothing Markdown, HTML or Mustache would act on); they are shared by
 * the writer, its inline buffer and the emphasis check, and can be read and changed in one place.
 */
final class MarkdownEscaping {
  /** ASCII punctuation that means something to Markdown, HTML or Mustache: escaped everywhere. */
  private static final String ESCAPED = "\\`*_[]<>#|{}~&!";
  private static final boolean[] ESCAPED_ASCII = new boolean[128];

  /** {@link #isTextSpace}, {@link #needsEscape} or a control, for ASCII: where a run of plain text ends. */
  private static final boolean[] SPACE_OR_ESCAPED = new boolean[128];

  static {
    for (char c : ESCAPED.toCharArray()) {
      ESCAPED_ASCII[c] = true;
    }
    for (char c = 0; c < 128; c++) {
      SPACE_OR_ESCAPED[c] = isTextSpace(c) || needsEscape(c) || ControlCharacters.isControl(c);
    }
  }

  private MarkdownEscaping() {}

  /**
   * True where a run of plain text ends: at white space, a character to escape or a control
   * character (left out).
   */
  static boolean endsPlainRun(char c) {
    return c < 128 ? SPACE_OR_ESCAPED[c] : c <= 0x9f || c >= 0xfffe;
  }

  /** HTML's white space between words, which the writer collapses to one space. */
  static boolean isTextSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  static boolean needsEscape(char c) {
    return c < 128 && ESCAPED_ASCII[c];
  }

  /** White space as CommonMark's emphasis rules see it: ASCII and Unicode space characters. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || Character.isSpaceChar(c);
  }

  /** CommonMark's "Unicode punctuation character": categories P and S. */
  static boolean isPunct(char c) {
    if (c < 128) {
      return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
          || (c >= '{' && c <= '~');
    }
    switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /** Escapes what would make a line a list item, heading underline or thematic break. */
  static String escapeLineStart(String line) {
    if (line.isEmpty()) {
      return line;
    }
    char c = line.charAt(0);
    if (c == '-' || c == '+' || c == '=') {
      return "\\" + line;
    }
    int i = 0;
    while (i < line.length() && i < 10 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
      i++;
    }
    if (i > 0 && i < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')')) {
      return line.substring(0, i) + "\\" + line.substring(i);
    }
    return line;
  }

  /** The block's text without leading or trailing spaces and hard breaks. */
  static String stripBreaks(String text) {
    String t = stripAscii(text);
    while (true) {
      int slashes = 0;
      while (slashes < t.length() && t.charAt(t.length() - 1 - slashes) == '\\') {
        slashes++;
      }
      if (slashes % 2 == 0) {
        return t;
      }
      // An odd run of backslashes at the end: the last one is a dangling hard break.
      t = stripAscii(t.substring(0, t.length() - 1));
    }
  }

  /**
   * Strips ASCII white space only: full-width (U+3000) indents and no-break spaces are text,
   * and CommonMark keeps them too.
   */
  static String stripAscii(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) <= ' ') {
      end--;
    }
    return s.substring(start, end);
  }

  /** True when the text holds nothing but white space, hard breaks and zero-width characters. */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        continue;
      }
      if (!isSpace(c) && c != '\u200b' && c != '\ufeff') {
        return false;
      }
    }
    return true;
  }

  /** The longest run of {@code c} in {@code s}: a code fence must be longer. */
  static int longestRun(String s, char c) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}
