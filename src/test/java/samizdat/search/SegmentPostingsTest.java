package samizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentPostingsTest {
  private static void add(SegmentPostings table, String term, int doc, int weight) {
    table.add(term, Tokenizer.pack(term), TermTable.mix(term), doc, weight);
  }

  private static String text(SegmentPostings table, int id) {
    StringBuilder out = new StringBuilder();
    table.appendTo(id, out, new char[1]);
    return out.toString();
  }

  private static String text(Postings p) {
    StringBuilder out = new StringBuilder();
    p.appendTo(out);
    return out.toString();
  }

  @Test
  void encodesLikePostingsForManyShortAndLongTermsThroughGrowth() {
    SegmentPostings table = new SegmentPostings(4);
    Map<String, Postings> expected = new HashMap<>();
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // CJK bigrams, single characters, short and long words, and a pair term.
      vocabulary.add(switch (i % 5) {
        case 0 -> new String(new char[] {(char) (0x4E00 + i), (char) (0x4E01 + i * 7 % 5000)});
        case 1 -> String.valueOf((char) (0x4E00 + i));
        case 2 -> "w" + i;
        case 3 -> "longerword" + i;
        default -> "x" + i + " " + (char) (0x4E00 + i);
      });
    }
    Random random = new Random(7);
    for (int doc = 0; doc < 300; doc++) {
      for (String term : vocabulary) {
        if (random.nextInt(10) == 0) {
          int weight = random.nextInt(4);
          add(table, term, doc * 37, weight);
          expected.computeIfAbsent(term, t -> new Postings()).add(doc * 37, weight);
        }
      }
    }
    assertEquals(expected.size(), table.size());
    for (int id = 0; id < table.size(); id++) {
      Postings p = expected.get(table.term(id));
      assertEquals(text(p), text(table, id), table.term(id));
      assertEquals(p.length(), table.length(id));
    }
  }

  @Test
  void absorbsAnotherTablesTermsAfterItsOwn() {
    SegmentPostings lower = new SegmentPostings(4);
    SegmentPostings upper = new SegmentPostings(4);
    Map<String, Postings> expected = new HashMap<>();
    for (int doc = 0; doc < 50; doc++) {
      for (int t = 0; t < 40; t++) {
        String term = t % 2 == 0 ? String.valueOf((char) (0x4E00 + t)) : "word" + t;
        if ((doc + t) % 3 == 0) {
          add(t < 20 ? lower : upper, term, doc, t % 4);
          expected.computeIfAbsent(term, k -> new Postings()).add(doc, t % 4);
        }
      }
    }
    int before = lower.size();
    lower.absorb(upper);
    assertEquals(before + upper.size(), lower.size());
    assertEquals(expected.size(), lower.size());
    for (int id = 0; id < lower.size(); id++) {
      Postings p = expected.get(lower.term(id));
      assertEquals(text(p), text(lower, id), lower.term(id));
      assertEquals(p.length(), lower.length(id));
    }
    assertThrows(IllegalStateException.class, () -> add(lower, "中", 99, 0));
  }

  @Test
  void rejectsDocumentsOutOfOrder() {
    SegmentPostings table = new SegmentPostings(16);
    add(table, "中国", 5, 0);
    assertThrows(IllegalArgumentException.class, () -> add(table, "中国", 5, 1));
    assertThrows(IllegalArgumentException.class, () -> add(table, "中国", 4, 1));
  }

  @Test
  void sortsTermsInStringOrder() {
    SegmentPostings table = new SegmentPostings(16);
    List<String> terms = new ArrayList<>(List.of("the", "then", "there", "th", "中国", "中", "中 ai",
        "\uD840\uDC00x", "ｚ", "a", "abc", "abcd", "abcde", "abd"));
    for (int i = 0; i < 100; i++) {
      terms.add("the" + (char) ('a' + i % 26) + i);
    }
    for (String t : terms) {
      add(table, t, 0, 0);
    }
    int[] ids = new int[table.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ids.length - 1 - i;
    }
    TermShards.sortByTerm(table, ids, 0, ids.length);
    List<String> sorted = new ArrayList<>();
    for (int id : ids) {
      sorted.add(table.term(id));
    }
    List<String> expected = new ArrayList<>(terms);
    expected.sort(null);
    assertEquals(expected, sorted);
  }
}
