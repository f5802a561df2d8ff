package samizdat.content;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The metadata of one article: the JSON half of the contract between {@code ingest} and {@code
 * build} (the Markdown body is the other half). Stored as {@code content/articles/<id>.json}.
 *
 * <p>{@link ContentJson} writes this record, {@link RelatedLink} and {@link ImageRef} field by
 * field: a change to their components or to the property order needs the same change there
 * (ContentJsonTest compares it with databind's output).
 *
 * @param id stable, file-system-safe identifier; also the file name stem
 * @param title plain-text title
 * @param url the article's canonical URL, when known
 * @param site the site's host name (e.g. {@code www.bannedbook.org}), when known
 * @param language BCP 47 language tag of the text (e.g. {@code zh-CN})
 * @param published publication date, when the page or the user gave one; never invented
 * @param authors the article's authors as the page names them, in page order
 * @param source the original publisher named by the page ("来源：X"), when given
 * @param tags tag names in page order, de-duplicated ignoring case
 * @param image the lead image the page declares (og:image, JSON-LD), when it has one
 * @param related the source page's own related-articles list
 * @param images the body's images, in order
 * @param translations other editions of the article (language and URL)
 * @param profile name of the site profile that extracted this article
 * @param rawSha256 hex SHA-256 of the raw page bytes as fetched or read
 * @param firstIngested when this article was first ingested; kept when the article is updated
 */
@JsonPropertyOrder({
  "id", "title", "url", "site", "language", "published", "authors", "source", "tags", "image",
  "related", "images", "translations", "profile", "rawSha256", "firstIngested"
})
public record ArticleMeta(
    String id,
    String title,
    Optional<String> url,
    Optional<String> site,
    String language,
    Optional<LocalDate> published,
    List<String> authors,
    Optional<String> source,
    List<String> tags,
    Optional<ImageRef> image,
    List<RelatedLink> related,
    List<ImageRef> images,
    List<Translation> translations,
    String profile,
    String rawSha256,
    Instant firstIngested) {

  public ArticleMeta {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    url = url == null ? Optional.empty() : url;
    site = site == null ? Optional.empty() : site;
    requireNonNull(language, "language");
    published = published == null ? Optional.empty() : published;
    authors = authors == null ? List.of() : List.copyOf(authors);
    source = source == null ? Optional.empty() : source;
    tags = tags == null ? List.of() : List.copyOf(tags);
    image = image == null ? Optional.empty() : image;
    related = related == null ? List.of() : List.copyOf(related);
    images = images == null ? List.of() : List.copyOf(images);
    translations = translations == null ? List.of() : List.copyOf(translations);
    requireNonNull(profile, "profile");
    requireNonNull(rawSha256, "rawSha256");
    requireNonNull(firstIngested, "firstIngested");
    if (!ArticleIds.isValid(id)) {
      throw new IllegalArgumentException("invalid article id: " + id);
    }
  }

  /** An article without authors, lead image or translations (older content files have none). */
  public ArticleMeta(String id, String title, Optional<String> url, Optional<String> site,
      String language, Optional<LocalDate> published, Optional<String> source, List<String> tags,
      List<RelatedLink> related, List<ImageRef> images, String profile, String rawSha256,
      Instant firstIngested) {
    this(id, title, url, site, language, published, List.of(), source, tags, Optional.empty(),
        related, images, List.of(), profile, rawSha256, firstIngested);
  }

  /** A copy with another first-ingest time (used to keep the original one on update). */
  public ArticleMeta withFirstIngested(Instant time) {
    return new ArticleMeta(id, title, url, site, language, published, authors, source, tags, image,
        related, images, translations, profile, rawSha256, time);
  }
}
