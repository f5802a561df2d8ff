/**
 * What the site holds, before any page is drawn: {@code ContentLoader} reads the articles'
 * metadata and body signatures (reusing the build cache for files that did not change), {@code
 * SiteModel} orders them and groups tags and months, {@code RelatedFinder} and {@code Editions}
 * link articles to each other, {@code Pagination} splits lists into pages, and {@code SiteLayout}
 * is the one place that decides every path and link. {@code Labels} holds the interface strings.
 */
package samizdat.site.model;
