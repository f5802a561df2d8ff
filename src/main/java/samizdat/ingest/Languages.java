package samizdat.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language of an article, from the tags its page declares and from its text. A declaration is
 * believed when the text agrees with it (or there is too little text to say); otherwise the text
 * wins, so a Chinese page read with a catch-all profile whose default is {@code en} is stored as
 * Chinese. Detection looks at scripts first (letters counted per Unicode script) and only then, for
 * scripts shared by many languages, at distinctive letters or a small vote of very common words.
 *
 * <p>Stateless and thread-safe; the Chinese character sets are loaded once, on first use.
 */
final class Languages {
  /** Letters looked at: enough to decide, and a huge page costs no more than a long article. */
  static final int SAMPLE_LETTERS = 4000;
  /** Weighted letters below which the text says nothing (about ten Han characters, thirty Latin letters). */
  static final int MIN_WEIGHT = 30;
  /** Code units scanned at most, for text that is mostly digits, spaces or symbols. */
  private static final int SAMPLE_CHARS = 4 * SAMPLE_LETTERS;

  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  /** Valid tags that name no language. */
  private static final Set<String> NO_LANGUAGE = Set.of("und", "mul", "zxx", "mis");
  private static final Map<String, String> DEPRECATED = Map.of("iw", "he", "in", "id", "ji", "yi");

  /** Languages the detector can name, by the script it recognises them in. */
  private static final Map<UnicodeScript, Set<String>> DETECTABLE = Map.of(
      UnicodeScript.LATIN, Set.of("en", "de", "fr", "es", "pt", "it", "nl", "pl", "tr", "vi", "id", "sv", "da"),
      UnicodeScript.CYRILLIC, Set.of("ru", "uk", "bg", "sr", "mk", "be"),
      UnicodeScript.ARABIC, Set.of("ar", "fa", "ur"),
      UnicodeScript.DEVANAGARI, Set.of("hi", "mr", "ne"));
  /** Scripts used by one language only (near enough for news): their letters name it. */
  private static final Map<UnicodeScript, String> SCRIPT_LANGUAGE = Map.ofEntries(
      Map.entry(UnicodeScript.HANGUL, "ko"), Map.entry(UnicodeScript.HEBREW, "he"),
      Map.entry(UnicodeScript.GREEK, "el"), Map.entry(UnicodeScript.THAI, "th"),
      Map.entry(UnicodeScript.GEORGIAN, "ka"), Map.entry(UnicodeScript.ARMENIAN, "hy"),
      Map.entry(UnicodeScript.KHMER, "km"), Map.entry(UnicodeScript.LAO, "lo"),
      Map.entry(UnicodeScript.SINHALA, "si"), Map.entry(UnicodeScript.TAMIL, "ta"),
      Map.entry(UnicodeScript.TELUGU, "te"), Map.entry(UnicodeScript.KANNADA, "kn"),
      Map.entry(UnicodeScript.MALAYALAM, "ml"), Map.entry(UnicodeScript.GUJARATI, "gu"),
      Map.entry(UnicodeScript.GURMUKHI, "pa"));
  /** The script of languages a page may declare; a tag not here is not checked against the script. */
  private static final Map<String, UnicodeScript> WRITTEN_IN = writtenIn();

  /** Very common words, per language: a vote among the languages of one script. */
  private static final List<String> VOTERS = List.of(
      "en the and of to in is that for was with on as by at from his have has are were it he said this be",
      "de der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an wurde werden bei nach hat über aus dass",
      "fr le la les de des et en du un une est que qui dans pour pas par sur au ont avec il elle sont ce été aux plus se",
      "es el la los las de del y en que un una por con para es se su al lo como más pero sus fue ha según este entre",
      "pt o a os as de do da dos das e em no na que um uma para com não por se mais foi ao pelo pela é são também",
      "it il la le di del della e che in un una per con non è sono dei delle gli nel nella alla da ha anche più questo",
      "nl de het een en van in is dat op te voor met zijn niet die er aan ook als bij door werd worden naar heeft maar wordt",
      "pl i w z na się nie do to że jest o od po jak ale za przez oraz dla jego już był tym które został może co",
      "tr ve bir bu da de için ile olarak çok daha gibi ama olan kadar sonra ancak göre değil her en ne ise mı o tarafından",
      "vi và của các là có được trong cho không những một người này với đã để khi theo về từ đến năm cũng ra như tại",
      "id yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga adalah oleh atau ada karena mereka telah saat bisa kata",
      "sv och att det som en på är för med av till den har inte om ett var men sig vid från också efter eller när kan de",
      "da og i at det en til er som på de med af for ikke der var sig men et har om vi fra også blev efter kan skal",
      "hi है के में की और को से का ने पर यह भी हैं था कि एक लिए किया",
      "mr आहे आणि या हे व की ते असे होते केली म्हणून आहेत हा ही त्यांनी",
      "ne छ र को मा गरेको भएको हो पनि छन् थियो गर्न लागि भने यो");
  private static final List<String> VOTER_LANGUAGES =
      VOTERS.stream().map(v -> v.substring(0, v.indexOf(' '))).toList();
  /** Words read for the vote: a few hundred hold plenty of common words, and reading costs. */
  private static final int VOTE_WORDS_READ = 300;
  private static final int PL = VOTER_LANGUAGES.indexOf("pl");
  private static final int VI = VOTER_LANGUAGES.indexOf("vi");
  private static final int DE = VOTER_LANGUAGES.indexOf("de");
  /** Word to the languages (bits by index in {@link #VOTERS}) that list it. */
  private static final Map<String, Integer> VOTE_WORDS = voteWords();

  private Languages() {}

  /**
   * Normalises a declared tag: "zh_CN"→"zh-CN", "EN-us"→"en-US", "zh-hant-tw"→"zh-Hant-TW";
   * empty for junk ("", "x", "undefined", "{{lang}}", "*") and for tags that name no language
   * ("und", "mul", "zxx"). POSIX suffixes go ("en_US.UTF-8"→"en-US"), deprecated codes are replaced
   * (iw→he, in→id, ji→yi) and Microsoft's zh-CHS/zh-CHT become zh-Hans/zh-Hant.
   */
  static Optional<String> normalize(String tag) {
    String t = tag.strip().replace('_', '-');
    int cut = indexOfAny(t, ".@");
    t = cut < 0 ? t : t.substring(0, cut);
    if (t.length() > 35 || !TAG.matcher(t).matches()) {
      return Optional.empty();
    }
    String[] parts = t.split("-");
    String primary = parts[0].toLowerCase(Locale.ROOT);
    primary = DEPRECATED.getOrDefault(primary, primary);
    if (NO_LANGUAGE.contains(primary)) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(primary);
    boolean extension = false;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].toLowerCase(Locale.ROOT);
      extension |= p.length() == 1; // after a singleton (x-, u-...) subtags keep no case rules
      if (!extension && primary.equals("zh") && (p.equals("chs") || p.equals("cht"))) {
        p = p.equals("chs") ? "Hans" : "Hant";
      } else if (!extension && p.length() == 4 && Character.isLetter(p.charAt(0))) {
        p = Character.toUpperCase(p.charAt(0)) + p.substring(1); // script
      } else if (!extension && (p.length() == 2 || p.length() == 3 && Character.isDigit(p.charAt(0)))) {
        p = p.toUpperCase(Locale.ROOT); // region
      }
      out.append('-').append(p);
    }
    return Optional.of(out.toString());
  }

  /** The language of the text alone, from its script and letters; empty when there is too little text to say. */
  static Optional<String> detect(CharSequence text) {
    return analyse(text).language;
  }

  /**
   * The article's language: the first declared tag (trust order as given) that agrees with the
   * text; else the profile's default when it agrees with the text; else what the text says; else
   * the first declared tag; else the default; else "und". Tags are normalised first and junk is
   * skipped. A bare {@code zh} that agrees comes back as the {@code zh-Hans} or {@code zh-Hant}
   * the text shows. When the text's script is clear but not its language, tags of another script
   * are not believed.
   */
  static String decide(List<String> declared, CharSequence text, Optional<String> profileDefault) {
    Detection detection = analyse(text);
    Optional<String> fallback = Optional.empty();
    for (String tag : declared) {
      Optional<String> d = normalize(tag);
      if (d.isPresent() && detection.allows(d.get())) {
        return refine(d.get(), detection);
      }
      fallback = fallback.or(() -> d);
    }
    Optional<String> dflt = profileDefault.flatMap(Languages::normalize);
    if (dflt.isPresent() && detection.allows(dflt.get())) {
      return refine(dflt.get(), detection);
    }
    if (detection.language.isPresent()) {
      return detection.language.get();
    }
    // The script is clear and no tag fits it: better unknown than wrong.
    return detection.script.isPresent() ? "und" : fallback.or(() -> dflt).orElse("und");
  }

  /**
   * True if a declared tag agrees with a detected one (both normalised): the same language and,
   * for Chinese, not a different script (bare {@code zh} on either side agrees with both); or a
   * language the detector cannot name, written in the detected language's script (Catalan or
   * Norwegian on a page voted Spanish or Danish).
   */
  static boolean agrees(String tag, String detected) {
    String p = primary(tag);
    String q = primary(detected);
    if (p.equals(q)) {
      String a = chineseScript(tag);
      String b = chineseScript(detected);
      return !p.equals("zh") || a.isEmpty() || b.isEmpty() || a.equals(b);
    }
    UnicodeScript script = WRITTEN_IN.get(q);
    return script != null && script == WRITTEN_IN.get(p)
        && !DETECTABLE.getOrDefault(script, Set.of()).contains(p);
  }

  /** A bare {@code zh} says less than Chinese text does. */
  private static String refine(String tag, Detection detection) {
    return tag.equals("zh") && detection.language.isPresent()
        && detection.language.get().startsWith("zh-") ? detection.language.get() : tag;
  }

  private static String primary(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }

  /** "Hans", "Hant" or "" for a zh tag: a script subtag, else the region's usual script. */
  static String chineseScript(String tag) {
    String region = "";
    for (String p : tag.split("-")) {
      switch (p) {
        case "Hans", "Hant" -> {
          return p;
        }
        case "CN", "SG", "MY" -> region = "Hans";
        case "TW", "HK", "MO" -> region = "Hant";
        default -> { }
      }
    }
    return region;
  }

  /** What the text shows: its dominant script (if any) and language (if known). */
  private record Detection(Optional<UnicodeScript> script, Optional<String> language) {
    static final Detection NOTHING = new Detection(Optional.empty(), Optional.empty());

    boolean allows(String tag) {
      if (language.isPresent()) {
        return agrees(tag, language.get());
      }
      UnicodeScript s = WRITTEN_IN.get(primary(tag));
      return script.isEmpty() || s == null || s == script.get();
    }
  }

  private static Detection analyse(CharSequence text) {
    int[] byScript = new int[UnicodeScript.values().length];
    int[] cyrillic = new int[256];   // U+0400-04FF, lower-cased
    int[] arabic = new int[256];     // U+0600-06FF
    int han = 0;
    int traditional = 0;
    int simplified = 0;
    int latin = 0; // ASCII letters, counted apart: they are most of many pages
    int letters = 0;
    int end = 0;
    for (int n = Math.min(text.length(), SAMPLE_CHARS); end < n && letters < SAMPLE_LETTERS; ) {
      char c = text.charAt(end);
      if (c < 0x80) {
        end++;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          latin++;
          letters++;
        }
        continue;
      }
      int cp = Character.codePointAt(text, end);
      end += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      UnicodeScript s = scriptOf(cp);
      letters++;
      byScript[s.ordinal()]++;
      if (s == UnicodeScript.HAN) {
        han++;
        if (Han.TRADITIONAL.get(cp)) {
          traditional++;
        } else if (Han.SIMPLIFIED.get(cp)) {
          simplified++;
        }
      } else if (cp >= 0x0400 && cp < 0x0500) {
        cyrillic[Character.toLowerCase(cp) - 0x0400]++;
      } else if (cp >= 0x0600 && cp < 0x0700) {
        arabic[cp - 0x0600]++;
      }
    }
    byScript[UnicodeScript.LATIN.ordinal()] += latin;
    // Kana or Hangul in a meaningful share of the CJK letters is Japanese or Korean (Chinese writes
    // neither), and the Han characters among them are kanji or hanja.
    int kana = byScript[UnicodeScript.HIRAGANA.ordinal()] + byScript[UnicodeScript.KATAKANA.ordinal()];
    int hangul = byScript[UnicodeScript.HANGUL.ordinal()];
    int own = Math.max(kana, hangul);
    if (own >= 3 && own * 10 >= han + own) {
      byScript[kana >= hangul ? UnicodeScript.HIRAGANA.ordinal() : UnicodeScript.HANGUL.ordinal()] = han + own;
      byScript[UnicodeScript.HAN.ordinal()] = 0;
      byScript[UnicodeScript.KATAKANA.ordinal()] = 0;
    }
    // A CJK character carries about as much as a short word, so it weighs as three letters.
    UnicodeScript best = null;
    int bestWeight = 0;
    int total = 0;
    for (UnicodeScript s : UnicodeScript.values()) {
      int w = byScript[s.ordinal()] * (isCjk(s) ? 3 : 1);
      if (s == UnicodeScript.COMMON || s == UnicodeScript.INHERITED || s == UnicodeScript.UNKNOWN) {
        continue;
      }
      total += w;
      if (w > bestWeight) {
        best = s;
        bestWeight = w;
      }
    }
    if (best == null || bestWeight < MIN_WEIGHT || bestWeight * 2 <= total) {
      return Detection.NOTHING; // too little text, or no script holds the majority
    }
    int count = byScript[best.ordinal()];
    String language = switch (best) {
      case HIRAGANA, KATAKANA -> "ja";
      case HAN -> traditional + simplified < 3 ? "zh"
          : traditional >= 3 * simplified ? "zh-Hant"
          : simplified >= 3 * traditional ? "zh-Hans" : "zh";
      case CYRILLIC -> cyrillic(cyrillic, count);
      case ARABIC -> arabic(arabic, count);
      case LATIN, DEVANAGARI -> vote(text, end, best);
      default -> SCRIPT_LANGUAGE.get(best);
    };
    return new Detection(Optional.of(best), Optional.ofNullable(language));
  }

  /** {@link UnicodeScript#of} with the common blocks first: a page's worth of lookups is on the hot path. */
  private static UnicodeScript scriptOf(int cp) {
    if (cp >= 0xC0 && cp < 0x250) {
      return UnicodeScript.LATIN;
    } else if (cp >= 0x4E00 && cp <= 0x9FFF) {
      return UnicodeScript.HAN;
    } else if (cp >= 0xAC00 && cp <= 0xD7A3) {
      return UnicodeScript.HANGUL;
    } else if (cp >= 0x3041 && cp <= 0x3096) {
      return UnicodeScript.HIRAGANA;
    } else if (cp >= 0x30A1 && cp <= 0x30FA) {
      return UnicodeScript.KATAKANA;
    } else if (cp >= 0x0400 && cp < 0x0500) {
      return UnicodeScript.CYRILLIC;
    }
    return UnicodeScript.of(cp);
  }

  private static boolean isCjk(UnicodeScript s) {
    return s == UnicodeScript.HAN || s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA
        || s == UnicodeScript.HANGUL;
  }

  /** Russian, Ukrainian, Belarusian, Bulgarian, Serbian or Macedonian by their own letters; else null. */
  private static String cyrillic(int[] c, int letters) {
    int ru = c['ы' - 0x400] + c['э' - 0x400] + c['ё' - 0x400];
    int uk = c['і' - 0x400] + c['ї' - 0x400] + c['є' - 0x400] + c['ґ' - 0x400];
    int sr = c['ђ' - 0x400] + c['ћ' - 0x400];
    int mk = c['ѓ' - 0x400] + c['ќ' - 0x400] + c['ѕ' - 0x400];
    int south = sr + mk + c['ј' - 0x400] + c['љ' - 0x400] + c['њ' - 0x400] + c['џ' - 0x400];
    // Letters of Kazakh, Kyrgyz, Tatar, Tajik, Mongolian...: a language this does not name.
    int other = 0;
    for (char x : "әғқңөұүһҗҳҷӣӯ".toCharArray()) {
      other += c[x - 0x400];
    }
    int percent = Math.max(1, letters / 100);
    if (other * 2 >= percent) {
      return null;
    } else if (south * 2 >= percent) {
      return mk > sr ? "mk" : "sr";
    } else if (c['ў' - 0x400] * 3 >= percent && uk > 0) {
      return "be";
    } else if (uk > ru && uk >= percent) {
      return "uk";
    } else if (ru >= percent) {
      return "ru";
    } else if (ru * 5 < percent && c['ъ' - 0x400] * 2 >= percent) {
      return "bg"; // no ы or э, but ъ as a vowel
    }
    return null;
  }

  /** Urdu, Persian or Arabic by letters the others lack; null for other languages in Arabic script. */
  private static String arabic(int[] a, int letters) {
    int percent = Math.max(1, letters / 100);
    // Pashto and Sorani Kurdish letters.
    int other = 0;
    for (char x : "ښځڅټډړږګڼېۍەێۆڕڵ".toCharArray()) {
      other += a[x - 0x600];
    }
    int ur = a['ے' - 0x600] + a['ں' - 0x600] + a['ٹ' - 0x600] + a['ڈ' - 0x600] + a['ڑ' - 0x600] + a['ہ' - 0x600];
    int fa = a['پ' - 0x600] + a['چ' - 0x600] + a['ژ' - 0x600] + a['گ' - 0x600] + a['ی' - 0x600] + a['ک' - 0x600];
    if (other >= percent) {
      return null;
    }
    return ur >= percent ? "ur" : fa >= percent ? "fa" : "ar";
  }

  /** The language whose common words the text uses clearly most, among those of its script; else null. */
  private static String vote(CharSequence text, int end, UnicodeScript script) {
    double[] score = new double[VOTERS.size()];
    int words = 0;
    StringBuilder word = new StringBuilder();
    boolean marks = false;
    for (int i = 0; i <= end && words < VOTE_WORDS_READ; i++) {
      char c = i < end ? text.charAt(i) : ' ';
      if (c < 0x80) { // ASCII first: most of a Latin page
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          word.append((char) (c | 0x20));
          continue;
        }
      } else if (Character.isLetter(c) || Character.isSurrogate(c)) {
        char lower = Character.toLowerCase(c);
        word.append(lower);
        int only = onlyIn(lower);
        if (only >= 0) {
          score[only] += 0.5;
        }
        continue;
      } else if (word.length() > 0 && isMark(c)) {
        word.append(c);
        marks = true;
        continue;
      }
      if (word.length() > 0) {
        words++;
        // Decomposed Vietnamese (or Devanagari written oddly) must still match the lists.
        String w = marks ? Normalizer.normalize(word, Normalizer.Form.NFC) : word.toString();
        Integer langs = VOTE_WORDS.get(w);
        if (langs != null) {
          for (int l = 0; l < score.length; l++) {
            if ((langs & (1 << l)) != 0) {
              score[l] += 1.0 / Integer.bitCount(langs); // a word many languages share says little
            }
          }
        }
        word.setLength(0);
        marks = false;
      }
    }
    Set<String> candidates = DETECTABLE.get(script);
    int first = -1;
    double second = 0;
    for (int l = 0; l < score.length; l++) {
      if (!candidates.contains(VOTER_LANGUAGES.get(l))) {
        continue;
      }
      if (first < 0 || score[l] > score[first]) {
        second = first < 0 ? 0 : score[first];
        first = l;
      } else {
        second = Math.max(second, score[l]);
      }
    }
    // At least three words' worth, a clear lead, and common words in a plausible share of the text.
    boolean clear = first >= 0 && score[first] >= 3 && score[first] >= 1.5 * second
        && score[first] * 20 >= words;
    return clear ? VOTER_LANGUAGES.get(first) : null;
  }

  /**
   * The voting language that alone writes a letter, or -1: Polish ł ś ź ż, Vietnamese ơ ư and its
   * tone letters, German ß. Not ą ę (Lithuanian too), ă đ (Romanian, Croatian) or Turkish ı ş ğ
   * (Azerbaijani).
   */
  private static int onlyIn(char c) {
    return switch (c) {
      case 'ł', 'ś', 'ź', 'ż' -> PL;
      case 'ơ', 'ư' -> VI;
      case 'ß' -> DE;
      default -> c >= 0x1EA0 && c <= 0x1EF9 ? VI : -1;
    };
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static Map<String, Integer> voteWords() {
    Map<String, Integer> words = new HashMap<>();
    for (int l = 0; l < VOTERS.size(); l++) {
      String[] list = VOTERS.get(l).split(" ");
      for (int i = 1; i < list.length; i++) {
        words.merge(list[i], 1 << l, (a, b) -> a | b);
      }
    }
    return Map.copyOf(words);
  }

  private static Map<String, UnicodeScript> writtenIn() {
    Map<String, UnicodeScript> m = new HashMap<>();
    put(m, UnicodeScript.LATIN, "en de fr es pt it nl pl tr vi id sv da nb nn no fi cs sk hu ro hr sl "
        + "bs et lv lt eu ca gl af sw ms tl fil sq is ga cy mt lb eo la");
    put(m, UnicodeScript.CYRILLIC, "ru uk bg be mk kk ky mn tg tt ba");
    put(m, UnicodeScript.ARABIC, "ar fa ur ps ckb ug sd");
    put(m, UnicodeScript.HEBREW, "he yi");
    put(m, UnicodeScript.DEVANAGARI, "hi mr ne sa");
    put(m, UnicodeScript.HAN, "zh yue wuu lzh");
    put(m, UnicodeScript.HIRAGANA, "ja");
    SCRIPT_LANGUAGE.forEach((script, language) -> m.put(language, script));
    // sr is written in Cyrillic and in Latin: its tag is never checked against the script.
    return Map.copyOf(m);
  }

  private static void put(Map<String, UnicodeScript> m, UnicodeScript script, String languages) {
    for (String l : languages.split(" ")) {
      m.put(l, script);
    }
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Characters only Traditional or only Simplified Chinese writes, from the search's
   * Traditional-to-Simplified table: its keys are Traditional forms; its values are Simplified
   * forms, less those Traditional text uses too (台, 后, 只, 面...: in Big5). Loaded on first use.
   */
  private static final class Han {
    static final BitSet TRADITIONAL = new BitSet();
    static final BitSet SIMPLIFIED = new BitSet();

    static {
      try (InputStream in = Languages.class.getResourceAsStream("/samizdat/search/t2s.txt")) {
        if (in == null) {
          throw new IllegalStateException("missing resource samizdat/search/t2s.txt");
        }
        CharsetEncoder big5 = Charset.isSupported("Big5") ? Charset.forName("Big5").newEncoder() : null;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          int from = line.codePointAt(0);
          int to = line.codePointAt(line.indexOf('\t') + 1);
          if (from != to) {
            TRADITIONAL.set(from);
            if (big5 == null || !big5.canEncode(Character.toString(to))) {
              SIMPLIFIED.set(to);
            }
          }
        }
        BitSet both = (BitSet) TRADITIONAL.clone();
        both.and(SIMPLIFIED);
        TRADITIONAL.andNot(both);
        SIMPLIFIED.andNot(both);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read samizdat/search/t2s.txt", e);
      }
    }
  }
}
