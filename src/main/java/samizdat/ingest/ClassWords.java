package samizdat.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's class and id say about it, as bits: furniture ("sidebar", "share"), article
 * ("content", "entry"), both, a gallery. Readability's idea, with word lists of our own and one
 * scan per name; the body scoring weighs candidates by these bits and the cleaning drops
 * furniture by them. Stateless.
 */
final class ClassWords {
  /** Bits of {@link #of}: what an element's class and id words say. */
  static final int UNLIKELY = 1;
  static final int MAYBE = 2;
  static final int NEGATIVE_CLASS = 4;
  static final int POSITIVE_CLASS = 8;
  static final int NEGATIVE_ID = 16;
  static final int POSITIVE_ID = 32;
  /** A photo gallery embedded in a page (a class or id that names one). */
  static final int GALLERY = 64;
  /** A name that says furniture in so many words ("related-posts"), whatever else it holds. */
  static final int FURNITURE_NAME = 128;
  /**
   * The weakest furniture words. A sidebar's boxes are widgets, but so is every box of a page
   * some site builders make, the story's paragraphs too; a page's header is furniture, but a
   * "listicle-header" holds the story's opening paragraphs (Elle Decor). Negative, unless the
   * block reads as prose ({@link #onlyWeak}).
   */
  static final int WEAK_NEGATIVE = 256;
  static final int NEGATIVE = NEGATIVE_CLASS | NEGATIVE_ID;
  static final int POSITIVE = POSITIVE_CLASS | POSITIVE_ID;

  // Word lists: parts of class or id names (matched anywhere) and whole tokens (between
  // spaces, '-' and '_'). Plain substring tests: several times faster than one big regex.
  /** Page furniture: its paragraphs never vote. */
  private static final String[] UNLIKELY_PARTS = {
      "comment", "disqus", "reply", "replies", "sidebar", "side-bar", "footer", "masthead",
      "banner", "breadcrumb", "menu", "share", "sharing", "social", "related", "recommend",
      "promo", "sponsor", "advert", "newsletter", "subscri", "cookie", "consent", "gdpr", "popup",
      "skyscraper", "outbrain", "taboola", "pagination", "pager", "mostread", "most-read",
      "trending", "toolbar", "navbar", "tiepost", "tiearea", "drawer"};
  /** NetEase (163.com) calls its readers' comments 跟贴, "tie": tie-post, tieArea. */
  private static final Set<String> UNLIKELY_TOKENS =
      Set.of("ad", "ads", "nav", "rss", "hot", "rank", "tie");
  /** Words that keep an element a candidate even when it also has an unlikely word. */
  private static final String[] MAYBE_PARTS = {
      "article", "body", "content", "main", "column", "story", "entry", "正文", "text"};
  private static final String[] POSITIVE_PARTS = {
      "article", "body", "content", "entry", "hentry", "post", "story", "main", "text", "detail",
      "blog", "正文", "内容", "newscon", "news-con", "rich_media"};
  private static final String[] NEGATIVE_PARTS = {
      "comment", "share", "sharing", "social", "related", "recommend", "promo", "sponsor",
      "advert", "newsletter", "subscri", "cookie", "consent", "footer", "sidebar",
      "popup", "modal", "breadcrumb", "byline", "author", "outbrain", "taboola",
      "masthead", "banner", "tool", "pagination", "combx", "shoutbox", "tiepost", "tiearea",
      "drawer"};
  /**
   * Names of furniture that hold an article-like word ("post", "entry", "article") as part of
   * the name, which must not make them look like the article: WordPress's entry-meta and
   * Jetpack's jp-relatedposts and sharedaddy, a post's navigation or likes, a sliding drawer of
   * saved articles, a video player's controls and caption menus (which a saved page cannot play);
   * what a site's print style leaves out ({@code d-print-none}, {@code hidden-print}), and a box
   * about the writer.
   */
  private static final String[] FURNITURE_NAME_PARTS = {
      "relatedpost", "related-post", "related_post", "related-article", "related-stor",
      "sharedaddy", "jetpack", "like-post", "post-likes", "post-share", "share-post",
      "post-navigation", "post-nav", "entry-meta", "entry-footer", "post-meta", "post-footer",
      "article-share", "article-related", "more-stories", "more-articles", "drawer",
      "video-player", "videoplayer", "media-player", "mediaplayer", "jwplayer", "jw-player",
      "video-js", "ym-player", "yvp-",
      // What the site leaves out of a printed copy: sidebars, share bars, teasers.
      "print-none", "hidden-print", "no-print", "noprint", "notprint", "not-print", "print:hidden",
      // A box about the writer below the story (Asahi's writerProfile).
      "writerprofile", "writer-profile", "authorprofile", "author-profile", "about-the-author"};
  /**
   * Layout names that hold a furniture word, read as no word. A layout that mentions a sidebar is
   * the grid or page the article sits in beside one, not the sidebar itself (Politico Europe's
   * story is in {@code sidebar-grid__content}). Elementor, a WordPress page builder, calls every
   * box of a page a widget ({@code elementor-widget-text-editor}), the story's paragraphs too; its
   * share bars, menus and sidebars still say what they are.
   */
  private static final String[] LAYOUTS = {
      "sidebar-grid", "sidebar-layout", "has-sidebar", "with-sidebar", "no-sidebar",
      "elementor-widget"};
  private static final Set<String> NEGATIVE_TOKENS = Set.of(
      "ad", "ads", "nav", "menu", "meta", "tag", "tags", "hide", "hidden", "hot", "rank",
      "copyright", "footnote", "tie");


  /** What the class and id words of {@code el} say, as bits; remembered per page by name. */
  static int of(Element el, Map<String, Integer> cache) {
    String c = el.className();
    String id = el.id();
    int w = 0;
    if (!c.isEmpty()) {
      w |= cache.computeIfAbsent(c, ClassWords::classify);
    }
    if (!id.isEmpty() && !isSlug(id)) {
      int i = cache.computeIfAbsent(id, ClassWords::classify);
      // An id's negative and positive words weigh on their own, as a second class would.
      w |= (i & (UNLIKELY | MAYBE | GALLERY | FURNITURE_NAME | WEAK_NEGATIVE))
          | (i & NEGATIVE_CLASS) << 2
          | (i & POSITIVE_CLASS) << 2;
    }
    return w;
  }

  /**
   * An id made of a heading's words, as anchors are ("zendaya-promoted-dune-part-two-in-london"):
   * six words or more between hyphens. Its words are prose, not what the element is ("promoted"
   * is no promotion). Machine names joined by underscores (Drupal's
   * {@code views_slideshow_cycle_div_article_content-block_3}) are names.
   */
  private static boolean isSlug(String id) {
    int parts = 1;
    for (int i = 1; i + 1 < id.length(); i++) {
      if (id.charAt(i) == '-' && id.charAt(i - 1) != '-' && id.charAt(i + 1) != '-') {
        parts++;
      }
    }
    return parts >= 6;
  }

  /** The word parts by their first (ASCII) character, with the bits each one sets. */
  private static final String[][] PARTS_BY_FIRST = new String[128][];
  private static final int[][] BITS_BY_FIRST = new int[128][];
  /** Parts that are not ASCII (Chinese class names), tested only on non-ASCII names. */
  private static final Map<String, Integer> WIDE_PARTS;

  static {
    Map<String, Integer> bits = new java.util.LinkedHashMap<>();
    for (String w : UNLIKELY_PARTS) {
      bits.merge(w, UNLIKELY, (a, b) -> a | b);
    }
    for (String w : MAYBE_PARTS) {
      bits.merge(w, MAYBE, (a, b) -> a | b);
    }
    for (String w : NEGATIVE_PARTS) {
      bits.merge(w, NEGATIVE_CLASS, (a, b) -> a | b);
    }
    for (String w : POSITIVE_PARTS) {
      bits.merge(w, POSITIVE_CLASS, (a, b) -> a | b);
    }
    for (String w : FURNITURE_NAME_PARTS) {
      bits.merge(w, FURNITURE_NAME, (a, b) -> a | b);
    }
    bits.merge("widget", WEAK_NEGATIVE, (a, b) -> a | b);
    bits.merge("header", WEAK_NEGATIVE, (a, b) -> a | b);
    Map<String, Integer> wide = new HashMap<>();
    List<List<String>> parts = new ArrayList<>();
    List<List<Integer>> flags = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      parts.add(new ArrayList<>());
      flags.add(new ArrayList<>());
    }
    bits.forEach((w, b) -> {
      char c = w.charAt(0);
      if (c < 128) {
        parts.get(c).add(w);
        flags.get(c).add(b);
      } else {
        wide.put(w, b);
      }
    });
    for (int c = 0; c < 128; c++) {
      if (!parts.get(c).isEmpty()) {
        PARTS_BY_FIRST[c] = parts.get(c).toArray(new String[0]);
        BITS_BY_FIRST[c] = flags.get(c).stream().mapToInt(Integer::intValue).toArray();
      }
    }
    WIDE_PARTS = Map.copyOf(wide);
  }

  /**
   * The word bits of one class or id attribute (as class bits). One scan: at each position
   * only the parts that begin with that character are compared.
   */
  private static int classify(String name) {
    String l = name.toLowerCase(Locale.ROOT);
    if (l.contains("sidebar") || l.contains("elementor")) {
      for (String layout : LAYOUTS) {
        l = l.replace(layout, " ");
      }
    }
    int w = 0;
    boolean wide = false;
    for (int i = 0, n = l.length(); i < n; i++) {
      char c = l.charAt(i);
      if (c >= 128) {
        wide = true;
        continue;
      }
      String[] parts = PARTS_BY_FIRST[c];
      if (parts == null) {
        continue;
      }
      for (int k = 0; k < parts.length; k++) {
        if (l.startsWith(parts[k], i)) {
          w |= BITS_BY_FIRST[c][k];
        }
      }
    }
    if (wide) {
      for (Map.Entry<String, Integer> e : WIDE_PARTS.entrySet()) {
        if (l.contains(e.getKey())) {
          w |= e.getValue();
        }
      }
    }
    if (hasToken(l, UNLIKELY_TOKENS)) {
      w |= UNLIKELY;
    }
    if (hasToken(l, NEGATIVE_TOKENS)) {
      w |= NEGATIVE_CLASS;
    }
    if (namesGallery(l)) {
      w |= GALLERY;
    }
    return w;
  }

  /**
   * A class or id that names a gallery ("gallery", "photo-gallery", "type-gallery"), not a part of
   * one or a page built as one ("gallery-item", "editorial-gallery-main-content"). A "slideshow" is
   * as often the article itself.
   */
  private static boolean namesGallery(String names) {
    int end = names.indexOf("gallery");
    while (end >= 0) {
      end += "gallery".length();
      if (end == names.length() || Character.isWhitespace(names.charAt(end))) {
        return true;
      }
      end = names.indexOf("gallery", end);
    }
    return false;
  }

  private static boolean hasToken(String s, Set<String> tokens) {
    int start = -1;
    for (int i = 0, n = s.length(); i <= n; i++) {
      char c = i < n ? s.charAt(i) : ' ';
      boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (i - start <= 9 && tokens.contains(s.substring(start, i))) {
          return true;
        }
        start = -1;
      }
    }
    return false;
  }

  /** +25 for an article-like class or id word, -25 for a furniture-like one, each of the two. */
  static int classWeight(int words) {
    return ((words & POSITIVE_CLASS) != 0 ? 25 : 0) + ((words & POSITIVE_ID) != 0 ? 25 : 0)
        - ((words & (NEGATIVE_CLASS | WEAK_NEGATIVE)) != 0 ? 25 : 0)
        - ((words & NEGATIVE_ID) != 0 ? 25 : 0);
  }

  /** Negative words and no positive ones. */
  static boolean negativeWords(int words) {
    return (words & (NEGATIVE | WEAK_NEGATIVE)) != 0 && (words & POSITIVE) == 0
        || (words & FURNITURE_NAME) != 0;
  }

  /** Whether a weak word ("widget", "header") is the only furniture word of a name. */
  static boolean onlyWeak(int words) {
    return (words & (NEGATIVE | FURNITURE_NAME)) == 0 && (words & WEAK_NEGATIVE) != 0;
  }

  private ClassWords() {}
}
