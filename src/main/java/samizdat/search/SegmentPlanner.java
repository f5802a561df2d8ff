package samizdat.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import samizdat.search.SearchIndex.Key;
import samizdat.search.SearchIndex.Plan;
import samizdat.search.SearchIndex.Segment;
import samizdat.search.SearchIndex.YearRun;

/**
 * Plans the segments of the whole archive from the documents' ids, dates and hrefs alone (no
 * text): which documents go into which segment, in which order.
 *
 * <p>Documents are split into segments by date, along a binary tree over days: a segment covers
 * an aligned run of 2^k days ({@code k} is in its name) that is wholly in the past (ends no later
 * than the newest article's day) and holds at most {@link #maxSegmentDocs(int)} documents; older
 * periods are thus a few large segments and the newest days a few small ones. A day's news
 * lands in a new one-day segment and merges now and then with its neighbours like a binary counter
 * carrying (day 2k+1 merges with day 2k, ...), never across more than that many
 * documents, and no calendar boundary (month, year) forces a merge. Undated documents are placed
 * by the day they were filed (at the latest the newest publication day).
 *
 * <p>Apart from {@link SegmentWriter} because planning looks at every document but only at its
 * key, while writing looks at one segment's documents in full: a build plans first, then writes
 * (or keeps) each segment on its own.
 */
final class SegmentPlanner {
  /**
   * Largest segment (documents) of a small archive; a larger one allows an eighth of its size
   * (rounded up to a power of two), so a query reads about a dozen large segments at any scale.
   * Bounds the files one merge rewrites.
   */
  static final int MAX_SEGMENT_DOCS = 4096;
  /** Day numbers are shifted by this so that the day tree's nodes are non-negative. */
  private static final long DAY_OFFSET = 1L << 22;
  private static final int TREE_LEVELS = 23;
  private static final Pattern SAFE_HREF = Pattern.compile("[A-Za-z0-9._~%!$&'()*+,;=:@/-]+(#[^\\s]*)?");
  private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:.*");

  private final int maxSegmentDocs;

  /**
   * A planner whose segments hold at most {@code maxSegmentDocs} documents (tests use small
   * ones); 0 for the default, which grows with the archive (see {@link #MAX_SEGMENT_DOCS}).
   */
  SegmentPlanner(int maxSegmentDocs) {
    this.maxSegmentDocs = maxSegmentDocs;
  }

  /** The largest segment for an archive of {@code docs} documents. */
  int maxSegmentDocs(int docs) {
    if (maxSegmentDocs > 0) {
      return maxSegmentDocs;
    }
    int eighth = Math.max(1, (docs + 7) / 8);
    return Math.max(MAX_SEGMENT_DOCS, Integer.highestOneBit(eighth - 1) << 1);
  }

  /**
   * Splits the documents into segments (see the class comment), each with its documents oldest
   * first (by date, then id). Reads only ids, dates and hrefs.
   *
   * @throws IllegalArgumentException naming the document when two share an id or an href is not a
   *     plain relative path
   */
  Plan plan(List<Key> keys) {
    Set<String> ids = new HashSet<>();
    for (Key k : keys) {
      if (!ids.add(k.id())) {
        throw new IllegalArgumentException("search: duplicate document id " + k.id());
      }
      checkHref(k);
    }
    int n = keys.size();
    List<Segment> segments = new ArrayList<>();
    if (n > 0) {
      // An undated document sits on the day it was filed, or on the newest publication day if
      // that is earlier (an archive imported long after its articles appeared): new ones land in
      // the newest segments, they cost no segments of their own, and the frontier of the tree is
      // where dated news arrives.
      long newest = Long.MIN_VALUE;
      for (Key k : keys) {
        newest = Math.max(newest, k.published().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
      }
      long[] dayOf = new long[n];
      for (int i = 0; i < n; i++) {
        Key k = keys.get(i);
        long day = k.published().isPresent() ? k.published().get().toEpochDay()
            : newest == Long.MIN_VALUE ? k.filed().toEpochDay() : Math.min(newest, k.filed().toEpochDay());
        dayOf[i] = day + DAY_OFFSET;
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingLong((Integer i) -> dayOf[i]).thenComparing(i -> keys.get(i).id()));
      long[] days = new long[n];
      for (int i = 0; i < n; i++) {
        days[i] = dayOf[order[i]];
      }
      split(TREE_LEVELS, 0, 0, n, days, days[n - 1] + 1, maxSegmentDocs(n), order, keys, segments);
      Collections.reverse(segments);
    }
    return new Plan(segments, n);
  }

  /**
   * Node {@code node} of level {@code level} covers days [node * 2^level, (node + 1) * 2^level)
   * and holds {@code order[from, to)}: a segment when it lies wholly before {@code end} and is
   * small enough (or is a single day), else its two halves, older first.
   */
  private static void split(int level, long node, int from, int to, long[] days, long end, int max,
      Integer[] order, List<Key> keys, List<Segment> out) {
    if (from >= to) {
      return;
    }
    long last = (node + 1) << level;
    if (level == 0 || (last <= end && to - from <= max)) {
      out.add(segment(level, node, Arrays.asList(Arrays.copyOfRange(order, from, to)), keys));
      return;
    }
    long mid = (2 * node + 1) << (level - 1);
    int cut = from;
    while (cut < to && days[cut] < mid) {
      cut++;
    }
    split(level - 1, 2 * node, from, cut, days, end, max, order, keys, out);
    split(level - 1, 2 * node + 1, cut, to, days, end, max, order, keys, out);
  }

  /**
   * A segment of these documents: undated ones first (oldest first means they come last in
   * newest-first order, as on the index pages), then by date and id; years as runs.
   */
  private static Segment segment(int level, long node, List<Integer> docs, List<Key> keys) {
    LocalDate start = LocalDate.ofEpochDay((node << level) - DAY_OFFSET);
    String id = "d" + String.format(java.util.Locale.ROOT, "%04d%02d%02d", start.getYear(),
        start.getMonthValue(), start.getDayOfMonth()) + "-" + level;
    List<Integer> members = new ArrayList<>(docs);
    members.sort(Comparator.comparing((Integer i) -> keys.get(i).published().isPresent())
        .thenComparing(i -> keys.get(i).published().orElse(LocalDate.MIN))
        .thenComparing(i -> keys.get(i).id()));
    List<YearRun> years = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      int year = keys.get(members.get(i)).published().map(LocalDate::getYear).orElse(0);
      if (years.isEmpty() || years.get(years.size() - 1).year() != year) {
        years.add(new YearRun(year, i));
      }
    }
    return new Segment(id, members, years);
  }

  private static void checkHref(Key d) {
    if (!SAFE_HREF.matcher(d.href()).matches() || d.href().startsWith("/") || d.href().contains("..")
        || SCHEME.matcher(d.href()).matches()) {
      throw new IllegalArgumentException("search: document " + d.id() + " has an href that is not a plain relative path: " + d.href());
    }
  }
}
