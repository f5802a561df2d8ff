package samizdat.ingest;

/**
 * Repairs a page whose UTF-8 text was once read as Latin-1 or Windows-1252 and saved as UTF-8
 * again: "we’ve" shown as "weâ€™ve" (or with the C1 controls U+0080 and U+0099 in place of € and
 * ™), "été" as "Ã©tÃ©". Such a sequence is read back as the one character its bytes encode.
 *
 * <p>Only a page that proves it: two or more sequences that hold a byte Latin text never holds
 * (0x80–0x9F, a C1 control or a Windows-1252 sign such as €, ™, “ or – in its place) and read
 * back as a quote, a dash or a capital letter. Then every sequence that reads back as one UTF-8
 * character is repaired, "Ã©" too; on any other page nothing changes, so "Ã©" that is meant
 * stays. C1 controls left over are Windows-1252 text read as Latin-1 ("we", U+0092, "re"): each
 * becomes the sign it stood for. Stateless.
 */
final class Mojibake {
  /** What Windows-1252 shows for the bytes 0x80–0x9F (the five it leaves undefined as C1 controls). */
  private static final String CP1252 =
      "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  /** Sequences with a byte of 0x80–0x9F a page must hold before it is repaired. */
  private static final int PROOF = 2;
  /** Times a page is read back at most: encoded twice over is the most seen. */
  private static final int MAX_PASSES = 3;

  private Mojibake() {}

  /**
   * {@code text} repaired: read back as many times as it proves to be double-encoded (a page
   * can be encoded twice over), then with Windows-1252 signs for the C1 controls left; else
   * {@code text} itself.
   */
  static String repair(String text) {
    String repaired = text;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String next = readBack(repaired);
      if (next == repaired) {
        break;
      }
      repaired = next;
    }
    return withWindowsSigns(repaired);
  }

  /**
   * Text once in Windows-1252, read as Latin-1 and saved as UTF-8: its quotes and dashes are C1
   * controls ("we", U+0092, "re"), which no page means, so each becomes the sign Windows-1252
   * has for its byte. Looked for by the apostrophe and the opening quote, which such a page has.
   */
  private static String withWindowsSigns(String text) {
    if (text.indexOf('\u0092') < 0 && text.indexOf('\u0093') < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 0x80 && c <= 0x9F) {
        chars[i] = CP1252.charAt(c - 0x80);
      }
    }
    return new String(chars);
  }

  /** {@code text} read back once when it proves to be double-encoded; else {@code text} itself. */
  private static String readBack(String text) {
    // A proof reads back as a capital (lead byte C3, shown as Ã) or as punctuation, € or ™ (E2,
    // â): looking only there keeps the common page, which has neither, to two fast searches.
    if (proofs(text, 'Ã') + proofs(text, 'â') < PROOF) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int i = 0; i < text.length(); i++) {
      int len = sequenceLength(text.charAt(i));
      int cp = len > 0 && i + len <= text.length() ? decode(text, i, len, false) : -1;
      if (cp >= 0) {
        out.append(text, copied, i).appendCodePoint(cp);
        i += len - 1;
        copied = i + 1;
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** How many proofs start with {@code lead}, counted up to {@link #PROOF}. */
  private static int proofs(String text, char lead) {
    int len = sequenceLength(lead);
    int found = 0;
    for (int i = text.indexOf(lead); i >= 0 && found < PROOF; i = text.indexOf(lead, i + 1)) {
      if (i + len <= text.length() && decode(text, i, len, true) >= 0) {
        found++;
      }
    }
    return found;
  }

  /** The length of the UTF-8 sequence whose first byte Latin-1 shows as {@code c}; 0 if none. */
  private static int sequenceLength(char c) {
    if (c < 0xC2 || c > 0xF4) {
      return 0;
    }
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  }

  /**
   * The character that the bytes shown as {@code text[at, at + len)} encode in UTF-8, or -1 when
   * they are no valid sequence, encode a C1 control, or ({@code proof}) hold no byte 0x80–0x9F.
   */
  private static int decode(String text, int at, int len, boolean proof) {
    int cp = text.charAt(at) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    boolean c1Byte = false;
    for (int k = 1; k < len; k++) {
      char c = text.charAt(at + k);
      // Windows-1252 has no sign for 0x9D, and a decoder shows U+FFFD: after "â€" it was the
      // byte of ” (E2 80 9D), the one such sequence that is common.
      int b = c == '\uFFFD' && k == 2 && text.charAt(at) == 'â' && byteOf(text.charAt(at + 1)) == 0x80
          ? 0x9D : byteOf(c);
      if (b < 0x80 || b > 0xBF) {
        return -1;
      }
      c1Byte |= b <= 0x9F;
      cp = cp << 6 | (b & 0x3F);
    }
    int least = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < least || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF || cp <= 0x9F
        || proof && !(c1Byte && isCommon(cp))) {
      return -1;
    }
    return cp;
  }

  /**
   * What double encoding mostly hits: capitals À–ß and punctuation (quotes, dashes, the
   * ellipsis, €, ™). Not a combining mark: Czech "Íš" reads as one (CD 9A), and is meant.
   */
  private static boolean isCommon(int cp) {
    return cp >= 0xC0 && cp <= 0xDF || cp >= 0x2010 && cp <= 0x203A || cp == 0x20AC || cp == 0x2122;
  }

  /** The byte that Latin-1 or Windows-1252 shows as {@code c}; -1 if neither has it. */
  private static int byteOf(char c) {
    if (c <= 0xFF) {
      return c;
    }
    int i = CP1252.indexOf(c);
    return i >= 0 ? 0x80 + i : -1;
  }
}
