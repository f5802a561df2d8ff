package samizdat.site.render;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import samizdat.site.model.SiteLayout;
import samizdat.site.model.SiteModel;

/**
 * The date archive: {@code archive/index.html} lists years and months with counts (newest first);
 * each month, and the undated articles, get a paginated list like the main index.
 */
public final class ArchiveRenderer implements PageRenderer {
  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    List<Page> pages = new ArrayList<>();
    String path = SiteLayout.ARCHIVE_INDEX;
    TreeMap<Integer, List<Map<String, Object>>> years = new TreeMap<>();
    TreeMap<Integer, Integer> yearCounts = new TreeMap<>();
    for (var e : site.months.descendingMap().entrySet()) {
      YearMonth ym = e.getKey();
      String dir = SiteLayout.monthDir(ym.getYear(), ym.getMonthValue());
      String label = String.format(Locale.ROOT, "%04d-%02d", ym.getYear(), ym.getMonthValue());
      pages.addAll(ListPages.of(context, dir, e.getValue(),
          site.config.labels().format("monthTitle", "year", ym.getYear(), "month",
              String.format(Locale.ROOT, "%02d", ym.getMonthValue())), "month"));
      Map<String, Object> month = new LinkedHashMap<>();
      month.put("label", label);
      month.put("month", ym.getMonthValue());
      month.put("href", SiteLayout.href(path, dir + SiteLayout.INDEX));
      month.put("count", e.getValue().size());
      years.computeIfAbsent(ym.getYear(), y -> new ArrayList<>()).add(month);
      yearCounts.merge(ym.getYear(), e.getValue().size(), Integer::sum);
    }
    List<Map<String, Object>> yearList = new ArrayList<>();
    for (var e : years.descendingMap().entrySet()) {
      Map<String, Object> y = new LinkedHashMap<>();
      y.put("year", String.valueOf(e.getKey()));
      y.put("count", yearCounts.get(e.getKey()));
      y.put("months", e.getValue());
      yearList.add(y);
    }
    List<Map<String, Object>> undated = new ArrayList<>();
    if (!site.undated.isEmpty()) {
      String dir = SiteLayout.undatedDir();
      pages.addAll(ListPages.undated(context, dir, site.undated, site.config.labels().get("undatedArticles"), "month"));
      undated.add(Map.of("href", SiteLayout.href(path, dir + SiteLayout.INDEX), "count", site.undated.size()));
    }
    Map<String, Object> m = Views.base(path, site.config.labels().get("archiveTitle") + " — " + site.config.title(),
        site.config.language(), site.config);
    m.put("years", yearList);
    m.put("hasYears", yearList.size() > 1);
    m.put("undated", undated);
    m.put("empty", yearList.isEmpty() && undated.isEmpty());
    pages.add(new MustachePage(context, path, "archive", m));
    return pages;
  }
}
