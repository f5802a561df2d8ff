package samizdat.site.render;

import java.io.IOException;
import java.util.List;

/**
 * Produces the pages of one kind of output (articles, list pages, tags, feed ...). Listing pages
 * is cheap; the expensive work happens in {@link Page#render}, which only runs for pages whose
 * inputs changed.
 */
public interface PageRenderer {
  List<Page> pages(RenderContext context) throws IOException;
}
