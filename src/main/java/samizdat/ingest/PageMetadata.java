package samizdat.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * What a news page says about its article in machine-readable form: schema.org JSON-LD, Open Graph
 * and Twitter tags, other {@code <meta>} tags, microdata ({@code itemprop}), {@code rel} links and
 * {@code <time>}. Each field takes its sources in a fixed order of trust; a value that is blank,
 * implausible or a known lie (a headline that is only the site name, a date in the future) is
 * skipped and the next source tried. Nothing is guessed from the article's text.
 *
 * @param headline the article's headline: JSON-LD article headline or name (whichever the
 *     document title shows, else headline), og:title, twitter:title, {@code itemprop=headline},
 *     dc.title, parsely-title; never just the site name
 * @param documentTitle the {@code <title>}, whitespace normalised
 * @param siteName og:site_name, JSON-LD publisher name, JSON-LD WebSite name
 * @param published JSON-LD datePublished, article:published_time, og:published_time,
 *     {@code itemprop=datePublished}, date meta names ({@code pubdate}, {@code date},
 *     {@code dc.date.issued}, …), {@code <time pubdate>}; only dates from 1990 to tomorrow. A
 *     plain {@code <time datetime>} is not read here: anywhere in a page it may date a sidebar
 *     item; ArticleFacts reads the first one inside the body
 * @param authors names from the first of these that has any: JSON-LD author, meta author,
 *     article:author, dc.creator, parsely-author, {@code itemprop=author}, {@code rel=author} link
 *     text; profile URLs are not names; "By " is dropped
 * @param declaredLanguages language tags the page declares, most trusted first: {@code <html
 *     lang>}, http-equiv content-language, meta language, JSON-LD inLanguage, og:locale
 *     ({@code zh_CN} is written {@code zh-CN})
 * @param tags article:tag, JSON-LD keywords, news_keywords, {@code rel=tag} link texts, in that
 *     order, the same tag (ignoring case) once; when none of these has any, meta keywords. Lists
 *     in one value are split (see {@link #splitList})
 * @param image the lead image, absolute http(s): og:image, JSON-LD image, twitter:image
 * @param type lower case: the JSON-LD type of the article or page object, else og:type
 * @param structuredBody JSON-LD articleBody, whitespace normalised
 * @param description og:description, meta description, JSON-LD description, twitter:description
 * @param alternates the page's other language editions ({@code <link rel=alternate hreflang>})
 * @param url the page's own idea of its URL, absolute http(s) only: the first {@code rel=canonical}
 *     link, else the first og:url, else the "saved from url=" comment a browser writes into
 *     saved pages
 */
record PageMetadata(
    Optional<String> headline,
    Optional<String> documentTitle,
    Optional<String> siteName,
    Optional<LocalDate> published,
    List<String> authors,
    List<String> declaredLanguages,
    List<String> tags,
    Optional<String> image,
    Optional<String> type,
    Optional<String> structuredBody,
    Optional<String> description,
    List<Alternate> alternates,
    Optional<String> url) {

  /** Another language edition of the page: a language tag and an absolute http(s) URL. */
  record Alternate(String language, String url) {
    Alternate {
      Objects.requireNonNull(language);
      Objects.requireNonNull(url);
    }
  }

  PageMetadata {
    Objects.requireNonNull(headline);
    Objects.requireNonNull(documentTitle);
    Objects.requireNonNull(siteName);
    Objects.requireNonNull(published);
    authors = List.copyOf(authors);
    declaredLanguages = List.copyOf(declaredLanguages);
    tags = List.copyOf(tags);
    Objects.requireNonNull(image);
    Objects.requireNonNull(type);
    Objects.requireNonNull(structuredBody);
    Objects.requireNonNull(description);
    alternates = List.copyOf(alternates);
    Objects.requireNonNull(url);
  }

  private static final Pattern SAVED_FROM = Pattern.compile(
      "^\\s*saved from url=\\(\\d+\\)(\\S+)\\s*$");
  static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，、;；]");
  private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");
  private static final Pattern BYLINE_PREFIX = Pattern.compile(
      "^(?:(?:written\\s+)?by\\b\\s*:?|(?:author|autor|autorin|auteur)\\s*[:：]"
          + "|作者\\s*[:：]|记者\\s*[:：]?)\\s*",
      Pattern.CASE_INSENSITIVE);
  /** An e-mail address in an author value, with the brackets or comma around it. */
  private static final Pattern EMAIL = Pattern.compile(
      "[\\s,;(<\\[]*[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+[>)\\]]*");
  /**
   * What a template leaves before a name it did not fill: "{name}, USA TODAY" with no name is
   * ", USA TODAY", the paper's name and no author.
   */
  private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s,;:|·•–—-]+");
  /** Author values that templates leave unfilled. */
  private static final Set<String> PLACEHOLDER_NAMES = Set.of(
      "name", "author", "admin", "administrator", "editor", "unknown", "user");
  private static final int MAX_NAME = 100;
  private static final Pattern COMPANY = Pattern.compile(
      "(?i)^cond[ée] nast$|\\s(?:inc|ltd|llc|gmbh|corp|co\\., ltd)\\.?$");
  /** "and" between two names in one author field, in the languages of the names' pages. */
  private static final Pattern AND =
      Pattern.compile("\\s+(?:and|und|og|och|et|y|e|en|ve|и)\\s+(?=\\p{Lu})");
  private static final Pattern PERSON = Pattern.compile(Bylines.PERSON);
  private static final Pattern NAME_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");
  private static final int MAX_TAG = 100;

  /**
   * Reads the metadata of a parsed page in one traversal (plus parsing its JSON-LD blocks).
   * {@code today} bounds plausible dates. The page is not modified.
   */
  static PageMetadata read(Document page, LocalDate today) {
    PageScan s = new PageScan();
    page.traverse(s);
    JsonLd ld = JsonLd.parse(s.jsonLd);

    List<String> siteNames = new ArrayList<>(3);
    first(s.meta("og:site_name")).ifPresent(siteNames::add);
    ld.publisherName().ifPresent(siteNames::add);
    ld.websiteName().ifPresent(siteNames::add);
    Optional<String> siteName = siteNames.stream().findFirst();

    Optional<String> documentTitle = Optional.ofNullable(s.title).map(PageMetadata::normalise)
        .filter(t -> !t.isEmpty());
    List<String> heads = new ArrayList<>(ld.headlines());
    if (heads.size() == 2 && documentTitle.isPresent()) {
      // Wikipedia's "headline" is a short description; its "name" is the title. Whichever the
      // document title shows is the headline.
      String doc = documentTitle.get().toLowerCase(Locale.ROOT);
      if (!doc.contains(heads.get(0).toLowerCase(Locale.ROOT))
          && doc.contains(heads.get(1).toLowerCase(Locale.ROOT))) {
        heads.remove(0);
      }
    }
    heads.addAll(s.meta("og:title"));
    heads.addAll(s.meta("twitter:title"));
    heads.addAll(s.itemHeadlines);
    heads.addAll(s.meta("dc.title"));
    heads.addAll(s.meta("dc:title"));
    heads.addAll(s.meta("dcterms.title"));
    heads.addAll(s.meta("parsely-title"));
    Optional<String> headline = heads.stream().map(PageMetadata::normalise)
        .filter(h -> !h.isEmpty() && siteNames.stream().noneMatch(h::equalsIgnoreCase))
        .findFirst();

    return new PageMetadata(
        headline,
        documentTitle,
        siteName,
        published(s, ld, today),
        authors(s, ld, siteNames),
        languages(page, s, ld),
        tags(s, ld),
        image(page, s, ld),
        ld.type().or(() -> first(s.meta("og:type")).map(t -> t.toLowerCase(Locale.ROOT))),
        ld.articleBody(),
        first(s.meta("og:description")).or(() -> first(s.meta("description")))
            .or(ld::description).or(() -> first(s.meta("twitter:description"))),
        s.alternates,
        url(page, s));
  }

  private static Optional<String> url(Document page, PageScan s) {
    // The first of each kind counts, wherever it stands: canonical before og:url.
    List<String> og = s.meta("og:url");
    for (String v : new String[] {s.canonical, og.isEmpty() ? null : og.get(0).strip()}) {
      if (v != null && Links.isHttp(v)) {
        return Optional.of(v);
      }
    }
    for (Node n : page.childNodes()) {
      if (n instanceof Comment c) {
        Matcher m = SAVED_FROM.matcher(c.getData());
        if (m.matches() && Links.isHttp(m.group(1))) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }

  /** A date in the path of {@code url}; see {@link Dates#dateFromUrl(String, LocalDate)}. */
  static Optional<LocalDate> dateFromUrl(String url) {
    return Dates.dateFromUrl(url);
  }

  private static Optional<LocalDate> published(PageScan s, JsonLd ld, LocalDate today) {
    List<List<String>> sources = List.of(ld.datePublished().map(List::of).orElse(List.of()),
        s.meta("article:published_time"), s.meta("og:published_time"), s.itemDates, s.metaDates,
        s.pubdateTimes);
    for (List<String> source : sources) {
      for (String v : source) {
        Optional<LocalDate> d = Dates.parse(v, today);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The names of the first source that has any. A site's or publisher's name in an author field
   * (a CMS's default: "Condé Nast", "ABC News") is no author while another source names one.
   */
  private static List<String> authors(PageScan s, JsonLd ld, List<String> siteNames) {
    List<String> dublinCore = new ArrayList<>(s.meta("dc.creator"));
    dublinCore.addAll(s.meta("dc:creator"));
    List<String> publisherOnly = List.of();
    // In order of trust; the later ones are worked out only when the earlier name no one.
    List<Supplier<List<String>>> sources = List.of(ld::authors, () -> s.meta("article:author"),
        () -> s.meta("author"), () -> dublinCore, () -> s.meta("parsely-author"),
        () -> names(s.meta("byl")), () -> PageScan.byline(s.itemAuthors), () -> PageScan.byline(s.relAuthors));
    for (Supplier<List<String>> from : sources) {
      List<String> source = from.get();
      Map<String, String> names = new LinkedHashMap<>();
      for (String v : source) {
        String n = BYLINE_PREFIX.matcher(normalise(v)).replaceFirst("").strip();
        // "Jane Roe (jane@paper.example)" is Jane Roe; a template's "name, email@gmail.com" no one.
        n = EMAIL.matcher(n).replaceAll("").strip();
        n = LEADING_SEPARATOR.matcher(n).replaceFirst("");
        // A profile link (article:author often is one) or a paragraph is not a name.
        if (!n.isEmpty() && n.length() <= MAX_NAME && !Links.isHttp(n) && !n.contains("://")
            && !n.startsWith("/")
            && !PLACEHOLDER_NAMES.contains(n.toLowerCase(Locale.ROOT))
            && !n.startsWith("www.") && n.codePoints().anyMatch(Character::isLetter)) {
          for (String one : people(n)) {
            names.putIfAbsent(one.toLowerCase(Locale.ROOT), one);
          }
        }
      }
      List<String> people =
          names.values().stream().filter(n -> !isPublisher(n, siteNames)).toList();
      if (!people.isEmpty()) {
        return people;
      }
      if (publisherOnly.isEmpty()) {
        publisherOnly = List.copyOf(names.values());
      }
    }
    return publisherOnly;
  }

  /**
   * Two people's names in one author field, apart: "Felix Schröder und Jörg Soldwisch, dpa", "A og
   * B". Not a body's name with an "and" in it ("Bundesministerium für Wirtschaft und Klimaschutz").
   */
  private static List<String> people(String field) {
    String[] parts = AND.split(field);
    if (parts.length == 1) {
      return List.of(field);
    }
    for (int i = 0; i < parts.length; i++) {
      // The last name may have its agency or place after it ("…, dpa").
      String core = i == parts.length - 1 ? parts[i].split(",", 2)[0] : parts[i];
      if (!PERSON.matcher(core.strip()).matches()) {
        return List.of(field);
      }
    }
    return List.of(parts);
  }

  /** The names of a byline: The New York Times' {@code byl} meta, "By A, B and C". */
  private static List<String> names(List<String> bylines) {
    List<String> names = new ArrayList<>();
    for (String b : bylines) {
      for (String n : NAME_SEPARATOR.split(BYLINE_PREFIX.matcher(normalise(b)).replaceFirst(""))) {
        names.add(n);
      }
    }
    return names;
  }

  /**
   * Whether {@code name} is this page's site's or a company's rather than a person's: for an
   * author found outside the metadata (a byline element naming the site).
   */
  boolean isPublisher(String name) {
    return isPublisher(name, siteName.stream().toList());
  }

  /**
   * A site's name, or a company's ("mediagene Inc.", "Condé Nast"); or one word with a dot in it,
   * which no person's name is: a site's domain ("STERN.de"), a login ("andrew.keaveney"), a
   * template's unfilled key ("page.head.extra.author").
   */
  private static boolean isPublisher(String name, List<String> siteNames) {
    return COMPANY.matcher(name).find() || name.indexOf(' ') < 0 && name.indexOf('.') > 0
        || siteNames.stream().anyMatch(site -> normalise(site).equalsIgnoreCase(name));
  }

  private static List<String> languages(Document page, PageScan s, JsonLd ld) {
    List<String> raw = new ArrayList<>();
    Element html = page.firstElementChild();
    if (html != null) {
      raw.add(html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang"));
    }
    raw.addAll(s.meta("http-equiv:content-language"));
    raw.addAll(s.meta("language"));
    raw.addAll(s.meta("content-language"));
    raw.addAll(ld.languages());
    raw.addAll(s.meta("og:locale"));
    Map<String, String> tags = new LinkedHashMap<>();
    for (String v : raw) {
      for (String part : v.split(",")) {
        // zh_CN (og:locale's form, and common in lang attributes) is zh-CN.
        String tag = part.strip().replace('_', '-');
        if (LANGUAGE.matcher(tag).matches()) {
          tags.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        }
      }
    }
    return List.copyOf(tags.values());
  }

  private static List<String> tags(PageScan s, JsonLd ld) {
    List<String> raw = new ArrayList<>();
    // One tag per article:tag, but some sites (the Guardian) list them all in one.
    s.meta("article:tag").forEach(v -> raw.addAll(splitList(v)));
    raw.addAll(ld.keywords());
    s.meta("news_keywords").forEach(v -> raw.addAll(splitList(v)));
    raw.addAll(s.tagLinks);
    List<String> tags = tagList(raw);
    if (tags.isEmpty()) {
      // Portals (Chinese ones especially) give an article's tags only as meta keywords.
      List<String> keywords = new ArrayList<>();
      s.meta("keywords").forEach(v -> keywords.addAll(splitList(v)));
      tags = tagList(keywords);
    }
    return tags;
  }

  private static List<String> tagList(List<String> raw) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String v : raw) {
      String t = normalise(v);
      if (!t.isEmpty() && t.length() <= MAX_TAG && !Links.isHttp(t)) {
        byKey.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
      }
    }
    return List.copyOf(byKey.values());
  }

  /**
   * The parts of a keyword list written as one string, separated by , ， 、 ; or ；; a Chinese or
   * Japanese list without any of these is separated by spaces ({@code 宇航员 太空 国际空间站}).
   */
  static List<String> splitList(String s) {
    List<String> out = new ArrayList<>();
    Pattern separator = LIST_SEPARATOR.matcher(s).find() || s.codePoints().noneMatch(
        Character::isIdeographic) ? LIST_SEPARATOR : SPACES;
    for (String part : separator.split(s)) {
      String p = part.strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  private static Optional<String> image(Document page, PageScan s, JsonLd ld) {
    List<String> raw = new ArrayList<>(s.meta("og:image"));
    raw.addAll(s.meta("og:image:secure_url"));
    raw.addAll(s.meta("og:image:url"));
    ld.image().ifPresent(raw::add);
    raw.addAll(s.meta("twitter:image"));
    raw.addAll(s.meta("twitter:image:src"));
    for (String v : raw) {
      String u = v.strip();
      if (u.isEmpty()) {
        continue;
      }
      // Protocol-relative: https, whatever the scheme of a saved page's file: base.
      u = u.startsWith("//") ? "https:" + u : StringUtil.resolve(page.baseUri(), u);
      if (Links.isHttp(u)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(List<String> values) {
    for (String v : values) {
      String n = normalise(v);
      if (!n.isEmpty()) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  static String normalise(String s) {
    return StringUtil.normaliseWhitespace(s).strip();
  }
}
