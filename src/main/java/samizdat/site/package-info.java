/**
 * The site build: turns the content folder into a self-contained static site that works from
 * {@code file://}, a USB stick or an IPFS gateway.
 *
 * <p>{@link samizdat.site.SiteBuilder} is the entry point and runs the stages in order, each in its
 * own package: {@link samizdat.site.model} reads the content folder and works out what the site
 * holds (article order, tags, months, related articles, pagination, every path and link); {@link
 * samizdat.site.render} turns that model into pages and writes only those whose inputs changed;
 * {@link samizdat.site.state} is the build cache and the fingerprints that tell what changed since
 * the last build. Dependencies go one way: render uses model, both use state.
 */
package samizdat.site;
