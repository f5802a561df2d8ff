package samizdat.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pages that are not lists or articles: about this archive, the search page, and the not-found
 * pages that web servers ({@code 404.html}) and IPFS gateways ({@code ipfs-404.html}) show.
 */
final class StaticPagesRenderer implements PageRenderer {
  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    SiteConfig config = site.config;
    List<Page> pages = new ArrayList<>();

    String about = SiteLayout.ABOUT;
    Map<String, Object> m = Views.base(about, "关于 About — " + config.title(), config.language(), config);
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
      Map<String, Object> nf = Views.base(path, "找不到页面 Page not found — " + config.title(),
          config.language(), config);
      pages.add(new MustachePage(context, path, "notfound", nf));
    }

    String search = SiteLayout.SEARCH;
    Map<String, Object> s = Views.base(search, "搜索 Search — " + config.title(), config.language(), config);
    pages.add(new MustachePage(context, search, "search", s));
    return pages;
  }

}
