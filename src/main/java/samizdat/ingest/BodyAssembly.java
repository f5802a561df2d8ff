package samizdat.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import samizdat.ingest.BodyScorer.Block;

/**
 * The article's body around the block {@link GenericBody} chose: the siblings that belong to the
 * same article, the parts of a story a layout split into several blocks, the paragraphs set above
 * the row that holds it. The pieces are moved into a new {@code <div>} where the first one was,
 * so links still resolve against the page. Stateless.
 */
final class BodyAssembly {
  /** A part of a story split into several blocks has a few paragraphs; a teaser's excerpt one. */
  private static final int PART_PARAGRAPHS = 2;
  private static final int PART_UNITS = 600;
  private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator NOT_PROSE =
      QueryParser.parse("h1, h2, h3, h4, h5, h6, ul, ol, form, nav, aside");

  private BodyAssembly() {}

  /** The body around {@code top}, the block the scoring chose. */
  static Element of(Document page, BodyScorer.Scored scored, Block top,
      ToDoubleFunction<Block> score) {
    return withParts(page, scored, top, assemble(scored, top, score));
  }

  /**
   * The chosen block with the sibling blocks that belong to the same article: strong candidates
   * themselves, or paragraphs of prose. Several blocks are gathered into a new {@code <div>} put
   * in the chosen block's place, so links still resolve against the page.
   */
  private static Element assemble(BodyScorer.Scored scored, Block top,
      ToDoubleFunction<Block> scoreOf) {
    // Parts of the article beside a thin wrapper around the block: NYT puts each part of a
    // story, with an ad, in a div.story-body-supplemental of its own.
    Block anchor = top;
    while (anchor.parent != null && anchor.parent.parent != null
        && anchor.parent.units * 10 <= anchor.units * 11) {
      anchor = anchor.parent;
    }
    if (anchor != top) {
      List<Element> outer = siblings(scored, anchor, top, scoreOf);
      if (outer.size() > 1) {
        return gathered(anchor.el, outer);
      }
    }
    List<Element> keep = siblings(scored, top, top, scoreOf);
    Element body = keep.size() == 1 ? top.el : gathered(top.el, keep);
    return withLeadIn(scored, top, body);
  }

  /**
   * {@code body} with the paragraphs just before its parent, when they are prose and nothing
   * else: a layout that sets the first paragraphs full width, then the rest beside a sidebar
   * ({@code div.row > p p}, then {@code div.row > div.col-lg-7 > p…, div.col-lg-5}).
   */
  private static Element withLeadIn(BodyScorer.Scored scored, Block top, Element body) {
    Element parent = body.parent();
    if (top.parent == null || parent == null || parent.parent() == null || parent.nameIs("body")) {
      return body;
    }
    List<Element> lead = new ArrayList<>();
    for (Element e = parent.previousElementSibling(); e != null; e = e.previousElementSibling()) {
      if (!e.hasText()) {
        continue;
      }
      if (!isLeadIn(scored, e)) {
        break;
      }
      lead.add(0, e);
    }
    if (lead.isEmpty()) {
      return body;
    }
    lead.add(body);
    return gathered(lead.get(0), lead);
  }

  /** Paragraphs of prose and nothing else: no links to speak of, no headings, lists or forms. */
  private static boolean isLeadIn(BodyScorer.Scored scored, Element el) {
    Block b = scored.of(el);
    if (b == null || b.unlikely || b.paras == 0 || b.linkDensity() > 0.1
        || el.selectFirst(NOT_PROSE) != null) {
      return false;
    }
    // Each paragraph a sentence's end: a photo credit ("Dale Robinette") is not the article's.
    int inParagraphs = 0;
    for (Element p : el.getElementsByTag("p")) {
      String t = p.text();
      if (!t.isBlank() && !endsSentence(t)) {
        return false;
      }
      inParagraphs += t.length();
    }
    return inParagraphs > 0 && inParagraphs * 10 >= el.text().length() * 9;
  }

  /**
   * {@code block}'s element and those of its siblings that belong to the same article as
   * {@code top}: strong candidates themselves, or paragraphs of prose; in page order.
   */
  private static List<Element> siblings(BodyScorer.Scored scored, Block block, Block top,
      ToDoubleFunction<Block> scoreOf) {
    Element el = block.el;
    Element parent = el.parent();
    List<Element> keep = new ArrayList<>();
    if (parent == null || block.parent == null) {
      keep.add(el);
      return keep;
    }
    // A sibling is measured by its best block, as the chosen one is: a layout that wraps each
    // section of a story in a few thin boxes leaves little of the score on the outer one.
    Map<Element, Double> best = bestWithin(scored, parent, scoreOf);
    double score = scoreOf.applyAsDouble(top);
    double threshold = Math.max(10, score * 0.2);
    double inner = best.getOrDefault(el, 0.0);
    boolean wrapped = score * 2 < inner;
    String cls = el.className();
    // An <article> with a headline of its own is a story: one beside the chosen one's is
    // another story (the next one, appended for endless scrolling), not a part of it.
    boolean holdsArticle = holdsHeadedArticle(el);
    for (Element sib : parent.children()) {
      if (sib == el) {
        keep.add(sib);
        continue;
      }
      Block b = scored.of(sib);
      if (b == null || b.units == 0 || b.unlikely && !top.unlikely) {
        continue;
      }
      if (holdsArticle && holdsHeadedArticle(sib)) {
        continue;
      }
      double bonus = !cls.isEmpty() && cls.equals(sib.className()) ? score * 0.2 : 0;
      if (b.candidate && scoreOf.applyAsDouble(b) + bonus >= threshold
          || wrapped && isSection(b) && best.getOrDefault(sib, 0.0) >= inner * 0.2
              && !hasLinkedHeading(sib) && !repeats(keep, sib)) {
        keep.add(sib);
      } else if (isProse(scored, sib)) {
        double ld = b.linkDensity();
        if (b.units >= 240 && ld < 0.25
            || ld == 0 && endsSentence(sib.text())) {
          keep.add(sib);
        }
      }
    }
    return keep;
  }

  /**
   * A section of a story: a few paragraphs of prose, not a box with a line or two, nor one named
   * as furniture (a "comment-area" that a "column" word keeps a candidate).
   */
  private static boolean isSection(Block b) {
    return b.units >= PART_UNITS && b.paras >= PART_PARAGRAPHS && b.linkDensity() < 0.25
        && !ClassWords.negativeWords(b.words);
  }

  /**
   * The best score of a candidate block inside each child of {@code parent} (or the child itself),
   * not counting blocks inside furniture (the comments under a story).
   */
  private static Map<Element, Double> bestWithin(BodyScorer.Scored scored, Element parent,
      ToDoubleFunction<Block> scoreOf) {
    Map<Element, Double> best = new IdentityHashMap<>();
    for (Block b : scored.candidates()) {
      Element e = b.el;
      boolean furniture = false;
      while (e != null && e.parent() != parent) {
        Block eb = scored.of(e);
        furniture |= eb != null && eb.unlikely;
        e = e.parent();
      }
      if (e != null && !furniture) {
        best.merge(e, scoreOf.applyAsDouble(b), Math::max);
      }
    }
    return best;
  }

  /** True when {@code el} is or holds an {@code <article>} with an {@code <h1>} of its own. */
  private static boolean holdsHeadedArticle(Element el) {
    for (Element a : el.getElementsByTag("article")) {
      if (a.selectFirst(H1) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code body} with the other parts of the story: elements elsewhere in the page of the chosen
   * block's tag and class that hold paragraphs of prose. Politico splits a story into sections
   * of {@code div.story-text} between ad rows; the first part, a few paragraphs, would be lost.
   */
  private static Element withParts(Document page, BodyScorer.Scored scored, Block top,
      Element body) {
    String cls = top.el.className();
    if (cls.isBlank()) {
      return body;
    }
    // The scored blocks, not the whole page again: a part holds paragraphs, so it is one.
    List<Element> candidates = new ArrayList<>();
    for (Block b : scored.blocks().values()) {
      Element e = b.el;
      if (e.nameIs(top.el.normalName()) && cls.equals(e.className()) && !b.unlikely
          && b.units >= PART_UNITS && b.linkDensity() < 0.25 && paragraphs(e) >= PART_PARAGRAPHS
          && !isPost(e, body) && !isAncestorOrSelf(body, e) && !isAncestorOrSelf(e, body)) {
        candidates.add(e);
      }
    }
    if (candidates.isEmpty()) {
      return body;
    }
    Map<Element, Integer> order = new IdentityHashMap<>();
    int i = 0;
    for (Element e : page.getAllElements()) {
      order.put(e, i++);
    }
    candidates.sort(Comparator.comparing(order::get));
    List<Element> parts = new ArrayList<>();
    StringBuilder seen = new StringBuilder(body.text());
    for (Element e : candidates) {
      // A copy of text already taken (a slideshow's intro, a print version) is no new part.
      String text = e.text();
      if (seen.indexOf(text) < 0) {
        seen.append(' ').append(text);
        parts.add(e);
      }
    }
    if (parts.isEmpty()) {
      return body;
    }
    parts.add(body);
    parts.sort(Comparator.comparing(order::get));
    return gathered(parts.get(0), parts);
  }

  /** Paragraphs of text in {@code el}: a part of the story has a few, a related list one. */
  private static int paragraphs(Element el) {
    int n = 0;
    for (Element p : el.getElementsByTag("p")) {
      if (p.hasText()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Whether {@code el} is another story than {@code body}'s: in an {@code <article>} that does not
   * hold {@code body} too (or in the page's furniture), or under or around a headline that links
   * to its page, as the posts of a blog's page are. WDR splits its story into modules of one
   * class, all in the page's own {@code <article>}.
   */
  private static boolean isPost(Element el, Element body) {
    Element parent = el.parent();
    if (parent == null) {
      return false;
    }
    for (Element e = parent; e != null; e = e.parent()) {
      if (e.nameIs("article") && !isAncestorOrSelf(e, body)
          || e.nameIs("aside") || e.nameIs("nav") || e.nameIs("footer")) {
        return true;
      }
    }
    for (Element c : parent.children()) {
      if (isLinkedHeading(c)) {
        return true;
      }
    }
    return hasLinkedHeading(el);
  }

  /** Whether the text of {@code el} is that of one of {@code kept} already (a section shown twice). */
  private static boolean repeats(List<Element> kept, Element el) {
    String text = el.text();
    for (Element k : kept) {
      if (k.text().contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a heading in {@code el} links to another page, as a teaser's does. */
  private static boolean hasLinkedHeading(Element el) {
    for (Element h : el.select(HEADINGS)) {
      if (isLinkedHeading(h)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLinkedHeading(Element el) {
    return el.is(HEADINGS) && el.selectFirst(GenericBody.LINK_AWAY) != null;
  }

  /** True when {@code a} is {@code b} or holds it. */
  static boolean isAncestorOrSelf(Element a, Element b) {
    for (Element e = b; e != null; e = e.parent()) {
      if (e == a) {
        return true;
      }
    }
    return false;
  }

  /** The elements moved into a new {@code <div>} put where {@code first} was. */
  private static Element gathered(Element at, List<Element> keep) {
    Element div = new Element("div");
    at.before(div);
    for (Element k : keep) {
      div.appendChild(k);
    }
    return div;
  }

  /**
   * A paragraph, or a wrapper of one alone ({@code <div class=firstPar><p>…</p></div>}, as
   * Readability turns a div with a single paragraph into that paragraph).
   */
  private static boolean isProse(BodyScorer.Scored scored, Element el) {
    Element e = el;
    while (e.childrenSize() == 1 && scored.of(e.child(0)) != null && !hasOwnText(e)) {
      e = e.child(0);
    }
    Block b = scored.of(e);
    return b != null && !b.hasBlockChild && isProseTag(e);
  }

  private static boolean hasOwnText(Element el) {
    for (TextNode t : el.textNodes()) {
      if (!t.isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isProseTag(Element el) {
    return el.nameIs("p") || el.nameIs("div") || el.nameIs("blockquote") || el.nameIs("pre");
  }

  private static boolean endsSentence(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return false;
    }
    char c = t.charAt(t.length() - 1);
    return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？' || c == '"'
        || c == '”' || c == '」';
  }
}
