package samizdat.site.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import samizdat.content.ArticleMeta;

class PaginationTest {

  static List<Doc> docs(int n) {
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ArticleMeta meta = new ArticleMeta("d" + i, "t" + i, Optional.empty(), Optional.empty(), "zh",
          Optional.of(LocalDate.of(2020, 1, 1).plusDays(i)), Optional.empty(), List.of(), List.of(),
          List.of(), "p", "0", Instant.EPOCH);
      docs.add(Doc.of(meta, "a/undated/00/d" + i + ".html", Path.of("x"), new byte[16], new long[0]));
    }
    return docs;
  }

  @Test
  void frontPageShowsOnlyArticlesNoNumberedPageHoldsAndNumberedPagesCountFromTheOldest() {
    // 45 = 2 full pages + 5: the 5 are fewer than half a page, so the front page keeps 25
    List<Pagination.ListPage> pages = Pagination.paginate("", docs(45), 20);
    assertEquals(2, pages.size());
    Pagination.ListPage front = pages.get(0);
    assertEquals("index.html", front.path());
    assertEquals(25, front.items().size());
    assertEquals("d44", front.items().get(0).id());
    assertEquals("d20", front.items().get(24).id());
    assertEquals(Optional.of("page/0/1.html"), front.older());
    Pagination.ListPage first = pages.get(1);
    assertEquals("page/0/1.html", first.path());
    assertEquals("d19", first.items().get(0).id());
    assertEquals("d0", first.items().get(19).id());
    assertEquals(Optional.empty(), first.older());
    assertEquals(Optional.of("index.html"), first.newer());
    // 50 = 2 full pages + 10: now the front page keeps 10 and page 2 is made
    List<Pagination.ListPage> more = Pagination.paginate("", docs(50), 20);
    assertEquals(3, more.size());
    assertEquals(10, more.get(0).items().size());
    assertEquals(Optional.of("page/0/2.html"), more.get(0).older());
  }

  @Test
  void noArticleIsShownTwiceFromTheFrontPageToTheOldest() {
    for (int n : new int[] {0, 1, 9, 10, 19, 20, 29, 30, 39, 40, 41, 45, 50, 59, 60, 199, 1234}) {
      List<Pagination.ListPage> pages = Pagination.paginate("", docs(n), 20);
      java.util.Map<String, Pagination.ListPage> byPath = new java.util.HashMap<>();
      pages.forEach(p -> byPath.put(p.path(), p));
      List<String> seen = new ArrayList<>();
      Pagination.ListPage p = pages.get(0);
      while (true) {
        p.items().forEach(d -> seen.add(d.id()));
        if (p.older().isEmpty()) {
          break;
        }
        p = byPath.get(p.older().get());
      }
      assertEquals(n, seen.size(), "every article once at " + n);
      assertEquals(n, new java.util.HashSet<>(seen).size(), "no repeats at " + n);
      for (Pagination.ListPage page : pages) {
        assertTrue(page.number() != 0 || page.items().size() <= 29, "front page size at " + n);
        assertTrue(page.number() == 0 || page.items().size() == 20, "numbered pages are full");
      }
    }
  }

  @Test
  void pagesLinkOnlyToPagesThatExist() {
    List<Pagination.ListPage> pages = Pagination.paginate("", docs(1234), 20);
    java.util.Set<String> paths = new java.util.HashSet<>();
    pages.forEach(p -> paths.add(p.path()));
    for (Pagination.ListPage p : pages) {
      for (Pagination.PageLink l : p.links()) {
        l.target().ifPresent(t -> assertTrue(paths.contains(t), p.path() + " links to " + t));
      }
    }
    Pagination.ListPage front = pages.get(0);
    assertEquals(61, front.lastNumbered());
    assertEquals(List.of("", "61", "60", "59", "58", "57", "1"),
        front.links().stream().map(Pagination.PageLink::label).toList());
    assertTrue(front.links().get(6).gap());
    Pagination.ListPage page30 = pages.stream().filter(p -> p.number() == 30).findFirst().orElseThrow();
    assertEquals(List.of("", "32", "31", "30", "29", "28", "1"),
        page30.links().stream().map(Pagination.PageLink::label).toList());
    assertEquals(Optional.empty(), page30.links().get(3).target(), "the current page is not a link");
  }

  @Test
  void newsRewritesTheFrontPageTheNewPagesAndAFewBelowThem() {
    List<Pagination.ListPage> before = Pagination.paginate("tags/ab/x/", docs(1005), 20);
    List<Pagination.ListPage> after = Pagination.paginate("tags/ab/x/", docs(1105), 20);
    int changed = 0;
    for (Pagination.ListPage old : before) {
      Pagination.ListPage now = after.stream().filter(p -> p.path().equals(old.path())).findFirst().orElseThrow();
      if (!view(now).equals(view(old))) {
        changed++;
        assertTrue(old.number() == 0 || old.number() >= before.size() - 1 - 3, "changed " + old.path());
      }
    }
    assertEquals(4, changed); // the front page and the three newest numbered pages (links)
    assertEquals(before.size() + 5, after.size());
  }

  private static String view(Pagination.ListPage p) {
    return p.path() + p.number() + p.items().stream().map(Doc::id).toList() + p.front() + p.newer()
        + p.older() + p.links() + (p.number() == 0 ? p.lastNumbered() : 0);
  }

  static List<Doc> undated(int from, int to) {
    List<Doc> docs = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ArticleMeta meta = new ArticleMeta("u" + i, "t" + i, Optional.empty(), Optional.empty(), "zh",
          Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), "p", "0", Instant.EPOCH);
      docs.add(Doc.of(meta, "a/undated/00/u" + i + ".html", Path.of("x"), new byte[16], new long[0]));
    }
    return docs;
  }

  @Test
  void undatedArticlesComeLastInTheirOwnSeriesAndNeverRenumberDatedPages() {
    List<Pagination.ListPage> before = Pagination.paginate("", docs(60), undated(0, 25), 20);
    List<Pagination.ListPage> after = Pagination.paginate("", docs(60), undated(0, 26), 20);
    assertEquals("undated/page/0/1.html", before.get(3).path());
    assertEquals(Optional.of("undated/page/0/1.html"), before.get(1).older(), "page 1 leads on to undated");
    assertEquals("u0", before.get(3).items().get(0).id());
    int changed = 0;
    for (int i = 0; i < before.size(); i++) {
      if (!view(before.get(i)).equals(view(after.get(i)))) {
        changed++;
        assertEquals("undated/page/0/2.html", before.get(i).path());
      }
    }
    assertEquals(1, changed);
    // few articles: all on the front page
    List<Pagination.ListPage> few = Pagination.paginate("", docs(3), undated(0, 5), 20);
    assertEquals(8, few.get(0).items().size());
    assertEquals(Optional.empty(), few.get(0).older());
    assertEquals(1, few.size());
  }

  @Test
  void anUndatedOnlyListKeepsItsPagesInItsOwnFolder() {
    List<Pagination.ListPage> pages = Pagination.paginateUndated("archive/undated/", undated(0, 45), 20);
    assertEquals(List.of("archive/undated/index.html", "archive/undated/page/0/1.html",
        "archive/undated/page/0/2.html", "archive/undated/page/0/3.html"),
        pages.stream().map(Pagination.ListPage::path).toList());
    // the front page shows page 1's articles, so "older" goes on to page 2
    assertEquals(pages.get(1).items(), pages.get(0).items());
    assertEquals(Optional.of("archive/undated/page/0/2.html"), pages.get(0).older());
    assertEquals(Optional.of("archive/undated/index.html"), pages.get(1).newer());
    assertEquals(Optional.of("archive/undated/page/0/2.html"), pages.get(1).older());
    assertEquals(List.of("u40", "u41", "u42", "u43", "u44"),
        pages.get(3).items().stream().map(Doc::id).toList());
  }

  @Test
  void shortListsHaveOnlyAFrontPage() {
    assertEquals(1, Pagination.paginate("", docs(0), 20).size());
    assertEquals(Optional.empty(), Pagination.paginate("", docs(7), 20).get(0).older());
    assertEquals(1, Pagination.paginate("", docs(29), 20).size());
    assertEquals(2, Pagination.paginate("", docs(30), 20).size());
  }
}
