package samizdat.search;

/** Writes JSON string literals (valid JavaScript too) with a fixed, deterministic escaping. */
final class Js {
  private Js() {}

  static void string(StringBuilder out, CharSequence s) {
    out.append('"');
    if (plain(s)) {
      // The common case (terms, postings, most titles): nothing to escape, one bulk copy.
      out.append(s);
    } else {
      escaped(out, s);
    }
    out.append('"');
  }

  /** True when no character of {@code s} needs escaping (no surrogates at all, to stay simple). */
  private static boolean plain(CharSequence s) {
    // Calls through CharSequence are not inlined by the quick compiler the build runs with, and
    // a shard file's postings are all checked here: the two real types get their own loops.
    if (s instanceof String str) {
      for (int i = 0, n = str.length(); i < n; i++) {
        if (needsEscape(str.charAt(i))) {
          return false;
        }
      }
      return true;
    }
    if (s instanceof StringBuilder sb) {
      for (int i = 0, n = sb.length(); i < n; i++) {
        if (needsEscape(sb.charAt(i))) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      if (needsEscape(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c);
  }

  private static void escaped(StringBuilder out, CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
              && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)));
          if (c < 0x20 || c == 0x2028 || c == 0x2029 || loneSurrogate) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
            if (Character.isHighSurrogate(c)) {
              out.append(s.charAt(++i));
            }
          }
        }
      }
    }
  }
}
