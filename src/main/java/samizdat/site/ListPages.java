package samizdat.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a paginated list (main index, a tag, a month) into pages of the {@code list} template. */
final class ListPages {
  private ListPages() {}

  /**
   * @param heading shown above the list (a tag name, a month)
   * @param kind what the list is: {@code index}, {@code tag}, {@code month}
   */
  static List<Page> of(RenderContext context, String dir, List<Doc> oldestFirst, String heading,
      String kind) {
    return pages(context, Pagination.paginate(dir, oldestFirst, context.site().config.pageSize()),
        oldestFirst, heading, kind);
  }

  /** Like {@link #of}, for a list of undated articles only ({@link Pagination#paginateUndated}). */
  static List<Page> undated(RenderContext context, String dir, List<Doc> undated, String heading,
      String kind) {
    return pages(context, Pagination.paginateUndated(dir, undated, context.site().config.pageSize()),
        undated, heading, kind);
  }

  private static List<Page> pages(RenderContext context, List<Pagination.ListPage> paginated,
      List<Doc> oldestFirst, String heading, String kind) {
    List<Page> pages = new ArrayList<>();
    for (Pagination.ListPage p : paginated) {
      pages.add(new MustachePage(context, p.path(), "list", () -> model(context, p, oldestFirst.size(),
          heading, kind)));
    }
    return pages;
  }

  private static Map<String, Object> model(RenderContext context, Pagination.ListPage p, int size,
      String heading, String kind) {
    SiteConfig config = context.site().config;
    String title = p.number() == 0 ? heading : p.number() > 0 ? heading + " · 第 " + p.number() + " 页"
        : heading + " · 无日期 第 " + -p.number() + " 页";
    String pageTitle = kind.equals("index") && p.number() == 0 ? config.title()
        : title + " — " + config.title();
    Map<String, Object> m = Views.base(p.path(), pageTitle, config.language(), config);
    m.put("heading", heading);
    m.put("kind", kind);
    m.put("isIndex", kind.equals("index"));
    // Only the front page shows the count: numbered pages must not change when news arrives.
    m.put("total", p.number() == 0 ? List.of(Map.of("value", size)) : List.of());
    m.put("items", Views.items(p.items(), p.path()));
    m.put("empty", p.items().isEmpty());
    Map<String, Object> pager = new LinkedHashMap<>();
    pager.put("label", p.number() == 0 ? "最新 Latest" : p.number() > 0
        ? "第 " + p.number() + " 页 Page " + p.number()
        : "无日期 第 " + -p.number() + " 页 Undated, page " + -p.number());
    pager.put("newest", Views.link(p.newest(), p.path()));
    pager.put("newer", Views.link(p.newer(), p.path()));
    pager.put("older", Views.link(p.older(), p.path()));
    pager.put("oldest", Views.link(p.oldest(), p.path()));
    pager.put("show", p.newer().isPresent() || p.older().isPresent());
    m.put("pager", pager);
    m.put("tagsIndex", SiteLayout.href(p.path(), SiteLayout.TAGS_INDEX));
    m.put("archiveIndex", SiteLayout.href(p.path(), SiteLayout.ARCHIVE_INDEX));
    return m;
  }
}
