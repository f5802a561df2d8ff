package samizdat.site.render;

import java.util.List;
import samizdat.site.model.SiteModel;

/** The main index: {@code index.html} (newest) and {@code page/N/M.html} (numbered from the oldest). */
public final class IndexRenderer implements PageRenderer {
  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    return ListPages.of(context, "", site.list, site.config.labels().get("latestArticles"), "index");
  }
}
