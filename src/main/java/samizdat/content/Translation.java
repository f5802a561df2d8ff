package samizdat.content;

import static java.util.Objects.requireNonNull;

/**
 * The same article in another language or script, as the page names it ({@code <link
 * rel=alternate hreflang>}) or its site profile derives it (bannedbook's Traditional edition).
 * The site links the two when both are archived.
 *
 * @param language BCP 47 tag of the other edition (e.g. {@code zh-Hant})
 * @param url absolute URL of the other edition
 */
public record Translation(String language, String url) {
  public Translation {
    requireNonNull(language, "language");
    requireNonNull(url, "url");
  }
}
