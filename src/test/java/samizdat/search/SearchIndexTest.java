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
import java.util.Arrays;
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
      int shard = Tokenizer.hash(Tokenizer.shardHashKey(term)) & (seg.get("shards").asInt() - 1);
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

  /** A term's postings as href to weight, over every segment. */
  static Map<String, Integer> hits(SortedMap<String, byte[]> files, String term) throws Exception {
    Map<String, Integer> out = new TreeMap<>();
    for (Map.Entry<String, Map<Integer, Integer>> e : lookup(files, term).entrySet()) {
      for (Map.Entry<Integer, Integer> p : e.getValue().entrySet()) {
        out.put(row(files, e.getKey(), p.getKey()).get(3).asText(), p.getValue());
      }
    }
    return out;
  }

  /** The manifest's segments as "id:docs". */
  static List<String> segments(SortedMap<String, byte[]> files) throws Exception {
    List<String> ids = new ArrayList<>();
    args(files.get("search/manifest.js")).get(0).get("segments").forEach(s -> ids.add(s.get("id").asText() + ":" + s.get("docs").asInt()));
    return ids;
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
    assertEquals(Map.of("a/a1/index.html", 3, "a/a2/index.html", 2), hits(files, "周鸿"));
    assertEquals(Map.of("a/a2/index.html", 3), hits(files, "#天气"), "tags are normalised to Simplified");
    assertEquals(Map.of("a/a1/index.html", 0), hits(files, "sora 模"), "pair term for phrases");
    assertEquals(Map.of("a/a3/index.html", 3), hits(files, "无关"));
    // 2024-03-02 (the newest day) alone: the aligned two-day node 03-02..03-03 would reach past
    // it; 2024-03-01 in the aligned eight-day node that ends on 03-02; 2023-05-02 in an older one.
    List<String> ids = segments(files);
    assertEquals(List.of("d20240302-0:1", "d20240223-3:1"), ids.subList(0, 2));
    assertEquals(3, ids.size(), ids.toString());
    assertEquals("周鸿祎谈Sora", row(files, "d20240223-3", 0).get(0).asText());
  }

  @Test
  void segmentsAreAlignedDayRangesInThePastNewestFirst() throws Exception {
    List<SearchDocument> docs = List.of(
        doc("b", "b", "2022-12-31", List.of(), "x"),
        doc("a", "a", "2022-01-01", List.of(), "x"),
        doc("c", "c", "2024-01-05", List.of(), "x"),
        doc("d", "d", "2024-11-05", List.of(), "x"),
        new SearchDocument("u", "u", Optional.empty(), List.of(), "x", "a/u/index.html", LocalDate.of(2024, 12, 1)));
    SortedMap<String, byte[]> files = index.build(docs);
    JsonNode manifest = args(files.get("search/manifest.js")).get(0);
    assertEquals(5, manifest.get("docs").asInt());
    List<String> ids = segments(files);
    assertEquals("d20241105-0:2", ids.get(0), "the newest day is a segment of its own");
    assertEquals("[[0,0],[2024,1]]", manifest.get("segments").get(0).get("years").toString(),
        "an undated document filed after the newest publication day sits on that day, first, with year 0");
    assertEquals("u", row(files, "d20241105-0", 0).get(0).asText());
    for (JsonNode seg : manifest.get("segments")) {
      String id = seg.get("id").asText();
      LocalDate start = LocalDate.parse(id.substring(1, 5) + "-" + id.substring(5, 7) + "-" + id.substring(7, 9));
      int level = Integer.parseInt(id.substring(10));
      assertEquals(0, Math.floorMod(start.toEpochDay(), 1L << level), id + " starts on a multiple of its length");
      assertTrue(start.plusDays(1L << level).isBefore(LocalDate.of(2024, 11, 6).plusDays(1)), id + " lies in the past");
    }
    // a and b share the node that covers 2022 (both years are recorded, oldest first)
    JsonNode ab = null;
    for (JsonNode seg : manifest.get("segments")) {
      if (seg.get("docs").asInt() == 2) {
        ab = seg;
      }
    }
    assertTrue(ab != null, ids.toString());
    assertEquals("a", row(files, ab.get("id").asText(), 0).get(0).asText(), "oldest first inside a segment");
    assertEquals("b", row(files, ab.get("id").asText(), 1).get(0).asText());
    assertEquals("[[2022,0]]", ab.get("years").toString());
  }

  @Test
  void segmentsNeverExceedTheMaximumAndOneDayIsAlwaysASegment() {
    SearchIndex small = new SearchIndex(50);
    List<SearchIndex.Key> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add(new SearchIndex.Key(String.format("k%04d", i), Optional.of(LocalDate.of(2020, 1, 1).plusDays(i / 7)),
          LocalDate.EPOCH, "a/" + i + "/index.html"));
    }
    for (int i = 0; i < 80; i++) {
      keys.add(new SearchIndex.Key(String.format("big%02d", i), Optional.of(LocalDate.of(2019, 6, 1)), LocalDate.EPOCH,
          "b/" + i + "/index.html"));
    }
    SearchIndex.Plan plan = small.plan(keys);
    int total = 0;
    for (SearchIndex.Segment s : plan.segments()) {
      total += s.members().size();
      assertTrue(s.members().size() <= 50 || s.id().endsWith("-0"), s.id() + " holds " + s.members().size());
    }
    assertEquals(keys.size(), total);
    assertEquals(keys.size(), plan.docs());
    SearchIndex.Segment oldest = plan.segments().get(plan.segments().size() - 1);
    assertEquals("d20190601-0", oldest.id(), "one day with more than the maximum is one segment");
    assertTrue(plan.segments().size() < 60, "few segments: " + plan.segments().size());
  }

  @Test
  void aSegmentIsCompleteOnlyWithEveryShardAndChunk() {
    List<SearchDocument> docs = new SyntheticDocuments(3).documents(0, 40, LocalDate.of(2024, 1, 1), 1);
    List<SearchIndex.Key> keys = docs.stream().map(SearchDocument::key).toList();
    SearchIndex.Segment segment = index.plan(keys).segments().get(0);
    Map<String, byte[]> files = new TreeMap<>();
    int shards = index.writeSegment(segment, docs::get, files::put);
    assertEquals(java.util.OptionalInt.of(shards), SearchIndex.completeShards(segment, files.keySet()));
    for (String path : files.keySet()) {
      List<String> missing = new ArrayList<>(files.keySet());
      missing.remove(path);
      assertTrue(SearchIndex.completeShards(segment, missing).isEmpty(), "without " + path);
    }
    assertTrue(SearchIndex.completeShards(segment, List.of()).isEmpty());
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
  void addingADaysNewsRewritesFewIndexFiles() throws Exception {
    SyntheticDocuments gen = new SyntheticDocuments(5);
    // A scaled-down archive (the benchmark runs 10,000 + 100): 600 articles over 120 days,
    // then one day's 5 new ones, and then each of the next 16 days' news, with a smaller
    // segment maximum so that merges happen in the test too.
    SearchIndex small = new SearchIndex(128);
    List<SearchDocument> base = gen.documents(0, 600, LocalDate.of(2023, 7, 1), 120);
    List<SearchDocument> more = new ArrayList<>(base);
    more.addAll(gen.documents(600, 5, LocalDate.of(2023, 10, 29), 1));
    SortedMap<String, byte[]> before = small.build(base);
    SortedMap<String, byte[]> after = small.build(more);
    // The site has at least one page per article besides the index files, and may rewrite 3% of
    // its files for a day's news; the index takes at most two thirds of that at this small scale.
    assertTrue(changed(before, after) < (after.size() + more.size()) / 50,
        "index files written for a day's news: " + changed(before, after));
    int worst = 0;
    int sum = 0;
    for (int day = 1; day <= 16; day++) {
      before = after;
      more.addAll(gen.documents(600 + 5 * day, 5, LocalDate.of(2023, 10, 29).plusDays(day), 1));
      after = small.build(more);
      int n = changed(before, after);
      worst = Math.max(worst, n);
      sum += n;
      for (String path : after.keySet()) {
        if (!Arrays.equals(before.get(path), after.get(path)) && !path.equals(SearchIndex.MANIFEST)) {
          // segments of at most 128 articles (about 25 days) that hold one of the new days
          String start = path.substring("search/d".length(), "search/d".length() + 8);
          assertTrue(start.compareTo("20231001") >= 0, "only recent segments change: " + path);
        }
      }
    }
    // Merges are bounded by the segment maximum (128 articles here) and rare: on average a day
    // writes a few dozen index files.
    assertTrue(worst < 150, "worst day: " + worst);
    assertTrue(sum / 16 < 40, "average day: " + sum / 16 + " of " + after.size());
  }

  /** Files of {@code after} that are new or differ from {@code before}. */
  static int changed(SortedMap<String, byte[]> before, SortedMap<String, byte[]> after) {
    int changed = 0;
    for (Map.Entry<String, byte[]> e : after.entrySet()) {
      byte[] old = before.get(e.getKey());
      if (old == null || !Arrays.equals(old, e.getValue())) {
        changed++;
      }
    }
    return changed;
  }

  @Test
  void untrustedTextStaysDataInTheGeneratedScripts() throws Exception {
    String evil = "</script><script>alert(1)</script> \"quote\" back\\slash \u2028line\u2029 ${x} `tick` \u0000";
    SortedMap<String, byte[]> files = index.build(List.of(doc("x", evil, "2024-01-01", List.of(evil), evil)));
    String segment = segments(files).get(0).split(":")[0];
    JsonNode row = row(files, segment, 0);
    assertEquals(evil.strip(), row.get(0).asText());
    assertEquals(evil.strip(), row.get(2).get(0).asText());
    assertEquals(evil.strip(), row.get(4).asText());
    String text = new String(files.get(SearchIndex.chunkPath(segment, 0)), StandardCharsets.UTF_8);
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
}
