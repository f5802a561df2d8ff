package samizdat.follow;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import samizdat.ingest.FetchException;
import samizdat.ingest.FetchSettings;
import samizdat.ingest.HttpFetcher;
import samizdat.ingest.ProxyException;

/**
 * What each host allows in a pass: its robots.txt (read once per origin, unless robots.txt is
 * ignored), its pace (--delay, or a longer Crawl-delay) kept across sources and ingest batches,
 * and the fetcher for feeds, sitemaps, listing pages and robots.txt, which spaces nothing itself.
 */
final class HostRules {
  private final Pass pass;
  private final FetchSettings fetch;
  private final boolean ignoreRobots;
  private final HttpFetcher fetcher;
  private final Map<String, Robots> robots = new HashMap<>();
  private final Politeness politeness = new Politeness();

  HostRules(Pass pass, FetchSettings fetch, boolean ignoreRobots) {
    this.pass = pass;
    this.fetch = fetch;
    this.ignoreRobots = ignoreRobots;
    // Spacing between requests to a host is kept by Politeness, across sources and ingest batches.
    this.fetcher = new HttpFetcher(fetch.withHostDelay(Duration.ZERO));
  }

  /** A feed, sitemap or listing page, at the host's pace. */
  HttpFetcher.Source fetchSource(URI uri, String host, Optional<String> etag,
      Optional<String> modified) throws FetchException, ProxyException, InterruptedException {
    politeness.await(host, delay(host));
    try {
      return fetcher.fetchSource(uri, etag, modified);
    } finally {
      politeness.used(host);
    }
  }

  /** Waits until {@code host} may be asked again after {@code delay}. */
  void await(String host, Duration delay) throws InterruptedException {
    politeness.await(host, delay);
  }

  /** The last request to {@code host} has just ended. */
  void used(String host) {
    politeness.used(host);
  }

  Robots robots(URI uri) throws ProxyException, InterruptedException {
    if (ignoreRobots) {
      return Robots.allowAll();
    }
    String origin = Urls.origin(uri);
    Robots r = robots.get(origin);
    if (r != null) {
      return r;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    politeness.await(host, fetch.hostDelay());
    try {
      HttpFetcher.Source s = fetcher.fetchSource(URI.create(origin + "/robots.txt"),
          Optional.empty(), Optional.empty());
      r = Robots.parse(s.body());
    } catch (FetchException e) {
      int status = e.status().orElse(0);
      if (status >= 400 && status < 500) {
        r = Robots.allowAll();
      } else {
        pass.progress.warn(origin + "/robots.txt: " + e.getMessage()
            + "; nothing is fetched from " + host + " this run");
        r = Robots.unreachable();
      }
    } finally {
      politeness.used(host);
    }
    robots.put(origin, r);
    return r;
  }

  /** Time between two requests to a host: --delay, or the site's Crawl-delay if longer. */
  Duration delay(String host) {
    Duration d = fetch.hostDelay();
    for (Map.Entry<String, Robots> e : robots.entrySet()) {
      if (Urls.host(e.getKey()).orElse("").equals(host) && e.getValue().crawlDelay().isPresent()) {
        Duration c = e.getValue().crawlDelay().get();
        d = c.compareTo(d) > 0 ? c : d;
      }
    }
    return d;
  }
}
