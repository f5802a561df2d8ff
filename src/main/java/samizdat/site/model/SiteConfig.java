package samizdat.site.model;

import java.util.Optional;

/**
 * Settings that every page depends on; they are part of every page's fingerprint.
 *
 * @param title the archive's title
 * @param language the language of pages that are not one article's (BCP 47)
 * @param baseUrl absolute URL of the site root (ending in {@code /}) for the feed, if known
 * @param pageSize articles per list page
 * @param labels the words of the site's own pages, in the language(s) asked for
 */
public record SiteConfig(String title, String language, Optional<String> baseUrl, int pageSize, Labels labels) {}
