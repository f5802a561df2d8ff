package samizdat.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Splits a list of articles into pages numbered from the oldest, so a page, once full, keeps its
 * content forever: page 1 holds the 20 oldest articles, page 2 the next 20, and so on. Only full
 * pages get a number; the front page ({@code index.html} of the list's folder) shows the newest
 * articles. When news arrives, only the front page and the newest numbered page (whose "newer"
 * link changes) are rewritten, plus the new pages.
 */
final class Pagination {
  private Pagination() {}

  /**
   * One page of a list.
   *
   * @param path file of this page
   * @param number 0 for the front page, the page number (1 = oldest) of dated pages, minus the
   *     page number of undated pages
   * @param items the articles shown, newest first
   * @param newest the front page, unless this is it
   * @param newer the next newer page, if any
   * @param older the next older page, if any
   * @param oldest page 1, unless this is it or there is no older page
   */
  record ListPage(String path, int number, List<Doc> items, Optional<String> newest,
      Optional<String> newer, Optional<String> older, Optional<String> oldest) {}

  /** The pages of the list {@code oldestFirst} kept in folder {@code dir} ({@code ""} = root). */
  static List<ListPage> paginate(String dir, List<Doc> oldestFirst, int pageSize) {
    List<Doc> dated = new ArrayList<>();
    List<Doc> undated = new ArrayList<>();
    for (Doc d : oldestFirst) {
      (d.meta().published().isPresent() ? dated : undated).add(d);
    }
    return paginate(dir, dated, undated, pageSize);
  }

  /**
   * The pages of a list of dated articles (oldest first) followed, when read newest first, by the
   * undated ones. Undated articles have their own series of pages ({@code dir/undated/...}),
   * numbered in the order they arrived, so a new undated article never renumbers the dated pages
   * and only changes the last undated page.
   */
  static List<ListPage> paginate(String dir, List<Doc> dated, List<Doc> undated, int pageSize) {
    return paginate(dir, dated, undated, pageSize, dir + "undated/");
  }

  /**
   * The pages of a list that only ever holds undated articles (the date archive's "undated"
   * folder): its numbered pages sit in {@code dir} itself ({@code archive/undated/page/0/1.html}),
   * not in a second {@code undated/} folder inside it.
   */
  static List<ListPage> paginateUndated(String dir, List<Doc> undated, int pageSize) {
    return paginate(dir, List.of(), undated, pageSize, dir);
  }

  private static List<ListPage> paginate(String dir, List<Doc> dated, List<Doc> undated, int pageSize,
      String undatedDir) {
    int total = dated.size();
    int full = total / pageSize;
    int undatedPages = (undated.size() + pageSize - 1) / pageSize;
    String front = dir + SiteLayout.INDEX;
    Optional<String> firstUndated = undatedPages > 0
        ? Optional.of(SiteLayout.listPage(undatedDir, 1)) : Optional.empty();
    List<ListPage> pages = new ArrayList<>(full + undatedPages + 1);

    // The front page shows the newest pageSize articles (undated ones only when there are few
    // dated ones); when they are exactly the newest full page, "older" skips that page's twin.
    List<Doc> frontItems = newestFirst(dated.subList(Math.max(0, total - pageSize), total));
    for (int i = 0; frontItems.size() < pageSize && i < undated.size(); i++) {
      frontItems.add(undated.get(i));
    }
    int frontOlder = total % pageSize == 0 ? full - 1 : full;
    Optional<String> frontOlderPath = frontOlder >= 1
        ? Optional.of(SiteLayout.listPage(dir, frontOlder)) : firstUndated;
    Optional<String> frontOldest = frontOlder > 1
        ? Optional.of(SiteLayout.listPage(dir, 1)) : Optional.empty();
    if (frontOlder < 1 && undated.size() <= pageSize - Math.min(total, pageSize)) {
      frontOlderPath = Optional.empty(); // everything fits on the front page
    }
    pages.add(new ListPage(front, 0, frontItems, Optional.empty(), Optional.empty(), frontOlderPath,
        frontOldest));

    for (int k = 1; k <= full; k++) {
      List<Doc> items = newestFirst(dated.subList((k - 1) * pageSize, k * pageSize));
      Optional<String> newer = Optional.of(k == full ? front : SiteLayout.listPage(dir, k + 1));
      Optional<String> older = k > 1 ? Optional.of(SiteLayout.listPage(dir, k - 1)) : firstUndated;
      Optional<String> oldest = k > 2 ? Optional.of(SiteLayout.listPage(dir, 1)) : Optional.empty();
      Optional<String> newest = k == full ? Optional.empty() : Optional.of(front);
      pages.add(new ListPage(SiteLayout.listPage(dir, k), k, items, newest, newer, older, oldest));
    }
    for (int k = 1; k <= undatedPages; k++) {
      List<Doc> items = new ArrayList<>(undated.subList((k - 1) * pageSize,
          Math.min(undated.size(), k * pageSize)));
      Optional<String> newer = Optional.of(k > 1 ? SiteLayout.listPage(undatedDir, k - 1)
          : full >= 1 ? SiteLayout.listPage(dir, 1) : front);
      Optional<String> older = k < undatedPages
          ? Optional.of(SiteLayout.listPage(undatedDir, k + 1)) : Optional.empty();
      pages.add(new ListPage(SiteLayout.listPage(undatedDir, k), -k, items, Optional.of(front), newer,
          older, Optional.empty()));
    }
    return pages;
  }

  private static List<Doc> newestFirst(List<Doc> docs) {
    List<Doc> copy = new ArrayList<>(docs);
    Collections.reverse(copy);
    return copy;
  }
}
