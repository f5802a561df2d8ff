package samizdat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The language a text is written in, from its letters alone: scripts first (letters counted per
 * Unicode script), then, for scripts many languages share, letters of their own or a small vote of
 * very common words; Chinese as Simplified or Traditional by characters only one of them writes.
 * {@link Languages} weighs this against what a page declares.
 *
 * <p>Stateless and thread-safe; the Chinese character sets are loaded once, on first use.
 */
final class TextLanguage {
  /**
   * Letters looked at: enough to decide (a thousand Han characters hold dozens that only one of
   * the two scripts writes; a thousand Latin letters, about 180 words for the vote), and every
   * page costs no more than a short article. 4,000 cost 7 % of a bannedbook ingest's CPU.
   */
  static final int SAMPLE_LETTERS = 1000;
  /** Weighted letters below which the text says nothing (ten Han characters, thirty Latin letters). */
  static final int MIN_WEIGHT = 30;
  /** Code units scanned at most, for text that is mostly digits, spaces or symbols. */
  static final int SAMPLE_CHARS = 4 * SAMPLE_LETTERS;
  /** Words read for the vote: a few hundred hold plenty of common words, and reading costs. */
  private static final int VOTE_WORDS_READ = 300;

  /**
   * Scripts and the languages a page may declare in them; a tag not here (sr: Cyrillic and Latin)
   * is not checked against the script. A script marked {@code !} names its first language (near
   * enough for news).
   */
  private static final List<String> SCRIPTS = List.of(
      "LATIN en de fr es pt it nl pl tr vi id sv da nb nn no fi cs sk hu ro hr sl bs et lv lt eu ca gl af sw ms tl fil sq is ga cy mt lb eo la",
      "CYRILLIC ru uk bg be mk kk ky mn tg tt ba", "ARABIC ar fa ur ps ckb ug sd", "DEVANAGARI hi mr ne sa",
      "HAN zh yue wuu lzh", "HIRAGANA! ja", "HANGUL! ko", "HEBREW! he yi", "GREEK! el", "THAI! th", "GEORGIAN! ka",
      "ARMENIAN! hy", "KHMER! km", "LAO! lo", "SINHALA! si", "TAMIL! ta", "TELUGU! te", "KANNADA! kn",
      "MALAYALAM! ml", "GUJARATI! gu", "GURMUKHI! pa");
  private static final Map<String, UnicodeScript> WRITTEN_IN = SCRIPTS.stream()
      .flatMap(line -> Stream.of(line.split(" ")).skip(1).map(l -> Map.entry(l, script(line))))
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  private static final Map<UnicodeScript, String> ONE_LANGUAGE = SCRIPTS.stream()
      .filter(line -> line.contains("!"))
      .collect(Collectors.toUnmodifiableMap(TextLanguage::script, line -> line.split(" ")[1]));

  /** Very common words, per language: a vote among the languages of one script. */
  private static final List<String> VOTERS = List.of(
      "en the and of to in is that for was with on as by at from his have has are were it he said this be",
      "de der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an wurde werden bei nach hat über aus dass",
      "fr le la les de des et en du un une est que qui dans pour pas par sur au ont avec il elle sont ce été aux plus se",
      "es el la los las de del y en que un una por con para es se su al lo como más pero sus fue ha según este entre",
      "pt os as de do da dos das e em no na que um uma para com não por se mais foi ao pelo pela é são também",
      "it il la le di del della e che in un una per con non è sono dei delle gli nel nella alla da ha anche più questo",
      "nl de het een en van in is dat op te voor met zijn niet die er aan ook als bij door werd worden naar heeft maar wordt",
      "pl w na się nie do to że jest od po jak ale za przez oraz dla jego już był tym które został może co",
      "tr ve bir bu da de için ile olarak çok daha gibi ama olan kadar sonra ancak göre değil her en ne ise mı tarafından",
      "vi và của các là có được trong cho không những một người này với đã để khi theo về từ đến năm cũng ra như tại",
      "id yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga adalah oleh atau ada karena mereka telah saat bisa kata",
      "sv och att det som en på är för med av till den har inte om ett var men sig vid från också efter eller när kan de",
      "da og i at det en til er som på de med af for ikke der var sig men et har om vi fra også blev efter kan skal",
      "hi है के में की और को से का ने पर यह भी हैं था कि एक लिए किया",
      "mr आहे आणि या हे व की ते असे होते केली म्हणून आहेत हा ही त्यांनी",
      "ne छ र को मा गरेको भएको हो पनि छन् थियो गर्न लागि भने यो");
  private static final List<String> VOTER_LANGUAGES =
      VOTERS.stream().map(v -> v.substring(0, v.indexOf(' '))).toList();
  /** Word to the languages (bits by index in {@link #VOTERS}) that list it. */
  private static final Map<String, Integer> VOTE_WORDS = voteWords();
  private static final int PL = VOTER_LANGUAGES.indexOf("pl");
  private static final int VI = VOTER_LANGUAGES.indexOf("vi");
  private static final int DE = VOTER_LANGUAGES.indexOf("de");
  /** Latin letters no voting language writes (Czech ř ě ů, Romanian ș ț, Hungarian ő ű...). */
  private static final String FOREIGN = "řěůťďňľĺőűșțāēīūķļņģėįųðþčšžŕ";
  /** The languages detection names in scripts shared with others. */
  private static final Set<String> DETECTABLE = Stream.concat(VOTER_LANGUAGES.stream(),
      Stream.of("ru", "uk", "bg", "sr", "mk", "be", "ar", "fa", "ur")).collect(Collectors.toUnmodifiableSet());

  private TextLanguage() {}

  /** The script {@code language} (a primary subtag) is written in, when the table knows it. */
  static Optional<UnicodeScript> writtenIn(String language) {
    return Optional.ofNullable(WRITTEN_IN.get(language));
  }

  /** Whether detection can name {@code language} (a primary subtag) among those of its script. */
  static boolean names(String language) {
    return DETECTABLE.contains(language);
  }

  private static UnicodeScript script(String line) {
    return UnicodeScript.valueOf(line.substring(0, line.indexOf(' ')).replace("!", ""));
  }

  /** What the text shows: the script most of its letters are in (if any) and its language (if known). */
  record Detection(Optional<UnicodeScript> script, Optional<String> language) {
    static final Detection NOTHING = new Detection(Optional.empty(), Optional.empty());
  }

  /** What {@code text} shows: read from its start, at most {@link #SAMPLE_LETTERS} letters. */
  static Detection of(CharSequence text) {
    int[] byScript = new int[UnicodeScript.values().length];
    int[] cyrillic = new int[256]; // U+0400-04FF, lower-cased
    int[] arabic = new int[256]; // U+0600-06FF
    int han = 0;
    int traditional = 0;
    int simplified = 0;
    int ascii = 0; // ASCII letters, counted apart: they are most of many pages
    int letters = 0;
    int end = 0;
    for (int n = Math.min(text.length(), SAMPLE_CHARS); end < n && letters < SAMPLE_LETTERS; ) {
      char c = text.charAt(end);
      if (c < 0x80) {
        end++;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          ascii++;
          letters++;
        }
        continue;
      }
      int cp = Character.codePointAt(text, end);
      end += Character.charCount(cp);
      UnicodeScript s;
      if (cp >= 0x4E00 && cp <= 0x9FFC) {
        // Every CJK Unified Ideograph (Unicode 13) is a letter: most of a Chinese page's
        // characters skip the general category and script lookups.
        s = UnicodeScript.HAN;
      } else if (Character.isLetter(cp)) {
        s = scriptOf(cp);
      } else {
        continue;
      }
      letters++;
      byScript[s.ordinal()]++;
      if (s == UnicodeScript.HAN) {
        han++;
        traditional += Han.TRADITIONAL.get(cp) ? 1 : 0;
        simplified += Han.SIMPLIFIED.get(cp) ? 1 : 0;
      } else if (cp >= 0x0400 && cp < 0x0500) {
        cyrillic[Character.toLowerCase(cp) - 0x0400]++;
      } else if (cp >= 0x0600 && cp < 0x0700) {
        arabic[cp - 0x0600]++;
      }
    }
    byScript[UnicodeScript.LATIN.ordinal()] += ascii;
    // Kana or Hangul in a meaningful share of the CJK letters is Japanese or Korean (Chinese writes
    // neither), and the Han characters among them are kanji or hanja.
    int kana = byScript[UnicodeScript.HIRAGANA.ordinal()] + byScript[UnicodeScript.KATAKANA.ordinal()];
    int hangul = byScript[UnicodeScript.HANGUL.ordinal()];
    int own = Math.max(kana, hangul);
    if (own >= 3 && own * 10 >= han + own) {
      byScript[(kana >= hangul ? UnicodeScript.HIRAGANA : UnicodeScript.HANGUL).ordinal()] = han + own;
      byScript[UnicodeScript.HAN.ordinal()] = 0;
      byScript[UnicodeScript.KATAKANA.ordinal()] = 0;
    }
    // A CJK character carries about as much as a short word, so it weighs as three letters.
    UnicodeScript best = null;
    int bestWeight = 0;
    int total = 0;
    for (UnicodeScript s : UnicodeScript.values()) {
      boolean cjk = s == UnicodeScript.HAN || s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA
          || s == UnicodeScript.HANGUL;
      int w = byScript[s.ordinal()] * (cjk ? 3 : 1);
      if (s == UnicodeScript.COMMON || s == UnicodeScript.INHERITED || s == UnicodeScript.UNKNOWN) {
        continue; // letters such as ー that belong to no one script
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
      case HAN -> traditional + simplified < 3 ? "zh" // too few characters of either kind to say which
          : traditional >= 3 * simplified ? "zh-Hant"
          : simplified >= 3 * traditional ? "zh-Hans" : "zh";
      case CYRILLIC -> cyrillic(cyrillic, count);
      case ARABIC -> arabic(arabic, count);
      case LATIN, DEVANAGARI -> vote(text, end, best);
      default -> ONE_LANGUAGE.get(best);
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

  /** Russian, Ukrainian, Belarusian, Bulgarian, Serbian or Macedonian by letters of their own; else null. */
  private static String cyrillic(int[] c, int letters) {
    int percent = Math.max(1, letters / 100);
    int ru = sum(c, 0x400, "ыэё");
    int uk = sum(c, 0x400, "іїєґ");
    int sr = sum(c, 0x400, "ђћ");
    int mk = sum(c, 0x400, "ѓќѕ");
    if (sum(c, 0x400, "әғқңөұүһҗҳҷӣӯ") * 2 >= percent) {
      return null; // Kazakh, Kyrgyz, Tatar, Tajik, Mongolian...: not named here
    } else if ((sr + mk + sum(c, 0x400, "јљњџ")) * 2 >= percent) {
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

  /** Urdu, Persian or Arabic by letters the others lack; null for Pashto, Kurdish and the like. */
  private static String arabic(int[] a, int letters) {
    int percent = Math.max(1, letters / 100);
    if (sum(a, 0x600, "ښځڅټډړږګڼېۍەێۆڕڵ") >= percent) {
      return null;
    }
    // Urdu writes the Persian letters too, so it is asked first.
    return sum(a, 0x600, "ےںٹڈڑہ") >= percent ? "ur" : sum(a, 0x600, "پچژگیک") >= percent ? "fa" : "ar";
  }

  private static int sum(int[] counts, int base, String letters) {
    int n = 0;
    for (int i = 0; i < letters.length(); i++) {
      n += counts[letters.charAt(i) - base];
    }
    return n;
  }

  /** The language whose common words the text uses clearly most, among those of its script; else null. */
  private static String vote(CharSequence text, int end, UnicodeScript script) {
    double[] score = new double[VOTERS.size()];
    double[] own = new double[VOTERS.size()]; // votes of letters only one language writes
    int words = 0;
    int letters = 0;
    int foreign = 0;
    StringBuilder word = new StringBuilder();
    boolean marks = false;
    for (int i = 0; i <= end && words < VOTE_WORDS_READ; i++) {
      char c = i < end ? text.charAt(i) : ' ';
      int type = c < 0x80 ? 0 : Character.getType(c);
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') { // ASCII first: most of a Latin page
        word.append((char) (c | 0x20));
        letters++;
      } else if (c >= 0x80 && (Character.isLetter(c) || Character.isSurrogate(c))) {
        char lower = Character.toLowerCase(c);
        word.append(lower);
        letters++;
        foreign += FOREIGN.indexOf(lower) >= 0 ? 1 : 0;
        int only = onlyIn(lower);
        if (only >= 0) {
          own[only] += 0.5;
        }
      } else if (word.length() > 0
          && (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK)) {
        word.append(c); // Devanagari vowel signs, or Vietnamese tones written apart
        marks = true;
      } else if (word.length() > 0) {
        words++;
        String w = marks ? Normalizer.normalize(word, Normalizer.Form.NFC) : word.toString();
        int langs = VOTE_WORDS.getOrDefault(w, 0);
        for (int l = 0; l < score.length; l++) {
          if ((langs & (1 << l)) != 0) {
            score[l] += 1.0 / Integer.bitCount(langs); // a word many languages share says little
          }
        }
        word.setLength(0);
        marks = false;
      }
    }
    if (foreign > 0 && foreign * 200 >= letters) {
      return null; // Czech, Romanian, Hungarian...: the words they share with the voters would mislead
    }
    int first = -1;
    double second = 0;
    for (int l = 0; l < score.length; l++) {
      // Polish and Vietnamese are not written without their letters; Czech or Croatian share Polish words.
      if (WRITTEN_IN.get(VOTER_LANGUAGES.get(l)) != script || (l == PL || l == VI) && own[l] == 0) {
        continue;
      }
      score[l] += own[l];
      if (first < 0 || score[l] > score[first]) {
        second = first < 0 ? 0 : score[first];
        first = l;
      } else {
        second = Math.max(second, score[l]);
      }
    }
    // Three words' worth at least, a clear lead, and common words in a plausible share of the text.
    boolean clear = first >= 0 && score[first] >= 3 && score[first] >= 1.5 * second && score[first] * 10 >= words;
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

  /**
   * Characters only Traditional or only Simplified Chinese writes, from the search's
   * Traditional-to-Simplified table: its keys are Traditional forms; its values are Simplified
   * forms, less those Traditional text uses too (台, 后, 只, 面...: those in Big5). Loaded on first use.
   */
  private static final class Han {
    static final BitSet TRADITIONAL = new BitSet();
    static final BitSet SIMPLIFIED = new BitSet();

    static {
      try (InputStream in = TextLanguage.class.getResourceAsStream("/samizdat/search/t2s.txt")) {
        if (in == null) {
          throw new IllegalStateException("missing resource samizdat/search/t2s.txt");
        }
        CharsetEncoder big5 = Charset.isSupported("Big5") ? Charset.forName("Big5").newEncoder() : null;
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(line -> {
              int to = line.codePointAt(line.indexOf('\t') + 1);
              TRADITIONAL.set(line.codePointAt(0));
              if (big5 == null || !big5.canEncode(Character.toString(to))) {
                SIMPLIFIED.set(to);
              }
            });
        BitSet both = (BitSet) TRADITIONAL.clone(); // a handful are both a key and a value: neither
        both.and(SIMPLIFIED);
        TRADITIONAL.andNot(both);
        SIMPLIFIED.andNot(both);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read samizdat/search/t2s.txt", e);
      }
    }
  }
}
