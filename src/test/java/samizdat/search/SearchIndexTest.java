package samizdat.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SearchIndex index = new SearchIndex();

  static SearchDocument doc(String id, String title, String date, List<String> tags, String text) {
    return new SearchDocument(id, title, date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date)),
        tags, text, "a/" + id + "/index.html");
  }

  static final Pattern CALL = Pattern.compile("(?s)samizdatSearch\\.(\\w+)\\((.*)\\);\\n");

  /** The JSON arguments of a generated file's single registration call. */
  static JsonNode args(byte[] file) throws Exception {
    Matcher m = CALL.matcher(new String(file, StandardCharsets.UTF_8));
    assertTrue(m.matches(), "one registration call per file");
    return JSON.readTree("[" + m.group(2) + "]");
  }

  /** Decodes a postings string: document number to weight. */
  static Map<Integer, Integer> decode(String postings) {
    Map<Integer, Integer> out = new TreeMap<>();
    int last = -1;
    long value = 0;
    int shift = 0;
    for (char c : postings.toCharArray()) {
      int d = Postings.ALPHABET.indexOf(c);
      assertTrue(d >= 0, "postings alphabet");
      value |= (long) (d & 31) << shift;
      if (d >= 32) {
        shift += 5;
      } else {
        last = last + 1 + (int) (value >> 2);
        out.put(last, (int) (value & 3));
        value = 0;
        shift = 0;
      }
    }
    return out;
  }

  /** Looks a term up the way search.js does: manifest, shard by hash of the shard key. */
  static Map<String, Map<Integer, Integer>> lookup(SortedMap<String, byte[]> files, String term) throws Exception {
    JsonNode manifest = args(files.get("search/manifest.js")).get(0);
    Map<String, Map<Integer, Integer>> bySegment = new TreeMap<>();
    for (JsonNode seg : manifest.get("segments")) {
      int shard = Tokenizer.hash(Tokenizer.shardKey(term)) & (seg.get("shards").asInt() - 1);
      JsonNode a = args(files.get(SearchIndex.shardPath(seg.get("id").asText(), shard)));
      assertEquals(seg.get("id").asText(), a.get(0).asText());
      assertEquals(shard, a.get(1).asInt());
      String key = Tokenizer.shardKey(term);
      if (a.get(2).has(key)) {
        for (String entry : a.get(2).get(key).asText().split(";")) {
          String[] parts = entry.split(",", -1);
          assertEquals(2, parts.length, entry);
          if ((key + parts[0]).equals(term)) {
            bySegment.put(seg.get("id").asText(), decode(parts[1]));
          }
        }
      }
    }
    return bySegment;
  }

  static JsonNode row(SortedMap<String, byte[]> files, String segment, int doc) throws Exception {
    return args(files.get(SearchIndex.chunkPath(segment, doc / SearchIndex.DOCS_PER_CHUNK)))
        .get(2).get(doc % SearchIndex.DOCS_PER_CHUNK);
  }

  @Test
  void findsDocumentsByTermWithTitleWeightAndTagTerms() throws Exception {
    List<SearchDocument> docs = List.of(
        doc("a1", "周鸿祎谈Sora", "2024-03-01", List.of("人工智能"), "红衣大叔周鸿祎给出了答案，Sora模型。"),
        doc("a2", "天气", "2024-03-02", List.of("天氣"), "今天下雨，周末晴。周鸿祎没有出现。周鸿祎。周鸿祎。周鸿祎。"),
        doc("a3", "無關", "2023-05-02", List.of(), "完全无关的文字。"));
    SortedMap<String, byte[]> files = index.build(docs);
    Map<String, Map<Integer, Integer>> hits = lookup(files, "周鸿");
    assertEquals(Map.of("m202403-0", Map.of(0, 3, 1, 2)), hits);
    assertEquals("周鸿祎谈Sora", row(files, "m202403-0", 0).get(0).asText());
    assertEquals("a/a2/index.html", row(files, "m202403-0", 1).get(3).asText());
    assertEquals(Map.of("m202403-0", Map.of(1, 3)), lookup(files, "#天气"), "tags are normalised to Simplified");
    assertEquals(Map.of("m202403-0", Map.of(0, 0)), lookup(files, "sora 模"), "pair term for phrases");
    assertEquals(Map.of("y2023", Map.of(0, 3)), lookup(files, "无关"));
  }

  @Test
  void segmentsAreMonthsOfTheNewestYearThenYearsThenUndated() throws Exception {
    List<SearchDocument> docs = List.of(
        doc("b", "b", "2022-12-31", List.of(), "x"),
        doc("a", "a", "2022-01-01", List.of(), "x"),
        doc("c", "c", "2024-01-05", List.of(), "x"),
        doc("d", "d", "2024-11-05", List.of(), "x"),
        doc("u", "u", "", List.of(), "x"));
    JsonNode manifest = args(index.build(docs).get("search/manifest.js")).get(0);
    List<String> ids = new ArrayList<>();
    manifest.get("segments").forEach(s -> ids.add(s.get("id").asText() + ":" + s.get("docs").asInt()));
    assertEquals(List.of("m202411-0:1", "m202401:1", "y2022:2", "u:1"), ids);
    assertEquals(5, manifest.get("docs").asInt());
    assertEquals(List.of("a", "b"), List.of(row(index.build(docs), "y2022", 0).get(0).asText(),
        row(index.build(docs), "y2022", 1).get(0).asText()), "oldest first inside a segment");
  }

  @Test
  void sameDocumentsInAnyOrderGiveByteIdenticalFiles() {
    List<SearchDocument> docs = new ArrayList<>(new SyntheticDocuments(7).documents(0, 400, LocalDate.of(2023, 6, 1), 400));
    SortedMap<String, byte[]> first = index.build(docs);
    Collections.shuffle(docs, new Random(3));
    SortedMap<String, byte[]> second = new SearchIndex().build(docs);
    assertEquals(first.keySet(), second.keySet());
    first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
  }

  @Test
  void filesAreUsbSafeAndDirectoriesStaySmall() {
    SortedMap<String, byte[]> files = index.build(new SyntheticDocuments(11).documents(0, 1500, LocalDate.of(2022, 1, 1), 900));
    Map<String, Integer> perDir = new HashMap<>();
    for (String path : files.keySet()) {
      assertTrue(path.startsWith("search/"), path);
      for (String part : path.split("/")) {
        assertTrue(part.matches("[a-z0-9._-]{1,100}"), path);
      }
      perDir.merge(path.substring(0, path.lastIndexOf('/')), 1, Integer::sum);
      String parent = path.substring(0, path.lastIndexOf('/'));
      while (parent.contains("/")) {
        perDir.putIfAbsent(parent.substring(0, parent.lastIndexOf('/')) + "/+" + parent, 1);
        parent = parent.substring(0, parent.lastIndexOf('/'));
      }
    }
    perDir.forEach((dir, n) -> assertTrue(n <= 1000, dir + " holds " + n));
    assertTrue(files.containsKey("search/manifest.js"));
    assertTrue(files.containsKey("search/t2s.js"));
    assertTrue(files.size() > 50, "sharded: " + files.size());
  }

  @Test
  void addingADaysNewsRewritesFewIndexFiles() {
    SyntheticDocuments gen = new SyntheticDocuments(5);
    // A scaled-down archive (the benchmark runs 10,000 + 100): 3,000 articles over 20 months,
    // then one day's 30 new ones.
    List<SearchDocument> base = gen.documents(0, 3_000, LocalDate.of(2023, 1, 1), 600);
    List<SearchDocument> more = new ArrayList<>(base);
    more.addAll(gen.documents(3_000, 30, LocalDate.of(2024, 8, 24), 1));
    SortedMap<String, byte[]> before = index.build(base);
    SortedMap<String, byte[]> after = index.build(more);
    int changed = 0;
    for (Map.Entry<String, byte[]> e : after.entrySet()) {
      byte[] old = before.get(e.getKey());
      if (old == null || !java.util.Arrays.equals(old, e.getValue())) {
        changed++;
        assertTrue(e.getKey().startsWith("search/m202408-") || e.getKey().equals("search/manifest.js"), e.getKey());
      }
    }
    // The site has at least one page per article besides the index files; the whole site may
    // rewrite 3% of its files, of which the index takes at most two thirds at this small scale
    // (at 10,000 + 100 the benchmark measures under 0.5%).
    int siteFiles = after.size() + more.size();
    assertTrue(changed < siteFiles / 50, "index files rewritten: " + changed + " of " + siteFiles);
    assertTrue(before.keySet().stream().allMatch(after::containsKey), "no index file disappears");
  }

  @Test
  void untrustedTextStaysDataInTheGeneratedScripts() throws Exception {
    String evil = "</script><script>alert(1)</script> \"quote\" back\\slash \u2028line\u2029 ${x} `tick` \u0000";
    SortedMap<String, byte[]> files = index.build(List.of(doc("x", evil, "2024-01-01", List.of(evil), evil)));
    JsonNode row = row(files, "m202401-0", 0);
    assertEquals(evil.strip(), row.get(0).asText());
    assertEquals(evil.strip(), row.get(2).get(0).asText());
    assertEquals(evil.strip(), row.get(4).asText());
    String text = new String(files.get(SearchIndex.chunkPath("m202401-0", 0)), StandardCharsets.UTF_8);
    assertFalse(text.contains("\u2028") || text.contains("\u0000"), "raw line separators and NULs are escaped");
  }

  @Test
  void refusesHrefsThatAreNotPlainRelativePathsAndDuplicateIds() {
    for (String href : List.of("javascript:alert(1)", "/etc/passwd", "../../x.html", "https://example.org/",
        "a b.html", "a/\"x\".html")) {
      SearchDocument bad = new SearchDocument("bad1", "t", Optional.empty(), List.of(), "x", href);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.build(List.of(bad)), href);
      assertTrue(e.getMessage().contains("bad1"), e.getMessage());
    }
    SearchDocument one = doc("same", "t", "", List.of(), "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.build(List.of(one, one)));
    assertTrue(e.getMessage().contains("same"), e.getMessage());
  }

  @Test
  void emptyArchiveStillHasAManifest() throws Exception {
    SortedMap<String, byte[]> files = index.build(List.of());
    assertEquals(0, args(files.get("search/manifest.js")).get(0).get("segments").size());
    assertEquals(2, files.size());
  }

  @Test
  void excerptKeepsTheStartOfTheTextWithSpacesCollapsed() {
    assertEquals("a b c", SearchIndex.excerpt("  a\n\n b\t c "));
    String longText = "字".repeat(500);
    assertEquals(SearchIndex.EXCERPT_CHARS, SearchIndex.excerpt(longText).length());
    String astral = "𠀀".repeat(300);
    assertEquals(SearchIndex.EXCERPT_CHARS, SearchIndex.excerpt(astral).codePointCount(0, SearchIndex.excerpt(astral).length()));
  }
}
