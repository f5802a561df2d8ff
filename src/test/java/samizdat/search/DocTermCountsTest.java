package samizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocTermCountsTest {

  /** Term to weight, from the table's entries. */
  private static Map<String, Integer> weights(DocTermCounts counts) {
    int n = counts.size();
    String[] terms = new String[n];
    long[] packed = new long[n];
    int[] hashes = new int[n];
    int[] weights = new int[n];
    counts.entries(terms, packed, hashes, weights);
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String term = packed[i] != 0 ? Tokenizer.unpack(packed[i]) : terms[i];
      if (packed[i] != 0) {
        assertNull(terms[i], "a packed term comes without its String");
      }
      assertEquals(TermTable.mix(term), hashes[i], term);
      assertEquals(null, out.put(term, weights[i]), "listed once: " + term);
    }
    return out;
  }

  @Test
  void countsBodyOccurrencesAndMarksHeadingTerms() {
    DocTermCounts counts = new DocTermCounts(10);
    long once = Tokenizer.pack("周鸿");
    long twice = Tokenizer.pack("鸿祎");
    long four = Tokenizer.pack("ai");
    counts.packed(once);
    counts.packed(twice);
    counts.packed(twice);
    for (int i = 0; i < 4; i++) {
      counts.packed(four);
    }
    counts.string("openai");
    counts.string("openai");
    counts.heading(true);
    counts.packed(once);
    counts.string("samizdat");
    Map<String, Integer> w = weights(counts);
    assertEquals(Map.of("周鸿", Postings.weight(1, true), "鸿祎", Postings.weight(2, false),
        "ai", Postings.weight(4, false), "openai", Postings.weight(2, false),
        "samizdat", Postings.weight(0, true)), w);
  }

  @Test
  void growsPastItsPresizedCapacityWithoutLosingCounts() {
    DocTermCounts counts = new DocTermCounts(0);
    Map<String, Integer> expected = new HashMap<>();
    for (int c = 0x4E00; c < 0x4E00 + 5000; c++) {
      String term = new String(Character.toChars(c)) + "字";
      int times = c % 5 + 1;
      for (int i = 0; i < times; i++) {
        counts.packed(Tokenizer.pack(term));
      }
      expected.put(term, Postings.weight(times, false));
    }
    assertEquals(5000, counts.size());
    assertEquals(expected, weights(counts));
  }
}
