package samizdat.site.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import samizdat.site.model.Doc;
import samizdat.site.model.Labels;
import samizdat.site.model.SiteConfig;
import samizdat.site.model.SiteLayout;
import samizdat.site.model.SiteModel;
import samizdat.site.state.Fingerprint;

/**
 * Pages that are not lists or articles: about this archive, the search page, and the not-found
 * pages that web servers ({@code 404.html}) and IPFS gateways ({@code ipfs-404.html}) show.
 */
public final class StaticPagesRenderer implements PageRenderer {
  /**
   * The not-found page's one inline script. Servers and gateways show {@code 404.html} (IPFS
   * gateways {@code ipfs-404.html}) at whatever address was missing, often deep inside the site,
   * where the page's relative links would point nowhere. Run before any link or stylesheet is
   * parsed, the script works out where the site's root is and makes it the page's {@code <base>}:
   * the given {@code --base-url} when the page is under it; {@code /ipfs/<cid>/} or {@code
   * /ipns/<name>/} on a path gateway; {@code /} on a subdomain gateway ({@code <cid>.ipfs.host});
   * else the path up to the first of the site's own top folders in the missing address (a stale
   * link to an article or a list page). Otherwise, and from {@code file://}, links stay relative to
   * the page, which is right at the root. With a base, in-page links ({@code #main}) would lead to
   * the root, so they are pointed back at the page. No external file: it could not be found either.
   */
  public static final String ROOT_FINDER = "(function(){var l=location,p=l.pathname,r=null,m,"
      + "b=document.querySelector('meta[name=\"samizdat-base\"]');"
      + "if(!/^https?:$/.test(l.protocol))return;"
      + "if(b&&l.href.indexOf(b.content)===0)r=new URL(b.content).pathname;"
      + "else if(m=/^\\/ip[fn]s\\/[^\\/]+\\//.exec(p))r=m[0];"
      + "else if(/\\.ip[fn]s\\./.test(l.hostname))r='/';"
      + "else if(m=/^(.*?\\/)(?:a|tags|archive|page|undated|media|search|about|assets)\\//.exec(p))r=m[1];"
      + "if(r===null)return;var e=document.createElement('base');e.href=r;document.head.appendChild(e);"
      + "document.addEventListener('DOMContentLoaded',function(){"
      + "document.querySelectorAll('a[href^=\"#\"]').forEach(function(a){"
      + "a.href=l.href.split('#')[0]+a.getAttribute('href');});});})();";

  /**
   * The not-found pages' policy: the usual one, plus exactly {@link #ROOT_FINDER} (by its hash)
   * and a {@code <base>} on the site's own origin.
   */
  static final String NOT_FOUND_CSP = Views.CSP
      .replace("script-src 'self'", "script-src 'self' 'sha256-" + sha256Base64(ROOT_FINDER) + "'")
      .replace("base-uri 'none'", "base-uri 'self'");

  private static String sha256Base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(
        Fingerprint.sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    SiteConfig config = site.config;
    List<Page> pages = new ArrayList<>();

    String about = SiteLayout.ABOUT;
    Labels labels = config.labels();
    Map<String, Object> m = Views.base(about, labels.get("aboutTitle") + " — " + config.title(),
        config.language(), config);
    List<Map<String, String>> texts = labels.perLanguage(Map.of("n", Integer.toString(site.list.size()),
        "tags", Integer.toString(site.tags.size()), "title", config.title()));
    for (Map<String, String> t : texts) {
      String range = site.earliest.isPresent() && site.latest.isPresent()
          ? t.get("aboutRange").replace("{from}", site.earliest.get().toString())
              .replace("{to}", site.latest.get().toString()) : "";
      String undated = site.undated.isEmpty() ? ""
          : t.get("aboutUndated").replace("{n}", Integer.toString(site.undated.size()));
      t.put("aboutIntro", t.get("aboutIntro").replace("{range}", range).replace("{undated}", undated));
    }
    m.put("texts", texts);
    m.put("articleCount", site.list.size());
    m.put("tagCount", site.tags.size());
    m.put("earliest", Views.optional(site.earliest.map(Object::toString)));
    m.put("latest", Views.optional(site.latest.map(Object::toString)));
    m.put("undatedCount", site.undated.isEmpty() ? List.of() : List.of(Map.of("value", site.undated.size())));
    Map<String, Integer> sources = new TreeMap<>();
    for (Doc d : site.list) {
      String name = d.meta().source().or(() -> d.meta().site()).orElse("").strip();
      if (!name.isEmpty()) {
        sources.merge(name, 1, Integer::sum);
      }
    }
    List<Map<String, Object>> sourceList = new ArrayList<>();
    sources.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(30)
        .forEach(e -> sourceList.add(Map.of("name", e.getKey(), "count", e.getValue())));
    m.put("sources", sourceList);
    m.put("hasSources", !sourceList.isEmpty());
    m.put("feedHref", SiteLayout.href(about, SiteLayout.FEED));
    m.put("infoHref", SiteLayout.href(about, SiteLayout.ARCHIVE_INFO));
    pages.add(new MustachePage(context, about, "about", m));

    for (String path : List.of(SiteLayout.NOT_FOUND, SiteLayout.IPFS_NOT_FOUND)) {
      Map<String, Object> nf = Views.base(path, labels.get("notFoundTitle") + " — " + config.title(),
          config.language(), config);
      nf.put("csp", NOT_FOUND_CSP);
      nf.put("rootFinder", List.of(Map.of("script", ROOT_FINDER,
          "base", Views.optional(config.baseUrl().map(StaticPagesRenderer::withSlash)))));
      pages.add(new MustachePage(context, path, "notfound", nf));
    }

    String search = SiteLayout.SEARCH;
    Map<String, Object> s = Views.base(search, labels.get("searchTitle") + " — " + config.title(),
        config.language(), config);
    s.put("articleTexts", true); // ArticleTextRenderer
    s.put("tagList", true); // TagRenderer.TAGS_SCRIPT
    pages.add(new MustachePage(context, search, "search", s));
    return pages;
  }

}
