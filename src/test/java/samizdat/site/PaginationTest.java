package samizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
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
          Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), "p", "0",
          Instant.EPOCH);
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

  @Test
  void exactMultipleFrontPageSkipsItsTwin() {
    List<Pagination.ListPage> pages = Pagination.paginate("", docs(40), 20);
    assertEquals(Optional.of("page/0/1.html"), pages.get(0).older());
    assertEquals(1, Pagination.paginate("", docs(0), 20).size());
    assertEquals(Optional.empty(), Pagination.paginate("", docs(7), 20).get(0).older());
  }
}
