package samizdat.site.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import samizdat.site.model.Doc;
import samizdat.site.model.Labels;
import samizdat.site.model.Pagination;
import samizdat.site.model.SiteConfig;
import samizdat.site.model.SiteLayout;
import samizdat.site.state.Fingerprint;

/** Turns a paginated list (main index, a tag, a month) into pages of the {@code list} template. */
public final class ListPages {
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
    int size = oldestFirst.size();
    for (Pagination.ListPage p : paginated) {
      pages.add(new MustachePage(context, p.path(), "list", () -> model(context, p, size, heading, kind),
          Optional.of(fp -> inputs(fp, context, p, size, heading, kind))));
    }
    return pages;
  }

  /**
   * What {@link #model} makes a page from, cheaper to hash than the model: the site's labels and
   * settings are in every page's fingerprint already, an article's title, date, source and
   * excerpt in its content hash.
   */
  private static void inputs(Fingerprint fp, RenderContext context, Pagination.ListPage p, int size,
      String heading, String kind) {
    fp.add(kind).add(heading).add(p.number()).add(p.number() == 0 ? size : -1).add(p.lastNumbered());
    fp.add(p.front().orElse("")).add(p.newer().orElse("-")).add(p.older().orElse("-"));
    fp.add(p.links().size());
    for (Pagination.PageLink link : p.links()) {
      fp.add(link.label()).add(link.target().orElse("-")).add(link.gap() ? 1 : 0).add(link.undated() ? 1 : 0);
    }
    fp.add(p.items().size());
    for (Doc d : p.items()) {
      fp.add(d.path()).add(d.contentHash()).add(Views.leadImage(context, d).orElse(""));
    }
  }

  private static Map<String, Object> model(RenderContext context, Pagination.ListPage p, int size,
      String heading, String kind) {
    SiteConfig config = context.site().config;
    Labels l = config.labels();
    if (kind.equals("index") && p.number() != 0) {
      heading = l.get("allArticles"); // older pages are not the latest
    }
    Optional<String> pageLabel = p.number() == 0 ? Optional.empty() : Optional.of(p.number() > 0
        ? l.format("pageN", "n", p.number()) : l.format("undatedPageN", "n", -p.number()));
    String title = heading + pageLabel.map(x -> " · " + x).orElse("");
    String pageTitle = kind.equals("index") && p.number() == 0 ? config.title()
        : title + " — " + config.title();
    Map<String, Object> m = Views.base(p.path(), pageTitle, config.language(), config);
    m.put("heading", heading);
    m.put("pageLabel", Views.optional(pageLabel));
    m.put("kind", kind);
    m.put("isIndex", kind.equals("index"));
    // Only the front page shows the count: numbered pages must not change when news arrives.
    m.put("total", p.number() == 0 && size > 0
        ? List.of(Map.of("value", l.format("articleCount", "n", size))) : List.of());
    List<Map<String, Object>> range = new ArrayList<>();
    if (p.number() != 0 && !p.items().isEmpty()) {
      Optional<LocalDate> to = p.items().get(0).meta().published();
      Optional<LocalDate> from = p.items().get(p.items().size() - 1).meta().published();
      if (to.isPresent() && from.isPresent()) {
        range.add(Map.of("from", from.get().toString(), "to", to.get().toString()));
      }
    }
    m.put("range", range);
    m.put("items", Views.items(context, p.items(), p.path()));
    m.put("empty", p.items().isEmpty());
    m.put("crumbs", crumbs(l, p.path(), kind));
    m.put("pager", pager(l, p));
    m.put("tagsIndex", SiteLayout.href(p.path(), SiteLayout.TAGS_INDEX));
    m.put("archiveIndex", SiteLayout.href(p.path(), SiteLayout.ARCHIVE_INDEX));
    return m;
  }

  /** Zero or one pager: step links, page numbers and (for long lists) the jump box. */
  private static List<Map<String, Object>> pager(Labels l, Pagination.ListPage p) {
    if (p.newer().isEmpty() && p.older().isEmpty()) {
      return List.of();
    }
    Map<String, Object> pager = new LinkedHashMap<>();
    pager.put("newer", Views.link(p.newer(), p.path()));
    pager.put("older", Views.link(p.older(), p.path()));
    List<Map<String, Object>> links = new ArrayList<>();
    for (Pagination.PageLink link : p.links()) {
      Map<String, Object> e = new LinkedHashMap<>();
      boolean front = link.label().isEmpty();
      e.put("label", front ? l.get("frontPage") : link.undated() ? l.get("undatedShort") + " " + link.label()
          : link.label());
      e.put("href", Views.optional(link.target().map(t -> SiteLayout.href(p.path(), t))));
      e.put("front", front);
      e.put("gap", link.gap());
      links.add(e);
    }
    pager.put("links", links);
    List<Map<String, Object>> jump = new ArrayList<>();
    // The jump box, for lists long enough to need one; numbered pages only know that pages up to
    // their own exist and hand larger numbers to the front page (see Pagination).
    if (p.number() >= 0 && p.lastNumbered() >= 2) {
      String front = p.number() == 0 ? p.path() : p.front().orElseThrow();
      String dir = front.substring(0, front.length() - SiteLayout.INDEX.length());
      String base = SiteLayout.root(p.path()) + dir;
      jump.add(Map.of("base", base.isEmpty() ? "./" : base, "front", SiteLayout.href(p.path(), front),
          "known", p.lastNumbered(), "max", p.number() == 0 ? Integer.toString(p.lastNumbered()) : ""));
    }
    pager.put("jump", jump);
    return List.of(pager);
  }

  /** Where a list sits: tag lists under the tags index, month lists under their year. */
  private static List<Map<String, Object>> crumbs(Labels l, String path, String kind) {
    List<Map<String, Object>> crumbs = new ArrayList<>();
    if (kind.equals("index")) {
      return List.of();
    }
    crumbs.add(Map.of("label", l.get("home"), "href", SiteLayout.href(path, SiteLayout.INDEX)));
    if (kind.equals("tag")) {
      crumbs.add(Map.of("label", l.get("navTags"), "href", SiteLayout.href(path, SiteLayout.TAGS_INDEX)));
    } else {
      crumbs.add(Map.of("label", l.get("navArchive"), "href", SiteLayout.href(path, SiteLayout.ARCHIVE_INDEX)));
    }
    return List.of(Map.of("items", crumbs));
  }
}
