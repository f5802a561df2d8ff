package samizdat.search;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the offline search index: static JavaScript files that the search page loads with
 * {@code <script>} tags, so search works from {@code file://}.
 */
public final class SearchIndex {

  /**
   * Computes every index file for these documents.
   *
   * @return file contents by path relative to the site root (all under {@code search/}), in a
   *     deterministic order; the site build writes them and removes index files no longer listed
   */
  public SortedMap<String, byte[]> build(List<SearchDocument> documents) {
    return new TreeMap<>(); // placeholder until the search feature lands
  }
}
