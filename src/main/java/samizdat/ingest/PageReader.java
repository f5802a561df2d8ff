package samizdat.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentException;
import samizdat.content.ContentStore;
import samizdat.io.Progress;

/**
 * The parallel part of ingesting one source: load, decode, parse once, choose the profile,
 * extract, collect images, write Markdown and find the id, up to (not including) deciding
 * whether the article is new. Safe to call from several threads at once; it writes nothing.
 */
final class PageReader {
  private static final Pattern HTML_TAG = Pattern.compile(
      "<(?:!doctype|!--|html|head|body|meta|title|div|p|h[1-6]|article|section|span|a|table|ul|ol"
          + "|br|img|main|header|link|script|style|figure|strong|b|em|i)[\\s>/]",
      Pattern.CASE_INSENSITIVE);
  /** How much of a page is searched for an HTML tag before it is called "not an HTML page". */
  private static final int SNIFF = 65536;
  private static final PageDecoder DECODER = new PageDecoder();
  private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

  private final ContentStore store;
  private final Profiles profiles;
  private final Ingester.Options options;
  private final Supplier<HttpFetcher> fetcher;
  private final PageLoader loader;
  private final MediaStore media;
  /** Ids on disk when the run started: new articles skip the probing of files that are not there. */
  private final Set<String> onDisk;
  /** Today, for metadata checks (a publication date in the future is not believed). */
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  PageReader(ContentStore store, Profiles profiles, Ingester.Options options,
      Supplier<HttpFetcher> fetcher, MediaStore media, Set<String> onDisk) {
    this.store = store;
    this.profiles = profiles;
    this.options = options;
    this.fetcher = fetcher;
    this.loader = new PageLoader(fetcher, options.fetch().maxPageBytes());
    this.media = media;
    this.onDisk = onDisk;
  }

  /**
   * A page's bytes as the text that is parsed: decoded (the HTTP charset, else what the page
   * declares or looks like), its double-encoded text repaired, and cleaned of what breaks
   * parsers; refused when it is not HTML.
   */
  static String html(byte[] raw, Optional<String> httpCharset) throws SourceFailure {
    if (!HostileInput.isHtmlWithStrayNuls(raw)) {
      PageLoader.checkNotBinary(raw);
    }
    String html = HostileInput.clean(Mojibake.repair(DECODER.decode(raw, httpCharset).text()));
    if (html.isBlank()) {
      throw new SourceFailure("empty file");
    }
    if (!HTML_TAG.matcher(html.length() > SNIFF ? html.substring(0, SNIFF) : html).find()) {
      throw new SourceFailure("not an HTML page (no HTML tags found)");
    }
    return html;
  }

  PreparedPage read(Source source, Progress progress)
      throws SourceFailure, ProxyException, IOException, InterruptedException {
    PageLoader.Loaded page = loader.load(source);
    byte[] raw = page.raw();
    String html = html(raw, page.httpCharset());

    Optional<ArticleMeta> stored = source.stored();
    Optional<String> given = options.url().or(() -> stored.flatMap(ArticleMeta::url));
    // Where the page came from: fetched, or as a browser recorded it in a single-file page.
    Optional<String> origin = page.fetchedUrl().or(page::savedUrl);
    String base = origin.orElseGet(
        () -> given.orElseGet(() -> source.file().orElseThrow().toAbsolutePath().toUri().toString()));
    Document doc = Jsoup.parse(html, base);
    HostileInput.pinBase(doc, base, given.or(() -> origin));
    FlightData.restore(html, doc);
    PageMetadata meta = PageMetadata.read(doc, today);
    Optional<String> url = given
        .or(meta::url)
        .or(() -> origin)
        .map(Links::canonical);
    Optional<String> host = url.flatMap(Links::host);
    SiteProfile profile = profiles.choose(host, doc);
    ArticleExtractor.Extracted ex;
    try {
      ex = EXTRACTOR.extract(doc, profile, meta, url);
    } catch (ArticleExtractor.NotAnArticle e) {
      throw new SourceFailure(e.getMessage());
    }
    Optional<LocalDate> published = options.date()
        .or(() -> ArticleFacts.published(url, doc, ex.body(), ex.dateline(), profile, meta));

    PageImages images = new PageImages(source, progress, stored, media, fetcher,
        options.fetch(), options.url().isPresent(), page.parts());
    images.collect(ex.body());
    images.lead(ex.leadImage());
    String markdown = MarkdownWriter.write(ex.body(), images::fileFor);
    if (markdown.isBlank()) {
      throw new SourceFailure("not an article: body is empty after cleaning (profile " + profile.name() + ")");
    }
    byte[] body = markdown.getBytes(StandardCharsets.UTF_8);
    // A re-ingested article keeps its id, whatever the extractor now makes of its text.
    String id = stored.isPresent() ? stored.get().id()
        : ArticleFacts.id(url, profile, ex.title(), markdown, body);

    Optional<ArticleMeta> existing;
    try {
      existing = stored.isPresent() ? stored
          : onDisk.contains(id) ? store.readMeta(id) : Optional.empty();
    } catch (ContentException e) {
      throw new SourceFailure(e.getMessage() + "; not overwritten");
    }
    return new PreparedPage(source.label(), raw, markdown, body, id, url, host, published, ex,
        images, profile, existing, stored.isPresent());
  }
}
