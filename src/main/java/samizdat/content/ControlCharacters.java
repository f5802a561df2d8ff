package samizdat.content;

/**
 * Characters that article text never holds: C0 controls other than tab, line feed and carriage
 * return, DEL, C1 controls, and the noncharacters U+FFFE and U+FFFF. A page can carry them (raw,
 * or as {@code &#27;} or a JSON-LD {@code \u001b}); a browser shows nothing for them, a terminal
 * obeys them, and XML 1.0 forbids most of them, so one in a title made the Atom feed unreadable.
 * Ingest leaves them out of what it stores; the build leaves them out of every value its templates
 * escape, whatever a hand-edited content file holds.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  public static boolean isControl(char c) {
    if (c < 0x20) {
      return c != '\t' && c != '\n' && c != '\r';
    }
    return (c >= 0x7f && c <= 0x9f) || c >= 0xfffe;
  }

  /** {@code s} without its control characters; {@code s} itself when it has none. */
  public static String strip(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n - 1);
    b.append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
