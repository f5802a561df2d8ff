package samizdat.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.ResponseBody;

/**
 * Fetches pages and images over HTTP(S) with OkHttp: an honest User-Agent, timeouts, redirects, a
 * size cap (also after gzip), retries with exponential backoff on timeouts, 429 and 5xx (a
 * Retry-After header wins, up to a limit), and a minimum delay between requests to one host.
 * Thread-safe; how many requests run at once is bounded by the caller's worker pool.
 *
 * <p>Each request, and each redirect on its own, goes direct or through the proxy that {@link
 * ProxyChoice} names for its URL, by the same code: an HTTP proxy (CONNECT for https), SOCKS5 with
 * the name resolved here, or SOCKS5 with the name handed to the proxy unresolved (socks5h: no DNS
 * lookup of the target here; OkHttp does that, HttpURLConnection resolves first). A proxy that
 * cannot be reached ends the request with a {@link ProxyException} at once, and every later
 * request through it too: retrying it per URL would only repeat the same wait.
 *
 * <p>Public for {@code samizdat follow}, which reads feeds, sitemaps, listing pages and robots.txt
 * through {@link #fetchSource} with the same settings, retries and politeness as ingest.
 */
public final class HttpFetcher {
  /** Waits; tests replace it to observe backoff without waiting. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** A successful response. */
  record Response(URI uri, byte[] body, Optional<String> mimeType, Optional<String> charset) {}

  /**
   * A feed, sitemap, listing page or robots.txt as fetched, or "not modified" (HTTP 304) when the
   * validators of an earlier fetch still hold (then the body is empty).
   *
   * @param uri the URL after redirects
   * @param notModified the server answered 304 to a conditional request
   * @param body the decoded (not gzip-transfer-encoded) bytes
   * @param mimeType the Content-Type's type, lower case, when the server sent one
   * @param charset the Content-Type's charset, when the server sent one
   * @param etag the ETag header, for the next request's If-None-Match
   * @param lastModified the Last-Modified header, for the next request's If-Modified-Since
   */
  public record Source(URI uri, boolean notModified, byte[] body, Optional<String> mimeType,
      Optional<String> charset, Optional<String> etag, Optional<String> lastModified) {}

  enum Kind { PAGE, IMAGE, SOURCE }

  /** A response as the last redirect left it; the body is read for a 2xx only. */
  private record Reply(int status, URI uri, Headers headers, byte[] body) {}

  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
  private static final byte[] NOTHING = new byte[0];
  /** Redirects followed per request, as java.net.http and browsers roughly do. */
  private static final int MAX_REDIRECTS = 5;

  private final FetchSettings settings;
  private final Routes routes;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final Map<String, Long> nextStart = new ConcurrentHashMap<>();

  public HttpFetcher(FetchSettings settings) {
    this(settings, d -> Thread.sleep(d.toMillis()), System::nanoTime);
  }

  HttpFetcher(FetchSettings settings, Sleeper sleeper, LongSupplier nanoTime) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.routes = new Routes(settings);
  }

  Response fetch(URI uri, Kind kind) throws FetchException, ProxyException, InterruptedException {
    long max = kind == Kind.IMAGE ? settings.maxImageBytes() : settings.maxPageBytes();
    return success(exchange(uri, kind, max, Map.of()), kind, max);
  }

  /**
   * Fetches a feed, sitemap, listing page or robots.txt: any type but images, audio and video,
   * capped like a page. With validators of an earlier fetch the request is conditional
   * ({@code If-None-Match}, {@code If-Modified-Since}) and a 304 comes back as not modified.
   *
   * @throws FetchException with the HTTP status ({@link FetchException#status}) when there is one
   * @throws ProxyException when the proxy for {@code uri} cannot be used
   */
  public Source fetchSource(URI uri, Optional<String> etag, Optional<String> lastModified)
      throws FetchException, ProxyException, InterruptedException {
    Map<String, String> conditional = new HashMap<>();
    etag.ifPresent(v -> conditional.put("If-None-Match", v));
    lastModified.ifPresent(v -> conditional.put("If-Modified-Since", v));
    long max = settings.maxPageBytes();
    Reply r = exchange(uri, Kind.SOURCE, max, conditional);
    Optional<String> newEtag = first(r.headers(), "ETag");
    Optional<String> newModified = first(r.headers(), "Last-Modified");
    if (r.status() == 304) {
      return new Source(r.uri(), true, NOTHING, Optional.empty(), Optional.empty(),
          newEtag.or(() -> etag), newModified.or(() -> lastModified));
    }
    Response ok = success(r, Kind.SOURCE, max);
    return new Source(ok.uri(), false, ok.body(), ok.mimeType(), ok.charset(), newEtag, newModified);
  }

  /** One URL with retries: the 2xx (or 304) response, its body read up to {@code max}. */
  private Reply exchange(URI uri, Kind kind, long max, Map<String, String> headers)
      throws FetchException, ProxyException, InterruptedException {
    String last = "";
    for (int attempt = 0; ; attempt++) {
      Duration wait;
      awaitHostSlot(uri);
      try {
        Reply r = send(uri, kind, max, headers);
        int status = r.status();
        if ((status >= 200 && status < 300) || (status == 304 && !headers.isEmpty())) {
          return r;
        }
        String reason = "HTTP " + status;
        if (status == 429 || status >= 500) {
          last = reason;
          wait = retryAfter(r.headers()).orElse(backoff(attempt));
        } else {
          throw new FetchException(reason, status);
        }
      } catch (InterruptedIOException e) {
        // OkHttp ends a call whose time is up, or whose thread was interrupted, with this.
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        last = isConnectTimeout(e) ? "connect timed out" : "timed out after "
            + seconds(settings.readTimeout());
        wait = backoff(attempt);
      } catch (ConnectException e) {
        last = "connection refused";
        wait = backoff(attempt);
      } catch (IOException e) {
        throw new FetchException(message(e), e);
      }
      if (attempt >= settings.retries()) {
        throw new FetchException(last + (attempt > 0 ? " (tried " + (attempt + 1) + " times)" : ""));
      }
      sleeper.sleep(min(wait, settings.maxWait()));
    }
  }

  /**
   * One try: the request and its redirects (each hop direct or through its proxy), within the
   * response timeout for all of them together.
   */
  private Reply send(URI uri, Kind kind, long max, Map<String, String> headers)
      throws IOException, FetchException, ProxyException {
    long deadline = System.nanoTime() + settings.readTimeout().toNanos();
    HttpUrl url = HttpUrl.parse(uri.toString());
    if (url == null) {
      throw new FetchException("not an http(s) URL");
    }
    URI at = uri;
    for (int hop = 0; ; hop++) {
      Routes.Route route = routes.forUri(at);
      Call call = route.client().newCall(request(url, kind, headers));
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new InterruptedIOException("timeout");
      }
      call.timeout().timeout(left, TimeUnit.NANOSECONDS);
      try (okhttp3.Response r = call.execute()) {
        int status = r.code();
        if (status == 407) {
          routes.refused(route, "HTTP 407 (proxy authentication required)");
        }
        if (isRedirect(status) && hop < MAX_REDIRECTS) {
          Optional<HttpUrl> next = first(r.headers(), "Location").map(url::resolve);
          // Never from https down to http, as java.net.http's NORMAL policy and browsers.
          if (next.isPresent() && !(url.isHttps() && !next.get().isHttps())) {
            url = next.get();
            at = url.uri();
            continue;
          }
        }
        byte[] body = status >= 200 && status < 300 ? read(r, max) : NOTHING;
        return new Reply(status, at, r.headers(), body);
      } catch (IOException e) {
        routes.failed(route, e);
        throw e;
      }
    }
  }

  private Request request(HttpUrl url, Kind kind, Map<String, String> headers)
      throws FetchException {
    try {
      Request.Builder builder = new Request.Builder().url(url)
          .header("User-Agent", settings.userAgent())
          .header("Accept", switch (kind) {
            case PAGE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
            case IMAGE -> "image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8";
            case SOURCE -> "application/rss+xml,application/atom+xml,application/feed+json,"
                + "application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.8,*/*;q=0.5";
          })
          // Set here, so OkHttp leaves the body as sent and decode() keeps the size cap.
          .header("Accept-Encoding", "gzip, deflate");
      headers.forEach(builder::header);
      return builder.get().build();
    } catch (IllegalArgumentException e) {
      throw new FetchException("cannot send this request: " + message(e));
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** A 2xx body, up to {@code max} bytes: a declared larger one is refused unread. */
  private static byte[] read(okhttp3.Response r, long max) throws IOException, FetchException {
    ResponseBody body = r.body();
    boolean encoded = r.header("Content-Encoding") != null;
    if (body.contentLength() > max && !encoded) {
      throw new FetchException(tooLarge(max));
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw new FetchException(tooLarge(max));
      }
      return bytes;
    }
  }

  static boolean isConnectTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        && message(e).toLowerCase(Locale.ROOT).contains("connect");
  }

  private static Optional<String> first(Headers headers, String name) {
    List<String> values = headers.values(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private Response success(Reply r, Kind kind, long max) throws FetchException {
    String type = first(r.headers(), "Content-Type").orElse("");
    Optional<String> mime = type.isBlank() ? Optional.empty()
        : Optional.of(type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    if (mime.isPresent()) {
      String m = mime.get();
      boolean ok = switch (kind) {
        case PAGE -> m.equals("text/html") || m.equals("application/xhtml+xml")
            || m.equals("text/plain") || m.equals("application/octet-stream");
        case IMAGE -> m.startsWith("image/") || m.equals("application/octet-stream");
        case SOURCE -> !m.startsWith("image/") && !m.startsWith("audio/") && !m.startsWith("video/");
      };
      if (!ok) {
        throw new FetchException("wrong content type " + m + " (expected " + switch (kind) {
          case PAGE -> "an HTML page";
          case IMAGE -> "an image";
          case SOURCE -> "a feed, sitemap or web page";
        } + ")");
      }
    }
    byte[] body = decode(r.body(), first(r.headers(), "Content-Encoding").orElse(""), max);
    Matcher cs = CHARSET.matcher(type);
    return new Response(r.uri(), body, mime, cs.find() ? Optional.of(cs.group(1)) : Optional.empty());
  }

  private static byte[] decode(byte[] body, String encoding, long max) throws FetchException {
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    if (e.isEmpty() || e.equals("identity")) {
      return body;
    }
    try (InputStream in = e.equals("gzip") || e.equals("x-gzip")
        ? new GZIPInputStream(new ByteArrayInputStream(body))
        : e.equals("deflate") ? new InflaterInputStream(new ByteArrayInputStream(body)) : null) {
      if (in == null) {
        throw new FetchException("unsupported Content-Encoding " + e);
      }
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (out.length > max) {
        throw new FetchException(tooLarge(max));
      }
      return out;
    } catch (IOException ex) {
      throw new FetchException("corrupt " + e + " response: " + message(ex), ex);
    }
  }

  /** A size over a limit, in MB rounded up to a tenth, so it never reads as the limit itself. */
  static String megabytes(long bytes) {
    double tenths = Math.ceil(bytes * 10.0 / (1 << 20));
    return (tenths % 10 == 0 ? String.valueOf((long) tenths / 10) : String.valueOf(tenths / 10)) + " MB";
  }

  static String tooLarge(long max) {
    return "too large (the limit is " + (max >= 1 << 20 ? (max >> 20) + " MB" : max + " bytes") + ")";
  }

  private void awaitHostSlot(URI uri) throws InterruptedException {
    long delay = settings.hostDelay().toNanos();
    if (delay <= 0 || uri.getHost() == null) {
      return;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    long now = nanoTime.getAsLong();
    long[] start = new long[1];
    nextStart.compute(host, (h, next) -> {
      start[0] = next == null ? now : Math.max(now, next);
      return start[0] + delay;
    });
    long wait = start[0] - now;
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
  }

  private Duration backoff(int attempt) {
    return settings.backoff().multipliedBy(1L << Math.min(attempt, 20));
  }

  /** Retry-After as seconds or an HTTP date. */
  private static Optional<Duration> retryAfter(Headers headers) {
    Optional<String> v = first(headers, "Retry-After").map(String::strip);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.get()))));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }


}
