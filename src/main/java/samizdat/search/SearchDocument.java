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
 */
public record SearchDocument(String id, String title, Optional<LocalDate> published, List<String> tags,
    String text, String href) {
  public SearchDocument {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(published, "published");
    tags = List.copyOf(tags);
    requireNonNull(text, "text");
    requireNonNull(href, "href");
  }
}
