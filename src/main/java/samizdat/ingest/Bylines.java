package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The author of a page whose metadata names none, from its byline: a short line just after the
 * headline that says who wrote it in so many words ("作者：李在山", "澎湃新闻记者 贺梨萍",
 * "By Jane Roe"). Only labelled names count; a name alone could be anyone's. Stateless.
 */
final class Bylines {
  /** A byline is a short line, not a paragraph. */
  private static final int LINE_CHARS = 80;
  /** Lines after the headline that may be its byline. */
  private static final int LINES = 6;
  /** A Chinese name after its label: two to four Han characters, then no more of them. */
  private static final Pattern HAN = Pattern.compile(
      "(?:作者|记者|撰稿|撰文)\\s*[:：]?\\s*(\\p{IsHan}{2,4})(?!\\p{IsHan})");
  /** What follows 记者 when it is no byline: 记者会, 记者站, 记者团 … */
  private static final Pattern NOT_A_NAME = Pattern.compile("^(?:会|站|团|节|证|们|招待|发布|协会)");
  /** "By Jane Roe", "by Kim Lee-Park": capitalised words after "By" at the line's start. */
  private static final Pattern LATIN = Pattern.compile(
      "^[Bb]y\\s+(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3})");

  private Bylines() {}

  /** The name in the byline after the headline {@code title} on {@code page}, if it has one. */
  static Optional<String> after(Document page, String title) {
    List<String> lines = linesAfter(page, title);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Optional<String> name = name(line);
      // A label and its name are often two elements: <span>作者：</span><a>李在山</a>.
      if (name.isEmpty() && i + 1 < lines.size() && LABEL_AT_END.matcher(line).find()) {
        name = name(line + " " + lines.get(i + 1));
      }
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }

  private static final Pattern LABEL_AT_END = Pattern.compile("(?:作者|记者|撰稿|撰文|[:：]|\\b[Bb]y)\\s*$");

  private static Optional<String> name(String line) {
    Matcher han = HAN.matcher(line);
    while (han.find()) {
      if (!NOT_A_NAME.matcher(han.group(1)).find()) {
        return Optional.of(han.group(1));
      }
    }
    Matcher latin = LATIN.matcher(line);
    return latin.find() ? Optional.of(latin.group(1).strip()) : Optional.empty();
  }

  /**
   * The short lines of text after the first one that is {@code title}, in page order, up to the
   * first paragraph.
   */
  private static List<String> linesAfter(Document page, String title) {
    String headline = PageMetadata.normalise(title);
    List<String> lines = new ArrayList<>();
    if (headline.isEmpty()) {
      return lines;
    }
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
          // The headline again (a second heading, a share box): not a byline.
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
