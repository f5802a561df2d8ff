package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * The title of an article on a page no site profile describes, from its metadata and headings.
 * Stateless and thread-safe.
 */
final class Titles {
  /** What sites put between a title and their name: {@code Title - BBC News}, {@code 标题_新浪网}. */
  private static final String[] SEPARATORS = {" - ", " | ", " – ", " — ", " · ", " » ", "_", "｜"};
  /** Characters that may join a site name to a title ({@code 标题-搜狐}, {@code Site: Title}). */
  private static final String JOINERS = "-|–—_｜:：·•»/~";
  /** What begins a section or site name after a headline: the joiners other than colons. */
  private static final String TRAILERS = JOINERS.replace(":", "").replace("：", "");
  private static final Pattern ARCHIVED = Pattern.compile("\\s*\\(Published (?:19|20)\\d\\d\\)$");
  private static final Pattern SECTION = Pattern.compile(
      "^(?:Opinion|Analysis|Perspective|Editorial|Commentary|Review|Column|Letters?)\\s+\\|\\s+");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator H2 = QueryParser.parse("h2");

  private Titles() {}

  /**
   * The article's title: the structured headline (without a trailing or leading site name);
   * else the largest heading inside or nearest before {@code body} whose text is the title part
   * of the document title; else the document title without its site name; else the first h1 or
   * h2 with text. Whitespace normalised; empty only when the page has none of these.
   */
  static Optional<String> choose(PageMetadata meta, Document page, Optional<Element> body) {
    return chosen(meta, page, body).map(t -> shownPart(page, t)).map(Titles::withoutLabels)
        .filter(t -> !t.isEmpty());
  }

  /**
   * The page's headline when {@code title} is it with more after a separator: a section and the
   * site name ("Title | Sport", "标题--时政--人民网", "Title | DW | 28.04.2023") that no site
   * name given in the metadata matches.
   */
  private static String shownPart(Document page, String title) {
    int seen = 0;
    for (Element h1 : page.getElementsByTag("h1")) {
      String h = h1.text().strip();
      if (h.isEmpty()) {
        continue;
      }
      // Not a blog's name before the title ("Diary - Title"), nor a headline's first part
      // before a colon ("Artist: Album").
      String rest = title.substring(Math.min(h.length(), title.length())).strip();
      if (h.length() < title.length() && title.startsWith(h) && longEnough(h) && !rest.isEmpty()
          && rest.length() <= h.length() && TRAILERS.indexOf(rest.charAt(0)) >= 0) {
        return h;
      }
      if (++seen == 3) {
        break;
      }
    }
    return title;
  }

  /**
   * Without a label a newspaper adds around its headlines: a section before them ("Opinion |
   * Enough platitudes"), an archive's year after them ("… (Published 2016)", The New York Times).
   */
  static String withoutLabels(String title) {
    String t = ARCHIVED.matcher(title).replaceFirst("");
    String rest = SECTION.matcher(t).replaceFirst("");
    return longEnough(rest) ? rest : t;
  }

  private static Optional<String> chosen(PageMetadata meta, Document page, Optional<Element> body) {
    if (meta.headline().isPresent()) {
      String h = meta.headline().get();
      // An og:title that only repeats the document title carries its site part too.
      if (meta.documentTitle().filter(h::equals).isPresent()) {
        return Optional.of(withoutSite(h, meta.siteName()));
      }
      return Optional.of(meta.siteName().flatMap(site -> withoutName(h, site)).orElse(h));
    }
    if (meta.documentTitle().isPresent()) {
      String doc = meta.documentTitle().get();
      String kept = withoutSite(doc, meta.siteName());
      Optional<String> heading = heading(page, body, doc, kept);
      return heading.or(() -> shownLead(page, kept)).or(() -> Optional.of(kept));
    }
    return firstText(page, H1).or(() -> firstText(page, H2));
  }

  /**
   * The document title without its site-name part: the segment equal to {@code siteName}, else a
   * shorter trailing segment after the last separator when what remains is long enough to be a
   * title by itself.
   */
  static String withoutSite(String title, Optional<String> siteName) {
    Optional<String> named = siteName.flatMap(site -> withoutName(title, site));
    if (named.isPresent()) {
      return named.get();
    }
    Optional<Split> split = splitLast(title);
    if (split.isPresent()) {
      String lead = split.get().lead();
      String trail = split.get().trail();
      if (trail.length() < lead.length() && longEnough(lead)) {
        return lead;
      }
    }
    return title;
  }

  /**
   * {@code title} without {@code site} at its end or start, when a separator joins them; or
   * without its last segment when that is a short form of the site name ({@code Title |
   * Aktuálně.cz} of the site {@code Aktuálně.cz - Víte, co se právě děje}) or the site name a
   * short form of it.
   */
  private static Optional<String> withoutName(String title, String site) {
    Optional<String> exact = withoutExactName(title, site);
    if (exact.isPresent()) {
      return exact;
    }
    Optional<Split> split = splitLast(title);
    if (split.isPresent()) {
      String lead = split.get().lead();
      String t = split.get().trail().toLowerCase(Locale.ROOT);
      String s = site.toLowerCase(Locale.ROOT);
      if (Math.min(t.length(), s.length()) >= 3 && (s.startsWith(t) || t.startsWith(s))) {
        return Optional.of(lead);
      }
    }
    return Optional.empty();
  }

  /** A title's parts before and after a separator. */
  private record Split(String lead, String trail) {}

  /** The title before and after its last separator, both stripped and not empty. */
  private static Optional<Split> splitLast(String title) {
    int at = -1;
    String sep = "";
    for (String s : SEPARATORS) {
      int i = title.lastIndexOf(s);
      if (i > at) {
        at = i;
        sep = s;
      }
    }
    if (at <= 0) {
      return Optional.empty();
    }
    String lead = title.substring(0, at).strip();
    String trail = title.substring(at + sep.length()).strip();
    return lead.isEmpty() || trail.isEmpty() ? Optional.empty()
        : Optional.of(new Split(lead, trail));
  }

  private static Optional<String> withoutExactName(String title, String site) {
    if (site.isEmpty() || title.length() <= site.length()) {
      return Optional.empty();
    }
    if (title.regionMatches(true, title.length() - site.length(), site, 0, site.length())) {
      int end = title.length() - site.length();
      int cut = end;
      while (cut > 0 && (Character.isWhitespace(title.charAt(cut - 1))
          || JOINERS.indexOf(title.charAt(cut - 1)) >= 0)) {
        cut--;
      }
      if (cut > 0 && hasJoiner(title, cut, end)) {
        return Optional.of(title.substring(0, cut));
      }
    }
    if (title.regionMatches(true, 0, site, 0, site.length())) {
      int start = site.length();
      int cut = start;
      while (cut < title.length() && (Character.isWhitespace(title.charAt(cut))
          || JOINERS.indexOf(title.charAt(cut)) >= 0)) {
        cut++;
      }
      if (cut < title.length() && hasJoiner(title, start, cut)) {
        return Optional.of(title.substring(cut));
      }
    }
    return Optional.empty();
  }

  private static boolean hasJoiner(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (JOINERS.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Three words, or four CJK characters (which are words enough by themselves). */
  private static boolean longEnough(String s) {
    if (s.strip().split("\\s+").length >= 3) {
      return true;
    }
    return s.codePoints().filter(c -> Character.isIdeographic(c)).count() >= 4;
  }

  /**
   * The first h1 (then h2, h3) inside {@code body}, else nearest before it, whose text is in
   * the document title's title part (not its site name). Without a body, headings in page order.
   */
  private static Optional<String> heading(Document page, Optional<Element> body, String doc,
      String kept) {
    String docLower = doc.toLowerCase(Locale.ROOT);
    String keptLower = kept.toLowerCase(Locale.ROOT);
    Headings h = new Headings(body.orElse(null));
    page.filter(h);
    for (int level = 0; level < 3; level++) {
      List<Element> candidates = new ArrayList<>(h.inside.get(level));
      List<Element> before = h.before.get(level);
      for (int i = before.size() - 1; i >= 0; i--) {
        candidates.add(before.get(i));
      }
      for (Element e : candidates) {
        String text = PageMetadata.normalise(e.text());
        String lower = text.toLowerCase(Locale.ROOT);
        // A logo h1 ("BBC News") is in the document title too, but in its site-name part.
        if (!text.isEmpty() && docLower.contains(lower)
            && (keptLower.contains(lower) || lower.contains(keptLower))
            && text.length() * 3 >= kept.length()) {
          return Optional.of(text);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The part of {@code kept} before its first separator when the page shows it as a line of its
   * own and it is the longer part (old portals title pages "标题_栏目_网站" and set the headline
   * in bold, not in a heading). A shorter first part is a kicker ("Kolumne: … – Headline").
   */
  private static Optional<String> shownLead(Document page, String kept) {
    int at = kept.length();
    int after = at;
    for (String s : SEPARATORS) {
      int i = kept.indexOf(s);
      if (i > 0 && i < at) {
        at = i;
        after = i + s.length();
      }
    }
    String lead = kept.substring(0, at).strip();
    if (at == kept.length() || !longEnough(lead)
        || lead.length() <= kept.substring(after).strip().length()) {
      return Optional.empty();
    }
    Element root = page.body() != null ? page.body() : page;
    boolean[] shown = new boolean[1];
    root.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t && t.getWholeText().length() < lead.length() * 2
            && PageMetadata.normalise(t.getWholeText()).equals(lead)) {
          shown[0] = true;
          return FilterResult.STOP;
        }
        return FilterResult.CONTINUE;
      }
    });
    return shown[0] ? Optional.of(lead) : Optional.empty();
  }

  private static Optional<String> firstText(Document page, Evaluator e) {
    for (Element el : page.select(e)) {
      String text = PageMetadata.normalise(el.text());
      if (!text.isEmpty()) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }

  /** h1, h2 and h3 elements before and inside the body; the walk stops after the body. */
  private static final class Headings implements NodeFilter {
    private final Element body;
    final List<List<Element>> before = List.of(new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    final List<List<Element>> inside = List.of(new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    private boolean in;

    Headings(Element body) {
      this.body = body;
      this.in = body == null;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (!(node instanceof Element el)) {
        return FilterResult.CONTINUE;
      }
      if (el == body) {
        in = true;
      }
      String name = el.normalName();
      if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1'
          && name.charAt(1) <= '3') {
        (in ? inside : before).get(name.charAt(1) - '1').add(el);
        return FilterResult.SKIP_CHILDREN;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      return node == body ? FilterResult.STOP : FilterResult.CONTINUE;
    }
  }
}
