package samizdat.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One paginated list per tag ({@code tags/<bucket>/<slug>/index.html} ...) and the tags index,
 * sorted by article count, then by name in Chinese collation order.
 */
final class TagRenderer implements PageRenderer {
  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    List<Page> pages = new ArrayList<>();
    for (SiteModel.Tag tag : site.tags) {
      pages.addAll(ListPages.of(context, tag.dir(), tag.docs(), tag.name(), "tag"));
    }
    String path = SiteLayout.TAGS_INDEX;
    Map<String, Object> m = Views.base(path, "标签 Tags — " + site.config.title(), site.config.language(),
        site.config);
    List<Map<String, Object>> tags = new ArrayList<>(site.tags.size());
    for (SiteModel.Tag tag : site.tags) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", tag.name());
      t.put("href", SiteLayout.href(path, tag.dir() + SiteLayout.INDEX));
      t.put("count", tag.docs().size());
      tags.add(t);
    }
    m.put("tags", tags);
    m.put("tagCount", tags.size());
    m.put("empty", tags.isEmpty());
    pages.add(new MustachePage(context, path, "tags", m));
    return pages;
  }
}
