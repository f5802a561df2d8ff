package samizdat.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.parser.Parser;

/**
 * The schema.org JSON-LD of a page: every {@code <script type="application/ld+json">} block read
 * leniently (comments, CDATA and HTML comment wrappers, single quotes, raw line breaks in strings,
 * trailing commas or junk), objects gathered from top level, arrays, {@code @graph} and
 * {@code mainEntity}, and {@code {"@id": …}} references followed. A block that does not parse is
 * skipped; the others still count.
 *
 * <p>Fields are read from one chosen object: the <em>article</em> (the first news, blog or other
 * article type, or a web page carrying an {@code articleBody}), else the first web page. Objects
 * of other types (WebSite, Organization, BreadcrumbList, …) never lend their {@code name} as a
 * headline or author; only the site name may come from a WebSite. Immutable once built.
 */
final class JsonLd {
  private static final Set<String> ARTICLE_TYPES = Set.of(
      "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
      "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting",
      "report", "techarticle", "scholarlyarticle", "socialmediaposting", "askpublicnewsarticle",
      "satiricalarticle");
  private static final Set<String> PAGE_TYPES = Set.of(
      "webpage", "collectionpage", "itempage", "aboutpage", "profilepage", "searchresultspage",
      "contactpage", "qapage", "faqpage", "medicalwebpage");
  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
          JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
          JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
          JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
      .build();
  /** Deeper than this is no page's metadata; it is not walked. */
  private static final int MAX_DEPTH = 6;

  static final JsonLd NONE = new JsonLd(List.of(), Map.of());

  private final List<JsonNode> objects;
  private final Map<String, JsonNode> byId;
  private final JsonNode article;
  private final JsonNode page;
  private final JsonNode main;

  private JsonLd(List<JsonNode> objects, Map<String, JsonNode> byId) {
    this.objects = objects;
    this.byId = byId;
    JsonNode a = first(o -> isArticle(o) ? o : null);
    this.article = a;
    this.page = first(o -> hasType(o, PAGE_TYPES) ? o : null);
    this.main = a != null ? a : page;
  }

  /** The JSON-LD of these script blocks (their raw text, in page order). */
  static JsonLd parse(List<String> blocks) {
    if (blocks.isEmpty()) {
      return NONE;
    }
    List<JsonNode> objects = new ArrayList<>();
    Map<String, JsonNode> byId = new HashMap<>();
    for (String block : blocks) {
      List<JsonNode> roots = roots(block);
      if (roots.isEmpty() && block.contains("&quot;")) {
        // Some templates HTML-escape the JSON they put in the script.
        roots = roots(Parser.unescapeEntities(block, false));
      }
      for (JsonNode r : roots) {
        collect(r, 0, objects, byId);
      }
    }
    return new JsonLd(List.copyOf(objects), Map.copyOf(byId));
  }

  /**
   * The JSON values in a block, from its first '{' or '[' after any CDATA or comment opener;
   * what parsed before an error stays.
   */
  private static List<JsonNode> roots(String block) {
    int start = 0;
    int head = Math.min(block.length(), 64);
    int cdata = block.lastIndexOf("<![CDATA[", head);
    if (cdata >= 0) {
      start = cdata + "<![CDATA[".length();
    }
    while (start < block.length() && block.charAt(start) != '{' && block.charAt(start) != '[') {
      start++;
    }
    List<JsonNode> roots = new ArrayList<>(1);
    if (start == block.length()) {
      return roots;
    }
    try (JsonParser p = LENIENT.createParser(block.substring(start))) {
      JsonNode n;
      while ((n = LENIENT.readTree(p)) != null && !n.isMissingNode()) {
        roots.add(n);
      }
    } catch (IOException e) {
      // Broken or trailing junk (a "]]>" or "-->" wrapper end): keep the values before it.
    }
    return roots;
  }

  private static void collect(JsonNode n, int depth, List<JsonNode> objects,
      Map<String, JsonNode> byId) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        collect(e, depth + 1, objects, byId);
      }
    } else if (n.isObject()) {
      objects.add(n);
      JsonNode id = n.get("@id");
      if (id != null && id.isTextual() && n.size() > 1) {
        byId.putIfAbsent(id.asText(), n);
      }
      for (String container : new String[] {"@graph", "mainEntity"}) {
        JsonNode inner = n.get(container);
        if (inner != null) {
          collect(inner, depth + 1, objects, byId);
        }
      }
    }
  }

  private JsonNode first(Function<JsonNode, JsonNode> pick) {
    for (JsonNode o : objects) {
      JsonNode p = pick.apply(o);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static boolean isArticle(JsonNode o) {
    return hasType(o, ARTICLE_TYPES) || hasType(o, PAGE_TYPES) && o.hasNonNull("articleBody");
  }

  /** The lower-case local names of an object's types ({@code http://schema.org/X} is X). */
  private static List<String> types(JsonNode o) {
    JsonNode t = o.get("@type");
    if (t == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(1);
    for (JsonNode e : t.isArray() ? t : List.of(t)) {
      if (e.isTextual()) {
        String s = e.asText().strip();
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
        out.add(s.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static boolean hasType(JsonNode o, Set<String> wanted) {
    for (String t : types(o)) {
      if (wanted.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The article's headline and name, those not blank, in that order. */
  List<String> headlines() {
    List<String> out = new ArrayList<>(2);
    field(article, "headline").ifPresent(out::add);
    field(article, "name").ifPresent(out::add);
    return out;
  }

  /** The publisher's name of the chosen object. */
  Optional<String> publisherName() {
    return main == null ? Optional.empty() : name(main.get("publisher"));
  }

  /** The name of the first WebSite object. */
  Optional<String> websiteName() {
    JsonNode site = first(o -> types(o).contains("website") ? o : null);
    return site == null ? Optional.empty() : text(site.get("name"));
  }

  /** The chosen object's datePublished as written, else the web page's. */
  Optional<String> datePublished() {
    return field(main, "datePublished").or(() -> field(page, "datePublished"));
  }

  private static Optional<String> field(JsonNode o, String name) {
    return o == null ? Optional.empty() : text(o.get(name));
  }

  /** The article's authors: strings, objects' names, arrays of either, references followed. */
  List<String> authors() {
    List<String> out = new ArrayList<>();
    if (article != null) {
      JsonNode a = article.get("author");
      for (JsonNode e : a == null ? List.<JsonNode>of() : a.isArray() ? a : List.of(a)) {
        (e.isTextual() ? text(e) : name(e)).ifPresent(out::add);
      }
    }
    return out;
  }

  /** inLanguage of the chosen object, else of any object (the WebSite's, say). */
  List<String> languages() {
    List<String> out = new ArrayList<>();
    if (main != null) {
      language(main.get("inLanguage")).ifPresent(out::add);
    }
    for (JsonNode o : objects) {
      if (o != main && o.has("inLanguage")) {
        language(o.get("inLanguage")).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<String> language(JsonNode n) {
    if (n == null) {
      return Optional.empty();
    }
    JsonNode l = n.isArray() && n.size() > 0 ? n.get(0) : n;
    return l.isObject() ? text(l.get("alternateName")) : text(l);
  }

  /** The article's keywords: each of an array, or a string separated by , ， 、 ; ；. */
  List<String> keywords() {
    List<String> out = new ArrayList<>();
    JsonNode k = main == null ? null : main.get("keywords");
    if (k == null) {
      return out;
    }
    if (k.isArray()) {
      for (JsonNode e : k) {
        text(e).ifPresent(out::add);
      }
    } else {
      text(k).ifPresent(s -> out.addAll(PageMetadata.splitList(s)));
    }
    return out;
  }

  /**
   * The chosen object's image as written (a URL string, an ImageObject's url, an array's first),
   * else the web page's.
   */
  Optional<String> image() {
    return image(main).or(() -> image(page));
  }

  private Optional<String> image(JsonNode o) {
    if (o == null) {
      return Optional.empty();
    }
    JsonNode i = o.get("image");
    if (i == null) {
      i = o.get("thumbnailUrl");
    }
    if (i != null && i.isArray()) {
      i = i.size() > 0 ? i.get(0) : null;
    }
    i = resolve(i);
    if (i == null) {
      return Optional.empty();
    }
    JsonNode img = i;
    return img.isObject() ? text(img.get("url")).or(() -> text(img.get("contentUrl"))) : text(img);
  }

  /**
   * The chosen object's type, lower case: its first article type, else its first page type
   * ({@code ["WebPage", "NewsArticle"]} is a news article).
   */
  Optional<String> type() {
    if (main == null) {
      return Optional.empty();
    }
    List<String> types = types(main);
    return types.stream().filter(ARTICLE_TYPES::contains).findFirst()
        .or(() -> types.stream().filter(PAGE_TYPES::contains).findFirst());
  }

  /** The article's articleBody, as plain text. */
  Optional<String> articleBody() {
    return article == null ? Optional.empty() : text(article.get("articleBody"));
  }

  /** The chosen object's description, else the web page's. */
  Optional<String> description() {
    return field(main, "description").or(() -> field(page, "description"));
  }

  /** The name of a person or organisation given inline or by {@code @id} reference. */
  private Optional<String> name(JsonNode n) {
    JsonNode r = resolve(n);
    if (r == null) {
      return Optional.empty();
    }
    if (r.isTextual()) {
      return text(r);
    }
    Optional<String> name = text(r.get("name"));
    if (name.isEmpty()) {
      name = text(r.get("familyName"))
          .map(f -> text(r.get("givenName")).map(g -> g + " " + f).orElse(f));
    }
    return name;
  }

  /** The object an {@code {"@id": …}} reference names, when the page defines it. */
  private JsonNode resolve(JsonNode n) {
    if (n != null && n.isObject() && !n.has("name") && !n.has("url")) {
      JsonNode id = n.get("@id");
      if (id != null && id.isTextual()) {
        return byId.getOrDefault(id.asText(), n);
      }
    }
    return n;
  }

  /**
   * A string value (or an array's first, or an {@code @value}), entities decoded, markup
   * dropped, whitespace normalised; blank is absent.
   */
  private static Optional<String> text(JsonNode n) {
    if (n == null) {
      return Optional.empty();
    }
    if (n.isArray()) {
      return n.size() > 0 ? text(n.get(0)) : Optional.empty();
    }
    if (n.isObject()) {
      return text(n.get("@value"));
    }
    if (!n.isTextual()) {
      return Optional.empty();
    }
    String s = n.asText();
    if (s.indexOf('<') >= 0 && s.indexOf('>') >= 0) {
      s = Jsoup.parseBodyFragment(s).text();
    } else if (s.indexOf('&') >= 0) {
      s = Parser.unescapeEntities(s, false);
    }
    s = StringUtil.normaliseWhitespace(s).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
