package samizdat.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;
import samizdat.content.ControlCharacters;
import samizdat.content.RelatedLink;
import samizdat.content.Translation;

/**
 * Reads the article from a parsed page with a site profile: the title and body by the profile's
 * rules where it has them and generically where not ({@link Titles}, {@link GenericBody}); tags,
 * related links and the source line into metadata; the body cleaned in one traversal (dropped
 * elements go with everything inside them; unwrapped ones become their plain text). The page's
 * document is modified in place. Stateless and thread-safe; one instance serves all pages.
 */
final class ArticleExtractor {
  /** Never content, whatever the profile says. */
  private static final Set<String> ALWAYS_DROP = Set.of(
      "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
      "applet", "form", "input", "button", "select", "textarea", "option", "label", "link", "meta",
      "base", "head", "title", "svg", "math", "canvas", "video", "audio", "source", "track", "map",
      "area", "dialog", "nav", "menu");
  private static final Pattern TINY = Pattern.compile("\\s*[0-2](\\.0*)?\\s*(px)?\\s*");
  /** Characters of body text handed to language detection: all that it reads. */
  private static final int TEXT_SAMPLE = TextLanguage.SAMPLE_CHARS;
  /** Selectors used on every page, compiled once (jsoup does not cache parsed queries). */
  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  /**
   * What was found in a page. The body has been cleaned.
   *
   * @param title the article's title
   * @param body the cleaned body, ready for {@link MarkdownWriter}
   * @param language BCP 47 tag (see {@link Languages#decide})
   * @param tags tag names, page order, de-duplicated ignoring case
   * @param related the page's own related-articles list (profile rule)
   * @param source the original publisher named by the source line (profile rule)
   * @param authors the authors the page's metadata names
   * @param leadImage the lead image's absolute URL, when the page declares one
   * @param translations other editions: the page's hreflang alternates and the profile's editions
   */
  record Extracted(
      String title,
      Element body,
      String language,
      List<String> tags,
      List<RelatedLink> related,
      Optional<String> source,
      List<String> authors,
      Optional<String> leadImage,
      List<Translation> translations,
      // The date the lines under the headline give, else that of the dateline the generic
      // extractor took out of the body: for generic pages whose metadata has none.
      Optional<LocalDate> dateline) {
    Extracted {
      // A page's text reaches the content files without control characters (ControlCharacters).
      title = ControlCharacters.strip(title);
      tags = tags.stream().map(ControlCharacters::strip).filter(t -> !t.isBlank()).toList();
      related = related.stream().map(r -> new RelatedLink(ControlCharacters.strip(r.title()), r.url())).toList();
      source = source.map(ControlCharacters::strip);
      authors = authors.stream().map(ControlCharacters::strip).filter(a -> !a.isBlank()).toList();
    }
  }

  /** Why a page is not an article; the message starts with "not an article: ". */
  static final class NotAnArticle extends Exception {
    private static final long serialVersionUID = 1L;

    NotAnArticle(String message) {
      super(message);
    }
  }

  /**
   * Reads the article from {@code page} with {@code profile}: what the profile sets comes from its
   * rules, the rest from the page's metadata and the generic body finder. {@code url} is the
   * article's canonical URL, when known.
   */
  Extracted extract(Document page, SiteProfile profile, PageMetadata meta, Optional<String> url)
      throws NotAnArticle {
    return extract(page, profile, meta, url, (rule, el) -> { });
  }

  /** What a profile's drop rule removed, for {@code samizdat profile test}. */
  @FunctionalInterface
  interface Drops {
    void dropped(SiteProfile.Rule rule, Element element);
  }

  /** As {@link #extract(Document, SiteProfile, PageMetadata, Optional)}, telling each drop. */
  Extracted extract(Document page, SiteProfile profile, PageMetadata meta, Optional<String> url,
      Drops drops) throws NotAnArticle {
    Optional<String> ruleTitle = title(page, profile);
    Element body;
    String title;
    Optional<LocalDate> dateline = Optional.empty();
    // The source line, where the profile names it, before the generic body finder may take the
    // lines under the headline (where WeChat puts the account's name) out of the page.
    Optional<Element> sourceLine = profile.body().isEmpty()
        ? profile.source().flatMap(r -> r.first(page)) : Optional.empty();
    List<String> authors = meta.authors();
    if (profile.body().isPresent()) {
      body = profile.body().get().first(page).orElseThrow(() -> new NotAnArticle(
          "not an article: no body (\"" + profile.body().get().css() + "\" of profile "
              + profile.name() + ")"));
      title = ruleTitle.or(() -> Titles.choose(meta, page, Optional.of(body))).orElseThrow(
          () -> new NotAnArticle("not an article: no title"));
    } else {
      // The profile's drop rules go first, so what they remove cannot win the body's scoring.
      for (SiteProfile.Rule rule : profile.drop()) {
        for (Element el : page.select(rule.evaluator())) {
          drops.dropped(rule, el);
          el.remove();
        }
      }
      title = ruleTitle.or(() -> Titles.choose(meta, page, Optional.empty())).orElseThrow(
          () -> new NotAnArticle("not an article: no title"));
      // What the metadata lacks, from the lines under the headline; read before the cleaning,
      // which may take them out of the body.
      // The metadata may name only the site ("Lesotho Times", "STERN.de") where the page's
      // byline names a person.
      boolean noPerson = authors.stream().allMatch(meta::isPublisher);
      List<String> header = noPerson || meta.published().isEmpty()
          ? HeaderLines.of(page, title, meta.description()) : List.of();
      if (noPerson) {
        // The site's name in its byline element is no author ("Hildesheimer Presse").
        Optional<String> person = Bylines.in(header).filter(n -> !meta.isPublisher(n));
        if (person.isPresent()) {
          authors = List.of(person.get());
        }
      }
      GenericBody.Found found = GenericBody.read(page, new GenericBody.Hints(Optional.of(title),
          authors, meta.type(), meta.structuredBody(), url));
      body = found.body();
      dateline = Dates.firstIn(header, LocalDate.now(ZoneOffset.UTC)).or(found::dateline);
    }
    List<String> tags = profile.tags().isPresent() ? tags(page, profile) : meta.tags();
    Cleaner cleaner = new Cleaner(profile, body, drops);
    cleaner.traverse(body);
    cleaner.finish();
    // Some layouts put the related list or the source line after the body rather than in it.
    if (cleaner.related.isEmpty() && profile.related().isPresent()) {
      profile.related().get().first(page).ifPresent(cleaner::collectRelated);
    }
    if (cleaner.source.isEmpty() && profile.source().isPresent()) {
      profile.source().get().first(page).or(() -> sourceLine).ifPresent(
          el -> cleaner.source = cleaner.sourceName(StringUtil.normaliseWhitespace(el.text()).strip()));
    }
    String language = Languages.decide(meta.declaredLanguages(), textSample(body),
        profile.language());
    return new Extracted(title, body, language, tags, List.copyOf(cleaner.related.values()),
        cleaner.source, authors, meta.image(), translations(meta, profile, url), dateline);
  }

  /**
   * The body's text as far as language detection reads it: collecting all of a long body's
   * text only to look at its start cost a traversal and a copy per page.
   */
  private static String textSample(Element body) {
    StringBuilder text = new StringBuilder();
    body.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          text.append(t.getWholeText()).append(' ');
        }
        return text.length() >= TEXT_SAMPLE ? FilterResult.STOP : FilterResult.CONTINUE;
      }
    });
    return text.toString();
  }

  /** The page's hreflang alternates and the profile's editions, without the page itself. */
  private static List<Translation> translations(PageMetadata meta, SiteProfile profile,
      Optional<String> url) {
    Map<String, Translation> byUrl = new LinkedHashMap<>();
    for (PageMetadata.Alternate a : meta.alternates()) {
      String other = Links.canonical(a.url());
      if (url.isEmpty() || !other.equals(url.get())) {
        byUrl.putIfAbsent(other, new Translation(a.language(), other));
      }
    }
    if (url.isPresent()) {
      for (SiteProfile.Edition e : profile.editions()) {
        e.urlFor(url.get()).ifPresent(u -> byUrl.putIfAbsent(u, new Translation(e.language(), u)));
      }
    }
    return List.copyOf(byUrl.values());
  }

  private static Optional<String> title(Document page, SiteProfile profile) {
    for (SiteProfile.Rule rule : profile.title()) {
      // Streamed: the search stops at the first match with text (the title is near the top)
      // instead of collecting every match in the page first.
      Optional<String> text = page.selectStream(rule.evaluator()).map(ArticleExtractor::valueOf)
          .filter(t -> !t.isEmpty()).findFirst();
      if (text.isPresent()) {
        return text;
      }
    }
    return Optional.empty();
  }

  /** The text a selector match stands for: content of a meta, datetime of a time, else its text. */
  static String valueOf(Element e) {
    String v;
    if (e.nameIs("meta")) {
      v = e.attr("content");
    } else if (e.nameIs("time") && e.hasAttr("datetime")) {
      v = e.attr("datetime");
    } else {
      v = e.text();
    }
    return StringUtil.normaliseWhitespace(v).strip();
  }

  private static List<String> tags(Document page, SiteProfile profile) {
    if (profile.tags().isEmpty()) {
      return List.of();
    }
    Map<String, String> byKey = new LinkedHashMap<>();
    for (Element a : page.select(profile.tags().get().evaluator())) {
      String name = valueOf(a);
      if (!name.isEmpty()) {
        byKey.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      }
    }
    return List.copyOf(byKey.values());
  }

  /** True for images that only track: declared 0-2 pixels wide or high. */
  static boolean isPixel(Element img) {
    return TINY.matcher(img.attr("width")).matches() && !img.attr("width").isEmpty()
        || TINY.matcher(img.attr("height")).matches() && !img.attr("height").isEmpty();
  }

  /** One pass over the body; state is per page. */
  private static final class Cleaner implements NodeFilter {
    private final SiteProfile profile;
    private final Element root;
    private final List<Element> toText = new ArrayList<>();
    private final Map<String, RelatedLink> related = new LinkedHashMap<>();
    private Optional<String> source = Optional.empty();
    private final Drops drops;

    /**
     * A {@code <picture>}'s {@code <source>} goes, but its addresses stay with the picture's
     * {@code <img>} (as {@code data-srcset}): a saved page may hold the image under one of them.
     */
    private static void keepSourceSet(Element source) {
      Element picture = source.parent();
      String set = source.hasAttr("srcset") ? source.attr("srcset") : source.attr("data-srcset");
      if (picture == null || !picture.nameIs("picture") || set.isBlank()) {
        return;
      }
      for (Element img : picture.children()) {
        if (img.nameIs("img")) {
          String had = img.attr("data-srcset");
          img.attr("data-srcset", had.isBlank() ? set : had + ", " + set);
          return;
        }
      }
    }

    Cleaner(SiteProfile profile, Element root, Drops drops) {
      this.profile = profile;
      this.root = root;
      this.drops = drops;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode) {
        return FilterResult.CONTINUE;
      }
      if (node instanceof Comment || node instanceof DataNode || node instanceof DocumentType
          || node instanceof XmlDeclaration) {
        return FilterResult.REMOVE;
      }
      if (!(node instanceof Element el) || el == root) {
        return FilterResult.CONTINUE;
      }
      if (ALWAYS_DROP.contains(el.normalName())) {
        if (el.nameIs("source")) {
          keepSourceSet(el);
        }
        return FilterResult.REMOVE;
      }
      if (profile.related().isPresent() && profile.related().get().matches(root, el)) {
        collectRelated(el);
        return FilterResult.REMOVE;
      }
      if (profile.source().isPresent() && profile.source().get().matches(root, el)) {
        if (source.isEmpty()) {
          source = sourceName(StringUtil.normaliseWhitespace(el.text()).strip());
        }
        return FilterResult.REMOVE;
      }
      for (SiteProfile.Rule rule : profile.drop()) {
        if (rule.matches(root, el)) {
          drops.dropped(rule, el);
          return FilterResult.REMOVE;
        }
      }
      if (profile.tags().isPresent() && profile.tags().get().matches(root, el)) {
        toText.add(el);
        return FilterResult.SKIP_CHILDREN;
      }
      for (SiteProfile.Rule rule : profile.unwrap()) {
        if (rule.matches(root, el)) {
          toText.add(el);
          return FilterResult.SKIP_CHILDREN;
        }
      }
      if (el.nameIs("img") && isPixel(el)) {
        return FilterResult.REMOVE;
      }
      return FilterResult.CONTINUE;
    }

    void finish() {
      for (Element el : toText) {
        if (el.parent() != null) {
          el.replaceWith(new TextNode(el.wholeText()));
        }
      }
    }

    private Optional<String> sourceName(String line) {
      String s = line;
      for (String prefix : profile.sourcePrefixes()) {
        if (s.startsWith(prefix)) {
          s = s.substring(prefix.length()).strip();
          break;
        }
      }
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private void collectRelated(Element list) {
      for (Element a : list.select(LINKS)) {
        String title = StringUtil.normaliseWhitespace(a.text()).strip();
        Optional<String> url = Links.kept(a, "href");
        if (title.isEmpty() || url.isEmpty() || url.get().startsWith("mailto:")) {
          continue;
        }
        related.putIfAbsent(url.get(), new RelatedLink(title, url.get()));
      }
    }
  }
}
