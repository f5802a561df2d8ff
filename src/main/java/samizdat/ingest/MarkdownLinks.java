package samizdat.ingest;

import java.util.Optional;
import org.jsoup.nodes.Element;
import samizdat.content.Article;

/**
 * How links and images are written: a link's target is its href when {@link Links} lets it
 * appear (http, https, mailto), else the text stays without a link; a destination is encoded so
 * that no character can end or break it; an image is {@code ![alt](../media/FILE)} with its alt
 * text escaped, and only when a copy of it is stored.
 *
 * <p>Apart from the writer because these are the only places a body refers to anything outside
 * itself: what a reader can follow from a page read offline, and the form {@link ArticleFacts}
 * matches to find a body's images. Stateless.
 */
final class MarkdownLinks {
  private MarkdownLinks() {}

  /** The target of link {@code a}: its href if it may appear in output, else empty (no link). */
  static String href(Element a) {
    return Links.kept(a, "href").orElse("");
  }

  /** The Markdown of image {@code img}; empty when it has no stored copy (it is left out). */
  static Optional<String> image(Element img, MarkdownWriter.ImageFiles images) {
    Optional<String> file = images.fileFor(img);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String alt = InlineMarkdown.escape(img.attr("alt"));
    return Optional.of("![" + alt + "](" + Article.MEDIA_PREFIX + destination(file.get()) + ")");
  }

  /** A link destination that survives any characters: the few that end or break it are encoded. */
  static String destination(String url) {
    StringBuilder b = new StringBuilder(url.length() + 8);
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      switch (c) {
        case ' ' -> b.append("%20");
        case '(' -> b.append("%28");
        case ')' -> b.append("%29");
        case '<' -> b.append("%3C");
        case '>' -> b.append("%3E");
        case '\\' -> b.append("%5C");
        case '{' -> b.append("%7B");
        case '}' -> b.append("%7D");
        case '|' -> b.append("%7C");
        case '`' -> b.append("%60");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("%%%02X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
