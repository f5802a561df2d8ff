package samizdat.follow;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One followed source.
 *
 * @param url a feed, sitemap, sitemap index or listing page (what it is is told from its content)
 * @param pages how many listing pages (or feed pages) to read, following next-page links
 * @param profile the profile to read it and its articles with; empty: chosen per page as ingest does
 */
public record FollowSource(String url, int pages, Optional<String> profile) {
  /** Listing pages read per source unless told otherwise. */
  public static final int DEFAULT_PAGES = 5;

  public FollowSource {
    requireNonNull(url, "url");
    requireNonNull(profile, "profile");
    if (pages < 1) {
      throw new IllegalArgumentException("pages must be at least 1");
    }
  }
}
