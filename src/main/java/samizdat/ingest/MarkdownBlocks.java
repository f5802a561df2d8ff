package samizdat.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The Markdown document as a sequence of blocks inside containers: block quotes ({@code > }) and
 * bullet or ordered lists, nested. Each block's lines get their containers' prefixes (a list
 * item's marker on its first line, its indent after), blocks are separated by a blank line, and
 * a list's items follow each other tightly where CommonMark would otherwise read them differently.
 *
 * <p>Apart from {@link MarkdownWriter} because the container rules (numbering, markers, when a
 * list is tight, empty items) concern the layout of whole blocks, never the text inside them.
 * One instance per body; not thread-safe.
 */
final class MarkdownBlocks {
  private enum Box { QUOTE, LIST, ITEM }

  private static final class Container {
    final Box box;
    final Element element;
    final boolean ordered;
    int next;
    int items;
    String marker = "";
    boolean markerPending;
    boolean firstInList;
    boolean nestedInItem;
    boolean listOpensWithOne;

    Container(Box box, Element element, boolean ordered, int start) {
      this.box = box;
      this.element = element;
      this.ordered = ordered;
      this.next = start;
    }
  }

  private final StringBuilder doc = new StringBuilder();
  private final Deque<Container> containers = new ArrayDeque<>();

  /** The document written so far: LF line ends, each line ending with one. */
  String text() {
    return doc.toString();
  }

  boolean isEmpty() {
    return doc.length() == 0;
  }

  /** Opens list {@code el} ({@code ul} or {@code ol}, whose {@code start} is honoured). */
  void openList(Element el) {
    String name = el.normalName();
    int start = 1;
    if (name.equals("ol")) {
      try {
        start = Math.max(0, Math.min(999_999_999, Integer.parseInt(el.attr("start").strip())));
      } catch (NumberFormatException e) {
        start = 1;
      }
    }
    Container list = new Container(Box.LIST, el, name.equals("ol"), start);
    list.nestedInItem = !containers.isEmpty() && containers.peek().box == Box.ITEM;
    containers.push(list);
  }

  /** Opens list item {@code el}: its marker goes on the next block's first line. */
  void openItem(Element el) {
    Container list = containers.peek() != null && containers.peek().box == Box.LIST
        ? containers.peek() : null;
    Container item = new Container(Box.ITEM, el, false, 0);
    if (list != null && list.ordered) {
      item.marker = list.next + ". ";
      item.listOpensWithOne = list.items == 0 && list.next == 1;
      list.next++;
    } else {
      item.marker = "- ";
      item.listOpensWithOne = true;
    }
    item.firstInList = list == null || list.items == 0;
    item.nestedInItem = list != null && list.nestedInItem;
    if (list != null) {
      list.items++;
    }
    item.markerPending = true;
    containers.push(item);
  }

  void openQuote(Element el) {
    containers.push(new Container(Box.QUOTE, el, false, 0));
  }

  /** Closes container {@code el} (a list, item or quote) if it is the innermost one. */
  void close(Element el) {
    if (containers.isEmpty() || containers.peek().element != el) {
      return;
    }
    Container done = containers.pop();
    if (done.box == Box.ITEM && done.markerPending
        && containers.peek() != null && containers.peek().box == Box.LIST) {
      // An item with nothing in it (carousel dots, an image not kept, a link without text) is
      // left out, and the numbers after it close up: only page furniture has empty items.
      Container list = containers.peek();
      list.items--;
      if (list.ordered) {
        list.next--;
      }
    }
  }

  /** Appends a block of lines inside the open containers. */
  void writeBlock(List<String> lines) {
    Container item = containers.peek() != null && containers.peek().box == Box.ITEM
        ? containers.peek() : null;
    if (doc.length() > 0) {
      boolean tight = item != null && item.markerPending
          && (!item.firstInList || (item.nestedInItem && item.listOpensWithOne));
      if (!tight) {
        doc.append(prefix(false, true)).append('\n');
      }
    }
    boolean first = true;
    for (String line : lines) {
      doc.append(prefix(first, line.isEmpty())).append(line).append('\n');
      first = false;
    }
    for (Container c : containers) {
      c.markerPending = false;
    }
  }

  private String prefix(boolean firstLine, boolean blankLine) {
    if (containers.isEmpty()) {
      return "";
    }
    StringBuilder p = new StringBuilder();
    var it = containers.descendingIterator();
    while (it.hasNext()) {
      Container c = it.next();
      switch (c.box) {
        case QUOTE -> p.append("> ");
        case ITEM -> p.append(firstLine && c.markerPending ? c.marker : " ".repeat(c.marker.length()));
        default -> { }
      }
    }
    if (blankLine) {
      int end = p.length();
      while (end > 0 && p.charAt(end - 1) == ' ') {
        end--;
      }
      p.setLength(end);
    }
    return p.toString();
  }
}
