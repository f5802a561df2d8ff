/**
 * The site build: turns the content folder into a self-contained static site that works from
 * {@code file://}, a USB stick or an IPFS gateway.
 *
 * <p>{@link samizdat.site.SiteBuilder} is the entry point. Inside, the work flows one way: {@code
 * ContentLoader} reads metadata (and text signatures, cached), {@code SiteModel} orders articles and
 * groups tags and months, {@code RelatedFinder} computes neighbours, each {@code PageRenderer} lists
 * its pages, and {@code OutputWriter} renders and writes only pages whose inputs changed, then
 * removes the files of pages that no longer exist. Every path and link comes from {@code
 * SiteLayout}.
 */
package samizdat.site;
