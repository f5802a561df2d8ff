package samizdat.site.render;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import samizdat.site.model.Doc;
import samizdat.site.model.Editions;
import samizdat.site.model.SiteLayout;
import samizdat.site.model.SiteModel;
import samizdat.site.state.Fingerprint;

/**
 * Article pages: title, date, authors, source, original address, other editions, tags, the body,
 * older/newer article and the related list. The page's fingerprint covers the article's content
 * hash and everything else shown (neighbours' titles, related entries, editions), so a page is
 * rendered again only when one of those changed; the body is read from disk only then.
 */
public final class ArticleRenderer implements PageRenderer {
  @Override
  public List<Page> pages(RenderContext context) {
    List<Doc> list = context.site().list;
    List<ArticlePage> pages = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      pages.add(new ArticlePage(context, i));
    }
    // The order pages are written in changes no byte: this one hands the search index the body
    // texts it needs next (see BodyTexts).
    pages.sort(Comparator.comparingInt(p -> context.bodyTexts().rank(p.doc().id())));
    return List.copyOf(pages);
  }

  private static final byte[] NONE = new byte[0];

  private static final class ArticlePage implements Page {
    private final RenderContext context;
    private final int position;

    ArticlePage(RenderContext context, int position) {
      this.context = context;
      this.position = position;
    }

    private Doc doc() {
      return context.site().list.get(position);
    }

    @Override
    public String path() {
      return doc().path();
    }

    /**
     * The page's inputs, not its view model: the model is a function of them, and building and
     * hashing a hundred thousand models was a fifth of a day's build at that size. A document
     * stands for itself by its content hash, which covers its metadata, so its title, date and
     * page path; tags by what the page shows of them.
     */
    @Override
    public byte[] fingerprint() {
      SiteModel site = context.site();
      Doc d = doc();
      Fingerprint fp = context.fingerprint().add("article").add(d.contentHash());
      addNeighbour(fp, position - 1);
      addNeighbour(fp, position + 1);
      fp.add(d.tagKeys().size());
      for (String key : d.tagKeys()) {
        SiteModel.Tag tag = site.tagsByKey.get(key);
        fp.add(tag.name()).add(tag.dir());
      }
      List<SiteModel.Related> related = site.related(d.id());
      fp.add(related.size());
      for (SiteModel.Related r : related) {
        if (r.local().isPresent()) {
          fp.add(r.local().get().contentHash()); // covers its title
        } else {
          fp.add(r.title()).add(r.url().orElse(""));
        }
      }
      List<Editions.Edition> editions = site.editions.of(d);
      fp.add(editions.size());
      for (Editions.Edition e : editions) {
        fp.add(e.doc().contentHash()).add(e.language()).add(e.label());
      }
      return fp.done();
    }

    private void addNeighbour(Fingerprint fp, int pos) {
      List<Doc> list = context.site().list;
      fp.add(pos < 0 || pos >= list.size() ? NONE : list.get(pos).contentHash());
    }

    private Map<String, Object> model() {
      SiteModel site = context.site();
      Doc d = doc();
      String path = d.path();
      var meta = d.meta();
      Map<String, Object> m = Views.base(path, meta.title() + " — " + site.config.title(),
          meta.language(), site.config);
      m.put("articleTitle", meta.title());
      putCrumbs(m, meta.published(), path);
      String lang = meta.language().toLowerCase(java.util.Locale.ROOT);
      boolean chinese = lang.equals("zh") || lang.startsWith("zh-");
      boolean traditional = lang.startsWith("zh-hant") || lang.startsWith("zh-tw") || lang.startsWith("zh-hk")
          || lang.startsWith("zh-mo");
      m.put("chinese", chinese);
      m.put("own", traditional ? "hant" : "hans");
      m.put("date", Views.optional(meta.published().map(Object::toString)));
      m.put("authors", Views.optional(Optional.of(authors(meta.authors()))));
      m.put("source", Views.optional(meta.source()));
      m.put("site", Views.optional(meta.site()));
      // The original address is shown as text; it is a link only when it is http(s).
      m.put("url", meta.url().filter(u -> !u.isBlank()).map(u -> List.<Map<String, Object>>of(
          Map.of("value", u, "safe", SiteLayout.isExternal(u)))).orElse(List.of()));
      List<Map<String, Object>> tags = new ArrayList<>();
      for (String key : d.tagKeys()) {
        SiteModel.Tag tag = site.tagsByKey.get(key);
        tags.add(Map.of("name", tag.name(),
            "href", SiteLayout.href(path, tag.dir() + SiteLayout.INDEX)));
      }
      m.put("tags", tags);
      m.put("hasTags", !tags.isEmpty());
      m.put("older", neighbour(position - 1, path));
      m.put("newer", neighbour(position + 1, path));
      List<Map<String, Object>> related = new ArrayList<>();
      for (SiteModel.Related r : site.related(d.id())) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", r.title());
        e.put("local", r.local().isPresent());
        e.put("href", r.local().map(l -> SiteLayout.href(path, l.path())).orElse(""));
        e.put("url", r.url().orElse(""));
        e.put("date", Views.optional(r.local().flatMap(l -> l.meta().published()).map(Object::toString)));
        related.add(e);
      }
      m.put("related", related);
      m.put("hasRelated", !related.isEmpty());
      putEditions(m, d, path);
      return m;
    }

    /**
     * The edition switcher and the head's hreflang links. Part of the model, so of the page's
     * fingerprint: a twin that arrives, leaves or moves rewrites this page too.
     */
    private void putEditions(Map<String, Object> m, Doc d, String path) {
      List<Map<String, Object>> editions = new ArrayList<>();
      List<Map<String, Object>> alternates = new ArrayList<>();
      for (Editions.Edition e : context.site().editions.of(d)) {
        boolean current = e.doc().id().equals(d.id());
        String href = current ? "" : SiteLayout.href(path, e.doc().path());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("label", e.label());
        entry.put("lang", e.language());
        entry.put("current", current);
        entry.put("href", href);
        entry.put("first", editions.isEmpty());
        editions.add(entry);
        if (!current) {
          alternates.add(Map.of("hreflang", e.language(), "href", href));
        }
      }
      m.put("editions", editions);
      m.put("hasEditions", !editions.isEmpty());
      m.put("alternates", alternates);
    }

    /** Home › year › month (links into the date archive), or home › undated. */
    private void putCrumbs(Map<String, Object> m, Optional<java.time.LocalDate> date, String path) {
      m.put("undatedHref", SiteLayout.href(path, SiteLayout.undatedDir() + SiteLayout.INDEX));
      m.put("crumbYear", date.map(d -> List.<Map<String, Object>>of(Map.of(
          "year", context.site().config.labels().format("yearN", "n", d.getYear()),
          "yearHref", SiteLayout.href(path, SiteLayout.ARCHIVE_INDEX) + "#y" + d.getYear(),
          "month", context.site().config.labels().format("monthTitle", "year", d.getYear(), "month",
              String.format(java.util.Locale.ROOT, "%02d", d.getMonthValue())),
          "monthHref", SiteLayout.href(path, SiteLayout.monthDir(d.getYear(), d.getMonthValue())
              + SiteLayout.INDEX)))).orElse(List.of()));
    }

    /** The authors as one line: "A, B"; blank names left out. */
    private static String authors(List<String> names) {
      StringBuilder sb = new StringBuilder();
      for (String n : names) {
        if (!n.isBlank()) {
          sb.append(sb.length() == 0 ? "" : ", ").append(n.strip());
        }
      }
      return sb.toString();
    }

    private List<Map<String, Object>> neighbour(int pos, String from) {
      List<Doc> list = context.site().list;
      if (pos < 0 || pos >= list.size()) {
        return List.of();
      }
      Doc n = list.get(pos);
      return List.of(Map.of("href", SiteLayout.href(from, n.path()), "title", n.meta().title()));
    }

    @Override
    public byte[] render() throws IOException {
      Doc d = doc();
      Map<String, Object> m = model();
      String markdown = Files.readString(d.bodyFile());
      boolean forSearch = context.bodyTexts().wanted(d.id());
      MarkdownRenderer.Rendered body = context.markdown().render(markdown, d.path(), context.media()::contains, forSearch);
      m.put("body", body.html());
      if (forSearch) {
        context.bodyTexts().offer(d.id(), body.plainText());
      }
      return context.templates().render("article", m);
    }
  }
}
