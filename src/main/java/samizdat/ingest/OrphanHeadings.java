package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Headings left with nothing under them once the boilerplate is gone: the title of a widget a
 * script fills ("Around The Web", "Top Picks", "Comments") or of a list the cleaning removed. A
 * heading is an orphan when the next thing in the body is the end, or a heading of its level or
 * above; text or an image under it, or a lower heading, keeps it. Stateless.
 */
final class OrphanHeadings {
  private OrphanHeadings() {}

  /** Removes the orphan headings inside {@code root}, the last first (one may orphan another). */
  static void remove(Element root) {
    List<Event> events = events(root);
    // What follows, among what is kept: the end (0), a heading (its level) or content (MAX).
    int next = 0;
    for (int i = events.size() - 1; i >= 0; i--) {
      Event e = events.get(i);
      if (e.heading == null) {
        next = Integer.MAX_VALUE;
      } else if (next <= e.level && isTitle(e.heading) && !inRun(events, i)) {
        e.heading.remove();
      } else {
        next = e.level;
      }
    }
  }

  /** Short, as a widget's title is; some blogs set whole paragraphs in headings. */
  private static boolean isTitle(Element heading) {
    return heading.text().length() <= HeaderLines.LINE_CHARS;
  }

  /**
   * Whether the heading at {@code i} is one of three or more in a row: a page that sets its
   * text in headings (a poster, a list of figures), not a widget's title.
   */
  private static boolean inRun(List<Event> events, int i) {
    int from = i;
    while (from > 0 && events.get(from - 1).heading != null) {
      from--;
    }
    int to = i;
    while (to + 1 < events.size() && events.get(to + 1).heading != null) {
      to++;
    }
    return to - from >= 2;
  }

  /** A heading (with its level), or content (text or an image; heading null), in page order. */
  private record Event(Element heading, int level) {}

  private static List<Event> events(Element root) {
    List<Event> events = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      private Element inHeading;

      @Override
      public void head(Node node, int depth) {
        if (inHeading != null) {
          return;
        }
        if (node instanceof Element el && node != root) {
          int level = level(el);
          if (level > 0) {
            inHeading = el;
            events.add(new Event(el, level));
          } else if (el.nameIs("img") || el.nameIs("picture") || el.nameIs("video")) {
            events.add(new Event(null, 0));
          }
        } else if (node instanceof TextNode t && !t.isBlank()) {
          events.add(new Event(null, 0));
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node == inHeading) {
          inHeading = null;
        }
      }
    }, root);
    return events;
  }

  private static int level(Element el) {
    String n = el.normalName();
    return n.length() == 2 && n.charAt(0) == 'h' && n.charAt(1) >= '1' && n.charAt(1) <= '6'
        ? n.charAt(1) - '0' : 0;
  }
}
