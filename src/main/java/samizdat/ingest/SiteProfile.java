package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * The scraping rules of one site, read from a JSON file (see docs, "Site profiles"). Every rule is
 * optional: what a profile leaves out (the body, the title, the language …) the generic extractor
 * finds, so a profile may hold just the few rules its site needs. Selectors are compiled once when
 * the profile is loaded, so applying a profile to thousands of pages costs no parsing. Immutable
 * and thread-safe.
 *
 * @param name short name, used by {@code --profile} and stored in each article's metadata
 * @param description what the profile is for (free text)
 * @param language BCP 47 tag of the site's text: a default for pages that do not say, never an
 *     override of what the page or its text says
 * @param hosts host names the profile is for; a host matches itself and its subdomains
 * @param match selectors that must all match for the profile to claim a page its hosts do not
 *     cover (a saved page without its URL); empty: its body and title selectors, for pages
 *     whose host is unknown
 * @param title selectors tried in order for the title; the first with text wins; empty: generic
 * @param body selector of the article body root; empty: the generic body finder
 * @param drop elements removed from the body with everything inside them
 * @param unwrap elements replaced by their plain text (keyword autolinks)
 * @param tags tag links: their text becomes the tags; in the body they become plain text
 * @param related the related-articles list; its links become metadata and it leaves the body
 * @param source the source line ("来源：X"); X becomes the source and the line leaves the body
 * @param sourcePrefixes prefixes stripped from the source line's text
 * @param date selectors tried in order for the publication date
 * @param dateScript patterns over the page's inline scripts, tried in order after {@code date}:
 *     group 1 is a date as the selectors read it, or a Unix time (10 digits, or 13 in
 *     milliseconds) for pages that keep it there (WeChat's {@code var ct = "…"})
 * @param timeZone where a Unix time from {@code dateScript} is read as a day
 * @param urlId pattern over the URL whose groups, joined by '-', form the article id
 * @param urlDate pattern over the URL with groups year, month, day
 * @param editions rules that derive the URLs of the article's other editions from its URL
 * @param listing how {@code samizdat follow} reads the site's listing pages: the article links
 *     and the next-page link; empty: found generically
 */
public record SiteProfile(
    String name,
    String description,
    Optional<String> language,
    List<String> hosts,
    List<Rule> match,
    List<Rule> title,
    Optional<Rule> body,
    List<Rule> drop,
    List<Rule> unwrap,
    Optional<Rule> tags,
    Optional<Rule> related,
    Optional<Rule> source,
    List<String> sourcePrefixes,
    List<Rule> date,
    List<Pattern> dateScript,
    ZoneId timeZone,
    Optional<Pattern> urlId,
    Optional<Pattern> urlDate,
    List<Edition> editions,
    Optional<Listing> listing) {

  /** The name of the profile that sets no rule: every page it reads is read generically. */
  public static final String GENERIC = "generic";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  // Comments and trailing commas are allowed: a profile is a file people write and annotate.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();

  public SiteProfile {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(language, "language");
    hosts = List.copyOf(hosts);
    match = List.copyOf(match);
    title = List.copyOf(title);
    requireNonNull(body, "body");
    drop = List.copyOf(drop);
    unwrap = List.copyOf(unwrap);
    requireNonNull(tags, "tags");
    requireNonNull(related, "related");
    requireNonNull(source, "source");
    sourcePrefixes = List.copyOf(sourcePrefixes);
    date = List.copyOf(date);
    dateScript = List.copyOf(dateScript);
    requireNonNull(timeZone, "timeZone");
    requireNonNull(urlId, "urlId");
    requireNonNull(urlDate, "urlDate");
    editions = List.copyOf(editions);
    requireNonNull(listing, "listing");
  }

  /** The profile with no rules of its own: everything is found by the generic extractor. */
  public static SiteProfile generic() {
    return new SiteProfile(GENERIC, "Any news page: body, title and metadata found generically.",
        Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
        ZoneOffset.UTC, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  /**
   * How a listing page of the site (a section front, an archive page) is read by {@code follow}.
   *
   * @param links elements that are, or contain, the links to the site's articles; empty: found
   *     generically
   * @param next the link to the next (older) listing page; empty: {@code rel=next} and links
   *     named "Next", "下一页" and the like
   */
  public record Listing(Optional<Rule> links, Optional<Rule> next) {
    public Listing {
      requireNonNull(links, "links");
      requireNonNull(next, "next");
    }
  }

  /**
   * Another edition of the site's articles (e.g. Traditional Chinese beside Simplified): its URL
   * is the article URL with {@code pattern} replaced by {@code replacement} ({@code $1} for
   * groups). A URL the pattern does not match has no such edition.
   */
  public record Edition(String language, Pattern pattern, String replacement) {
    public Edition {
      requireNonNull(language, "language");
      requireNonNull(pattern, "pattern");
      requireNonNull(replacement, "replacement");
    }

    /** The other edition's URL, when {@code url} is of the kind the rule rewrites. */
    public Optional<String> urlFor(String url) {
      Matcher m = pattern.matcher(url);
      if (!m.find()) {
        return Optional.empty();
      }
      String other = m.replaceFirst(replacement);
      return other.equals(url) ? Optional.empty() : Optional.of(other);
    }
  }

  /** True when the profile claims a page its hosts do not cover (see {@code match}). */
  boolean claims(Element page, boolean hostKnown) {
    if (!match.isEmpty()) {
      for (Rule rule : match) {
        if (rule.first(page).isEmpty()) {
          return false;
        }
      }
      return true;
    }
    return !hostKnown && body.isPresent() && body.get().first(page).isPresent()
        && !title.isEmpty() && title.stream().anyMatch(t -> t.first(page).isPresent());
  }
  /** A CSS selector with its compiled form. */
  public record Rule(String css, Evaluator evaluator) {
    public Rule {
      requireNonNull(css, "css");
      requireNonNull(evaluator, "evaluator");
    }

    static Rule of(String field, String css) throws ProfileException {
      if (css == null || css.isBlank()) {
        throw new ProfileException(field + ": empty selector");
      }
      try {
        return new Rule(css, QueryParser.parse(css));
      } catch (Selector.SelectorParseException | IllegalArgumentException e) {
        throw new ProfileException(field + ": bad selector \"" + css + "\": " + e.getMessage());
      }
    }

    public boolean matches(Element root, Element element) {
      return evaluator.matches(root, element);
    }

    /** The first element under {@code root} (inclusive) that matches, in document order. */
    public Optional<Element> first(Element root) {
      return Optional.ofNullable(root.selectFirst(evaluator));
    }

    @Override
    public String toString() {
      return css;
    }
  }

  /** True when {@code host} is one of the profile's hosts or a subdomain of one. */
  public boolean coversHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String mine : hosts) {
      if (h.equals(mine) || h.endsWith("." + mine)) {
        return true;
      }
    }
    return false;
  }

  /** The id the profile derives from an article URL, when the URL has the site's shape. */
  public Optional<String> idFromUrl(String url) {
    if (urlId.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = urlId.get().matcher(url);
    if (!m.find()) {
      return Optional.empty();
    }
    StringBuilder id = new StringBuilder();
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) == null) {
        continue;
      }
      if (id.length() > 0) {
        id.append('-');
      }
      id.append(m.group(g).toLowerCase(Locale.ROOT));
    }
    return id.length() == 0 ? Optional.empty() : Optional.of(id.toString());
  }

  /** Parses a profile from its JSON; {@code origin} names the file in error messages. */
  public static SiteProfile parse(byte[] json, String origin) throws ProfileException {
    Json j;
    try {
      j = MAPPER.readValue(json, Json.class);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new ProfileException(origin + ": not a valid profile: " + msg);
    }
    try {
      return j.compile();
    } catch (ProfileException e) {
      throw new ProfileException(origin + ": " + e.getMessage());
    }
  }

  /** The file format, field for field (see README). */
  private static final class Json {
    @JsonProperty(required = true) String name;
    @JsonProperty String description = "";
    @JsonProperty String language;
    @JsonProperty List<String> hosts = List.of();
    @JsonProperty List<String> match = List.of();
    @JsonProperty List<String> title = List.of();
    @JsonProperty String body;
    @JsonProperty List<String> drop = List.of();
    @JsonProperty List<String> unwrap = List.of();
    @JsonProperty String tags;
    @JsonProperty String related;
    @JsonProperty String source;
    @JsonProperty List<String> sourcePrefixes = List.of();
    @JsonProperty List<String> date = List.of();
    @JsonProperty List<String> dateScript = List.of();
    @JsonProperty String timeZone;
    @JsonProperty String urlId;
    @JsonProperty String urlDate;
    @JsonProperty List<EditionJson> editions = List.of();
    @JsonProperty ListingJson listing;

    /** The {@code listing} object. */
    private static final class ListingJson {
      @JsonProperty String links;
      @JsonProperty String next;
    }

    /** One entry of {@code editions}. */
    private static final class EditionJson {
      @JsonProperty(required = true) String language;
      @JsonProperty(required = true) String pattern;
      @JsonProperty(required = true) String replacement;
    }

    SiteProfile compile() throws ProfileException {
      if (!NAME.matcher(name).matches()) {
        throw new ProfileException("name \"" + name + "\" must be lower-case letters, digits, '-' or '_'");
      }
      if (name.equals(GENERIC)) {
        throw new ProfileException("name \"generic\" is the built-in generic extractor's; choose another");
      }
      if (language != null && language.isBlank()) {
        throw new ProfileException("language is empty (leave it out to go by the page)");
      }
      List<Edition> editionList = new ArrayList<>();
      for (EditionJson e : editions) {
        if (e.language.isBlank()) {
          throw new ProfileException("editions: language is empty");
        }
        Pattern p = pattern("editions", e.pattern).orElseThrow();
        editionList.add(new Edition(e.language.strip(), p, e.replacement));
      }
      Optional<Listing> listingRules = Optional.empty();
      if (listing != null) {
        if (listing.links == null && listing.next == null) {
          throw new ProfileException("listing: give links, next or both (or leave listing out)");
        }
        listingRules = Optional.of(new Listing(optionalRule("listing.links", listing.links),
            optionalRule("listing.next", listing.next)));
      }
      List<String> hostList = new ArrayList<>();
      for (String h : hosts) {
        hostList.add(h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""));
      }
      return new SiteProfile(name, description, Optional.ofNullable(language).map(String::strip),
          hostList, rules("match", match), rules("title", title), optionalRule("body", body),
          rules("drop", drop), rules("unwrap", unwrap),
          optionalRule("tags", tags), optionalRule("related", related),
          optionalRule("source", source), sourcePrefixes, rules("date", date),
          scriptPatterns(dateScript), zone(timeZone),
          pattern("urlId", urlId), pattern("urlDate", urlDate), editionList, listingRules);
    }

    private static List<Pattern> scriptPatterns(List<String> regexes) throws ProfileException {
      List<Pattern> out = new ArrayList<>();
      for (String r : regexes) {
        Pattern p = pattern("dateScript", r).orElseThrow();
        if (p.matcher("").groupCount() < 1) {
          throw new ProfileException("dateScript: \"" + r + "\" needs a group (…) around the date");
        }
        out.add(p);
      }
      return out;
    }

    private static ZoneId zone(String id) throws ProfileException {
      if (id == null) {
        return ZoneOffset.UTC;
      }
      try {
        return ZoneId.of(id.strip());
      } catch (DateTimeException e) {
        throw new ProfileException(
            "timeZone: \"" + id + "\" is no time zone (as Asia/Shanghai or +08:00)");
      }
    }

    private static List<Rule> rules(String field, List<String> css) throws ProfileException {
      List<Rule> out = new ArrayList<>();
      for (String c : css) {
        out.add(Rule.of(field, c));
      }
      return out;
    }

    private static Optional<Rule> optionalRule(String field, String css) throws ProfileException {
      return css == null ? Optional.empty() : Optional.of(Rule.of(field, css));
    }

    private static Optional<Pattern> pattern(String field, String regex) throws ProfileException {
      if (regex == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new ProfileException(field + ": bad pattern: " + e.getDescription());
      }
    }
  }
}
