package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * The short lines of text just after a page's headline, up to its first paragraph: where pages
 * without metadata (old portals, many Chinese sites) write the article's date and byline
 * ("2005年3月8日 10:21 来源：某某日报 作者：李在山"). Read once per page, before the body is
 * cleaned. Stateless.
 */
final class HeaderLines {
  /** A header line is short ("By Jane Roe | May 6, 2022"); a longer one is the article's. */
  static final int LINE_CHARS = 80;
  /** How many lines after the headline are looked at. */
  private static final int LINES = 8;
  private static final Pattern BYLINE_NAME = Pattern.compile(
      "(?i)byline|author(?![-_]?(?:bio|desc|image|img|photo|pic|avatar|headshot))");
  private static final Pattern COMMENT = Pattern.compile("(?i)comment");
  private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}{2,4}");
  /** How far up from a line its byline element may be. */
  private static final int BYLINE_DEPTH = 3;
  /** A headline is longer than most sites' names: three words or more, nine CJK characters. */
  private static final int HEADLINE_UNITS = 45;
  /** A dek (the summary under a headline) is one or two sentences. */
  private static final int DEK_CHARS = 400;
  private static final Pattern DEK_NAME = Pattern.compile(
      "(?i)dek|deck|summary|standfirst|subtitle|sub-title|subhead|description|excerpt|teaser");
  private static final Evaluator FIGURE = QueryParser.parse("figure, figcaption");
  private static final Pattern CAPTION_NAME = Pattern.compile("(?i)caption|credit");
  private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

  private HeaderLines() {}

  /**
   * The lines after the first text that is {@code title} as a line of its own, whitespace
   * normalised, the headline repeated left out; empty when the page does not show the headline.
   * A {@code <time datetime>} among them gives its datetime as a line of its own, before its text
   * ("24 minutes ago" says nothing later). Text without a letter or digit (a bullet) is no line.
   * A dek between the headline and the lines (its text the page's {@code description}, or in an
   * element named so) is passed over.
   */
  static List<String> of(Document page, String title, Optional<String> description) {
    String dek = description.map(PageMetadata::normalise).orElse("");
    Element root = page.body() != null ? page.body() : page;
    // The title may be the page's social or SEO title; the headline shown is its first <h1>.
    return scan(root, PageMetadata.normalise(title), dek).or(() -> {
      Element h1 = root.selectFirst("h1");
      String shown = h1 == null ? "" : PageMetadata.normalise(h1.text());
      return shown.equals(PageMetadata.normalise(title)) || !isHeadline(h1, shown) ? Optional.empty()
          : scan(root, shown, dek);
    }).orElse(List.of());
  }

  /**
   * Whether an {@code <h1>} holds a headline, not the site's name or logo (old portals put them
   * in one, with today's date in the lines under it): a few words, and no link home.
   */
  private static boolean isHeadline(Element h1, String text) {
    return TextCounts.units(text) >= HEADLINE_UNITS && h1.select("a[href]").stream()
        .map(a -> a.attr("href").strip()).noneMatch(h -> h.equals("/") || h.endsWith("/index.html")
            || h.matches("(?i)https?://[^/]+/?"));
  }

  /** The lines under {@code headline}; empty when the page does not show it as a line. */
  private static Optional<List<String>> scan(Element root, String headline, String dek) {
    List<String> lines = new ArrayList<>();
    if (headline.isEmpty()) {
      return Optional.empty();
    }
    // Longer text (a paragraph, a script's) is not the headline.
    int longest = Math.max(headline.length(), LINE_CHARS) * 2;
    boolean[] seen = new boolean[1];
    boolean[] dekPassed = new boolean[1];
    root.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (seen[0] && node instanceof Element el && el.nameIs("time") && el.hasAttr("datetime")) {
          lines.add(el.attr("datetime").strip());
          return lines.size() < LINES ? FilterResult.CONTINUE : FilterResult.STOP;
        }
        if (!(node instanceof TextNode t) || t.isBlank()) {
          return FilterResult.CONTINUE;
        }
        String whole = t.getWholeText();
        if (!seen[0]) {
          seen[0] = whole.length() <= longest && PageMetadata.normalise(whole).equals(headline);
          return FilterResult.CONTINUE;
        }
        if (inFigure(t) && !inByline(t)) {
          return FilterResult.CONTINUE; // the lead photo's caption: neither a line nor the article
        }
        String text = PageMetadata.normalise(whole);
        if (text.equals(headline) || !LETTER_OR_DIGIT.matcher(text).find()) {
          // The headline again (a second heading, a share box), or a bullet: not a header line.
          return FilterResult.CONTINUE;
        }
        if (text.length() > LINE_CHARS) {
          return isDek(t, text) ? FilterResult.CONTINUE : FilterResult.STOP;
        }
        lines.add(inByline(t) ? asByline(text) : text);
        return lines.size() < LINES ? FilterResult.CONTINUE : FilterResult.STOP;
      }

      /** The summary under the headline, once, before any line. */
      private boolean isDek(TextNode t, String text) {
        if (dekPassed[0] || !lines.isEmpty() || text.length() > DEK_CHARS) {
          return false;
        }
        boolean named = false;
        for (Element e = t.parent(); e != null && e != root && !named; e = e.parent()) {
          named = DEK_NAME.matcher(e.className() + " " + e.id()).find();
          if (e.childNodeSize() > 1 && e.text().length() > text.length() + LINE_CHARS) {
            break; // beyond the dek's own element
          }
        }
        dekPassed[0] = named || !dek.isEmpty() && (dek.startsWith(text) || startsAs(text, dek));
        return dekPassed[0];
      }
    });
    return seen[0] ? Optional.of(lines) : Optional.empty();
  }

  /**
   * Whether {@code t} is in an element the page names a byline or an author's ({@code
   * span.byline-name}, {@code a.author-name}), not an author's bio or picture.
   */
  private static boolean inByline(TextNode t) {
    int depth = 0;
    for (Element e = t.parent(); e != null && depth < BYLINE_DEPTH; e = e.parent(), depth++) {
      String names = e.attributesSize() > 0 ? e.className() + " " + e.id() : "";
      if (BYLINE_NAME.matcher(names).find()) {
        return !COMMENT.matcher(names).find(); // "recent-comments-author": a reader's
      }
    }
    return false;
  }

  private static boolean inFigure(TextNode t) {
    Element parent = t.parent();
    if (parent == null || parent.closest(FIGURE) != null) {
      return parent != null;
    }
    // A caption outside a <figure>: Politico's p.story-meta__credit, The Post's span.pb-caption.
    int depth = 0;
    for (Element e = parent; e != null && depth < BYLINE_DEPTH; e = e.parent(), depth++) {
      if (e.attributesSize() > 0 && CAPTION_NAME.matcher(e.className()).find()) {
        return true;
      }
    }
    return false;
  }

  /** A name the page marks as its byline, labelled as one for {@link Bylines}. */
  private static String asByline(String text) {
    if (Bylines.isLabelled(text)) {
      return text;
    }
    return HAN_NAME.matcher(text).matches() ? "作者：" + text : "By " + text;
  }

  /** Whether {@code text} begins with the page's description, which may be cut short ("…"). */
  private static boolean startsAs(String text, String description) {
    String kept = description.endsWith("...") ? description.substring(0, description.length() - 3)
        : description.endsWith("…") ? description.substring(0, description.length() - 1) : description;
    return kept.length() >= LINE_CHARS && text.startsWith(kept);
  }
}
