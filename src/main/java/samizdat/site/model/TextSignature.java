package samizdat.site.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A short fingerprint of what an article's text is about, for finding related articles: the
 * {@value #SIZE} most frequent terms, as 64-bit hashes. Terms are CJK character bigrams (Chinese
 * has no spaces between words) and Latin words; bigrams with a function character (的, 了, 是 ...)
 * and common English words are skipped, so the terms that remain say something.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextSignature {
  static final int SIZE = 32;

  private static final String CJK_STOP =
      "的一是了不在有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";
  private static final boolean[] STOP_CHAR = new boolean[0x10000];
  private static final Set<String> STOP_WORDS = Set.of(
      "the", "and", "of", "to", "in", "a", "is", "for", "on", "that", "with", "as", "by", "it",
      "at", "be", "are", "was", "this", "from", "or", "an", "has", "have", "its", "not", "but",
      "were", "he", "she", "they", "we", "you", "his", "her", "their", "will", "would", "can",
      "said", "also", "which", "who", "been", "had", "more", "than", "after", "into", "about",
      "https", "http", "www", "com", "html", "jpg", "png", "media");

  static {
    // Only the first 60 or so are true function characters; the rest are so common in news that
    // bigrams made from them say little. Both halves are cheap to skip.
    for (int i = 0; i < 60 && i < CJK_STOP.length(); i++) {
      STOP_CHAR[CJK_STOP.charAt(i)] = true;
    }
  }

  private TextSignature() {}

  /** The signature of a Markdown body plus its title (the title counts three times). */
  static long[] of(String title, String markdown) {
    return of(title, markdown, new LongIntMap(2048));
  }

  /** Like {@link #of(String, String)}, counting in {@code counts} (cleared first and after). */
  static long[] of(String title, String markdown, LongIntMap counts) {
    counts.clear();
    char[] t = title.toCharArray();
    for (int i = 0; i < 3; i++) {
      terms(t, 0, t.length, counts);
    }
    // The text between link targets and bare URLs, each run on its own: the same terms as
    // replacing them with spaces (see markupEnd), without copying the body. Characters are read
    // from an array: String.charAt checks bounds and coder on every call.
    int n = markdown.length();
    char[] chars = counts.chars(n);
    markdown.getChars(0, n, chars, 0);
    int from = 0;
    int i = 0;
    while (i < n) {
      char c = chars[i];
      int end = c == ']' || c == 'h' ? markupEnd(chars, n, i) : -1;
      if (end < 0) {
        i++;
        continue;
      }
      terms(chars, from, i, counts);
      from = end;
      i = end;
    }
    terms(chars, from, n, counts);
    long[] top = counts.top(SIZE);
    counts.clear();
    return top;
  }

  /**
   * Where a link target {@code ](...)} or an http(s) URL (up to the next white space) that starts
   * at {@code i} ends, or -1: a match of the regular expression {@code \]\([^)]*\)|https?://\S+}
   * (leftmost, as {@code Matcher.find} scans), found without the regex engine.
   */
  static int markupEnd(String s, int i) {
    return markupEnd(s.toCharArray(), s.length(), i);
  }

  /** {@link #markupEnd(String, int)} on the first {@code n} characters of {@code s}. */
  static int markupEnd(char[] s, int n, int i) {
    char c = s[i];
    if (c == ']') {
      if (i + 1 < n && s[i + 1] == '(') {
        for (int k = i + 2; k < n; k++) {
          if (s[k] == ')') {
            return k + 1;
          }
        }
      }
      return -1;
    }
    if (c != 'h' || !startsWith(s, n, i, "http")) {
      return -1;
    }
    int p = i + 4;
    if (p < n && s[p] == 's' && startsWith(s, n, p + 1, "://")) {
      p++;
    }
    if (!startsWith(s, n, p, "://")) {
      return -1;
    }
    int start = p + 3;
    int q = start;
    while (q < n && !isRegexSpace(s[q])) {
      q++;
    }
    return q > start ? q : -1;
  }

  private static boolean startsWith(char[] s, int n, int at, String prefix) {
    if (at + prefix.length() > n) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (s[at + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** {@code \s} of java.util.regex: space, tab, line feed, vertical tab, form feed, return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Adds the terms of {@code text} to {@code counts}. */
  static void terms(String text, LongIntMap counts) {
    char[] chars = text.toCharArray();
    terms(chars, 0, chars.length, counts);
  }

  /** Adds the terms of {@code text[from, to)} to {@code counts}. */
  static void terms(char[] text, int from, int to, LongIntMap counts) {
    int n = to;
    int i = from;
    char prevCjk = 0;
    while (i < n) {
      char c = text[i];
      if (isCjk(c)) {
        if (prevCjk != 0 && !STOP_CHAR[prevCjk] && !STOP_CHAR[c]) {
          counts.add(((long) prevCjk << 16 | c) * 0x9E3779B97F4A7C15L, 1);
        }
        prevCjk = c;
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        prevCjk = 0;
        int start = i;
        while (i < n && Character.isLetterOrDigit(text[i]) && !isCjk(text[i])) {
          i++;
        }
        if (i - start >= 2) {
          String word = new String(text, start, i - start).toLowerCase(Locale.ROOT);
          if (!STOP_WORDS.contains(word) && !isNumberOrHex(word)) {
            counts.add(hash(word), 1);
          }
        }
      } else {
        prevCjk = 0;
        i++;
      }
    }
  }

  private static boolean isNumberOrHex(String word) {
    int digits = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c > 'f') {
        return false;
      }
    }
    return digits == word.length() || word.length() >= 16;
  }

  static boolean isCjk(char c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF)
        || (c >= 0xF900 && c <= 0xFAFF);
  }

  /** FNV-1a, 64 bit: stable across JVMs, unlike String.hashCode spread. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * A small open-addressing map from long to int count; keys must not be 0. It remembers which
   * slots it used, so that {@link #top} and {@link #clear} look at those only, not at the whole
   * table (mostly empty), and one map can serve article after article.
   */
  static final class LongIntMap {
    private long[] keys;
    private int[] values;
    /** Used slots, in the order they were taken. */
    private int[] used;
    /** Scratch space for the text being counted (see {@link #chars}). */
    private char[] text = new char[0];
    private int size;
    private final int initialSlots;

    LongIntMap(int capacity) {
      initialSlots = Integer.highestOneBit(Math.max(16, capacity) * 2);
      allocate(initialSlots);
    }

    private void allocate(int slots) {
      keys = new long[slots];
      values = new int[slots];
      used = new int[slots / 2 + 1];
    }

    void add(long key, int delta) {
      if (key == 0) {
        key = 1;
      }
      int mask = keys.length - 1;
      int i = (int) (key ^ (key >>> 32)) & mask;
      while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      if (keys[i] == 0) {
        keys[i] = key;
        used[size] = i;
        if (++size * 2 > keys.length) {
          values[i] += delta;
          grow();
          return;
        }
      }
      values[i] += delta;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      allocate(oldKeys.length * 2);
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          add(oldKeys[i], oldValues[i]);
        }
      }
    }

    /** A scratch array of at least {@code n} characters, reused. */
    char[] chars(int n) {
      if (text.length < n) {
        text = new char[Math.max(n, 2 * text.length)];
      }
      return text;
    }

    /**
     * Empties the map. It keeps its table unless the table grew: then it starts over at the first
     * size, because which of equally frequent terms {@link #top} takes depends on the table's size,
     * and must depend only on the text counted since the map was cleared.
     */
    void clear() {
      if (keys.length != initialSlots) {
        allocate(initialSlots);
        size = 0;
        return;
      }
      for (int k = 0; k < size; k++) {
        keys[used[k]] = 0;
        values[used[k]] = 0;
      }
      size = 0;
    }

    /**
     * The {@code k} keys with the highest counts (ties: in table order), sorted by key. Linear:
     * finds the cut-off count with a histogram instead of sorting every entry.
     */
    long[] top(int k) {
      int max = 0;
      for (int u = 0; u < size; u++) {
        max = Math.max(max, values[used[u]]);
      }
      int[] histogram = new int[max + 2];
      for (int u = 0; u < size; u++) {
        histogram[values[used[u]]]++;
      }
      int cutoff = max + 1; // entries with count >= cutoff are all taken
      int taken = 0;
      while (cutoff > 1 && taken + histogram[cutoff - 1] <= k) {
        cutoff--;
        taken += histogram[cutoff];
      }
      long[] top = new long[Math.min(k, size)];
      int n = 0;
      int[] boundary = new int[cutoff - 1 >= 1 ? histogram[cutoff - 1] : 0];
      int b = 0;
      for (int u = 0; u < size; u++) {
        int slot = used[u];
        if (values[slot] >= cutoff) {
          top[n++] = keys[slot];
        } else if (values[slot] == cutoff - 1) {
          boundary[b++] = slot;
        }
      }
      if (n < top.length) {
        // Among equally frequent terms, take them in table order: deterministic for a given
        // text (same insertions, same table), and no sort of the long tail of one-off terms.
        Arrays.sort(boundary);
        for (int i = 0; n < top.length; i++) {
          top[n++] = keys[boundary[i]];
        }
      }
      Arrays.sort(top);
      return top;
    }
  }
}
