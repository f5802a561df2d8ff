package samizdat.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;

/** Placeholder until the metadata reader lands (branch meta). */
record PageMetadata(
    Optional<String> headline,
    Optional<String> documentTitle,
    Optional<String> siteName,
    Optional<LocalDate> published,
    List<String> authors,
    List<String> declaredLanguages,
    List<String> tags,
    Optional<String> image,
    Optional<String> type,
    Optional<String> structuredBody,
    Optional<String> description,
    List<Alternate> alternates) {
  record Alternate(String language, String url) {}

  static PageMetadata read(Document page, LocalDate today) {
    String lang = page.firstElementChild() == null ? "" : page.firstElementChild().attr("lang");
    return new PageMetadata(Optional.empty(), Optional.of(page.title()).filter(t -> !t.isBlank()),
        Optional.empty(), Optional.empty(), List.of(),
        lang.isBlank() ? List.of() : List.of(lang), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of());
  }

  static Optional<LocalDate> dateFromUrl(String url) {
    return Optional.empty();
  }
}
