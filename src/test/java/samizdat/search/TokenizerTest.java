package samizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private final Tokenizer tokenizer = Tokenizer.standard();

  /** The shared vectors (search-terms.js is checked against the same file in SearchPageBrowserTest). */
  static JsonNode vectors() throws Exception {
    try (InputStream in = TokenizerTest.class.getResourceAsStream("tokenizer-vectors.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void producesTheExpectedTermsOfTheSharedVectors() throws Exception {
    int checked = 0;
    for (JsonNode v : vectors()) {
      if (v.has("terms")) {
        List<String> expected = new ArrayList<>();
        v.get("terms").forEach(t -> expected.add(t.asText()));
        assertEquals(expected, tokenizer.terms(v.get("text").asText()), v.get("text").asText());
        checked++;
      }
    }
    assertTrue(checked >= 10, "vectors with expected terms: " + checked);
  }

  @Test
  void traditionalAndSimplifiedGiveTheSameTerms() {
    assertEquals(tokenizer.terms("周鸿祎说国家发展后台"), tokenizer.terms("周鴻禕說國家發展後臺"));
  }

  @Test
  void normalisationIsIdempotent() throws Exception {
    for (JsonNode v : vectors()) {
      String once = tokenizer.normalize(v.get("text").asText());
      assertEquals(once, tokenizer.normalize(once), v.get("text").asText());
    }
  }

  @Test
  void shardKeysAreTheFirstCjkCharacterOrTheFirstThreeOfAWord() {
    assertEquals("周", Tokenizer.shardKey("周鸿"));
    assertEquals("周", Tokenizer.shardKey("周 sora"));
    assertEquals("sor", Tokenizer.shardKey("sora"));
    assertEquals("sor", Tokenizer.shardKey("sora 模"));
    assertEquals("ai", Tokenizer.shardKey("ai"));
    assertEquals("𠀀", Tokenizer.shardKey("𠀀𠀁"));
    assertEquals("😀ab", Tokenizer.shardKey("😀abc"));
  }

  @Test
  void cjkTermsAreSpreadOverBucketsByTheirSecondCharacter() {
    assertEquals("周" + (char) ('0' + Tokenizer.bucket("鸿".codePointAt(0))), Tokenizer.shardHashKey("周鸿"));
    assertEquals("周0", Tokenizer.shardHashKey("周"));
    assertEquals("sor", Tokenizer.shardHashKey("sora"));
    assertEquals("sora 模", Tokenizer.shardHashKey("sora 模"), "pair terms are placed by the whole term");
    assertEquals("模 sora", Tokenizer.shardHashKey("模 sora"));
    java.util.Set<Integer> buckets = new java.util.HashSet<>();
    for (int cp = 0x4E00; cp < 0x4E00 + 200; cp++) {
      buckets.add(Tokenizer.bucket(cp));
    }
    assertEquals(Tokenizer.CJK_BUCKETS, buckets.size());
  }

  @Test
  void hashIsFnv1aOverUtf16Units() {
    assertEquals(0x811c9dc5, Tokenizer.hash(""));
    assertEquals(0xe40c292c, Tokenizer.hash("a"));
    assertEquals(0xbf9cf968, Tokenizer.hash("foobar"));
  }

  @Test
  void mapsTheCharactersOfTheShippedOpenCcTable() {
    assertEquals("国发后里鸿祎", tokenizer.normalize("國發後裡鴻禕"));
    assertTrue(tokenizer.t2sPairs().codePointCount(0, tokenizer.t2sPairs().length()) > 7000);
  }

  @Test
  void shortTermsArriveOnlyPackedAndLongOnesAsStrings() throws Exception {
    String text = "周鸿祎说 AI 会取代 a 人，𠀀𠀁字 and Sora模型 2024年 GPT-4o x 好";
    List<String> viaPacking = new ArrayList<>();
    tokenizer.terms(text, new Tokenizer.TermSink() {
      @Override
      public void packed(long term) {
        String s = Tokenizer.unpack(term);
        assertTrue(s.length() <= 4, s);
        assertEquals(term, Tokenizer.pack(s));
        assertEquals(Tokenizer.hash(s), Tokenizer.hash(term), s);
        viaPacking.add(s);
      }

      @Override
      public void string(String term) {
        assertTrue(term.length() > 4, term);
        viaPacking.add(term);
      }
    });
    // The String terms as the tokeniser defines them, built unit by unit without packing.
    List<String> expected = new ArrayList<>();
    Tokenizer.Unit previous = null;
    for (Tokenizer.Unit u : Tokenizer.units(tokenizer.normalize(text))) {
      if (previous != null && Tokenizer.hasPair(previous, u)) {
        expected.add(Tokenizer.pair(previous, u));
      }
      if (u.cjk()) {
        int[] cps = u.text().codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
          expected.add(new String(cps, i, Math.min(2, cps.length - i)));
        }
      } else {
        expected.add(u.text());
      }
      previous = u;
    }
    assertEquals(expected, viaPacking);
    assertTrue(viaPacking.contains("a 人"), "a short pair is packed and comes back whole");
    assertTrue(viaPacking.contains("𠀀𠀁"), "surrogate pairs stay whole");
  }

  @Test
  void packingRoundTripsOneToFourUnits() {
    for (String s : List.of("a", "周", "周鸿", "a b", "𠀀", "𠀀𠀁", "ab c", "\uffff\uffff\uffff\uffff")) {
      assertEquals(s, Tokenizer.unpack(Tokenizer.pack(s)), s);
      assertEquals(Tokenizer.hash(s), Tokenizer.hash(Tokenizer.pack(s)), s);
    }
    assertEquals(0, Tokenizer.pack("abcde"));
  }
}
