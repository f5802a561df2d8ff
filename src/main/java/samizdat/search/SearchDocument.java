package samizdat.search;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One article as the search index sees it.
 *
 * @param id the article id
 * @param title plain-text title
 * @param published publication date, when known
 * @param tags tag names
 * @param text the body as plain text (no markup)
 * @param href the article page's path relative to the site root, e.g. {@code a/2024/03/x/index.html}
 * @param filed the day the archive got the article (first ingested): places an undated article
 *     among the index segments, so new undated articles land in small new segments
 */
public record SearchDocument(String id, String title, Optional<LocalDate> published, List<String> tags,
    String text, String href, LocalDate filed) {
  public SearchDocument {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(published, "published");
    tags = List.copyOf(tags);
    requireNonNull(text, "text");
    requireNonNull(href, "href");
    requireNonNull(filed, "filed");
  }

  /** A document filed on its publication day (undated: on 1970-01-01). */
  public SearchDocument(String id, String title, Optional<LocalDate> published, List<String> tags,
      String text, String href) {
    this(id, title, published, tags, text, href, published.orElse(LocalDate.EPOCH));
  }

  /** What planning the index layout needs of this document. */
  public SearchIndex.Key key() {
    return new SearchIndex.Key(id, published, filed, href);
  }
}
