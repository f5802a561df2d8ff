package samizdat.site.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import samizdat.content.Translation;

/**
 * Which archived articles are other editions of each other (the same article in another language
 * or script): A and B are editions when A's {@code translations} name B's URL, or B's name A's. An
 * article's editions are the articles it is linked with that way, in both directions, so a page
 * links its twin even when only the twin names it.
 *
 * <p>An edition's language is the one the naming article gives it (bannedbook's profile knows
 * which edition is Traditional better than a page's own {@code lang}); an article nobody names
 * keeps its own {@code language}. Built once per build, immutable afterwards.
 */
public final class Editions {
  /** One edition of an article, as its page lists it. */
  public record Edition(Doc doc, String language, String label) {}

  /** Labels of the languages the archive meets most, in their own script, in display order. */
  private static final Map<String, String> LABELS = labels();

  private final Map<String, List<Doc>> linked;
  private final Map<String, String> languages;

  private Editions(Map<String, List<Doc>> linked, Map<String, String> languages) {
    this.linked = linked;
    this.languages = languages;
  }

  /** The editions among {@code docs} (list order: it decides ties, so the result is stable). */
  public static Editions of(List<Doc> docs) {
    Map<String, Doc> byUrl = new HashMap<>();
    for (Doc d : docs) {
      d.meta().url().ifPresent(u -> byUrl.putIfAbsent(SiteModel.normalizeUrl(u), d));
    }
    Map<String, Set<Doc>> links = new HashMap<>();
    Map<String, String> languages = new HashMap<>();
    for (Doc d : docs) {
      for (Translation t : d.meta().translations()) {
        if (t.language().equalsIgnoreCase("x-default") || t.language().isBlank()) {
          continue; // a language chooser, not an edition
        }
        Doc other = byUrl.get(SiteModel.normalizeUrl(t.url()));
        if (other == null || other.id().equals(d.id())) {
          continue;
        }
        links.computeIfAbsent(d.id(), k -> new LinkedHashSet<>()).add(other);
        links.computeIfAbsent(other.id(), k -> new LinkedHashSet<>()).add(d);
        languages.putIfAbsent(other.id(), t.language().strip());
      }
    }
    Map<String, List<Doc>> linked = new HashMap<>();
    for (var e : links.entrySet()) {
      linked.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return new Editions(linked, languages);
  }

  /**
   * The editions page {@code doc} shows: itself and every article it is linked with, in a fixed
   * order (the same on each of them); empty when it has none.
   */
  public List<Edition> of(Doc doc) {
    List<Doc> others = linked.getOrDefault(doc.id(), List.of());
    if (others.isEmpty()) {
      return List.of();
    }
    List<Doc> all = new ArrayList<>(others.size() + 1);
    all.add(doc);
    all.addAll(others);
    Map<String, Integer> labelCount = new HashMap<>();
    List<Edition> editions = new ArrayList<>(all.size());
    for (Doc d : all) {
      String language = language(d);
      editions.add(new Edition(d, language, label(language)));
      labelCount.merge(label(language), 1, Integer::sum);
    }
    // Two editions with one label (zh-CN beside zh-Hans) would be told apart by nothing: show tags.
    editions.replaceAll(e -> labelCount.get(e.label()) > 1
        ? new Edition(e.doc(), e.language(), e.language()) : e);
    editions.sort(Comparator.comparingInt((Edition e) -> rank(e.language()))
        .thenComparing(Edition::language).thenComparing(e -> e.doc().id()));
    return List.copyOf(editions);
  }

  /** The language an edition goes by: as another article names it, else its own. */
  String language(Doc d) {
    return languages.getOrDefault(d.id(), d.meta().language());
  }

  /** The language's own name for it ({@code 繁體} for zh-Hant), or the tag when not in the table. */
  static String label(String language) {
    String label = LABELS.get(key(language));
    return label != null ? label : language;
  }

  private static int rank(String language) {
    int i = 0;
    String key = key(language);
    for (String k : LABELS.keySet()) {
      if (k.equals(key)) {
        return i;
      }
      i++;
    }
    return i;
  }

  /**
   * The table key of a BCP 47 tag: Chinese by script (regions imply one), others by their
   * language subtag; anything else keeps the whole tag, lower-cased.
   */
  static String key(String language) {
    String tag = language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    String[] parts = tag.split("-");
    if (parts[0].equals("zh") && parts.length > 1) {
      for (String p : parts) {
        switch (p) {
          case "hans", "cn", "sg", "my" -> {
            return "zh-hans";
          }
          case "hant", "tw", "hk", "mo" -> {
            return "zh-hant";
          }
          default -> { }
        }
      }
      return tag;
    }
    return LABELS.containsKey(parts[0]) ? parts[0] : tag;
  }

  private static Map<String, String> labels() {
    // Traditional before Simplified: the pair reads "繁體 / 简体", as the Chinese sites show it.
    Map<String, String> m = new LinkedHashMap<>();
    m.put("zh-hant", "繁體");
    m.put("zh-hans", "简体");
    m.put("en", "English");
    m.put("ja", "日本語");
    m.put("ko", "한국어");
    m.put("ru", "Русский");
    m.put("ar", "العربية");
    m.put("fa", "فارسی");
    m.put("bo", "བོད་ཡིག");
    m.put("ug", "ئۇيغۇرچە");
    m.put("vi", "Tiếng Việt");
    m.put("fr", "Français");
    m.put("es", "Español");
    m.put("de", "Deutsch");
    return java.util.Collections.unmodifiableMap(m);
  }
}
