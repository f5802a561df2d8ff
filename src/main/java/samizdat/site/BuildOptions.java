package samizdat.site;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import samizdat.io.CacheFiles;

/**
 * What to build.
 *
 * @param content the content folder (read through {@link samizdat.content.ContentStore})
 * @param templates a templates folder, or empty for the default templates inside the jar
 * @param out the site folder
 * @param cache where the build state lives (outside {@code out})
 * @param title the archive's title
 * @param language the language of pages that are not one article's; empty = the articles' most
 *     common language
 * @param baseUrl absolute URL of the published site (for the feed), ending in {@code /}
 * @param pageSize articles per list page
 * @param threads render threads (at least 1)
 * @param strictTemplates fail on template keys missing from the view model (for tests)
 */
public record BuildOptions(Path content, Optional<Path> templates, Path out, Path cache, String title,
    Optional<String> language, Optional<String> baseUrl, int pageSize, int threads,
    boolean strictTemplates) {

  public static final String DEFAULT_TITLE = "自由文库 Samizdat news archive";
  public static final int DEFAULT_PAGE_SIZE = 20;

  public BuildOptions {
    requireNonNull(content, "content");
    requireNonNull(templates, "templates");
    requireNonNull(out, "out");
    requireNonNull(cache, "cache");
    requireNonNull(title, "title");
    requireNonNull(language, "language");
    requireNonNull(baseUrl, "baseUrl");
    if (pageSize < 1 || threads < 1) {
      throw new IllegalArgumentException("pageSize and threads must be positive");
    }
  }

  /** Defaults for a content folder and an output folder: cache next to the output. */
  public static BuildOptions of(Path content, Path out) {
    return new BuildOptions(content, Optional.empty(), out, defaultCache(out), DEFAULT_TITLE,
        Optional.empty(), Optional.empty(), DEFAULT_PAGE_SIZE,
        Runtime.getRuntime().availableProcessors(), false);
  }

  /** {@code .samizdat-cache/<out name>.state} in the output's parent folder. */
  public static Path defaultCache(Path out) {
    return CacheFiles.beside(out, "state");
  }

  public BuildOptions withTemplates(Path dir) {
    return new BuildOptions(content, Optional.of(dir), out, cache, title, language, baseUrl, pageSize,
        threads, strictTemplates);
  }

  public BuildOptions withStrictTemplates(boolean strict) {
    return new BuildOptions(content, templates, out, cache, title, language, baseUrl, pageSize,
        threads, strict);
  }

  public BuildOptions withBaseUrl(String url) {
    return new BuildOptions(content, templates, out, cache, title, language, Optional.of(url), pageSize,
        threads, strictTemplates);
  }

  public BuildOptions withPageSize(int size) {
    return new BuildOptions(content, templates, out, cache, title, language, baseUrl, size, threads,
        strictTemplates);
  }

  public BuildOptions withTitle(String newTitle) {
    return new BuildOptions(content, templates, out, cache, newTitle, language, baseUrl, pageSize,
        threads, strictTemplates);
  }
}
