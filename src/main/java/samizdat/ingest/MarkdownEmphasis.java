package samizdat.ingest;

import static samizdat.ingest.MarkdownEscaping.escapeLineStart;
import static samizdat.ingest.MarkdownEscaping.isPunct;
import static samizdat.ingest.MarkdownEscaping.isSpace;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * CommonMark's rules for emphasis markers, as the writer needs them: where a marker may not cut
 * (escapes, code spans), what may move outside the markers, whether an asterisk is markup, and
 * the final check that a block's emphasis parses as intended, else the block without it.
 *
 * <p>Apart from the writer because CJK text trips CommonMark's flanking rules ({@code 文**粗。**文}
 * is not bold): these rules are the subtle part of emphasis, pure functions of the written text,
 * and are tested on their own against the commonmark parser.
 */
final class MarkdownEmphasis {
  private static final Parser PARSER = Parser.builder().build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private MarkdownEmphasis() {}

  /**
   * True when {@code s} holds an asterisk that is markup (nested emphasis): ours would pair with
   * it instead of with each other, so the outer emphasis goes and the inner one stays.
   */
  static boolean containsMarker(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '`') {
        i = codeSpanEnd(s, i) - 1;
      } else if (c == '*') {
        return true;
      }
    }
    return false;
  }

  /** True when {@code s} ends with an asterisk that is markup, not an escaped literal. */
  static boolean endsWithMarker(CharSequence s) {
    int n = s.length();
    if (n == 0 || s.charAt(n - 1) != '*') {
      return false;
    }
    int slashes = 0;
    while (slashes < n - 1 && s.charAt(n - 2 - slashes) == '\\') {
      slashes++;
    }
    return slashes % 2 == 0;
  }

  /** Index after the code span starting at {@code i}, or after its backtick run if it has no end. */
  private static int codeSpanEnd(String s, int i) {
    int run = 0;
    while (i + run < s.length() && s.charAt(i + run) == '`') {
      run++;
    }
    int j = i + run;
    while (j < s.length()) {
      if (s.charAt(j) == '`') {
        int r = 0;
        while (j + r < s.length() && s.charAt(j + r) == '`') {
          r++;
        }
        if (r == run) {
          return j + r;
        }
        j += r;
      } else {
        j++;
      }
    }
    return i + run;
  }

  /** Splits rendered inline Markdown into [start, end) units: escape pairs, code spans, chars. */
  static List<int[]> units(String s) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int next;
      if (c == '\\' && i + 1 < s.length()) {
        next = i + 2;
      } else if (c == '`') {
        next = codeSpanEnd(s, i);
      } else {
        next = i + 1;
      }
      out.add(new int[] {i, next});
      i = next;
    }
    return out;
  }

  /**
   * Whether emphasis may leave a unit outside its markers: 2 for spaces and hard breaks, 1 for
   * punctuation (escaped ASCII or any non-ASCII), 0 for anything else.
   */
  static int movable(String s, int[] unit) {
    int len = unit[1] - unit[0];
    char c = s.charAt(unit[0]);
    if (len == 2 && c == '\\') {
      return s.charAt(unit[0] + 1) == '\n' ? 2 : 1;
    }
    if (len != 1) {
      return 0;
    }
    if (c == ' ' || (c >= 128 && isSpace(c))) {
      return 2;
    }
    return c >= 128 && isPunct(c) ? 1 : 0;
  }

  /**
   * True for a line that is one emphasis from end to end ({@code **...**} or {@code *...*}) with
   * no other asterisk and no space inside its ends, such as a bold subheading. Its parse needs no
   * check: a run at the start of a line opens and one at its end closes whatever characters are
   * next to them (the line's edges count as white space), and with no other run there is nothing
   * else to pair with. Tested against {@link #checked} on random lines.
   */
  static boolean wholeLineEmphasis(String line) {
    int run = line.startsWith("**") ? 2 : line.startsWith("*") ? 1 : 0;
    int n = line.length();
    if (run == 0 || n < 2 * run + 1 || line.charAt(n - 1 - run) == '\\') {
      return false;
    }
    for (int i = n - run; i < n; i++) {
      if (line.charAt(i) != '*') {
        return false;
      }
    }
    for (int i = run; i < n - run; i++) {
      if (line.charAt(i) == '*') {
        return false;
      }
    }
    return !isSpace(line.charAt(run)) && !isSpace(line.charAt(n - 1 - run));
  }

  /**
   * The block itself when its emphasis parses as intended, else the block without emphasis.
   * The rules above get emphasis right in ordinary text; this check makes sure that in any text
   * a reader sees exactly the characters of the page, at the cost of a parse only for blocks
   * with emphasis.
   */
  static String checked(String block) {
    if (!containsMarker(block)) {
      return block;
    }
    StringBuilder plain = new StringBuilder(block.length());
    for (int i = 0; i < block.length(); i++) {
      char c = block.charAt(i);
      if (c == '\\' && i + 1 < block.length()) {
        plain.append(c).append(block.charAt(++i));
      } else if (c == '`') {
        int end = codeSpanEnd(block, i);
        plain.append(block, i, end);
        i = end - 1;
      } else if (c != '*') {
        plain.append(c);
      }
    }
    // Without its markers a line may start differently ("**1)**" -> "1)"): escape again.
    StringBuilder relined = new StringBuilder(plain.length() + 4);
    for (String line : plain.toString().split("\n", -1)) {
      if (relined.length() > 0) {
        relined.append('\n');
      }
      relined.append(line.startsWith("#") ? line : escapeLineStart(line));
    }
    String stripped = relined.toString();
    return TEXT.render(PARSER.parse(block)).equals(TEXT.render(PARSER.parse(stripped)))
        ? block : stripped;
  }
}
