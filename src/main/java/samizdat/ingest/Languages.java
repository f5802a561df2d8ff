package samizdat.ingest;

import java.lang.Character.UnicodeScript;
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
 * Chinese. What the text says is {@link TextLanguage}'s; this class reads the declared tags and
 * weighs the two.
 *
 * <p>Stateless and thread-safe.
 */
final class Languages {
  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern POSIX_SUFFIX = Pattern.compile("[.@].*");
  /** Well-formed tags that name no language. */
  private static final Set<String> NO_LANGUAGE = Set.of("und", "mul", "zxx", "mis");
  private static final Map<String, String> DEPRECATED = Map.of("iw", "he", "in", "id", "ji", "yi");

  private Languages() {}

  /**
   * Normalises a declared tag: "zh_CN"→"zh-CN", "EN-us"→"en-US", "zh-hant-tw"→"zh-Hant-TW";
   * empty for junk ("", "x", "undefined", "{{lang}}", "*") and for tags that name no language
   * ("und", "mul", "zxx"). POSIX suffixes go ("en_US.UTF-8"→"en-US"), deprecated codes are replaced
   * (iw→he, in→id, ji→yi) and Microsoft's zh-CHS/zh-CHT become zh-Hans/zh-Hant.
   */
  static Optional<String> normalize(String tag) {
    String t = POSIX_SUFFIX.matcher(tag.strip().replace('_', '-')).replaceFirst("");
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
    return TextLanguage.of(text).language();
  }

  /**
   * The article's language: the first declared tag (trust order as given) that agrees with the
   * text; else the profile's default when it agrees with the text; else what the text says; else
   * the first declared tag; else the default; else "und". Tags are normalised first and junk is
   * skipped. A bare {@code zh} that agrees comes back as the {@code zh-Hans} or {@code zh-Hant}
   * the text shows. When the text's script is clear but not its language, tags of languages
   * written in another script do not agree with it.
   */
  static String decide(List<String> declared, CharSequence text, Optional<String> profileDefault) {
    TextLanguage.Detection detection = TextLanguage.of(text);
    Optional<String> fallback = Optional.empty();
    for (String tag : declared) {
      Optional<String> d = normalize(tag);
      if (d.isPresent() && allows(detection, d.get())) {
        return refine(d.get(), detection);
      }
      fallback = fallback.or(() -> d);
    }
    Optional<String> dflt = profileDefault.flatMap(Languages::normalize);
    if (dflt.isPresent() && allows(detection, dflt.get())) {
      return refine(dflt.get(), detection);
    }
    if (detection.language().isPresent()) {
      return detection.language().get();
    }
    // Only reached when the script is clear and every tag names a language of another: unknown beats wrong.
    return detection.script().isPresent() ? "und" : fallback.or(() -> dflt).orElse("und");
  }

  /**
   * True if a declared tag agrees with a detected one (both normalised): the same language and,
   * for Chinese, not a different script (bare {@code zh} on either side agrees with both); or a
   * language the detector cannot name, written in the detected language's script (Catalan or
   * Norwegian on a page voted Spanish or Danish, Yiddish on Hebrew letters).
   */
  static boolean agrees(String tag, String detected) {
    String p = primary(tag);
    String q = primary(detected);
    if (p.equals(q)) {
      String a = chineseScript(tag);
      String b = chineseScript(detected);
      return !p.equals("zh") || a.isEmpty() || b.isEmpty() || a.equals(b);
    }
    Optional<UnicodeScript> script = TextLanguage.writtenIn(q);
    return script.isPresent() && script.equals(TextLanguage.writtenIn(p)) && !TextLanguage.names(p);
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

  /**
   * Whether the text lets a page declare {@code tag}: its language agrees with the one detected,
   * or, when only the script is known, it is written in that script (or in one the table lacks).
   */
  private static boolean allows(TextLanguage.Detection detection, String tag) {
    if (detection.language().isPresent()) {
      return agrees(tag, detection.language().get());
    }
    Optional<UnicodeScript> s = TextLanguage.writtenIn(primary(tag));
    return detection.script().isEmpty() || s.isEmpty() || s.equals(detection.script());
  }

  /** A bare {@code zh} says less than Chinese text does. */
  private static String refine(String tag, TextLanguage.Detection detection) {
    return tag.equals("zh") && detection.language().orElse("").startsWith("zh-") ? detection.language().get() : tag;
  }

  private static String primary(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }
}
