package samizdat.site.render;

import java.text.Collator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import samizdat.site.model.Labels;
import samizdat.site.model.SiteLayout;
import samizdat.site.model.SiteModel;

/**
 * One paginated list per tag ({@code tags/<bucket>/<slug>/index.html} ...) and the tags index: the
 * most used tags first, then every tag grouped by its initial (Latin letter, or the pinyin initial
 * of a Chinese tag), in Chinese collation order within a group, with a filter box (site.js).
 */
public final class TagRenderer implements PageRenderer {
  /** Tags in the index's "most used" group. */
  public static final int TOP = 40;
  /** The tag list script for the search page's suggestions. */
  static final String TAGS_SCRIPT = "tags/tags.js";
  /**
   * The first character of each pinyin initial's syllables in Chinese collation order (the
   * usual table; the JDK's Chinese collator orders the common characters by pinyin), and the
   * initials they begin. No syllable starts with i, u or v.
   */
  private static final String PINYIN_BOUNDS = "阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀";
  private static final String PINYIN_INITIALS = "ABCDEFGHJKLMNOPQRSTWXYZ";

  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    Labels labels = site.config.labels();
    List<Page> pages = new ArrayList<>();
    for (SiteModel.Tag tag : site.tags) {
      pages.addAll(ListPages.of(context, tag.dir(), tag.docs(), tag.name(), "tag"));
    }
    String path = SiteLayout.TAGS_INDEX;
    Map<String, Object> m = Views.base(path, labels.get("tagsTitle") + " — " + site.config.title(),
        site.config.language(), site.config);
    Collator collator = Collator.getInstance(Locale.CHINESE);
    List<Map<String, Object>> top = new ArrayList<>();
    TreeMap<String, List<Map<String, Object>>> byInitial = new TreeMap<>();
    for (int i = 0; i < Math.min(TOP, site.tags.size()); i++) {
      top.add(entry(site.tags.get(i), path));
    }
    Map<Integer, String> initials = new HashMap<>(); // by first character: each is worked out once
    for (SiteModel.Tag tag : site.tagsByName) {
      String name = tag.name();
      String initial = name.isEmpty() ? "~"
          : initials.computeIfAbsent(name.codePointAt(0), cp -> initial(name, collator));
      byInitial.computeIfAbsent(initial, k -> new ArrayList<>()).add(entry(tag, path));
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    for (var e : byInitial.entrySet()) {
      boolean other = e.getKey().equals("~");
      groups.add(Map.of("letter", other ? labels.get("tagsOther") : e.getKey(),
          "id", other ? "other" : e.getKey().toLowerCase(Locale.ROOT), "tags", e.getValue()));
    }
    m.put("top", top);
    m.put("groups", groups);
    // with few tags the top group already shows them all
    m.put("hasGroups", site.tags.size() > TOP);
    if (site.tags.size() <= TOP) {
      m.put("groups", List.of());
    }
    m.put("tagCount", site.tags.size());
    m.put("tagCountLabel", labels.format("tagsLede", "n", site.tags.size()));
    m.put("empty", site.tags.isEmpty());
    pages.add(new MustachePage(context, path, "tags", m));
    pages.add(new BytesPage(context, TAGS_SCRIPT, "tags-script", tagsScript(site.tags)));
    pages.add(new BytesPage(context, ChineseScript.PATH, "zh-script", ChineseScript.script()));
    return pages;
  }

  /**
   * Every tag as {@code samizdatTags([[name, path from the site root, count], ...])}, most used
   * first: the search page loads it when nothing matched, to suggest the closest tags.
   */
  static byte[] tagsScript(List<SiteModel.Tag> tags) {
    StringBuilder sb = new StringBuilder("samizdatTags([");
    for (int i = 0; i < tags.size(); i++) {
      SiteModel.Tag t = tags.get(i);
      sb.append(i == 0 ? "\n[" : ",\n[");
      ArticleTextRenderer.jsString(sb, t.name());
      sb.append(',');
      ArticleTextRenderer.jsString(sb, t.dir() + SiteLayout.INDEX);
      sb.append(',').append(t.docs().size()).append(']');
    }
    return sb.append("]);\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Map<String, Object> entry(SiteModel.Tag tag, String from) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", tag.name());
    t.put("key", tag.key());
    t.put("href", SiteLayout.href(from, tag.dir() + SiteLayout.INDEX));
    t.put("count", tag.docs().size());
    return t;
  }

  /**
   * The group of a tag: its first Latin letter (upper case), the pinyin initial of its first
   * Chinese character, a digit group {@code 0-9}, or {@code ~} (other).
   */
  static String initial(String name, Collator collator) {
    if (name.isEmpty()) {
      return "~";
    }
    int cp = name.codePointAt(0);
    if (cp < 128 && Character.isLetter(cp)) {
      return String.valueOf((char) Character.toUpperCase(cp));
    }
    if (Character.isDigit(cp)) {
      return "0-9";
    }
    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
      String ch = new String(Character.toChars(cp));
      int found = -1;
      for (int i = 0; i < PINYIN_BOUNDS.length(); i++) {
        if (collator.compare(ch, PINYIN_BOUNDS.substring(i, i + 1)) >= 0) {
          found = i;
        }
      }
      // Characters outside the collator's pinyin range sort before 阿 or after 帀.
      if (found >= 0 && collator.compare(ch, "蓙") <= 0) {
        return PINYIN_INITIALS.substring(found, found + 1);
      }
    }
    return "~";
  }
}
