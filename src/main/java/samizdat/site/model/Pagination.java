package samizdat.site.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Splits a list of articles into pages so that a reader going from the front page to older pages
 * never sees an article twice, while news rewrites few files.
 *
 * <p>The scheme: numbered pages count from the oldest and, once made, hold the same articles
 * forever (page 1: the oldest {@code P}, page 2: the next {@code P}, ...). The front page ({@code
 * index.html} of the list's folder) holds exactly the newest articles that are on no numbered page:
 * between {@code P/2} and {@code 3P/2 - 1} of them (10 to 29 for {@code P = 20}). A numbered page is
 * made only when the front page would otherwise hold {@code 3P/2} articles; then its oldest {@code
 * P} move to it and the front keeps {@code P/2}. So "older" on the front page leads to the newest
 * numbered page, whose articles the front page does not show, and so on down to page 1.
 *
 * <p>Each numbered page links to the front page, page 1, and the pages up to two either side of
 * it; as only pages that already exist are linked, page {@code k} changes just three times after
 * it is made (when pages {@code k+1}, {@code k+2} and {@code k+3} appear: its "newer" link points
 * to the front page until page {@code k+1} exists, and a gap mark follows the front page link once
 * there are pages between it and {@code k+2}). The front page, rewritten with every arrival anyway, lists
 * more page numbers and knows the page count, which the jump box uses (pages other than the front
 * page send a jump beyond their own number to the front page, {@code index.html#page=N}).
 *
 * <p>When news arrives, the front page, the new numbered pages and the three numbered pages below
 * them are rewritten; nothing else.
 */
public final class Pagination {
  private Pagination() {}

  /** Page links shown either side of a numbered page. */
  static final int WINDOW = 2;
  /** Page numbers the front page lists before jumping to page 1. */
  static final int FRONT_LINKS = 5;

  /**
   * A link in a page's list of page numbers.
   *
   * @param label what it shows: a page number, or empty for the front page
   * @param target the page (empty: the page itself)
   * @param gap true when numbers were left out before this link
   * @param undated a page of the undated series
   */
  public record PageLink(String label, Optional<String> target, boolean gap, boolean undated) {}

  /**
   * One page of a list.
   *
   * @param path file of this page
   * @param number 0 for the front page, the page number (1 = oldest) of dated pages, minus the
   *     page number of undated pages
   * @param items the articles shown, newest first
   * @param front the front page, unless this is it
   * @param newer the next newer page, if any
   * @param older the next older page, if any
   * @param links page numbers to show, newest first
   * @param lastNumbered on the front page the highest page number (for the jump box); on numbered
   *     pages their own number (pages up to it surely exist)
   */
  public record ListPage(String path, int number, List<Doc> items, Optional<String> front,
      Optional<String> newer, Optional<String> older, List<PageLink> links, int lastNumbered) {}

  /** The pages of the list {@code oldestFirst} kept in folder {@code dir} ({@code ""} = root). */
  public static List<ListPage> paginate(String dir, List<Doc> oldestFirst, int pageSize) {
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
   * and only changes the last undated page. A list short enough shows everything on its front page.
   */
  public static List<ListPage> paginate(String dir, List<Doc> dated, List<Doc> undated, int pageSize) {
    return paginate(dir, dated, undated, pageSize, dir + "undated/");
  }

  /**
   * The pages of a list that only ever holds undated articles (the date archive's "undated"
   * folder): its numbered pages sit in {@code dir} itself ({@code archive/undated/page/0/1.html}),
   * not in a second {@code undated/} folder inside it.
   */
  public static List<ListPage> paginateUndated(String dir, List<Doc> undated, int pageSize) {
    return paginate(dir, List.of(), undated, pageSize, dir);
  }

  /** How many numbered pages a list of {@code total} dated articles has (see the class comment). */
  static int numberedPages(int total, int pageSize) {
    int half = (pageSize + 1) / 2;
    return total < half ? 0 : (total - half) / pageSize;
  }

  private static List<ListPage> paginate(String dir, List<Doc> dated, List<Doc> undated, int pageSize,
      String undatedDir) {
    int total = dated.size();
    int numbered = numberedPages(total, pageSize);
    int frontLimit = pageSize + (pageSize + 1) / 2 - 1;
    String front = dir + SiteLayout.INDEX;
    List<Doc> frontItems = newestFirst(dated.subList(numbered * pageSize, total));
    // Undated articles join the front page when everything fits there; else they have their own
    // pages after the dated ones, and the front page of a list with no dated article shows the
    // first of them (its "older" then skips that page's twin).
    boolean undatedOnFront = numbered == 0 && total + undated.size() <= frontLimit;
    int undatedPages = undatedOnFront ? 0 : (undated.size() + pageSize - 1) / pageSize;
    if (undatedOnFront) {
      frontItems.addAll(undated);
    } else if (total == 0 && undatedPages > 0) {
      frontItems.addAll(undated.subList(0, Math.min(pageSize, undated.size())));
    }
    List<ListPage> pages = new ArrayList<>(numbered + undatedPages + 1);

    Optional<String> firstUndated = undatedPages > 0
        ? Optional.of(SiteLayout.listPage(undatedDir, 1)) : Optional.empty();
    Optional<String> frontOlder = numbered >= 1 ? Optional.of(SiteLayout.listPage(dir, numbered))
        : total == 0 && undatedPages > 1 ? Optional.of(SiteLayout.listPage(undatedDir, 2))
        : total == 0 ? Optional.empty() : firstUndated;
    List<PageLink> frontLinks = new ArrayList<>();
    if (numbered + undatedPages > 0) {
      frontLinks.add(new PageLink("", Optional.empty(), false, false));
      int lowest = Math.max(1, numbered - FRONT_LINKS + 1);
      for (int k = numbered; k >= lowest; k--) {
        frontLinks.add(numberLink(dir, k, -1, false));
      }
      if (lowest > 1) {
        frontLinks.add(new PageLink("1", Optional.of(SiteLayout.listPage(dir, 1)), lowest > 2, false));
      }
      for (int k = total == 0 ? 2 : 1; k <= Math.min(undatedPages, 3); k++) {
        frontLinks.add(new PageLink(Integer.toString(k), Optional.of(SiteLayout.listPage(undatedDir, k)),
            false, true));
      }
    }
    pages.add(new ListPage(front, 0, frontItems, Optional.empty(), Optional.empty(), frontOlder,
        frontLinks, numbered));

    for (int k = 1; k <= numbered; k++) {
      List<Doc> items = newestFirst(dated.subList((k - 1) * pageSize, k * pageSize));
      Optional<String> newer = Optional.of(k == numbered ? front : SiteLayout.listPage(dir, k + 1));
      Optional<String> older = k > 1 ? Optional.of(SiteLayout.listPage(dir, k - 1)) : firstUndated;
      List<PageLink> links = new ArrayList<>();
      links.add(new PageLink("", Optional.of(front), false, false));
      int high = Math.min(numbered, k + WINDOW);
      int low = Math.max(1, k - WINDOW);
      for (int j = high; j >= low; j--) {
        links.add(numberLink(dir, j, k, j == high && high < numbered));
      }
      if (low > 1) {
        links.add(new PageLink("1", Optional.of(SiteLayout.listPage(dir, 1)), low > 2, false));
      }
      pages.add(new ListPage(SiteLayout.listPage(dir, k), k, items, Optional.of(front), newer, older,
          links, k));
    }
    for (int k = 1; k <= undatedPages; k++) {
      List<Doc> items = new ArrayList<>(undated.subList((k - 1) * pageSize,
          Math.min(undated.size(), k * pageSize)));
      Optional<String> newer = Optional.of(k > 1 ? SiteLayout.listPage(undatedDir, k - 1)
          : numbered >= 1 ? SiteLayout.listPage(dir, 1) : front);
      Optional<String> older = k < undatedPages
          ? Optional.of(SiteLayout.listPage(undatedDir, k + 1)) : Optional.empty();
      List<PageLink> links = new ArrayList<>();
      links.add(new PageLink("", Optional.of(front), false, false));
      for (int j = Math.max(1, k - WINDOW); j <= Math.min(undatedPages, k + WINDOW); j++) {
        links.add(new PageLink(Integer.toString(j), j == k ? Optional.empty()
            : Optional.of(SiteLayout.listPage(undatedDir, j)), false, true));
      }
      pages.add(new ListPage(SiteLayout.listPage(undatedDir, k), -k, items, Optional.of(front), newer,
          older, links, 0));
    }
    return pages;
  }

  private static PageLink numberLink(String dir, int number, int current, boolean gapAfterNewer) {
    return new PageLink(Integer.toString(number),
        number == current ? Optional.empty() : Optional.of(SiteLayout.listPage(dir, number)),
        gapAfterNewer, false);
  }

  private static List<Doc> newestFirst(List<Doc> docs) {
    List<Doc> copy = new ArrayList<>(docs);
    Collections.reverse(copy);
    return copy;
  }
}
