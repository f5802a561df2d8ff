package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import samizdat.ingest.BodyScorer.Block;

/**
 * Finds the article body of a page that no site profile describes. One scoring pass ({@link
 * BodyScorer}) measures every block and scores the containers of running text; the best one is
 * refined (a shared ancestor of several strong candidates, a parent that scores higher, sibling
 * blocks of the same article split by ads), checked against the page's structured {@code
 * articleBody} when it has one, and cleaned of boilerplate ({@link Boilerplate}). Pages without a
 * dominant text block (home, section, tag, search pages), error pages, and stubs too short to be
 * an article are refused with {@link ArticleExtractor.NotAnArticle}.
 *
 * <p>Text is measured in {@link TextCounts} units, so CJK pages (no spaces) and Latin pages
 * meet the same thresholds: 250 Latin characters weigh as much as 150 CJK ones.
 *
 * <p>Stateless and thread-safe.
 */
final class GenericBody {
  /** What the page's metadata says, to help find and clean the body. All may be empty. */
  record Hints(Optional<String> title, List<String> authors, Optional<String> declaredType,
      Optional<String> structuredBody) {
    Hints {
      requireNonNull(title, "title");
      authors = List.copyOf(authors);
      requireNonNull(declaredType, "declaredType");
      requireNonNull(structuredBody, "structuredBody");
    }

    static Hints none() {
      return new Hints(Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }
  }

  /** A best block smaller than this (500 Latin characters) makes all paragraphs vote. */
  private static final int RETRY_UNITS = 1500;
  /** Least text of an article: 250 Latin or 150 CJK characters. */
  static final int MIN_UNITS = 750;
  /** Least text when the page declares itself an article: 150 Latin or 90 CJK characters. */
  static final int MIN_UNITS_DECLARED = 450;
  /** A paragraph this long (300 Latin or 180 CJK characters) is no teaser. */
  private static final int LONG_PARAGRAPH = 900;
  /** Types that say a page is not one article. */
  private static final Set<String> LIST_TYPES = Set.of(
      "collectionpage", "searchresultspage", "itemlist", "profilepage", "aboutpage",
      "contactpage");
  private static final Set<String> ARTICLE_TYPES = Set.of(
      "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
      "blogposting", "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle",
      "report", "backgroundnewsarticle", "reviewnewsarticle");
  private static final Pattern ERROR = Pattern.compile(
      "(?i)\\b404\\b|page not found|not be found|no longer (available|exists)|does ?n[o']t exist"
          + "|页面不存在|页面未找到|找不到|无法找到|已被删除|不存在|出错了|错误页");

  private static final Evaluator ARTICLE = QueryParser.parse("article");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator FURNITURE_TAGS = QueryParser.parse("footer, nav, aside");
  /** A link to another page: not a section's permalink within this one. */
  static final Evaluator LINK_AWAY = QueryParser.parse("a[href]:not([href^=#])");

  private GenericBody() {}

  /**
   * The article body of {@code page}: an Element ready for MarkdownWriter (may be a new
   * {@code <div>} holding the chosen candidate and sibling blocks that belong to it),
   * boilerplate removed. The page may be modified.
   *
   * @throws ArticleExtractor.NotAnArticle with a message starting "not an article: " and saying why
   */
  static Element find(Document page, Hints hints) throws ArticleExtractor.NotAnArticle {
    return read(page, hints).body();
  }

  /** What {@link #read} finds: the body, and the date of a dateline taken out of it. */
  record Found(Element body, Optional<LocalDate> dateline) {}

  /** As {@link #find}, with the date of the dateline the cleaning took out of the body. */
  static Found read(Document page, Hints hints) throws ArticleExtractor.NotAnArticle {
    BodyScorer.Scored scored = BodyScorer.score(page);
    List<Block> ranked = scored.ranked();
    ToDoubleFunction<Block> score = Block::finalScore;
    // Furniture-like words on wrappers of the whole page (a "sidebar" layout, an ad portal)
    // silence the article: then all paragraphs vote, as Readability's second attempt does.
    if (ranked.isEmpty() || ranked.get(0).units < RETRY_UNITS) {
      ranked = outsideFurniture(scored.rankedRaw());
      score = Block::finalRawScore;
    }
    if (ranked.isEmpty()) {
      throw refuse(errorPage(page, hints) ? "an error page (\"" + pageTitle(page, hints) + "\")"
          : "no paragraphs of running text");
    }
    ranked = ownStory(withEnoughText(ranked, score), hints);
    Block top = declaredBody(choose(ranked, score));
    List<Block> pool = ranked;
    Optional<Block> evidence = hints.structuredBody().flatMap(sb -> byStructuredBody(pool, top, sb));
    // The block that holds the page's own articleBody needs no siblings: it is the article.
    Element body = evidence.isPresent() ? evidence.get().el : BodyAssembly.of(page, scored, top, score);
    Optional<LocalDate> dateline = Boilerplate.clean(body, hints, scored);
    check(page, hints, body, scored);
    return new Found(body, dateline);
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

  private static ArticleExtractor.NotAnArticle refuse(String why) {
    return new ArticleExtractor.NotAnArticle("not an article: " + why);
  }

  // ------------------------------------------------------------------ choosing

  private static Block choose(List<Block> ranked, ToDoubleFunction<Block> score) {
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
    // A wrapper with nothing else in it is the same block.
    while (top.parent != null && top.parent.parent != null && top.el.parent() != null
        && top.el.parent().childrenSize() == 1 && top.parent.el == top.el.parent()) {
      top = top.parent;
    }
    return top;
  }

  /**
   * {@code ranked}, or with the best block that has an article's length first when the best one
   * has not and the other scores at least a third as well: class words ("articleMeta",
   * "BroadcastWithDetails") lift a dateline or a programme note over the story on their own.
   */
  private static List<Block> withEnoughText(List<Block> ranked, ToDoubleFunction<Block> score) {
    Block top = ranked.get(0);
    if (top.units >= MIN_UNITS) {
      return ranked;
    }
    double least = score.applyAsDouble(top) / 3;
    for (int i = 1; i < ranked.size(); i++) {
      Block b = ranked.get(i);
      if (score.applyAsDouble(b) < least) {
        break;
      }
      if (b.units >= MIN_UNITS) {
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
  private static List<Block> ownStory(List<Block> ranked, Hints hints) {
    String title = hints.title().map(Boilerplate::lettersOf).orElse("");
    Element other = ranked.get(0).el.closest(ARTICLE);
    if (title.isEmpty() || other == null
        || !headline(other).map(h -> !Boilerplate.repeatsTitle(h, title)).orElse(false)) {
      return ranked;
    }
    for (int i = 1; i < ranked.size(); i++) {
      Block b = ranked.get(i);
      Element story = b.units < MIN_UNITS ? null : b.el.closest(ARTICLE);
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

  // ------------------------------------------------------------------ refusing

  /** What the cleaned body holds. */
  private record Measure(int units, int linkUnits, int linkedHeadings, int articles,
      int longestParagraph) {}

  private static Measure measure(Element body) {
    int[] m = new int[6];
    NodeTraversor.traverse(new NodeVisitor() {
      int linkDepth;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          int u = TextCounts.units(t.getWholeText());
          m[0] += u;
          m[5] += u;
          if (linkDepth > 0) {
            m[1] += u;
          }
          return;
        }
        if (!(node instanceof Element el)) {
          return;
        }
        if (el.nameIs("a")) {
          linkDepth++;
        } else if (!BodyScorer.INLINE.contains(el.normalName()) || el.nameIs("br")) {
          endParagraph();
          if (el.nameIs("article") && depth > 0) {
            m[3]++;
          } else if (el.nameIs("h2") || el.nameIs("h3") || el.nameIs("h4")) {
            // A link within the page (a section's permalink) does not make a teaser.
            Element a = el.selectFirst(LINK_AWAY);
            if (a != null && a.text().length() * 2 >= el.text().length()) {
              m[2]++;
            }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element el) {
          if (el.nameIs("a")) {
            linkDepth--;
          } else if (!BodyScorer.INLINE.contains(el.normalName())) {
            endParagraph();
          }
        }
      }

      private void endParagraph() {
        m[4] = Math.max(m[4], m[5]);
        m[5] = 0;
      }
    }, body);
    return new Measure(m[0], m[1], m[2], m[3], Math.max(m[4], m[5]));
  }

  private static void check(Document page, Hints hints, Element body, BodyScorer.Scored scored)
      throws ArticleExtractor.NotAnArticle {
    Measure m = measure(body);
    String type = hints.declaredType().orElse("");
    boolean declared = ARTICLE_TYPES.contains(type);
    if (m.units() < 3000 && errorPage(page, hints)) {
      throw refuse("an error page (\"" + pageTitle(page, hints) + "\")");
    }
    int min = declared ? MIN_UNITS_DECLARED : MIN_UNITS;
    int prose = m.units() - m.linkUnits();
    if (prose < min) {
      // Said in the page's own characters: Chinese ones weigh more (see TextCounts).
      boolean cjk = mostlyCjk(body.text());
      int per = cjk ? TextCounts.CJK : TextCounts.LATIN;
      throw refuse("too little text (" + prose / per + (cjk ? " CJK" : "")
          + " characters outside links, at least " + min / per + " needed)");
    }
    if (m.linkUnits() * 2 > m.units()) {
      throw refuse("mostly links (" + (100L * m.linkUnits() / m.units()) + "% of the text)");
    }
    // Teasers: many linked headlines or article elements with little text each, and no
    // paragraph of real length among them (comments under an article are long, teasers short).
    int items = Math.max(m.linkedHeadings(), m.articles());
    if (items >= 4 && m.units() / items < 1500 && m.longestParagraph() < LONG_PARAGRAPH) {
      throw refuse("a list of " + items + " linked headlines or teasers");
    }
    if (LIST_TYPES.contains(type) && m.units() < 3000) {
      throw refuse("the page declares itself a " + type + " and has no long text");
    }
  }

  private static boolean mostlyCjk(String text) {
    int cjk = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (TextCounts.isCjk(c)) {
        cjk++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    // A Chinese character says as much as a Latin word: compare with words, not letters.
    return cjk * 6 > letters;
  }

  private static boolean errorPage(Document page, Hints hints) {
    if (ERROR.matcher(pageTitle(page, hints)).find()) {
      return true;
    }
    Element h1 = page.selectFirst("h1");
    return h1 != null && ERROR.matcher(h1.text()).find();
  }

  private static String pageTitle(Document page, Hints hints) {
    return hints.title().orElseGet(page::title);
  }
}
