package samizdat.site.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import samizdat.site.model.Doc;
import samizdat.site.model.SiteConfig;
import samizdat.site.model.SiteLayout;
import samizdat.site.model.SiteModel;
import samizdat.site.state.Fingerprint;

/**
 * The Atom feed {@code feed.xml} with the {@value #ENTRIES} newest articles. With {@code
 * --base-url} every link is absolute (feed readers need that); without, links are relative to the
 * feed file, which works for a local copy. Dates come from the content, never from the clock.
 */
public final class FeedRenderer implements PageRenderer {
  static final int ENTRIES = 50;

  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    SiteConfig config = site.config;
    String path = SiteLayout.FEED;
    String base = config.baseUrl().orElse("");
    Map<String, Object> m = Views.base(path, config.title(), config.language(), config);
    m.put("feedId", config.baseUrl().map(b -> b + path)
        .orElse("urn:samizdat:feed:" + Fingerprint.hex(config.title(), 16)));
    m.put("selfHref", base + path);
    m.put("siteHref", base + SiteLayout.INDEX);

    List<Map<String, Object>> entries = new ArrayList<>();
    List<Doc> list = site.list;
    for (int i = list.size() - 1; i >= 0 && entries.size() < ENTRIES; i--) {
      Doc d = list.get(i);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", config.baseUrl().map(b -> b + d.path()).orElse("urn:samizdat:article:" + d.id()));
      e.put("title", d.meta().title());
      e.put("href", base + d.path());
      e.put("lang", d.meta().language());
      e.put("updated", d.meta().published().map(p -> p + "T00:00:00Z")
          .orElse(d.meta().firstIngested().toString()));
      List<Map<String, Object>> cats = new ArrayList<>();
      for (String t : d.meta().tags()) {
        cats.add(Map.of("term", t));
      }
      e.put("categories", cats);
      List<Map<String, Object>> authors = new ArrayList<>();
      for (String a : d.meta().authors()) {
        if (!a.isBlank()) {
          authors.add(Map.of("name", a.strip()));
        }
      }
      e.put("authors", authors);
      e.put("source", Views.optional(d.meta().source()));
      e.put("url", Views.optional(d.meta().url()));
      entries.add(e);
    }
    m.put("entries", entries);
    // The feed's time is its newest entry's: from the content, never from the clock.
    m.put("updated", entries.stream().map(e -> (String) e.get("updated")).max(String::compareTo)
        .orElse("1970-01-01T00:00:00Z"));
    return List.of(new MustachePage(context, path, "feed", m));
  }
}
