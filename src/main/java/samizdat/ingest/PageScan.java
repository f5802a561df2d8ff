package samizdat.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import samizdat.ingest.PageMetadata.Alternate;

/**
 * Everything {@link PageMetadata} reads from a page, gathered in its one traversal, in page
 * order: meta tags, JSON-LD scripts, microdata, {@code rel} links, the title. Per page.
 */
final class PageScan implements NodeVisitor {
  /** Meta names that state a publication date (compared lower case), after the OG ones. */
  private static final Set<String> DATE_NAMES = Set.of(
      "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "date",
      "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
      "dcterms.created", "parsely-pub-date", "sailthru.date", "article.published",
      "originalpublicationdate", "datepublished", "citation_publication_date");
  private static final Evaluator ITEM_NAME = QueryParser.parse("[itemprop~=(^|\\s)name(\\s|$)]");
  private static final Pattern COMMENTS = Pattern.compile("(?i)comment|disqus|reply|respond");
  /** A byline with all its names ("By A, B and C | May 6, 2022 | 5 min read") is this short. */
  private static final int BYLINE_CHARS = 200;

  private final Map<String, List<String>> meta = new HashMap<>();
  final List<String> metaDates = new ArrayList<>();
  final List<String> itemDates = new ArrayList<>();
  final List<String> itemHeadlines = new ArrayList<>(1);
  final List<Named> itemAuthors = new ArrayList<>();
  final List<Named> relAuthors = new ArrayList<>();
  final List<String> tagLinks = new ArrayList<>();
  final List<String> pubdateTimes = new ArrayList<>(1);
  final List<String> jsonLd = new ArrayList<>();
  final List<Alternate> alternates = new ArrayList<>();
  String title;
  /** The absolute href of the first {@code <link rel=canonical href>}. */
  String canonical;

  /** The contents of the meta tags with this property, name or (prefixed) http-equiv. */
  List<String> meta(String key) {
    return meta.getOrDefault(key, List.of());
  }

  @Override
  public void head(Node node, int depth) {
    if (!(node instanceof Element el)) {
      return;
    }
    if (el.attributesSize() == 0) {
      // Most elements: only a title counts without attributes.
      if (title == null && el.nameIs("title") && !inSvg(el)) {
        title = el.text();
      }
      return;
    }
    switch (el.normalName()) {
      case "meta" -> meta(el);
      case "link" -> link(el);
      case "script" -> {
        if (el.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
          jsonLd.add(el.data());
        }
      }
      case "title" -> {
        if (title == null && !inSvg(el)) {
          title = el.text();
        }
      }
      case "time" -> {
        if (el.hasAttr("pubdate")) {
          pubdateTimes.add(el.hasAttr("datetime") ? el.attr("datetime") : el.text());
        }
      }
      case "a" -> {
        String rel = el.attr("rel");
        if (!rel.isEmpty()) {
          if (hasToken(rel, "author")) {
            relAuthors.add(new Named(el.text(), el));
          }
          if (hasToken(rel, "tag")) {
            tagLinks.add(el.text());
          }
        }
      }
      default -> { }
    }
    // Attribute names are lower case in an HTML parse; hasKey skips the case-blind search.
    if (!el.nameIs("meta") && el.attributes().hasKey("itemprop")) {
      itemprop(el);
    }
  }

  private void meta(Element el) {
    String content = el.attr("content");
    String property = el.attr("property").strip().toLowerCase(Locale.ROOT);
    String name = el.attr("name").strip().toLowerCase(Locale.ROOT);
    if (property.indexOf(' ') < 0) {
      put(property, content);
    } else {
      // RDFa allows several: property="og:title twitter:title".
      for (String p : property.split("\\s+")) {
        put(p, content);
      }
    }
    if (!name.equals(property)) {
      put(name, content);
    }
    if (el.hasAttr("http-equiv")) {
      put("http-equiv:" + el.attr("http-equiv").strip().toLowerCase(Locale.ROOT), content);
    }
    String itemprop = el.attr("itemprop");
    if (!itemprop.isEmpty()) {
      if (hasToken(itemprop, "datePublished")) {
        itemDates.add(content);
      }
      if (hasToken(itemprop, "headline")) {
        itemHeadlines.add(content);
      }
      if (hasToken(itemprop, "author")) {
        itemAuthors.add(new Named(content, el));
      }
    }
  }

  private void put(String key, String content) {
    if (!key.isEmpty()) {
      meta.computeIfAbsent(key, k -> new ArrayList<>(1)).add(content);
      if (DATE_NAMES.contains(key)) {
        metaDates.add(content);
      }
    }
  }

  private void link(Element el) {
    if (canonical == null && el.attr("rel").strip().equalsIgnoreCase("canonical")
        && el.hasAttr("href")) {
      canonical = el.absUrl("href");
    }
    String lang = el.attr("hreflang").strip().replace('_', '-');
    if (!lang.isEmpty() && hasToken(el.attr("rel"), "alternate")
        && PageMetadata.LANGUAGE.matcher(lang).matches()) {
      String url = el.absUrl("href");
      Alternate a = new Alternate(lang, url);
      if (Links.isHttp(url) && !alternates.contains(a)) {
        alternates.add(a);
      }
    }
  }

  private void itemprop(Element el) {
    String itemprop = el.attr("itemprop");
    if (hasToken(itemprop, "datePublished")) {
      itemDates.add(el.hasAttr("content") ? el.attr("content")
          : el.hasAttr("datetime") ? el.attr("datetime") : el.text());
    }
    if (hasToken(itemprop, "headline")) {
      itemHeadlines.add(el.hasAttr("content") ? el.attr("content") : el.text());
    }
    if (hasToken(itemprop, "author") && !el.nameIs("link")) {
      // An author item holds its name in itemprop=name, beside a bio or photo caption.
      Element name = el.selectFirst(ITEM_NAME);
      itemAuthors.add(new Named(name == null ? el.text()
          : name.hasAttr("content") ? name.attr("content") : name.text(), el));
    }
  }

  /** An author's name and the element that gave it. */
  record Named(String name, Element element) {}

  /**
   * The names of the first byline among author elements: the first one's and those beside it
   * in its byline (the smallest block around it with more text than a byline is too much).
   * The others are the authors of the teasers and comments around the article.
   */
  static List<String> byline(List<Named> authors) {
    authors = authors.stream().filter(a -> !inComments(a.element())).toList();
    if (authors.size() <= 1) {
      return authors.stream().map(Named::name).toList();
    }
    Element block = authors.get(0).element();
    while (block.parent() != null && !block.nameIs("body")
        && block.parent().text().length() <= BYLINE_CHARS) {
      block = block.parent();
    }
    List<String> names = new ArrayList<>();
    for (Named a : authors) {
      for (Element e = a.element(); e != null; e = e.parent()) {
        if (e == block) {
          names.add(a.name());
          break;
        }
      }
    }
    return names;
  }

  /**
   * Readers' comments name their writers as authors too. Looked for below the article or page
   * (WordPress names the body "comments-open").
   */
  private static boolean inComments(Element el) {
    for (Element e = el; e != null && !e.nameIs("article") && !e.nameIs("main") && !e.nameIs("body");
        e = e.parent()) {
      if (e.attributesSize() > 0 && COMMENTS.matcher(e.className() + " " + e.id()).find()) {
        return true;
      }
    }
    return false;
  }

  /** An SVG's {@code <title>} names a drawing, not the page. */
  private static boolean inSvg(Element el) {
    for (Element p = el.parent(); p != null; p = p.parent()) {
      if (p.nameIs("svg")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a space-separated attribute value (rel, itemprop) has this token. */
  private static boolean hasToken(String value, String token) {
    int i = 0;
    int n = value.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(value.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(value.charAt(i))) {
        i++;
      }
      if (i - start == token.length() && value.regionMatches(true, start, token, 0, i - start)) {
        return true;
      }
    }
    return false;
  }
}
