package samizdat.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * One pass over a page that measures every block element (text, link text, punctuation,
 * paragraphs) and scores the blocks that hold paragraphs, in the manner of Readability: each
 * paragraph of running text gives its container a score for its length and punctuation, and its
 * ancestors a falling share of it, so the element that holds the most prose wins. Class and id
 * words, the tag, and link density then weigh the candidates. Stateless; {@link #score} returns
 * the per-page measurements.
 */
final class BodyScorer {
  /** Never text a reader sees: not counted at all. */
  static final Set<String> SKIP = Set.of(
      "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "frame",
      "frameset", "object", "embed", "applet", "select", "option", "textarea", "button", "input",
      "canvas", "video", "audio", "map", "dialog", "link", "meta", "title");
  /** Inline elements: their text belongs to the paragraph of the block around them. */
  static final Set<String> INLINE = Set.of(
      "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
      "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
      "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "img", "picture", "source", "br");
  /** Blocks whose text is never a paragraph of the article (lists, headings, cells of heads). */
  private static final Set<String> NOT_PARAGRAPH = Set.of(
      "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "th", "caption",
      "figcaption", "nav", "header", "footer", "aside", "address", "table", "tr", "tbody", "thead",
      "tfoot", "label", "legend", "fieldset", "menu", "details", "summary", "form", "html");
  /** Page furniture by its tag: its paragraphs do not vote for the article. */
  private static final Set<String> FURNITURE = Set.of("nav", "aside", "footer", "header", "menu");


  /** Paragraphs shorter than this (25 Latin or 15 CJK characters) do not vote. */
  static final int MIN_PARAGRAPH = 75;
  /** What an ancestor receives of a paragraph's score, by level (1 = the container). */
  private static final double[] SHARE = {0, 1, 1.0 / 2, 1.0 / 6, 1.0 / 9, 1.0 / 12};

  private BodyScorer() {}

  /** Measurements of one block element. Mutable during the pass only. */
  static final class Block {
    final Element el;
    final Block parent;
    final boolean unlikely;
    /** What its class and id words say: bits of {@link BodyScorer#words}. */
    final int words;
    int units;
    int linkUnits;
    int commas;
    int links;
    /** Paragraphs (voting text runs) inside, at any depth. */
    int paras;
    boolean hasBlockChild;
    boolean candidate;
    /** Votes of paragraphs outside furniture. */
    double score;
    /** Votes of all paragraphs, furniture included: for pages whose wrappers look like furniture. */
    double rawScore;
    /** Whether any paragraph outside furniture voted for it. */
    boolean strictVotes;
    /** Text directly in this block (outside nested blocks) since the last break. */
    private int segUnits;
    private int segLinkUnits;
    private int segCommas;
    private double ownScore;

    Block(Element el, Block parent, boolean unlikely, int words) {
      this.el = el;
      this.parent = parent;
      this.unlikely = unlikely;
      this.words = words;
    }

    double linkDensity() {
      return units == 0 ? 0 : (double) linkUnits / units;
    }

    /** The score with the share of link text taken off. */
    double finalScore() {
      return score * (1 - linkDensity());
    }

    double finalRawScore() {
      return rawScore * (1 - linkDensity());
    }
  }

  /** The result of one pass: every block element's measurements and the scored candidates. */
  record Scored(Map<Element, Block> blocks, List<Block> candidates, Map<String, Integer> wordCache) {
    /** Class and id word bits of any element of the page. */
    int words(Element el) {
      Block b = blocks.get(el);
      return b != null ? b.words : ClassWords.of(el, wordCache);
    }

    Block of(Element el) {
      return blocks.get(el);
    }

    /** The candidates, best first, by the votes of paragraphs outside furniture. */
    List<Block> ranked() {
      List<Block> sorted = new ArrayList<>();
      for (Block b : candidates) {
        if (b.strictVotes) {
          sorted.add(b);
        }
      }
      sorted.sort(Comparator.comparingDouble(Block::finalScore).reversed());
      return sorted;
    }

    /** The candidates, best first, by the votes of all paragraphs. */
    List<Block> rankedRaw() {
      List<Block> sorted = new ArrayList<>(candidates);
      sorted.sort(Comparator.comparingDouble(Block::finalRawScore).reversed());
      return sorted;
    }
  }

  static Scored score(Document page) {
    Pass pass = new Pass();
    Element root = page.body() != null ? page.body() : page;
    pass.traverse(root);
    return new Scored(pass.blocks, pass.candidates, pass.wordCache);
  }

  /** The button that opens a disclosure widget (an accordion's section). */
  private static final Evaluator EXPANDER = QueryParser.parse("[aria-expanded]");
  /** Classes of text only screen readers say ("Skip to content"): not the article's. */
  private static final String[] SCREEN_READER_ONLY = {
      "sr-only", "screen-reader", "visually-hidden", "visuallyhidden", "skip-link", "off-screen"};

  /**
   * True for elements a reader does not see. Not the rest of a story that the page holds in a
   * hidden {@code .paywall} block until a subscriber logs in (the class that Google's paywall
   * markup, {@code hasPart} with {@code cssSelector ".paywall"}, names): it is the article's.
   */
  static boolean isHidden(Element el) {
    String cls = el.className();
    if (el.hasAttr("hidden") || "true".equals(el.attr("aria-hidden"))) {
      return !isPaywalledText(el) && !isStreamedContent(el) && !isCollapsedProse(el);
    }
    // A dialog or popover shows only when opened: a share menu, a "save this article" offer.
    if (el.hasAttr("popover") || el.nameIs("dialog") && !el.hasAttr("open")) {
      return true;
    }
    String role = el.attr("role");
    if (!role.isEmpty() && (role.equals("dialog") || role.equals("alertdialog")
        // A screen reader's announcement ("… | CBC News Loaded"), not a live blog's feed.
        || (role.equals("alert") || role.equals("status")) && el.text().length() <= 200)) {
      return true;
    }
    if (!cls.isEmpty()) {
      for (String c : SCREEN_READER_ONLY) {
        if (cls.contains(c)) {
          return true;
        }
      }
      if (hiddenByClass(el, cls)) {
        return !isPaywalledText(el);
      }
    }
    String style = el.attr("style");
    if (style.isEmpty() || !(style.contains("none") || style.contains("hidden"))) {
      return false;
    }
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    if (s.contains("display:none")) {
      return true;
    }
    // Kept from sight only until the page's script has laid it out, then shown (WeChat's
    // #js_content): prose in a box its names call the content is what the reader reads.
    return s.contains("visibility:hidden") && !(namedContent(el) && holdsProse(el));
  }

  private static boolean namedContent(Element el) {
    int words = ClassWords.of(el, new HashMap<>());
    return (words & ClassWords.POSITIVE) != 0 && (words & ClassWords.NEGATIVE) == 0;
  }


  /**
   * React's streamed server rendering sends content that was not ready with the page's shell
   * later, in {@code <div hidden id="S:1a">}, and its script moves it into place at once: what a
   * reader sees (Next.js sites, as aa.com.tr).
   */
  private static boolean isStreamedContent(Element el) {
    String id = el.id();
    return id.startsWith("S:") && el.nameIs("div");
  }

  /**
   * The closed panel of a disclosure widget that holds prose: an accordion's section of a buying
   * guide, a FAQ's answer, shown when the reader opens the button before it ({@code
   * aria-expanded}). A saved page cannot open it, so it is read as open. A closed menu or share
   * box, mostly links, stays hidden.
   */
  private static boolean isCollapsedProse(Element el) {
    Element toggle = el.previousElementSibling();
    if (toggle == null || !toggle.hasAttr("aria-expanded") && toggle.selectFirst(EXPANDER) == null) {
      return false;
    }
    return holdsProse(el);
  }

  /** Paragraphs of at least twice a paragraph's least text, links not counted. */
  private static boolean holdsProse(Element el) {
    int prose = 0;
    for (Element p : el.getElementsByTag("p")) {
      int links = 0;
      for (Element a : p.getElementsByTag("a")) {
        links += a.text().length();
      }
      prose += p.text().length() - links;
    }
    return prose >= 2 * MIN_PARAGRAPH;
  }

  private static boolean isPaywalledText(Element el) {
    return el.hasClass("paywall") && el.selectFirst("p") != null;
  }

  /**
   * A class list with the utility class {@code hidden} (display: none in Bootstrap, Tailwind and
   * most site styles): a paywall or sign-in box the page's script shows. Not when a responsive
   * class beside it shows the element at some width ({@code hidden md:block}).
   */
  private static boolean hiddenByClass(Element el, String cls) {
    return cls.indexOf(':') < 0 && el.hasClass("hidden");
  }

  private static boolean unlikely(String name, int words) {
    if (FURNITURE.contains(name)) {
      return true;
    }
    if (name.equals("body") || name.equals("article") || name.equals("main")) {
      return false;
    }
    return (words & ClassWords.UNLIKELY) != 0 && (words & ClassWords.MAYBE) == 0;
  }

  /** A container's starting score, for its tag and its class and id words. */
  private static double initial(Element el, int words) {
    double s = switch (el.normalName()) {
      case "div" -> 5;
      case "article" -> 8;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    if ("articleBody".equals(el.attr("itemprop"))) {
      s += 30;
    }
    if ("main".equals(el.attr("role")) || el.nameIs("main")) {
      s += 8;
    }
    return s + ClassWords.classWeight(words);
  }

  /** The per-page state of the scoring traversal. */
  private static final class Pass implements NodeFilter {
    final Map<Element, Block> blocks = new IdentityHashMap<>();
    final List<Block> candidates = new ArrayList<>();
    final Map<String, Integer> wordCache = new HashMap<>();
    Block current;
    int linkDepth;

    void traverse(Element root) {
      // The root is a block; it has no parent block.
      current = new Block(root, null, false, ClassWords.of(root, wordCache));
      blocks.put(root, current);
      NodeTraversor.filter(this, root);
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        text(t.getWholeText());
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element el)) {
        return FilterResult.CONTINUE;
      }
      if (depth == 0) {
        return FilterResult.CONTINUE;
      }
      String name = el.normalName();
      if (SKIP.contains(name) || isHidden(el)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (INLINE.contains(name)) {
        if (name.equals("br")) {
          if (current.segUnits >= MIN_PARAGRAPH) {
            closeSegment(current);
          }
        } else if (name.equals("a")) {
          linkDepth++;
          if (el.hasAttr("href")) {
            current.links++;
          }
        }
        return FilterResult.CONTINUE;
      }
      closeSegment(current);
      current.hasBlockChild = true;
      int words = ClassWords.of(el, wordCache);
      Block b = new Block(el, current, current.unlikely || unlikely(name, words), words);
      blocks.put(el, b);
      current = b;
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (depth == 0) {
        closeSegment(current);
        finishOwn(current);
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element el)) {
        return FilterResult.CONTINUE;
      }
      if (current.el != el) {
        if (el.nameIs("a")) {
          linkDepth--;
        }
        return FilterResult.CONTINUE;
      }
      Block b = current;
      closeSegment(b);
      finishOwn(b);
      Block p = b.parent;
      p.units += b.units;
      p.linkUnits += b.linkUnits;
      p.commas += b.commas;
      p.links += b.links;
      p.paras += b.paras;
      current = p;
      return FilterResult.CONTINUE;
    }

    private void text(String s) {
      Block b = current;
      int units = 0;
      int commas = 0;
      boolean gap = b.segUnits > 0;
      boolean pending = false;
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (TextCounts.isSpace(c)) {
          pending = gap;
          continue;
        }
        if (pending) {
          units += TextCounts.LATIN;
          pending = false;
        }
        gap = true;
        if (TextCounts.isCjk(c)) {
          units += TextCounts.CJK;
          if (TextCounts.isClausePunct(c)) {
            commas++;
          }
        } else {
          units += TextCounts.LATIN;
          if (c == ',' || c == '،') {
            commas++;
          }
        }
      }
      if (units == 0) {
        return;
      }
      b.units += units;
      b.segUnits += units;
      b.commas += commas;
      b.segCommas += commas;
      if (linkDepth > 0) {
        b.linkUnits += units;
        b.segLinkUnits += units;
      }
    }

    /** Ends the current run of text in {@code b}: a paragraph if it is long enough. */
    private void closeSegment(Block b) {
      if (b.segUnits >= MIN_PARAGRAPH && !NOT_PARAGRAPH.contains(b.el.normalName())) {
        double s = 1 + b.segCommas + Math.min(b.segUnits / 300.0, 3);
        b.ownScore += s * (1 - (double) b.segLinkUnits / b.segUnits);
        b.paras++;
      }
      b.segUnits = 0;
      b.segLinkUnits = 0;
      b.segCommas = 0;
    }

    /**
     * Hands a block's own paragraphs to its ancestors. A block of text alone is a paragraph
     * itself: its parent is the container. Text runs beside child blocks would be paragraphs
     * inside the block: the block itself is the container.
     */
    private void finishOwn(Block b) {
      if (b.ownScore <= 0) {
        return;
      }
      Block target = b.hasBlockChild ? b : b.parent;
      for (int level = 1; level < SHARE.length && target != null; level++, target = target.parent) {
        if (target.el.nameIs("html")) {
          break;
        }
        if (!target.candidate) {
          target.candidate = true;
          target.score = initial(target.el, target.words);
          target.rawScore = target.score;
          candidates.add(target);
        }
        double share = b.ownScore * SHARE[level];
        target.rawScore += share;
        if (!b.unlikely) {
          target.score += share;
          target.strictVotes = true;
        }
      }
      b.ownScore = 0;
    }
  }
}
