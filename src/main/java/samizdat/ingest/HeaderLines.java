package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

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
  private static final int LINES = 6;

  private HeaderLines() {}

  /**
   * The lines after the first text that is {@code title} as a line of its own, whitespace
   * normalised, the headline repeated left out; empty when the page does not show the headline.
   */
  static List<String> of(Document page, String title) {
    String headline = PageMetadata.normalise(title);
    List<String> lines = new ArrayList<>();
    if (headline.isEmpty()) {
      return lines;
    }
    // Longer text (a paragraph, a script's) is neither the headline nor a header line.
    int longest = Math.max(headline.length(), LINE_CHARS) * 2;
    boolean[] seen = new boolean[1];
    Element root = page.body() != null ? page.body() : page;
    root.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof TextNode t) || t.isBlank()) {
          return FilterResult.CONTINUE;
        }
        if (t.getWholeText().length() > longest) {
          return seen[0] ? FilterResult.STOP : FilterResult.CONTINUE;
        }
        String text = PageMetadata.normalise(t.getWholeText());
        if (!seen[0]) {
          seen[0] = text.equals(headline);
        } else if (text.equals(headline)) {
          // The headline again (a second heading, a share box): not a header line.
          return FilterResult.CONTINUE;
        } else if (text.length() <= LINE_CHARS) {
          lines.add(text);
        } else {
          return FilterResult.STOP;
        }
        return lines.size() < LINES ? FilterResult.CONTINUE : FilterResult.STOP;
      }
    });
    return lines;
  }
}
