package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How URLs are fetched.
 *
 * @param userAgent the User-Agent header: honest, names samizdat and its version
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout time allowed for the whole response after the request is sent
 * @param maxPageBytes pages larger than this (after decompression) are refused
 * @param maxImageBytes images larger than this are refused
 * @param retries how many times a timed-out, 429 or 5xx request is tried again
 * @param backoff wait before the first retry; doubles for each further one
 * @param maxWait the longest wait between tries, also for a server's Retry-After
 * @param hostDelay minimum time between the starts of two requests to the same host
 * @param proxies which proxy each URL goes through, if any
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    long maxPageBytes,
    long maxImageBytes,
    int retries,
    Duration backoff,
    Duration maxWait,
    Duration hostDelay,
    ProxyChoice proxies) {

  public FetchSettings {
    requireNonNull(userAgent, "userAgent");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(readTimeout, "readTimeout");
    requireNonNull(backoff, "backoff");
    requireNonNull(maxWait, "maxWait");
    requireNonNull(hostDelay, "hostDelay");
    requireNonNull(proxies, "proxies");
    if (retries < 0 || maxPageBytes <= 0 || maxImageBytes <= 0) {
      throw new IllegalArgumentException("retries must be >= 0 and size limits > 0");
    }
  }

  /** Settings that fetch everything directly, without a proxy. */
  public FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout,
      long maxPageBytes, long maxImageBytes, int retries, Duration backoff, Duration maxWait,
      Duration hostDelay) {
    this(userAgent, connectTimeout, readTimeout, maxPageBytes, maxImageBytes, retries, backoff,
        maxWait, hostDelay, ProxyChoice.direct());
  }

  /** Defaults for a polite crawler: 10 s to connect, 30 s per response, 3 retries from 1 s. */
  public static FetchSettings defaults(String version) {
    return new FetchSettings("samizdat/" + version + " (offline news archiver)",
        Duration.ofSeconds(10), Duration.ofSeconds(30), 16L << 20, 20L << 20, 3,
        Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(1));
  }

  /** Another response timeout; connecting never gets longer than that either. */
  public FetchSettings withReadTimeout(Duration d) {
    Duration connect = connectTimeout.compareTo(d) <= 0 ? connectTimeout : d;
    return new FetchSettings(userAgent, connect, d, maxPageBytes, maxImageBytes, retries, backoff,
        maxWait, hostDelay, proxies);
  }

  public FetchSettings withRetries(int n) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxPageBytes, maxImageBytes, n,
        backoff, maxWait, hostDelay, proxies);
  }

  public FetchSettings withHostDelay(Duration d) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxPageBytes, maxImageBytes,
        retries, backoff, maxWait, d, proxies);
  }

  public FetchSettings withMaxPageBytes(long n) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, n, maxImageBytes, retries,
        backoff, maxWait, hostDelay, proxies);
  }

  public FetchSettings withBackoff(Duration first, Duration max) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxPageBytes, maxImageBytes,
        retries, first, max, hostDelay, proxies);
  }

  public FetchSettings withProxies(ProxyChoice p) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxPageBytes, maxImageBytes,
        retries, backoff, maxWait, hostDelay, p);
  }
}
