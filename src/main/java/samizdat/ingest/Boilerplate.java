package samizdat.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Removes what is not the article from a chosen body, in one traversal: hidden elements, page
 * furniture (nav, aside, footer, short headers), blocks named like furniture (share bars,
 * comments, related stories, ads), blocks that are mostly links, the title heading and byline
 * that the metadata already holds, and short lines of known boilerplate ({@link JunkLines}).
 * Structure does most of the work; the list is a safety net. Stateless.
 */
final class Boilerplate {
  /** Longest line checked against the list: 120 Latin characters. */
  private static final int JUNK_UNITS = 360;
  /** Longest "Read more: …" line: its label and a long headline, 200 Latin characters. */
  private static final int READ_ALSO_UNITS = 600;
  /** Longest notice ("By signing up you consent to …", an affiliate notice): 300 characters. */
  private static final int NOTICE_UNITS = 900;
  /** Text a body must keep besides a gallery for the gallery to go: 500 Latin characters. */
  private static final int GALLERY_LEAVES = 1500;
  /** Blocks kept whatever their class says: content, not furniture. */
  private static final Set<String> NEVER_BY_CLASS = Set.of(
      "figure", "figcaption", "picture", "img", "pre", "code", "table", "tbody", "tr", "td", "th",
      "blockquote", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> LINK_LISTS = Set.of("ul", "ol", "dl", "div", "section", "table");
  private static final Evaluator TEASER_HEADING = QueryParser.parse("h2, h3, h4, h5");
  /**
   * A teaser's headline also where it is no heading: a box its class names as one ("title",
   * "headline"). Not in a table, whose rows of titles (a discography) are the article's.
   */
  private static final Evaluator TEASER_TITLE = QueryParser.parse("h2, h3, h4, h5, [class~=(?i)title|headline]");
  /** A field that asks for an email address or a phone number. */
  private static final Evaluator SIGNUP_FIELD = QueryParser.parse(
      "input[type=email], input[type=tel], input[name*=email], input[placeholder*=email]");
  /**
   * A link to the site's page that asks for money, by a whole step of its path: "/donate",
   * "/support-the-hechinger-report/", "/membership"; a newsroom's appeal box holds one.
   */
  private static final Pattern DONATION_LINK = Pattern.compile(
      "(?i)^(?:https?://[^/]+)?/(?:[^?#]*/)?(?:donate|donations?|support-us|support-the-[\\w-]+"
          + "|contribute|become-a-(?:member|supporter|donor)|membership)(?:[/?#.]|$)");
  /** The most text of a sign-up box: its pitch and the fine print, 600 Latin characters. */
  private static final int SIGNUP_UNITS = 1800;

  private Boilerplate() {}

  /**
   * Removes the boilerplate inside {@code root} (never {@code root} itself); returns the date of
   * the dateline it removed, if any, which may be the only place the page dates the article.
   */
  static Optional<LocalDate> clean(Element root, GenericBody.Hints hints, BodyScorer.Scored scored) {
    BodyScorer.Block rb = scored.of(root);
    int rootUnits = rb != null ? rb.units : TextCounts.units(root.text());
    removeSignupBoxes(root, rootUnits, scored, hints);
    Pass pass = new Pass(root, rootUnits, hints, scored);
    pass.run();
    OrphanHeadings.remove(root);
    return pass.dateline;
  }

  /**
   * Removes sign-up boxes: the largest short block around a field for an email address or a phone
   * number, with its pitch and fine print ("Get editor selected deals texted right to your
   * phone!", "By clicking Sign Me Up, you confirm …"), which sites style without a name that
   * says what it is (Mashable's are Tailwind classes). A comment form goes too, and a newsroom's
   * appeal for money, around a link to the site's own donation page (the site: the page's
   * address in {@code hints}, else where the document says it came from). A dialog ends the
   * climb: one to write to the author may sit in a short header with the dek.
   */
  private static void removeSignupBoxes(Element root, int rootUnits, BodyScorer.Scored scored,
      GenericBody.Hints hints) {
    List<Element> fields = new ArrayList<>(root.select(SIGNUP_FIELD));
    Document doc = root.ownerDocument();
    String site = hostOf(hints.url().orElse(doc == null ? "" : doc.location()));
    for (Element a : root.getElementsByTag("a")) {
      if (isDonationLink(a, site)) {
        fields.add(a);
      }
    }
    for (Element field : fields) {
      if (field.root() != root.root()) {
        continue; // in a box already removed
      }
      Element box = null;
      for (Element p = field.parent(); p != null && p != root; p = p.parent()) {
        int u = units(p, scored.of(p));
        if (u > SIGNUP_UNITS || u * 4 >= rootUnits) {
          break;
        }
        box = p;
        if (isDialog(p)) {
          break;
        }
      }
      if (box != null) {
        box.remove();
      }
    }
  }

  /** A link to the page's own site ({@code site}, a host) that asks for a donation or a membership. */
  private static boolean isDonationLink(Element a, String site) {
    String href = a.attr("href");
    if (href.isEmpty() || !DONATION_LINK.matcher(href).find()) {
      return false;
    }
    if (href.startsWith("//")) {
      href = "https:" + href;
    }
    return !href.regionMatches(true, 0, "http", 0, 4) || !site.isEmpty() && site.equals(hostOf(href));
  }

  /** The host of an http(s) {@code url} without "www.", lower case; empty when it has none. */
  private static String hostOf(String url) {
    String host = Links.host(url).orElse("");
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** A box shown only when opened, by its name: a modal, a pop-up, a dialog. */
  private static boolean isDialog(Element el) {
    String names = (el.className() + ' ' + el.id()).toLowerCase(Locale.ROOT);
    return names.contains("modal") || names.contains("popup") || names.contains("dialog");
  }

  /**
   * Only the letters and digits, lower case: a heading and the title it repeats may differ in
   * quotes, dashes and spaces ('tranqui' and ‘tranqui’).
   */
  static String lettersOf(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  /**
   * True when {@code heading} is the page's title, given as {@link #lettersOf} letters. Page
   * titles often carry the site name: "Heading | Site", "Heading - Site"; headings a kicker:
   * "Investitionen in IT-Sicherheit Cyber-Angriffe: …".
   */
  static boolean repeatsTitle(String heading, String title) {
    String h = lettersOf(heading);
    if (h.isEmpty() || title.isEmpty()) {
      return false;
    }
    return h.equals(title) || title.startsWith(h) && h.length() * 10 >= title.length() * 6
        || h.startsWith(title) && title.length() * 10 >= h.length() * 8
        || h.endsWith(title) && title.length() * 10 >= h.length() * 6;
  }

  /** An account wall is short: 500 Latin or 300 CJK characters at most. */
  private static final int ACCOUNT_WALL_UNITS = 1500;
  /** Boxes an account wall comes in; a paragraph with such links is prose about them. */
  private static final Set<String> WALLS = Set.of("div", "section", "form", "dl");
  /**
   * A link to sign in, register or subscribe, by a whole step of its path ("/service/login",
   * "/register/", "/subscribe.html"); not a story's slug ("/how-to-register-to-vote").
   */
  private static final Pattern ACCOUNT_LINK = Pattern.compile(
      "(?i)/(?:log-?in|sign-?in|sign-?up|regist(?:er|ration)?|subscri(?:be|ption)s?"
          + "|abonnement|abonnieren|my-?account)(?:[/?#.]|$)");

  /** A wire story's source alone on its line: "CNN —", "WASHINGTON (Reuters) -". */
  private static final Pattern WIRE_LEAD = Pattern.compile("\\p{Lu}[\\p{L}.'’ ()]{0,40}?\\s*[—–-]");
  private static final Pattern CLOCK = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");

  private static final class Pass implements NodeFilter {
    private final Element root;
    /** The root's counts, when the scoring pass made it a block. */
    private final BodyScorer.Block rootBlock;
    private final int rootUnits;
    /** Text outside links of the galleries removed so far. */
    private int galleryUnits;
    private final GenericBody.Hints hints;
    private final BodyScorer.Scored scored;
    private final String title;
    private boolean titleSeen;
    /** Whether a paragraph of the article has been passed: a dateline comes before. */
    private boolean proseSeen;
    /** Whether a second one has: a dek may come before the dateline, not more. */
    private boolean moreProseSeen;
    /** The date of the first dateline removed. */
    private Optional<LocalDate> dateline = Optional.empty();

    Pass(Element root, int rootUnits, GenericBody.Hints hints, BodyScorer.Scored scored) {
      this.root = root;
      this.rootBlock = scored.of(root);
      this.rootUnits = Math.max(rootUnits, 1);
      this.hints = hints;
      this.scored = scored;
      this.title = hints.title().map(Boilerplate::lettersOf).orElse("");
    }

    void run() {
      NodeTraversor.filter(this, root);
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        return isJunkBetweenBreaks(t) ? FilterResult.REMOVE : FilterResult.CONTINUE;
      }
      if (!(node instanceof Element el) || el == root) {
        return FilterResult.CONTINUE;
      }
      String name = el.normalName();
      BodyScorer.Block b = scored.of(el);
      // What the scoring saw as shown stays shown: an accordion's panel is shown by the button
      // before it, which this pass takes out first.
      if (BodyScorer.SKIP.contains(name) || b == null && BodyScorer.isHidden(el)
          || isChartLabel(el, name)) {
        return FilterResult.REMOVE;
      }
      if (name.equals("img") || name.equals("br")) {
        return FilterResult.CONTINUE;
      }
      int units = b != null ? b.units : -1;
      switch (name) {
        case "nav", "aside", "footer", "menu" -> {
          return FilterResult.REMOVE;
        }
        case "header" -> {
          if (units(el, b) < 600) {
            return FilterResult.REMOVE;
          }
        }
        case "h1", "h2", "h3" -> {
          if (!titleSeen && !title.isEmpty() && repeatsTitle(el.text(), title)) {
            titleSeen = true;
            return FilterResult.REMOVE;
          }
        }
        default -> { }
      }
      if (b != null && b.links >= 2 && b.units <= ACCOUNT_WALL_UNITS && WALLS.contains(name)
          && isAccountWall(el)) {
        return FilterResult.REMOVE;
      }
      int words = el.className().isEmpty() && el.id().isEmpty() ? 0 : scored.words(el);
      if (!NEVER_BY_CLASS.contains(name) && ClassWords.negativeWords(words) && !inRunningText(el)
          && !(ClassWords.onlyWeak(words) && isProse(b))) {
        // A wrapper of most of the body keeps its content whatever its name says.
        int u = units(el, b);
        if (u * 4 < rootUnits && (b != null || u < 600)) {
          return FilterResult.REMOVE;
        }
      }
      if ((words & ClassWords.GALLERY) != 0 && b != null && rootBlock != null
          && !NEVER_BY_CLASS.contains(name)) {
        // A photo gallery in the article: its captions are not the article's text, however
        // much of the body they are, as long as the article keeps a fifth of its own text
        // (outside links).
        int own = rootBlock.units - rootBlock.linkUnits;
        int gallery = b.units - b.linkUnits;
        int left = own - galleryUnits - gallery;
        if (left * 5 >= own && left >= GALLERY_LEAVES) {
          galleryUnits += gallery;
          return FilterResult.REMOVE;
        }
      }
      if (b != null && LINK_LISTS.contains(name) && b.units > 0) {
        double ld = b.linkDensity();
        if (ld > 0.5 && b.units * 2 < rootUnits
            || ld > 0.3 && b.paras == 0 && b.units < 600 && b.links >= 3
            || b.links >= 3 && b.units * 2 < rootUnits && isTeaserList(el)) {
          return FilterResult.REMOVE;
        }
      }
      // A block longer than a junk line is looked at only as a notice, which is a paragraph (a
      // wrapper's text is not built again for it), or as a "Read more: headline" line, which is
      // mostly link text.
      if (b != null && (units <= JUNK_UNITS || units <= NOTICE_UNITS && !b.hasBlockChild
          || units <= READ_ALSO_UNITS && b.linkUnits * 2 >= units) || b == null && isLeafish(el)) {
        String text = el.text();
        int textUnits = TextCounts.units(text);
        JunkLines.Line line = JunkLines.Line.of(text);
        if (!text.isEmpty() && textUnits <= JUNK_UNITS
            && (JunkLines.isJunkLine(line) || isByline(el, line))
            || !text.isEmpty() && textUnits <= NOTICE_UNITS && JunkLines.isNotice(line)
            || !text.isEmpty() && textUnits <= READ_ALSO_UNITS
                && (units <= JUNK_UNITS || b == null || b.linkUnits * 2 >= units)
                && JunkLines.isReadAlso(el, line)
            || isDateline(text, b != null)
            || !proseSeen && b != null && Bylines.isBylineLine(text)) {
          return FilterResult.REMOVE;
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      // After its lines (a date in a span of its own) were looked at.
      if (!moreProseSeen && node instanceof Element el) {
        BodyScorer.Block b = scored.of(el);
        boolean prose = b != null && b.paras > 0 && !b.hasBlockChild;
        moreProseSeen = proseSeen && prose;
        proseSeen |= prose;
      }
      return FilterResult.CONTINUE;
    }

    /**
     * The date above the article: the metadata has it, or takes it from here (a date further
     * down is a heading of a timeline, or a diary's).
     */
    private boolean isDateline(String text, boolean block) {
      if (!proseSeen && WIRE_LEAD.matcher(text).matches()) {
        return true; // "CNN —": the source a wire story's first line begins with, set apart
      }
      // After a dek, a line of its own with a time of day ("Dec. 20, 2016, 12:44 PM UTC / …")
      // or that says what the date is ("Published May 25, 2026").
      if (moreProseSeen || proseSeen && (!block || !CLOCK.matcher(text).find())
          && !Dates.saysWhen(text) || text.isEmpty() || !JunkLines.isDatesLine(text)) {
        return false;
      }
      if (dateline.isEmpty()) {
        dateline = Dates.parse(text);
      }
      return true;
    }

    private boolean isByline(Element el, JunkLines.Line line) {
      String text = line.text();
      if (TextCounts.units(text) > 300) {
        return false;
      }
      String lower = text.toLowerCase(Locale.ROOT);
      String ci = (el.className() + " " + el.id()).toLowerCase(Locale.ROOT);
      if (ci.contains("byline") || ci.contains("author")) {
        return true;
      }
      for (String a : hints.authors()) {
        if (!a.isBlank() && lower.contains(a.toLowerCase(Locale.ROOT).strip())
            && a.strip().length() * 10 >= line.normalised().length() * 3) {
          return true;
        }
      }
      return false;
    }
  }

  /** Paragraphs of running text, not a box of links: what a story's "widget" or "header" holds. */
  private static boolean isProse(BodyScorer.Block b) {
    return b != null && b.paras >= 2 && b.linkDensity() < 0.25;
  }

  /**
   * A list of teasers of other stories ("Most popular": a kicker, a linked headline, a line of
   * summary): three or more items, most of them with a heading (or a box named as the headline)
   * that is a link to another page. Its summaries keep its link density low, so it is found by its
   * headings.
   */
  private static boolean isTeaserList(Element list) {
    int items = 0;
    int teasers = 0;
    for (Element item : list.children()) {
      if (!item.hasText()) {
        continue;
      }
      items++;
      Optional<Element> heading = firstWithText(item.select(list.normalName().equals("table") ? TEASER_HEADING : TEASER_TITLE));
      if (heading.isEmpty()) {
        continue;
      }
      Element h = heading.get();
      int linked = 0;
      // A link within the page (a section's permalink, a table of contents) is no teaser.
      for (Element a : h.select(GenericBody.LINK_AWAY)) {
        linked += a.text().length();
      }
      if (linked * 10 >= h.text().length() * 9) {
        teasers++;
      }
    }
    return teasers >= 3 && teasers * 2 > items;
  }

  /** The first of {@code elements} that has text. */
  private static Optional<Element> firstWithText(List<Element> elements) {
    for (Element e : elements) {
      if (e.hasText()) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * A line of junk in text broken by {@code <br>} rather than blocks (old portals:
   * "正文…<br><br>（编辑：王丽）"): a text node with a break on one side and the block's edge or
   * another break on the other.
   */
  private static boolean isJunkBetweenBreaks(TextNode t) {
    Node prev = t.previousSibling();
    Node next = t.nextSibling();
    boolean prevBreak = prev instanceof Element p && p.nameIs("br");
    boolean nextBreak = next instanceof Element n && n.nameIs("br");
    if (!(prevBreak && (next == null || nextBreak) || nextBreak && prev == null) || t.isBlank()) {
      return false;
    }
    String text = t.text();
    return TextCounts.units(text) <= JUNK_UNITS && JunkLines.isJunkLine(text);
  }

  /**
   * A text label laid over a chart drawn with ai2html (The New York Times, The Washington Post,
   * Reuters): "$915 billion", "’17", "RECESSIONS", one positioned line each. The chart is its
   * image, which stays.
   */
  private static boolean isChartLabel(Element el, String name) {
    return name.equals("div") && el.hasClass("g-aiPointText");
  }

  /**
   * A short block with two or more links to sign in, register or subscribe: the box a paywall
   * puts where the story stops ("この記事は会員限定です … 会員登録する ログインして続きを読む").
   */
  private static boolean isAccountWall(Element el) {
    // A box of buttons and lines; text of its own is a paragraph about signing in.
    for (TextNode t : el.textNodes()) {
      if (!t.isBlank()) {
        return false;
      }
    }
    int account = 0;
    for (Element a : el.getElementsByTag("a")) {
      if (ACCOUNT_LINK.matcher(a.attr("href")).find() && shown(a, el) && ++account == 2) {
        return true;
      }
    }
    return false;
  }

  /** True when nothing between {@code el} and its ancestor {@code top} hides it. */
  private static boolean shown(Element el, Element top) {
    for (Element e = el; e != null && e != top; e = e.parent()) {
      if (BodyScorer.isHidden(e)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An inline element between words of a sentence: WordPress's tag links ({@code <a
   * id=auto-tag_twitter_1>Twitter</a> erupted}) are words of the article, whatever their names.
   */
  private static boolean inRunningText(Element el) {
    if (!BodyScorer.INLINE.contains(el.normalName())) {
      return false;
    }
    return el.previousSibling() instanceof TextNode p && !p.isBlank()
        || el.nextSibling() instanceof TextNode n && !n.isBlank();
  }

  /** An inline element whose text stands alone: a line of its own in its block. */
  private static boolean isLeafish(Element el) {
    if (!BodyScorer.INLINE.contains(el.normalName()) || el.nameIs("a")) {
      return false;
    }
    Node prev = el.previousSibling();
    Node next = el.nextSibling();
    return (prev == null || prev instanceof Element || prev instanceof TextNode t && t.isBlank())
        && (next == null || next instanceof Element || next instanceof TextNode u && u.isBlank());
  }

  private static int units(Element el, BodyScorer.Block b) {
    return b != null ? b.units : TextCounts.units(el.text());
  }
}
