/**
 * {@code samizdat ingest}: news pages (saved files, folders, URLs) to content files. {@link
 * samizdat.ingest.Ingester} runs a batch; {@link samizdat.ingest.Profiles} and {@link
 * samizdat.ingest.SiteProfile} hold the per-site scraping rules, which are JSON data, not code.
 * Everything else (HTTP fetching, charset detection, cleaning, HTML to Markdown) is internal.
 */
package samizdat.ingest;
