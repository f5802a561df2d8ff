package samizdat.content;

import static java.util.Objects.requireNonNull;

/**
 * One article as stored: metadata and Markdown body.
 *
 * <p>The body is CommonMark with no raw HTML. Images are written as {@code ![alt](../media/FILE)},
 * a path relative to the Markdown file itself, so the file also reads well in any Markdown viewer.
 */
public record Article(ArticleMeta meta, String bodyMarkdown) {
  /** Prefix of image paths in bodies; the file name follows. */
  public static final String MEDIA_PREFIX = "../media/";

  public Article {
    requireNonNull(meta, "meta");
    requireNonNull(bodyMarkdown, "bodyMarkdown");
  }

  public String id() {
    return meta.id();
  }
}
