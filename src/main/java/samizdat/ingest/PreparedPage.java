package samizdat.ingest;

import java.time.LocalDate;
import java.util.Optional;
import samizdat.content.ArticleMeta;

/**
 * A page read, cleaned and turned into Markdown by {@link PageReader}: all that its ordered turn
 * in {@link ArticleCommitter} needs.
 *
 * @param label the source as the user named it
 * @param raw the page's bytes as read
 * @param markdown the article body
 * @param body the body's UTF-8 bytes
 * @param id the article id (a re-ingested article keeps its own)
 * @param url the page's canonical URL, when known
 * @param host that URL's host
 * @param published the publication date, when known
 * @param page what the extractor found
 * @param images the page's images, to be written with the article
 * @param profile the site profile that read it
 * @param existing the stored article with this id, if any
 * @param reread true for {@code reingest}: the article is read again from its kept raw page
 */
record PreparedPage(String label, byte[] raw, String markdown, byte[] body, String id,
    Optional<String> url, Optional<String> host, Optional<LocalDate> published,
    ArticleExtractor.Extracted page, PageImages images, SiteProfile profile,
    Optional<ArticleMeta> existing, boolean reread) {}
