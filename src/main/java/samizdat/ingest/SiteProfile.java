package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
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
 * The scraping rules of one site, read from a JSON file (see README, "Site profiles"). Selectors
 * are compiled once when the profile is loaded, so applying a profile to thousands of pages costs
 * no parsing. Immutable and thread-safe.
 *
 * @param name short name, used by {@code --profile} and stored in each article's metadata
 * @param description what the profile is for (free text)
 * @param language BCP 47 tag of the site's text, used when the page does not declare one
 * @param hosts host names the profile is for; a host matches itself and its subdomains
 * @param title selectors tried in order for the title; the first with text wins
 * @param body selector of the article body root
 * @param drop elements removed from the body with everything inside them
 * @param unwrap elements replaced by their plain text (keyword autolinks)
 * @param tags tag links: their text becomes the tags; in the body they become plain text
 * @param related the related-articles list; its links become metadata and it leaves the body
 * @param source the source line ("来源：X"); X becomes the source and the line leaves the body
 * @param sourcePrefixes prefixes stripped from the source line's text
 * @param date selectors tried in order for the publication date
 * @param urlId pattern over the URL whose groups, joined by '-', form the article id
 * @param urlDate pattern over the URL with groups year, month, day
 */
public record SiteProfile(
    String name,
    String description,
    String language,
    List<String> hosts,
    List<Rule> title,
    Rule body,
    List<Rule> drop,
    List<Rule> unwrap,
    Optional<Rule> tags,
    Optional<Rule> related,
    Optional<Rule> source,
    List<String> sourcePrefixes,
    List<Rule> date,
    Optional<Pattern> urlId,
    Optional<Pattern> urlDate) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  public SiteProfile {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(language, "language");
    hosts = List.copyOf(hosts);
    title = List.copyOf(title);
    requireNonNull(body, "body");
    drop = List.copyOf(drop);
    unwrap = List.copyOf(unwrap);
    requireNonNull(tags, "tags");
    requireNonNull(related, "related");
    requireNonNull(source, "source");
    sourcePrefixes = List.copyOf(sourcePrefixes);
    date = List.copyOf(date);
    requireNonNull(urlId, "urlId");
    requireNonNull(urlDate, "urlDate");
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
    @JsonProperty(required = true) String language;
    @JsonProperty List<String> hosts = List.of();
    @JsonProperty(required = true) List<String> title;
    @JsonProperty(required = true) String body;
    @JsonProperty List<String> drop = List.of();
    @JsonProperty List<String> unwrap = List.of();
    @JsonProperty String tags;
    @JsonProperty String related;
    @JsonProperty String source;
    @JsonProperty List<String> sourcePrefixes = List.of();
    @JsonProperty List<String> date = List.of();
    @JsonProperty String urlId;
    @JsonProperty String urlDate;

    SiteProfile compile() throws ProfileException {
      if (!NAME.matcher(name).matches()) {
        throw new ProfileException("name \"" + name + "\" must be lower-case letters, digits, '-' or '_'");
      }
      if (language.isBlank()) {
        throw new ProfileException("language is empty");
      }
      if (title.isEmpty()) {
        throw new ProfileException("title: at least one selector is needed");
      }
      List<String> hostList = new ArrayList<>();
      for (String h : hosts) {
        hostList.add(h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""));
      }
      return new SiteProfile(name, description, language, hostList,
          rules("title", title), Rule.of("body", body), rules("drop", drop), rules("unwrap", unwrap),
          optionalRule("tags", tags), optionalRule("related", related),
          optionalRule("source", source), sourcePrefixes, rules("date", date),
          pattern("urlId", urlId), pattern("urlDate", urlDate));
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
