/**
 * {@code samizdat ingest}: news pages (saved files, pages saved as one MHTML file or web archive,
 * folders, URLs) to content files. {@link
 * samizdat.ingest.Ingester} runs a batch; {@link samizdat.ingest.Profiles} and {@link
 * samizdat.ingest.SiteProfile} hold the per-site scraping rules, which are JSON data, not code.
 * {@link samizdat.ingest.HttpFetcher} with {@link samizdat.ingest.FetchSettings} and {@link
 * samizdat.ingest.ProxyChoice} is the one fetch path, direct or through a proxy, which {@code
 * follow} and the commands share. Everything else (charset detection, cleaning, HTML to
 * Markdown) is internal.
 */
package samizdat.ingest;
