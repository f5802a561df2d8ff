package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import samizdat.content.Translation;

/**
 * {@code samizdat profile test}: what a profile makes of pages, without writing anything, so a
 * user can sharpen a profile against real pages: the fields ingest would store, the body as
 * Markdown (images shown by their alt text only), and what the profile's drop rules removed.
 */
public final class ProfilePreview {
  /**
   * What a page gives.
   *
   * @param page the page as named
   * @param profile the name of the profile that read it
   * @param title the title
   * @param url the article URL, when the page states it
   * @param published the publication date, when found
   * @param language the language decided
   * @param authors the authors named
   * @param tags the tags
   * @param source the source line's publisher, when the profile has a source rule
   * @param leadImage the lead image's URL, when declared
   * @param translations other editions
   * @param markdown the body as ingest would write it (without image files)
   * @param dropped one line per element a drop rule removed: the rule and the start of its text
   */
  public record Result(String page, String profile, String title, Optional<String> url,
      Optional<LocalDate> published, String language, List<String> authors, List<String> tags,
      Optional<String> source, Optional<String> leadImage, List<Translation> translations,
      String markdown, List<String> dropped) {
    public Result {
      requireNonNull(page, "page");
      requireNonNull(markdown, "markdown");
      authors = List.copyOf(authors);
      tags = List.copyOf(tags);
      translations = List.copyOf(translations);
      dropped = List.copyOf(dropped);
    }
  }

  /** Why a page could not be read or is not an article; the message is one line. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final Profiles profiles;
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  public ProfilePreview(Profiles profiles) {
    this.profiles = profiles;
  }

  /** Reads a saved page (a file) with the profiles and says what it gives. */
  public Result read(Path file) throws Refused {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
      if (file.getFileName().toString().endsWith(".gz")) {
        raw = Gzip.decompress(new java.io.ByteArrayInputStream(raw), Long.MAX_VALUE);
      }
    } catch (IOException e) {
      throw new Refused("cannot read: " + Ingester.ioMessage(e));
    }
    String html;
    PageLoader.Loaded page;
    try {
      page = new PageLoader.Loaded(raw, Optional.empty(), Optional.empty()).unwrapped();
      html = PageReader.html(page.raw(), page.httpCharset());
    } catch (SourceFailure e) {
      throw new Refused(e.getMessage());
    }
    Document doc = Jsoup.parse(html, page.savedUrl().orElseGet(() -> file.toAbsolutePath().toUri().toString()));
    FlightData.restore(html, doc);
    PageMetadata meta = PageMetadata.read(doc, today);
    Optional<String> url = meta.url().or(page::savedUrl).map(Links::canonical);
    SiteProfile profile = profiles.choose(url.flatMap(Links::host), doc);
    List<String> dropped = new ArrayList<>();
    ArticleExtractor.Extracted ex;
    try {
      ex = new ArticleExtractor().extract(doc, profile, meta, url, (rule, el) -> dropped.add(
          rule.css() + "  " + start(StringUtil.normaliseWhitespace(el.text()).strip())));
    } catch (ArticleExtractor.NotAnArticle e) {
      throw new Refused(e.getMessage() + " (profile " + profile.name() + ")");
    }
    Optional<LocalDate> published =
        ArticleFacts.published(url, doc, ex.body(), ex.dateline(), profile, meta);
    String markdown = MarkdownWriter.write(ex.body(), img -> Optional.empty());
    return new Result(file.toString(), profile.name(), ex.title(), url, published, ex.language(),
        ex.authors(), ex.tags(), ex.source(), ex.leadImage(), ex.translations(), markdown, dropped);
  }

  private static String start(String text) {
    if (text.isEmpty()) {
      return "(no text)";
    }
    return text.codePointCount(0, text.length()) <= 60 ? text
        : text.substring(0, text.offsetByCodePoints(0, 60)) + "…";
  }
}
