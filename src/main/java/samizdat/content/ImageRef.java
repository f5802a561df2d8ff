package samizdat.content;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An image of an article body.
 *
 * @param file name of the stored copy inside {@code content/media/} (content hash plus extension),
 *     empty when the image could not be obtained; the body then does not show it
 * @param originalUrl where the image came from (absolute URL, or the saved file's path)
 * @param alt the image's alt text, possibly empty
 * @param caption the figure caption, possibly empty
 */
public record ImageRef(Optional<String> file, String originalUrl, String alt, String caption) {
  public ImageRef {
    requireNonNull(file, "file");
    requireNonNull(originalUrl, "originalUrl");
    requireNonNull(alt, "alt");
    requireNonNull(caption, "caption");
  }
}
