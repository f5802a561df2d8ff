package samizdat.site;

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
  void frontPageShowsNewestAndNumberedPagesCountFromTheOldest() {
    List<Pagination.ListPage> pages = Pagination.paginate("", docs(45), 20);
    assertEquals(3, pages.size());
    Pagination.ListPage front = pages.get(0);
    assertEquals("index.html", front.path());
    assertEquals("d44", front.items().get(0).id());
    assertEquals(20, front.items().size());
    assertEquals(Optional.of("page/0/2.html"), front.older());
    Pagination.ListPage first = pages.get(1);
    assertEquals("page/0/1.html", first.path());
    assertEquals("d19", first.items().get(0).id());
    assertEquals("d0", first.items().get(19).id());
    assertEquals(Optional.empty(), first.older());
    assertEquals(Optional.of("page/0/2.html"), first.newer());
    assertEquals(Optional.of("index.html"), pages.get(2).newer());
  }

  @Test
  void fullPagesNeverChangeWhenNewsArrives() {
    List<Pagination.ListPage> before = Pagination.paginate("tags/ab/x/", docs(105), 20);
    List<Pagination.ListPage> after = Pagination.paginate("tags/ab/x/", docs(180), 20);
    int changed = 0;
    for (Pagination.ListPage old : before) {
      Pagination.ListPage now = after.stream().filter(p -> p.path().equals(old.path())).findFirst().orElseThrow();
      if (!view(now).equals(view(old))) {
        changed++;
        assertTrue(old.number() == 0 || old.number() == 5, "changed " + old.path());
      }
    }
    assertEquals(2, changed); // the front page and the newest numbered page ("newer" link)
  }

  private static String view(Pagination.ListPage p) {
    return p.path() + p.number() + p.items().stream().map(Doc::id).toList() + p.newest() + p.newer()
        + p.older() + p.oldest();
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
    assertEquals("undated/page/0/1.html", before.get(4).path());
    assertEquals(Optional.of("undated/page/0/1.html"), before.get(1).older(), "page 1 leads on to undated");
    assertEquals("u0", before.get(4).items().get(0).id());
    int changed = 0;
    for (int i = 0; i < before.size(); i++) {
      if (!view(before.get(i)).equals(view(after.get(i)))) {
        changed++;
        assertEquals("undated/page/0/2.html", before.get(i).path());
      }
    }
    assertEquals(1, changed);
    // few dated articles: the front page is filled up with undated ones
    List<Pagination.ListPage> few = Pagination.paginate("", docs(3), undated(0, 5), 20);
    assertEquals(8, few.get(0).items().size());
    assertEquals(Optional.empty(), few.get(0).older());
  }

  @Test
  void anUndatedOnlyListKeepsItsPagesInItsOwnFolder() {
    List<Pagination.ListPage> pages = Pagination.paginateUndated("archive/undated/", undated(0, 45), 20);
    assertEquals(List.of("archive/undated/index.html", "archive/undated/page/0/1.html",
        "archive/undated/page/0/2.html", "archive/undated/page/0/3.html"),
        pages.stream().map(Pagination.ListPage::path).toList());
    assertEquals(Optional.of("archive/undated/page/0/1.html"), pages.get(0).older());
    assertEquals(Optional.of("archive/undated/index.html"), pages.get(1).newer());
    assertEquals(Optional.of("archive/undated/page/0/2.html"), pages.get(1).older());
    assertEquals(List.of("u40", "u41", "u42", "u43", "u44"),
        pages.get(3).items().stream().map(Doc::id).toList());
  }

  @Test
  void exactMultipleFrontPageSkipsItsTwin() {
    List<Pagination.ListPage> pages = Pagination.paginate("", docs(40), 20);
    assertEquals(Optional.of("page/0/1.html"), pages.get(0).older());
    assertEquals(1, Pagination.paginate("", docs(0), 20).size());
    assertEquals(Optional.empty(), Pagination.paginate("", docs(7), 20).get(0).older());
  }
}
