package samizdat.follow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What one source document gave: article links in document order, child sitemaps (of a sitemap
 * index), the next page (of a listing page or a paged feed), and warnings about links it refused.
 * Filled by one parser on one thread.
 */
final class Found {
  /** What the document turned out to be, for messages. */
  enum Kind {
    RSS("RSS feed"), RDF("RSS 1.0 feed"), ATOM("Atom feed"), JSON_FEED("JSON Feed"),
    SITEMAP("sitemap"), SITEMAP_INDEX("sitemap index"), LISTING("listing page");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** Most links one document may give; the sitemap protocol's own limit is 50,000. */
  static final int MAX_LINKS = 50_000;

  final Kind kind;
  final Set<String> articles = new LinkedHashSet<>();
  final Set<String> sitemaps = new LinkedHashSet<>();
  Optional<String> next = Optional.empty();
  final List<String> warnings = new ArrayList<>();
  private int notWeb;
  private final Set<String> notWebSchemes = new java.util.TreeSet<>();
  private int invalid;
  private int otherHost;
  private int overLimit;

  Found(Kind kind) {
    this.kind = kind;
  }

  /** Adds an article link: {@code href} resolved against {@code base}, http(s) only. */
  void article(String base, String href, Optional<String> onlyHost) {
    resolve(base, href, onlyHost).ifPresent(this::articleResolved);
  }

  /** Adds an article link already resolved by {@link #resolveInto}. */
  void articleResolved(String url) {
    if (articles.size() >= MAX_LINKS) {
      overLimit++;
    } else {
      articles.add(url);
    }
  }

  /** {@code href} resolved against {@code base}; a refused link is counted for the warnings. */
  Optional<String> resolveInto(String base, String href) {
    return resolve(base, href, Optional.empty());
  }

  void sitemap(String base, String href, Optional<String> onlyHost) {
    resolve(base, href, onlyHost).ifPresent(sitemaps::add);
  }

  void next(String base, String href) {
    if (next.isEmpty()) {
      next = resolve(base, href, Optional.empty());
    }
  }

  private Optional<String> resolve(String base, String href, Optional<String> onlyHost) {
    String h = href.strip();
    if (h.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> u = Urls.resolve(base, h);
    if (u.isEmpty()) {
      Optional<String> scheme = Urls.scheme(h);
      if (scheme.isPresent() && !scheme.get().equals("http") && !scheme.get().equals("https")) {
        notWeb++;
        notWebSchemes.add(scheme.get().toLowerCase(Locale.ROOT) + ":");
      } else {
        invalid++;
      }
      return Optional.empty();
    }
    if (onlyHost.isPresent() && !Urls.sameSite(onlyHost.get(), Urls.host(u.get()).orElse(""))) {
      otherHost++;
      return Optional.empty();
    }
    return u;
  }

  /** Adds the warnings about refused links, once the document has been read. */
  void summarizeRefused() {
    if (notWeb > 0) {
      warnings.add(notWeb + (notWeb == 1 ? " link" : " links") + " ignored: not http(s) "
          + String.join(" ", notWebSchemes));
    }
    if (invalid > 0) {
      warnings.add(invalid + (invalid == 1 ? " link" : " links") + " ignored: not a valid URL");
    }
    if (otherHost > 0) {
      warnings.add(otherHost + (otherHost == 1 ? " link" : " links")
          + " to other hosts ignored (a sitemap lists only its own host's pages)");
    }
    if (overLimit > 0) {
      warnings.add(overLimit + " links past the first " + MAX_LINKS + " ignored");
    }
  }
}
