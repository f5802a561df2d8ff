package samizdat.site.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import samizdat.content.ImageRef;
import samizdat.site.model.Doc;
import samizdat.site.model.SiteConfig;
import samizdat.site.model.SiteLayout;

/**
 * Builds the parts of view models that many pages share. Every page's model has {@code root},
 * {@code lang}, {@code title}, {@code siteTitle}, {@code csp}, {@code rootFinder} and {@code
 * alternates} (the template
 * contract); optional values are lists of zero or one entries so that templates need no missing
 * keys.
 */
public final class Views {
  private Views() {}

  /**
   * The Content-Security-Policy of every page: nothing from the network, scripts and styles only
   * from the site's own files, no inline script, no {@code <base>}.
   */
  public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " font-src 'self'; media-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";

  static Map<String, Object> base(String path, String title, String lang, SiteConfig config) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("root", SiteLayout.root(path));
    m.put("lang", lang);
    m.put("title", title);
    m.put("siteTitle", config.title());
    m.put("csp", CSP);
    m.put("rootFinder", List.of());
    m.put("alternates", List.of()); // article pages: their other editions
    return m;
  }

  /**
   * A list entry linking to an article: title, date (or none), source, a short excerpt and the
   * lead image (the page's declared image, else the body's first, when its file was saved).
   */
  static Map<String, Object> item(RenderContext context, Doc d, String from) {
    Map<String, Object> m = new LinkedHashMap<>();
    String href = SiteLayout.href(from, d.path());
    m.put("href", href);
    m.put("title", d.meta().title());
    m.put("lang", d.meta().language());
    m.put("date", optional(d.meta().published().map(Object::toString)));
    m.put("source", optional(d.meta().source()));
    m.put("excerpt", optional(Optional.of(d.excerpt())));
    m.put("image", leadImage(context, d).map(f -> List.<Map<String, Object>>of(
        Map.of("src", SiteLayout.href(from, SiteLayout.media(f)), "href", href))).orElse(List.of()));
    return m;
  }

  static List<Map<String, Object>> items(RenderContext context, List<Doc> docs, String from) {
    List<Map<String, Object>> out = new ArrayList<>(docs.size());
    for (Doc d : docs) {
      out.add(item(context, d, from));
    }
    return out;
  }

  /** The media file of an article's lead image, when the site has it. */
  static Optional<String> leadImage(RenderContext context, Doc d) {
    var meta = d.meta();
    return meta.image().flatMap(ImageRef::file)
        .or(() -> meta.images().stream().flatMap(i -> i.file().stream()).findFirst())
        .filter(f -> SiteLayout.isSafeName(f) && context.media().contains(f));
  }

  /** Zero or one {@code {"value": v}}: renders with {@code {{#x}}{{value}}{{/x}}}. */
  static List<Map<String, Object>> optional(Optional<String> value) {
    return value.filter(v -> !v.isBlank()).map(v -> List.<Map<String, Object>>of(Map.of("value", v)))
        .orElse(List.of());
  }

  /** Zero or one {@code {"href": link}}. */
  static List<Map<String, Object>> link(Optional<String> target, String from) {
    return target.map(t -> List.<Map<String, Object>>of(Map.of("href", SiteLayout.href(from, t))))
        .orElse(List.of());
  }
}
