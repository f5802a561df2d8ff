package samizdat.site.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import samizdat.content.ArticleMeta;

class RelatedFinderTest {

  private static Doc doc(String id, String title, String text) {
    ArticleMeta meta = new ArticleMeta(id, title, Optional.empty(), Optional.empty(), "zh",
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), "p", "0", Instant.EPOCH);
    return Doc.of(meta, "a/undated/00/" + id + ".html", Path.of("x"), new byte[16],
        TextSignature.of(title, text));
  }

  @Test
  void findsArticlesSharingRareTagsAndChineseWordsButOnlyOlderOnes() {
    List<Doc> docs = new ArrayList<>();
    List<List<String>> tags = new ArrayList<>();
    docs.add(doc("sora1", "OpenAI发布Sora视频模型", "周鸿祎评论Sora模型，认为视频生成技术突破。"));
    tags.add(List.of("ai", "科技"));
    docs.add(doc("food", "北京烤鸭餐厅排队", "游客排队品尝烤鸭，餐厅生意兴隆。"));
    tags.add(List.of("美食"));
    docs.add(doc("chips", "芯片出口管制升级", "半导体芯片出口受限，厂商担忧供应。"));
    tags.add(List.of("科技"));
    docs.add(doc("sora2", "周鸿祎再谈Sora模型", "周鸿祎表示Sora视频生成模型将改变行业。"));
    tags.add(List.of("ai"));
    docs.add(doc("sora3", "Sora模型开放测试", "Sora视频生成模型向部分用户开放，周鸿祎称赞。"));
    tags.add(List.of("ai"));

    int[][] related = new RelatedFinder(5).find(docs, tags);
    assertEquals(0, related[0].length, "the oldest article has nothing older");
    assertArrayEquals(new int[] {0}, related[3]);
    // sora3: both earlier Sora articles, the one sharing more words first; never the food article
    assertEquals(3, related[4][0]);
    assertTrue(List.of(related[4][0], related[4][1]).containsAll(List.of(3, 0)));
    for (int[] r : related) {
      for (int j : r) {
        assertTrue(j != 1 || r == related[1], "unrelated food article suggested");
      }
    }
    for (int i = 0; i < related.length; i++) {
      for (int j : related[i]) {
        assertTrue(j < i, "related articles are never newer");
      }
    }
    // deterministic
    int[][] again = new RelatedFinder(5).find(docs, tags);
    for (int i = 0; i < related.length; i++) {
      assertArrayEquals(related[i], again[i]);
    }
  }

  @Test
  void addingNewerArticlesDoesNotChangeOlderLists() {
    List<Doc> docs = new ArrayList<>();
    List<List<String>> tags = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      docs.add(doc("d" + i, "标题" + (i % 7) + "新闻", "内容" + (i % 11) + "报道经济市场" + (i % 5) + "政府官员"));
      tags.add(List.of("t" + (i % 13), "common"));
    }
    int[][] small = new RelatedFinder(5).find(docs.subList(0, 200), tags.subList(0, 200));
    int[][] large = new RelatedFinder(5).find(docs, tags);
    for (int i = 0; i < 200; i++) {
      assertArrayEquals(small[i], large[i], "article " + i);
    }
    assertEquals(5, large[250].length);
  }

  @Test
  void listsOfAFewNeededArticlesAreThoseOfAllArticles() {
    List<Doc> docs = new ArrayList<>();
    List<List<String>> tags = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      docs.add(doc("d" + i, "标题" + (i % 7) + "新闻" + (i % 17), "内容" + (i % 11) + "报道经济市场" + (i % 5)
          + "政府官员" + (i % 23) + "表示"));
      tags.add(List.of("t" + (i % 13), "u" + (i % 29), "common"));
    }
    int[][] all = new RelatedFinder(5).find(docs, tags);
    boolean[] needed = new boolean[docs.size()];
    int[] few = {0, 7, 150, 301, 398, 399};
    for (int i : few) {
      needed[i] = true;
    }
    // the needed ones' postings only: every term and tag of theirs, none of the others'
    int[][] some = new RelatedFinder(5).find(docs, tags, needed);
    for (int i = 0; i < docs.size(); i++) {
      if (needed[i]) {
        assertArrayEquals(all[i], some[i], "article " + i);
      } else {
        assertEquals(null, some[i], "article " + i);
      }
    }
    assertEquals(5, some[399].length);
  }

  @Test
  void termNumbersFindEveryTermAndNoOther() {
    java.util.Random random = new java.util.Random(3);
    long[] terms = random.longs(5000).distinct().toArray();
    // and terms that collide in the low and the high bits
    long[] all = java.util.Arrays.copyOf(terms, terms.length + 64);
    for (int k = 0; k < 64; k++) {
      all[terms.length + k] = ((long) k << 40) | 7;
    }
    RelatedFinder.TermNumbers numbers = new RelatedFinder.TermNumbers(all, all.length);
    for (int t = 0; t < all.length; t++) {
      assertEquals(t, numbers.of(all[t]));
    }
    java.util.Set<Long> known = new java.util.HashSet<>();
    for (long t : all) {
      known.add(t);
    }
    for (int k = 0; k < 5000; k++) {
      long other = random.nextLong();
      if (!known.contains(other)) {
        assertEquals(-1, numbers.of(other));
      }
    }
    assertEquals(-1, new RelatedFinder.TermNumbers(new long[0], 0).of(42));
  }

  @Test
  void candidatesPerTermAreCapped() {
    List<Doc> docs = new ArrayList<>();
    List<List<String>> tags = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      docs.add(doc("d" + i, "x", ""));
      tags.add(List.of("everywhere"));
    }
    int[][] related = new RelatedFinder(5).find(docs, tags);
    // only the most recent earlier articles are candidates; ties go to the newest
    assertArrayEquals(new int[] {498, 497, 496, 495, 494}, related[499]);
  }
}
