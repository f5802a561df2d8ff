package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Finds the article body of a page that no site profile describes. One scoring pass ({@link
 * BodyScorer}) measures every block and scores the containers of running text; {@link
 * BodyChoice} picks the article's block, {@link BodyAssembly} gathers the sibling blocks of the
 * same article split by ads, and {@link Boilerplate} cleans it. Pages without a dominant text
 * block (home, section, tag, search pages), error pages, and stubs too short to be an article are
 * refused with {@link ArticleExtractor.NotAnArticle}.
 *
 * <p>Text is measured in {@link TextCounts} units, so CJK pages (no spaces) and Latin pages
 * meet the same thresholds: 250 Latin characters weigh as much as 150 CJK ones.
 *
 * <p>Stateless and thread-safe.
 */
final class GenericBody {
  /**
   * What the page's metadata says, to help find and clean the body. All may be empty. {@code url}
   * is the page's own address (given, canonical, or where it was fetched from).
   */
  record Hints(Optional<String> title, List<String> authors, Optional<String> declaredType,
      Optional<String> structuredBody, Optional<String> url) {
    Hints {
      requireNonNull(title, "title");
      authors = List.copyOf(authors);
      requireNonNull(declaredType, "declaredType");
      requireNonNull(structuredBody, "structuredBody");
      requireNonNull(url, "url");
    }

    Hints(Optional<String> title, List<String> authors, Optional<String> declaredType,
        Optional<String> structuredBody) {
      this(title, authors, declaredType, structuredBody, Optional.empty());
    }

    static Hints none() {
      return new Hints(Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }
  }

  /** Least text of an article: 250 Latin or 150 CJK characters. */
  static final int MIN_UNITS = 750;
  /**
   * Least text of a Chinese or Japanese article: 100 characters, a news brief (网易财经7月4日讯 …),
   * which says as much as 250 Latin characters.
   */
  static final int MIN_UNITS_CJK = 500;
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
    Optional<BodyChoice> choice = BodyChoice.of(scored, hints);
    if (choice.isEmpty()) {
      throw refuse(errorPage(page, hints) ? "an error page (\"" + pageTitle(page, hints) + "\")"
          : "no paragraphs of running text");
    }
    BodyChoice c = choice.get();
    // The block that holds the page's own articleBody needs no siblings: it is the article.
    Element body = c.evidence().isPresent() ? c.evidence().get().el
        : BodyAssembly.of(page, scored, c.top(), c.score());
    Optional<LocalDate> dateline = Boilerplate.clean(body, hints, scored);
    check(page, hints, body, scored);
    return new Found(body, dateline);
  }

  private static ArticleExtractor.NotAnArticle refuse(String why) {
    return new ArticleExtractor.NotAnArticle("not an article: " + why);
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
    int prose = m.units() - m.linkUnits();
    boolean cjk = prose < MIN_UNITS && mostlyCjk(body.text());
    int min = declared ? MIN_UNITS_DECLARED : cjk ? MIN_UNITS_CJK : MIN_UNITS;
    if (prose < min) {
      // Said in the page's own characters: Chinese ones weigh more (see TextCounts).
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
