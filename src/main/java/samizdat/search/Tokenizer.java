package samizdat.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The CJK-aware tokeniser shared with search-terms.js (which must produce the very same terms).
 *
 * <p>Text is normalised (NFKC, lower case, Traditional to Simplified Chinese character by
 * character) and split into units: maximal runs of CJK characters and maximal runs of other
 * letters/digits/marks ("words"); anything else separates. A word becomes one term. A CJK run
 * becomes its character bigrams plus its last character alone (so a one-character query finds
 * every occurrence by looking up terms starting with it). Next to a word, a "pair" term
 * {@code "left right"} records adjacency (word or neighbouring CJK character on each side), so
 * quoted phrases across words and scripts can be checked without storing positions.
 */
final class Tokenizer {
  /** Longer letter/digit runs are noise (hashes, base64, URLs run together) and are not indexed. */
  static final int MAX_WORD = 32;

  private static final int MAP_SIZE = 0x32400;
  private final int[] toSimplified;
  private final String t2sPairs;

  private Tokenizer(int[] toSimplified, String t2sPairs) {
    this.toSimplified = toSimplified;
    this.t2sPairs = t2sPairs;
  }

  /** The tokeniser with the bundled Traditional-to-Simplified character map. */
  static Tokenizer standard() {
    try (InputStream in = Tokenizer.class.getResourceAsStream("t2s.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource samizdat/search/t2s.txt");
      }
      int[] map = new int[MAP_SIZE];
      StringBuilder pairs = new StringBuilder();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        int from = line.codePointAt(0);
        int to = line.codePointAt(tab + 1);
        if (from < MAP_SIZE) {
          map[from] = to;
          pairs.appendCodePoint(from).appendCodePoint(to);
        }
      }
      return new Tokenizer(map, pairs.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read samizdat/search/t2s.txt", e);
    }
  }

  /** The character map as one string of (traditional, simplified) code point pairs, for search-terms.js. */
  String t2sPairs() {
    return t2sPairs;
  }

  /** NFKC, lower case, then Traditional to Simplified per code point. */
  String normalize(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = null;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      int len = Character.charCount(cp);
      int mapped = cp < MAP_SIZE ? toSimplified[cp] : 0;
      if (mapped != 0 && out == null) {
        out = new StringBuilder(n.length()).append(n, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(mapped != 0 ? mapped : cp);
      }
      i += len;
    }
    return out == null ? n : out.toString();
  }

  static boolean isCjk(int cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3005 && cp <= 0x3007)
        || (cp >= 0x3040 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FF)
        || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0x31F0 && cp <= 0x31FF)
        || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x20000 && cp <= 0x323AF);
  }

  /** Letters, numbers and combining marks: the same classes as JavaScript's [\p{L}\p{N}\p{M}]. */
  static boolean isWordChar(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.NON_SPACING_MARK,
          Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK:
        return true;
      default:
        return false;
    }
  }

  /** A run of CJK characters ({@code cjk}) or a word, in normalised text. */
  record Unit(boolean cjk, String text) {
    String first() {
      return cjk ? text.substring(0, Character.charCount(text.codePointAt(0))) : text;
    }

    String last() {
      return cjk ? text.substring(text.offsetByCodePoints(text.length(), -1)) : text;
    }
  }

  /** Splits normalised text into units; words longer than {@link #MAX_WORD} are dropped. */
  static List<Unit> units(String normalized) {
    List<Unit> units = new ArrayList<>();
    int start = -1;
    boolean startCjk = false;
    int codePoints = 0;
    for (int i = 0; i <= normalized.length(); ) {
      int cp = i < normalized.length() ? normalized.codePointAt(i) : -1;
      int kind = cp < 0 ? 0 : isCjk(cp) ? 2 : isWordChar(cp) ? 1 : 0;
      if (start >= 0 && (kind == 0 || (kind == 2) != startCjk)) {
        if (startCjk || codePoints <= MAX_WORD) {
          units.add(new Unit(startCjk, normalized.substring(start, i)));
        }
        start = -1;
      }
      if (start < 0 && kind != 0) {
        start = i;
        startCjk = kind == 2;
        codePoints = 0;
      }
      codePoints++;
      i += cp < 0 ? 1 : Character.charCount(cp);
    }
    return units;
  }

  /**
   * Receives index terms. A term of at most four UTF-16 units (every CJK bigram and character,
   * short words and pairs) arrives packed in a long, as {@link #pack} makes it, so that indexing
   * makes no String for each of the millions of repeated terms; longer terms arrive as Strings.
   */
  interface TermSink {
    void packed(long term);

    void string(String term);
  }

  /**
   * A term of one to four UTF-16 units in a long, 16 bits each, the first unit highest; 0 for a
   * longer term. Terms never contain U+0000, so the packing is unambiguous.
   */
  static long pack(CharSequence term) {
    int n = term.length();
    if (n > 4) {
      return 0;
    }
    long k = 0;
    for (int i = 0; i < n; i++) {
      k = (k << 16) | term.charAt(i);
    }
    return k;
  }

  /** The term that {@link #pack} packed. */
  static String unpack(long packed) {
    int n = (79 - Long.numberOfLeadingZeros(packed)) / 16;
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = (char) (packed >>> (16 * (n - 1 - i)));
    }
    return new String(chars);
  }

  /** {@link #hash} of the term that {@link #pack} packed. */
  static int hash(long packed) {
    int n = (79 - Long.numberOfLeadingZeros(packed)) / 16;
    int h = 0x811c9dc5;
    for (int i = n - 1; i >= 0; i--) {
      h ^= (char) (packed >>> (16 * i));
      h *= 0x01000193;
    }
    return h;
  }

  /** Hands {@code s[from, to)} to the sink, packed when it is short enough. */
  private static void emit(String s, int from, int to, TermSink sink) {
    int n = to - from;
    if (n <= 4) {
      long k = 0;
      for (int i = from; i < to; i++) {
        k = (k << 16) | s.charAt(i);
      }
      sink.packed(k);
    } else {
      sink.string(from == 0 && to == s.length() ? s : s.substring(from, to));
    }
  }

  /** UTF-16 units of the code point at {@code i}: 2 for a surrogate pair, else 1 (as codePointAt). */
  private static int unitsAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
  }

  /** The terms of a unit itself: the word, or the bigrams of a CJK run and its last character. */
  static void unitTerms(Unit u, TermSink sink) {
    String t = u.text();
    if (!u.cjk()) {
      emit(t, 0, t.length(), sink);
      return;
    }
    int i = 0;
    while (true) {
      int a = unitsAt(t, i);
      if (i + a >= t.length()) {
        emit(t, i, t.length(), sink);
        return;
      }
      emit(t, i, i + a + unitsAt(t, i + a), sink);
      i += a;
    }
  }

  /** The adjacency term between two neighbouring units, when at least one of them is a word. */
  static boolean hasPair(Unit left, Unit right) {
    return !left.cjk() || !right.cjk();
  }

  static String pair(Unit left, Unit right) {
    return left.last() + " " + right.first();
  }

  /** {@link #pair} handed to the sink, packed without making the String when it is short. */
  private static void pair(Unit left, Unit right, TermSink sink) {
    String l = left.text();
    String r = right.text();
    int lastStart = left.cjk() ? l.length() - (l.length() > 1
        && Character.isLowSurrogate(l.charAt(l.length() - 1))
        && Character.isHighSurrogate(l.charAt(l.length() - 2)) ? 2 : 1) : 0;
    int firstEnd = right.cjk() ? unitsAt(r, 0) : r.length();
    if (l.length() - lastStart + 1 + firstEnd <= 4) {
      long k = 0;
      for (int i = lastStart; i < l.length(); i++) {
        k = (k << 16) | l.charAt(i);
      }
      k = (k << 16) | ' ';
      for (int i = 0; i < firstEnd; i++) {
        k = (k << 16) | r.charAt(i);
      }
      sink.packed(k);
    } else {
      sink.string(pair(left, right));
    }
  }

  /** Every index term of {@code text}, in order (duplicates included). */
  void terms(String text, TermSink sink) {
    Unit previous = null;
    for (Unit u : units(normalize(text))) {
      if (previous != null && hasPair(previous, u)) {
        pair(previous, u, sink);
      }
      unitTerms(u, sink);
      previous = u;
    }
  }

  /** As {@link #terms(String, TermSink)}, every term as a String. */
  void terms(String text, Consumer<String> sink) {
    terms(text, new TermSink() {
      @Override
      public void packed(long term) {
        sink.accept(unpack(term));
      }

      @Override
      public void string(String term) {
        sink.accept(term);
      }
    });
  }

  List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    terms(text, (Consumer<String>) out::add);
    return out;
  }

  /**
   * The part of a term that picks its shard: the first character of a term starting with a CJK
   * character, else its first three characters (UTF-16 code units are never split: CJK terms key
   * on one code point, words on up to three code points). Words of three or more characters can
   * thus be matched by prefix within one shard.
   */
  static String shardKey(String term) {
    int cp = term.codePointAt(0);
    if (isCjk(cp)) {
      return term.substring(0, Character.charCount(cp));
    }
    int end = 0;
    for (int n = 0; n < 3 && end < term.length(); n++) {
      end += Character.charCount(term.codePointAt(end));
    }
    return term.substring(0, end);
  }

  /** How many shards a CJK character's terms are spread over (a one-character query reads them all). */
  static final int CJK_BUCKETS = 8;

  /**
   * What picks a term's shard. Pair terms ("left right"): the whole term, as they are looked up
   * only whole (phrases), and a common word's many pairs would otherwise swell the shard that a
   * query for the word reads. Words: their shard key. Terms starting with a CJK character: that
   * character plus a bucket of the next code point, so the many bigrams of a frequent character
   * do not all land in one (huge) shard.
   */
  static String shardHashKey(String term) {
    if (term.indexOf(' ') >= 0) {
      return term;
    }
    int cp = term.codePointAt(0);
    if (!isCjk(cp)) {
      return shardKey(term);
    }
    int len = Character.charCount(cp);
    int next = len < term.length() ? term.codePointAt(len) : 0;
    return term.substring(0, len) + (char) ('0' + bucket(next));
  }

  static int bucket(int cp) {
    return (cp * 0x9E3779B1) >>> 29;
  }

  /** FNV-1a over UTF-16 code units (search.js computes the same with Math.imul). */
  static int hash(String s) {
    int h = 0x811c9dc5;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x01000193;
    }
    return h;
  }
}
