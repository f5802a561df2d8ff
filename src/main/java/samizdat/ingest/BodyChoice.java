package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import samizdat.ingest.BodyScorer.Block;

/**
 * Which scored block is the article ({@link GenericBody}'s first step): the best candidate, or a
 * shared ancestor of several strong ones, a parent that scores higher, the whole of which the best
 * one is a section, the page's own story rather than one appended below it, the block that holds
 * the page's structured {@code articleBody}. Stateless.
 *
 * @param top the chosen block
 * @param score how blocks were scored: by the votes of paragraphs outside furniture, or by all
 *     when the article is short (then a page's footer, nav and aside do not count)
 * @param evidence the block that matches the page's own {@code articleBody}, if one does: it is
 *     the article as it is, with no siblings to gather
 */
record BodyChoice(Block top, ToDoubleFunction<Block> score, Optional<Block> evidence) {
  /** A best block smaller than this (500 Latin characters) makes all paragraphs vote. */
  private static final int RETRY_UNITS = 1500;
  private static final Evaluator ARTICLE = QueryParser.parse("article");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator FURNITURE_TAGS = QueryParser.parse("footer, nav, aside");
  private static final Evaluator SECTION_HEADINGS = QueryParser.parse("h2, h3, h4");

  /** The article's block among {@code scored}'s candidates; empty when there is none. */
  static Optional<BodyChoice> of(BodyScorer.Scored scored, GenericBody.Hints hints) {
    List<Block> ranked = scored.ranked();
    ToDoubleFunction<Block> score = Block::finalScore;
    // Furniture-like words on wrappers of the whole page (a "sidebar" layout, an ad portal)
    // silence the article: then all paragraphs vote, as Readability's second attempt does.
    if (ranked.isEmpty() || ranked.get(0).units < RETRY_UNITS) {
      ranked = outsideFurniture(scored.rankedRaw());
      score = Block::finalRawScore;
    }
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    List<Block> pool = ownStory(withEnoughText(ranked, score), hints);
    Block top = declaredBody(choose(scored, pool, score));
    Optional<Block> evidence = hints.structuredBody().flatMap(sb -> byStructuredBody(pool, top, sb));
    return Optional.of(new BodyChoice(top, score, evidence));
  }

  /**
   * {@code ranked} without the blocks inside a page's {@code <footer>}, {@code <nav>} or
   * {@code <aside>}, unless nothing else is left: when all paragraphs vote, a footer's long
   * disclaimer outscores a short article (an insurer's 490-character post under its footer's
   * 1,500-character "This material is not intended to replace the advice …").
   */
  private static List<Block> outsideFurniture(List<Block> ranked) {
    List<Block> kept = new ArrayList<>(ranked.size());
    for (Block b : ranked) {
      if (b.el.closest(FURNITURE_TAGS) == null) {
        kept.add(b);
      }
    }
    return kept.isEmpty() ? ranked : kept;
  }

  /** The best of {@code ranked}, or the ancestor of it that holds more of the article. */
  private static Block choose(BodyScorer.Scored scored, List<Block> ranked,
      ToDoubleFunction<Block> score) {
    Block top = ranked.get(0);
    double best = score.applyAsDouble(top);
    // Several strong candidates under one ancestor: the article is split into parts.
    List<Block> close = new ArrayList<>();
    for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
      if (score.applyAsDouble(ranked.get(i)) >= best * 0.75) {
        close.add(ranked.get(i));
      }
    }
    if (close.size() >= 2) {
      for (Block a = top.parent; a != null && a.parent != null; a = a.parent) {
        int under = 0;
        for (Block c : close) {
          if (isAncestor(a, c)) {
            under++;
          }
        }
        if (under >= 2) {
          top = a;
          break;
        }
      }
    }
    // A parent that scores higher than its best child holds more of the article.
    // Scores may dip on the way up (thin wrappers) and rise again; a rise into a region that
    // is largely links (a page column of teasers) is not the article, though.
    double last = score.applyAsDouble(top);
    double floor = last / 3;
    for (Block p = top.parent; p != null && p.parent != null; p = p.parent) {
      if (!p.candidate) {
        continue;
      }
      double s = score.applyAsDouble(p);
      if (s < floor) {
        break;
      }
      if (s > last && p.linkDensity() < 0.4) {
        top = p;
        break;
      }
      last = s;
    }
    // An ancestor that holds several times the paragraphs and the text, nearly all of it prose,
    // and still scores half as well, is the article; the block was one section of it (Consumer
    // Reports' sections under ids of their own). Five times as much, headed every few paragraphs,
    // is the article whatever it scores: sections or list items that sit too deep to lend it their
    // votes (Time Out's course tiles, Quanta's year in review). Comments are as long, not headed.
    Block section = top;
    for (Block p = top.parent; p != null && p.parent != null; p = p.parent) {
      if (p.linkDensity() < 0.1 && p.paras >= 3 * section.paras
          && p.units >= 3 * section.units
          && (p.candidate && score.applyAsDouble(p) * 2 >= score.applyAsDouble(section)
              || p.paras >= 5 * section.paras && p.units >= 5 * section.units
                  && p.el.select(SECTION_HEADINGS).size() * 8 >= p.paras)) {
        if (furnitureUnits(scored, p) * 5 < p.units) {
          top = p;
        }
        break;
      }
    }
    // A wrapper with nothing else in it is the same block.
    while (top.parent != null && top.parent.parent != null && top.el.parent() != null
        && top.el.parent().childrenSize() == 1 && top.parent.el == top.el.parent()) {
      top = top.parent;
    }
    return top;
  }

  /**
   * The text inside {@code block} that is in furniture (comments, related stories): the units of
   * the outermost unlikely blocks under it.
   */
  private static int furnitureUnits(BodyScorer.Scored scored, Block block) {
    int units = 0;
    for (Block b : scored.blocks().values()) {
      if (!b.unlikely) {
        continue;
      }
      boolean outermost = true;
      boolean under = false;
      for (Block a = b.parent; a != null; a = a.parent) {
        if (a == block) {
          under = true;
          break;
        }
        outermost &= !a.unlikely;
      }
      if (under && outermost) {
        units += b.units;
      }
    }
    return units;
  }

  /**
   * {@code ranked}, or with the best block that has an article's length first when the best one
   * has not and the other scores at least a third as well: class words ("articleMeta",
   * "BroadcastWithDetails") lift a dateline or a programme note over the story on their own.
   */
  private static List<Block> withEnoughText(List<Block> ranked, ToDoubleFunction<Block> score) {
    Block top = ranked.get(0);
    if (top.units >= GenericBody.MIN_UNITS) {
      return ranked;
    }
    double least = score.applyAsDouble(top) / 3;
    for (int i = 1; i < ranked.size(); i++) {
      Block b = ranked.get(i);
      if (score.applyAsDouble(b) < least) {
        break;
      }
      if (b.units >= GenericBody.MIN_UNITS) {
        List<Block> reordered = new ArrayList<>(ranked.size());
        reordered.add(b);
        for (Block c : ranked) {
          if (c != b) {
            reordered.add(c);
          }
        }
        return reordered;
      }
    }
    return ranked;
  }

  /**
   * The candidates in the page's own story, when the best one is in another {@code <article>}
   * headed by another headline and one of an article's length is in an article headed by the
   * page's title: a page that appends the next story below its own (Dagbladet's {@code
   * article#second-article}) lets that one outscore it. Otherwise {@code ranked} as it is.
   */
  private static List<Block> ownStory(List<Block> ranked, GenericBody.Hints hints) {
    String title = hints.title().map(Boilerplate::lettersOf).orElse("");
    Element other = ranked.get(0).el.closest(ARTICLE);
    if (title.isEmpty() || other == null
        || !headline(other).map(h -> !Boilerplate.repeatsTitle(h, title)).orElse(false)) {
      return ranked;
    }
    for (int i = 1; i < ranked.size(); i++) {
      Block b = ranked.get(i);
      Element story = b.units < GenericBody.MIN_UNITS ? null : b.el.closest(ARTICLE);
      if (story != null && story != other
          && !BodyAssembly.isAncestorOrSelf(story, other)
          && headline(story).map(h -> Boilerplate.repeatsTitle(h, title)).orElse(false)) {
        List<Block> own = new ArrayList<>();
        for (Block c : ranked) {
          if (BodyAssembly.isAncestorOrSelf(story, c.el)) {
            own.add(c);
          }
        }
        return own;
      }
    }
    return ranked;
  }

  /** The text of the first {@code <h1>} of {@code article}, if it has one. */
  private static Optional<String> headline(Element article) {
    return Optional.ofNullable(article.selectFirst(H1)).map(Element::text);
  }

  /**
   * The element the page marks as its article body ({@code itemprop=articleBody}) when it holds
   * the chosen block: the chosen block is then a part, e.g. a gallery's captions embedded in the
   * article, which outscore the article's own paragraphs.
   */
  private static Block declaredBody(Block top) {
    for (Block p = top.parent; p != null && p.parent != null; p = p.parent) {
      if ("articleBody".equals(p.el.attr("itemprop"))) {
        return p;
      }
    }
    return top;
  }

  private static boolean isAncestor(Block a, Block b) {
    for (Block x = b.parent; x != null; x = x.parent) {
      if (x == a) {
        return true;
      }
    }
    return false;
  }

  /**
   * The candidate whose text best matches the page's own {@code articleBody}: of the strongest
   * candidates and the chosen block's ancestors, the one that holds most of that text while
   * being nearest to its size. Unused when the structured text is a mere teaser.
   */
  private static Optional<Block> byStructuredBody(List<Block> ranked, Block top,
      String structured) {
    String norm = squeeze(structured);
    int sUnits = TextCounts.units(structured);
    if (norm.length() < 80 || sUnits * 10 < top.units * 3) {
      return Optional.empty();
    }
    List<String> probes = new ArrayList<>();
    int probeLength = 12;
    int n = 16;
    for (int i = 0; i < n; i++) {
      int at = (int) ((long) (norm.length() - probeLength) * i / (n - 1));
      probes.add(norm.substring(at, at + probeLength));
    }
    List<Block> pool = new ArrayList<>();
    pool.add(top);
    for (int i = 0; i < Math.min(5, ranked.size()); i++) {
      if (!pool.contains(ranked.get(i))) {
        pool.add(ranked.get(i));
      }
    }
    for (Block a = top.parent; a != null; a = a.parent) {
      pool.add(a);
    }
    Block chosen = null;
    double chosenFit = 0;
    for (Block b : pool) {
      // Far from the structured text's size, a block cannot fit it well: not worth reading.
      // Nor is the page's root, whose text holds the article's even when the page hides most
      // of it: all of the page is no article.
      if (b.parent == null || b.units * 2 < sUnits || b.units > sUnits * 3) {
        continue;
      }
      String text = squeeze(b.el.text());
      int found = 0;
      for (String p : probes) {
        if (text.contains(p)) {
          found++;
        }
      }
      double coverage = (double) found / n;
      if (coverage < 0.75) {
        continue;
      }
      double size = Math.min(b.units, sUnits) / (double) Math.max(b.units, sUnits);
      double fit = coverage * size;
      if (fit > chosenFit) {
        chosen = b;
        chosenFit = fit;
      }
    }
    return Optional.ofNullable(chosen);
  }

  /** Text without spaces, lower case: what two renderings of the same text share. */
  private static String squeeze(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!TextCounts.isSpace(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
