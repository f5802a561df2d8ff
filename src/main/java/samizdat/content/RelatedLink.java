package samizdat.content;

import static java.util.Objects.requireNonNull;

/** An entry of a source page's own related-articles list: plain-text title and absolute URL. */
public record RelatedLink(String title, String url) {
  public RelatedLink {
    requireNonNull(title, "title");
    requireNonNull(url, "url");
  }
}
