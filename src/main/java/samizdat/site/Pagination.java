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
   * @param number 0 for the front page, else the page number (1 = oldest)
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
    int total = oldestFirst.size();
    int full = total / pageSize;
    String front = dir + SiteLayout.INDEX;
    List<ListPage> pages = new ArrayList<>(full + 1);

    List<Doc> frontItems = newestFirst(oldestFirst.subList(Math.max(0, total - pageSize), total));
    // The front page shows the newest pageSize articles; when they are exactly the newest full
    // page, "older" skips that page's twin.
    int frontOlder = total % pageSize == 0 ? full - 1 : full;
    Optional<String> frontOlderPath = frontOlder >= 1
        ? Optional.of(SiteLayout.listPage(dir, frontOlder)) : Optional.empty();
    Optional<String> frontOldest = frontOlder > 1
        ? Optional.of(SiteLayout.listPage(dir, 1)) : Optional.empty();
    pages.add(new ListPage(front, 0, frontItems, Optional.empty(), Optional.empty(), frontOlderPath,
        frontOldest));

    for (int k = 1; k <= full; k++) {
      List<Doc> items = newestFirst(oldestFirst.subList((k - 1) * pageSize, k * pageSize));
      Optional<String> newer = Optional.of(k == full ? front : SiteLayout.listPage(dir, k + 1));
      Optional<String> older = k > 1 ? Optional.of(SiteLayout.listPage(dir, k - 1)) : Optional.empty();
      Optional<String> oldest = k > 2 ? Optional.of(SiteLayout.listPage(dir, 1)) : Optional.empty();
      Optional<String> newest = k == full ? Optional.empty() : Optional.of(front);
      pages.add(new ListPage(SiteLayout.listPage(dir, k), k, items, newest, newer, older, oldest));
    }
    return pages;
  }

  private static List<Doc> newestFirst(List<Doc> docs) {
    List<Doc> copy = new ArrayList<>(docs);
    Collections.reverse(copy);
    return copy;
  }
}
