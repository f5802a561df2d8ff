package samizdat.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns page bytes into text. The order is the one browsers use: a byte-order mark, then the
 * charset the HTTP response declared, then a {@code <meta>} (or XML) declaration in the first
 * bytes; a page that declares nothing is taken as UTF-8 when it is valid UTF-8 and otherwise handed
 * to a statistical detector (juniversalchardet), which tells GBK/GB18030 from Big5 reliably on
 * pages of article length. Labels are widened as the WHATWG Encoding standard does (gb2312 and gbk
 * decode as gb18030, latin-1 as windows-1252, Shift_JIS/EUC-JP/EUC-KR as their Windows and NEC/IBM
 * supersets), because that is what the authors' browsers showed.
 *
 * <p>Stateless and thread-safe.
 */
final class PageDecoder {
  private static final int PRESCAN = 4096;
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING = Pattern.compile(
      "^<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-zA-Z0-9_.:-]+)");

  /** Decoded text and the charset that was used. */
  record Decoded(String text, Charset charset, String how) {}

  Decoded decode(byte[] bytes, Optional<String> httpCharset) {
    int bomLength = 0;
    Charset charset = null;
    String how = null;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bomLength = 3;
      how = "byte-order mark";
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bomLength = 2;
      how = "byte-order mark";
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bomLength = 2;
      how = "byte-order mark";
    }
    if (charset == null && httpCharset.isPresent()) {
      charset = lookup(httpCharset.get()).orElse(null);
      how = "HTTP Content-Type";
    }
    if (charset == null) {
      charset = declared(bytes).orElse(null);
      how = "<meta> declaration";
    }
    if (charset != null && bomLength == 0 && !charset.name().startsWith("UTF")
        && isMultibyteUtf8(bytes)) {
      // Saved as UTF-8 but still declaring the charset the page was served in (a browser's or
      // tool's "save as" re-encodes the text, not the <meta>): read as declared, every Chinese
      // character would become two or three wrong ones. Text in a legacy multibyte charset is
      // practically never valid UTF-8 beyond a few characters, so the bytes decide.
      return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
          "valid UTF-8 (declared " + charset.name() + " ignored)");
    }
    if (charset == null) {
      Optional<String> text = utf8(bytes);
      if (text.isPresent()) {
        return new Decoded(text.get(), StandardCharsets.UTF_8, "valid UTF-8");
      }
      Optional<Charset> detected = detect(bytes);
      if (detected.isEmpty()) {
        Optional<String> japanese = shiftJisWithExtensions(bytes);
        if (japanese.isPresent()) {
          return new Decoded(japanese.get(), Charset.forName("windows-31j"), "detected");
        }
      }
      charset = detected.orElse(Charset.forName("windows-1252"));
      how = "detected";
    }
    return new Decoded(new String(bytes, bomLength, bytes.length - bomLength, charset), charset, how);
  }

  /** The charset a {@code <meta>} or XML declaration in the first bytes names, if any. */
  static Optional<Charset> declared(byte[] bytes) {
    int n = Math.min(bytes.length, PRESCAN);
    // Most pages say nothing: a byte scan rules that out before any regex runs.
    if (!containsAsciiIgnoreCase(bytes, n, "charset") && !containsAsciiIgnoreCase(bytes, n, "encoding")) {
      return Optional.empty();
    }
    String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find()) {
      Optional<Charset> c = lookup(xml.group(1));
      if (c.isPresent()) {
        return c;
      }
    }
    Matcher m = META_CHARSET.matcher(head);
    while (m.find()) {
      Optional<Charset> c = lookup(m.group(1));
      if (c.isPresent()) {
        // A page cannot really be UTF-16 if its declaration is readable as ASCII.
        Charset cs = c.get();
        if (cs.name().startsWith("UTF-16")) {
          return Optional.of(StandardCharsets.UTF_8);
        }
        return c;
      }
    }
    return Optional.empty();
  }

  /** A charset by label, widened the way WHATWG says; empty for unknown labels. */
  static Optional<Charset> lookup(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    switch (l) {
      case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "euc-cn", "x-euc-cn",
          "gb18030", "hz-gb-2312" -> l = "GB18030";
      case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5", "x-euc-tw" -> l = "Big5-HKSCS";
      case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "iso8859-1", "cp1252" -> l = "windows-1252";
      case "utf8", "unicode-1-1-utf-8" -> l = "UTF-8";
      // The Japanese and Korean labels name the vendor supersets, as in browsers: Java's plain
      // Shift_JIS, EUC-JP and EUC-KR lack the NEC/IBM characters (①, ㈱, Ⅲ, 髙, 﨑) and the
      // Windows-949 syllables (똠) that real pages carry, and would turn them into U+FFFD.
      case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "ms932", "cp932",
          "windows-31j" -> l = "windows-31j";
      case "euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese" -> l = "x-eucJP-Open";
      case "euc-kr", "euckr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601",
          "csksc56011987", "iso-ir-149", "korean", "windows-949", "cp949", "ms949" -> l = "x-windows-949";
      default -> { }
    }
    Optional<Charset> c = forName(l);
    // A runtime without the superset still reads the label as itself.
    return c.isPresent() || l.equals(label) ? c : forName(label.strip());
  }

  private static Optional<Charset> forName(String name) {
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /** The text if {@code bytes} are valid UTF-8 (the common case, decoded once); else empty. */
  private static Optional<String> utf8(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (s.indexOf('\uFFFD') < 0) {
      return Optional.of(s);
    }
    // Replacement characters: either malformed input or a page that really contains U+FFFD.
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return Optional.of(s);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * True if {@code bytes} are valid UTF-8 with at least one multibyte character (stops at the
   * first invalid byte, which a legacy-charset page reaches at its first non-ASCII character).
   */
  static boolean isMultibyteUtf8(byte[] bytes) {
    boolean multibyte = false;
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int n;
      int min;
      if (b >= 0xC2 && b <= 0xDF) {
        n = 1;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        n = 2;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        n = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + n >= bytes.length) {
        // Cut off in its last character, as a truncated download is: the rest was valid.
        return multibyte;
      }
      int cp = b & (0x3F >> n);
      for (int k = 1; k <= n; k++) {
        int c = bytes[i + k] & 0xFF;
        if ((c & 0xC0) != 0x80) {
          return false;
        }
        cp = cp << 6 | c & 0x3F;
      }
      // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
      if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
        return false;
      }
      multibyte = true;
      i += n + 1;
    }
    return multibyte;
  }

  /**
   * The text of a Shift_JIS page whose kanji include the IBM extensions (髙, 﨑: lead bytes
   * 0xED-0xEE and 0xFA-0xFC), which the detector's Shift_JIS model counts as errors, so that it
   * names no charset at all. Only asked when the detector gave up, and only accepted when the bytes
   * are valid Windows-31J and read as Japanese: at least a fifth of the non-ASCII characters are
   * full-width kana, which Latin-1 bytes almost never make (half-width katakana, which they do
   * make, are not counted).
   */
  static Optional<String> shiftJisWithExtensions(byte[] bytes) {
    Optional<Charset> sjis = forName("windows-31j");
    if (sjis.isEmpty()) {
      return Optional.empty();
    }
    String text;
    try {
      text = sjis.get().newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    int nonAscii = 0;
    int kana = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        nonAscii++;
        if (c >= 0x3041 && c <= 0x30FA) {
          kana++;
        }
      }
    }
    return kana >= 8 && kana * 5 >= nonAscii ? Optional.of(text) : Optional.empty();
  }

  private static Optional<Charset> detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, Math.min(bytes.length, 1 << 20));
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    return name == null ? Optional.empty() : lookup(name);
  }

  /**
   * True if {@code word} (lower-case ASCII letters) occurs in the first {@code n} bytes, in any
   * case: a byte matches a letter when {@code (byte | 0x20)} is that letter. Horspool's search:
   * the byte under the word's last position says how far the word may move, so a page without
   * the word is looked at about once every word length, not at every byte.
   */
  static boolean containsAsciiIgnoreCase(byte[] b, int n, String word) {
    int m = word.length();
    int last = m - 1;
    int[] shift = new int[256];
    Arrays.fill(shift, m);
    for (int k = 0; k < last; k++) {
      shift[word.charAt(k)] = last - k;
    }
    char end = word.charAt(last);
    for (int i = 0; i <= n - m; ) {
      int x = (b[i + last] | 0x20) & 0xff;
      if (x == end && matchesAt(b, i, word, last)) {
        return true;
      }
      i += shift[x];
    }
    return false;
  }

  private static boolean matchesAt(byte[] b, int at, String word, int length) {
    for (int k = 0; k < length; k++) {
      if ((b[at + k] | 0x20) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
