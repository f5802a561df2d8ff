package samizdat.site;

import java.util.List;

/** The main index: {@code index.html} (newest) and {@code page/N/M.html} (numbered from the oldest). */
final class IndexRenderer implements PageRenderer {
  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    return ListPages.of(context, "", site.list, site.config.labels().get("latestArticles"), "index");
  }
}
