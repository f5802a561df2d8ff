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
    Duration hostDelay) {

  public FetchSettings {
    requireNonNull(userAgent, "userAgent");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(readTimeout, "readTimeout");
    requireNonNull(backoff, "backoff");
    requireNonNull(maxWait, "maxWait");
    requireNonNull(hostDelay, "hostDelay");
    if (retries < 0 || maxPageBytes <= 0 || maxImageBytes <= 0) {
      throw new IllegalArgumentException("retries must be >= 0 and size limits > 0");
    }
  }

  /** Defaults for a polite crawler: 10 s to connect, 30 s per response, 3 retries from 1 s. */
  public static FetchSettings defaults(String version) {
    return new FetchSettings("samizdat/" + version + " (offline news archiver)",
        Duration.ofSeconds(10), Duration.ofSeconds(30), 16L << 20, 20L << 20, 3,
        Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(1));
  }

  public FetchSettings withReadTimeout(Duration d) {
    return new FetchSettings(userAgent, d, d, maxPageBytes, maxImageBytes, retries, backoff,
        maxWait, hostDelay);
  }

  public FetchSettings withRetries(int n) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxPageBytes, maxImageBytes, n,
        backoff, maxWait, hostDelay);
  }

  public FetchSettings withHostDelay(Duration d) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxPageBytes, maxImageBytes,
        retries, backoff, maxWait, d);
  }

  public FetchSettings withMaxPageBytes(long n) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, n, maxImageBytes, retries,
        backoff, maxWait, hostDelay);
  }

  public FetchSettings withBackoff(Duration first, Duration max) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxPageBytes, maxImageBytes,
        retries, first, max, hostDelay);
  }
}
