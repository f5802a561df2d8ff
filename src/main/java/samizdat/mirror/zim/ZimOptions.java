package samizdat.mirror.zim;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the user sets for a ZIM export; everything left empty is taken from the site (see
 * {@link ZimExport}).
 *
 * @param scraper the tool that made the file, e.g. "samizdat 0.1.0" (metadata {@code Scraper})
 * @param name the book's stable identifier across versions, e.g. {@code samizdat-news_zh_all}
 * @param title at most 30 characters
 * @param description at most 80 characters; a longer one goes to {@code LongDescription}
 * @param language ISO 639-3 code(s), comma-separated, or a BCP 47 tag (converted)
 * @param creator who made the content
 * @param publisher who made the ZIM file
 * @param date the date of the content
 * @param source the URL the archive is published at
 */
public record ZimOptions(String scraper, Optional<String> name, Optional<String> title,
    Optional<String> description, Optional<String> language, Optional<String> creator,
    Optional<String> publisher, Optional<LocalDate> date, Optional<String> source) {

  /** Everything from the site. */
  public static ZimOptions defaults(String scraper) {
    return new ZimOptions(scraper, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
