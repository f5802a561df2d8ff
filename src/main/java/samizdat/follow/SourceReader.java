package samizdat.follow;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import samizdat.ingest.FetchException;
import samizdat.ingest.HttpFetcher;
import samizdat.ingest.Profiles;
import samizdat.ingest.ProxyException;

/**
 * Finds a source's article links: reads the feed, sitemap or listing page with the validators of
 * the last run, then what it leads to (child sitemaps of an index, next listing pages), within
 * robots.txt and the host's pace. A document that cannot be read is reported and the rest goes on.
 */
final class SourceReader {
  /** Child sitemaps read from one sitemap index, at most. */
  private static final int MAX_CHILD_SITEMAPS = 1000;
  /** Levels of sitemap indexes below the source, at most. */
  private static final int MAX_SITEMAP_DEPTH = 3;

  private final Pass pass;
  private final HostRules hosts;
  private final Clock clock;
  private final long maxPageBytes;

  SourceReader(Pass pass, HostRules hosts, Clock clock, long maxPageBytes) {
    this.pass = pass;
    this.hosts = hosts;
    this.clock = clock;
    this.maxPageBytes = maxPageBytes;
  }

  /**
   * Reads a source and what it leads to (child sitemaps, next pages), adding article links in
   * order and the validators of what was read. Returns false when the source itself could not be
   * read.
   */
  boolean read(FollowSource source, Profiles chosen, Set<String> links,
      Map<String, FollowState.Source> validators) throws ProxyException, InterruptedException {
    record Doc(String url, int depth, int page) {}
    List<Doc> todo = new ArrayList<>(List.of(new Doc(source.url(), 0, 1)));
    Set<String> seen = new HashSet<>();
    int children = 0;
    boolean ok = true;
    while (!todo.isEmpty()) {
      Doc doc = todo.remove(0);
      if (!seen.add(doc.url())) {
        continue;
      }
      boolean top = doc.url().equals(source.url());
      Optional<Found> found;
      try {
        found = fetchAndRead(doc.url(), chosen, validators);
      } catch (SourceException e) {
        fail(doc.url(), e.getMessage(), top);
        ok &= !top;
        continue;
      }
      if (found.isEmpty()) {
        if (top) {
          pass.sourcesUnchanged++;
        }
        // An unchanged sitemap index may still have children that changed.
        FollowState.Source known = validators.get(doc.url());
        if (known != null && known.sitemaps != null && doc.depth() < MAX_SITEMAP_DEPTH) {
          for (String child : known.sitemaps) {
            todo.add(new Doc(child, doc.depth() + 1, 1));
          }
        }
        continue;
      }
      Found f = found.get();
      if (f.kind == Found.Kind.SITEMAP_INDEX) {
        validators.get(doc.url()).sitemaps = new ArrayList<>(f.sitemaps);
      }
      for (String w : f.warnings) {
        pass.progress.warn(doc.url() + ": " + w);
      }
      links.addAll(f.articles);
      if (!f.sitemaps.isEmpty()) {
        if (doc.depth() >= MAX_SITEMAP_DEPTH) {
          pass.progress.warn(doc.url() + ": sitemap indexes nested deeper than " + MAX_SITEMAP_DEPTH
              + " levels; the deeper ones ignored");
        } else {
          for (String child : f.sitemaps) {
            if (children++ >= MAX_CHILD_SITEMAPS) {
              pass.progress.warn(doc.url() + ": more than " + MAX_CHILD_SITEMAPS
                  + " sitemaps; the rest ignored");
              break;
            }
            todo.add(new Doc(child, doc.depth() + 1, 1));
          }
        }
      }
      if (f.next.isPresent() && doc.page() < source.pages()) {
        String next = f.next.get();
        if (Urls.sameSite(Urls.host(doc.url()).orElse(""), Urls.host(next).orElse(""))) {
          todo.add(new Doc(next, doc.depth(), doc.page() + 1));
        }
      }
    }
    return ok;
  }

  /** One document: empty when not modified since the last run. */
  private Optional<Found> fetchAndRead(String url, Profiles chosen,
      Map<String, FollowState.Source> validators)
      throws SourceException, ProxyException, InterruptedException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new SourceException("not a valid URL: " + e.getReason());
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    Robots rules = hosts.robots(uri);
    if (!rules.allows(uri)) {
      pass.robotsSkipped++;
      throw new SourceException(rules.unreachableRobots()
          ? "robots.txt of " + host + " could not be read, so nothing is fetched from it this run"
          : "disallowed by robots.txt (--ignore-robots to fetch it anyway)");
    }
    FollowState.Source before = pass.state.sources.get(url);
    Optional<String> etag = Optional.ofNullable(before).map(s -> s.etag);
    Optional<String> modified = Optional.ofNullable(before).map(s -> s.lastModified);
    HttpFetcher.Source response;
    try {
      response = hosts.fetchSource(uri, host, etag, modified);
    } catch (FetchException e) {
      throw new SourceException(e.getMessage());
    }
    FollowState.Source now = new FollowState.Source();
    now.etag = response.etag().orElse(null);
    now.lastModified = response.lastModified().orElse(null);
    now.lastRead = clock.instant().toString();
    validators.put(url, now);
    if (response.notModified()) {
      now.sitemaps = before == null ? null : before.sitemaps;
      return Optional.empty();
    }
    return Optional.of(SourceDocument.read(response.uri().toString(), response.body(),
        response.mimeType(), response.charset(), chosen, maxPageBytes));
  }

  private void fail(String url, String message, boolean top) {
    FollowState.Source s = pass.state.sources.computeIfAbsent(url, u -> new FollowState.Source());
    s.failures++;
    s.lastError = message;
    // A failed read must not look like a read: the next run asks again without validators.
    s.etag = null;
    s.lastModified = null;
    String runs = s.failures > 1 ? " (failed " + s.failures + " runs in a row)" : "";
    if (top) {
      pass.listener.sourceFailed(url, message + runs);
    } else {
      pass.progress.warn(url + ": " + message + runs);
    }
  }
}
