package samizdat.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches pages and images over HTTP(S) with java.net.http: an honest User-Agent, timeouts,
 * redirects, a size cap (also after gzip), retries with exponential backoff on timeouts, 429 and
 * 5xx (a Retry-After header wins, up to a limit), and a minimum delay between requests to one host.
 * Thread-safe; how many requests run at once is bounded by the caller's worker pool.
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

  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
  private static final byte[] NOTHING = new byte[0];

  private final FetchSettings settings;
  private final HttpClient client;
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
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  Response fetch(URI uri, Kind kind) throws FetchException, InterruptedException {
    long max = kind == Kind.IMAGE ? settings.maxImageBytes() : settings.maxPageBytes();
    return success(exchange(uri, kind, max, Map.of()), kind, max);
  }

  /**
   * Fetches a feed, sitemap, listing page or robots.txt: any type but images, audio and video,
   * capped like a page. With validators of an earlier fetch the request is conditional
   * ({@code If-None-Match}, {@code If-Modified-Since}) and a 304 comes back as not modified.
   *
   * @throws FetchException with the HTTP status ({@link FetchException#status}) when there is one
   */
  public Source fetchSource(URI uri, Optional<String> etag, Optional<String> lastModified)
      throws FetchException, InterruptedException {
    Map<String, String> conditional = new java.util.HashMap<>();
    etag.ifPresent(v -> conditional.put("If-None-Match", v));
    lastModified.ifPresent(v -> conditional.put("If-Modified-Since", v));
    long max = settings.maxPageBytes();
    HttpResponse<byte[]> r = exchange(uri, Kind.SOURCE, max, conditional);
    Optional<String> newEtag = r.headers().firstValue("ETag");
    Optional<String> newModified = r.headers().firstValue("Last-Modified");
    if (r.statusCode() == 304) {
      return new Source(r.uri(), true, NOTHING, Optional.empty(), Optional.empty(),
          newEtag.or(() -> etag), newModified.or(() -> lastModified));
    }
    Response ok = success(r, Kind.SOURCE, max);
    return new Source(ok.uri(), false, ok.body(), ok.mimeType(), ok.charset(), newEtag, newModified);
  }

  /** One URL with retries: the 2xx (or 304) response, its body read up to {@code max}. */
  private HttpResponse<byte[]> exchange(URI uri, Kind kind, long max, Map<String, String> headers)
      throws FetchException, InterruptedException {
    String last = "";
    for (int attempt = 0; ; attempt++) {
      Duration wait;
      awaitHostSlot(uri);
      try {
        HttpResponse<byte[]> r = send(uri, kind, max, headers);
        int status = r.statusCode();
        if ((status >= 200 && status < 300) || (status == 304 && !headers.isEmpty())) {
          return r;
        }
        String reason = "HTTP " + status;
        if (status == 429 || status >= 500) {
          last = reason;
          wait = retryAfter(r).orElse(backoff(attempt));
        } else {
          throw new FetchException(reason, status);
        }
      } catch (TimeoutException | HttpTimeoutException e) {
        last = e instanceof HttpConnectTimeoutException ? "connect timed out" : "timed out after "
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

  private HttpResponse<byte[]> send(URI uri, Kind kind, long max, Map<String, String> headers)
      throws IOException, TimeoutException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(settings.readTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept", switch (kind) {
          case PAGE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
          case IMAGE -> "image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8";
          case SOURCE -> "application/rss+xml,application/atom+xml,application/feed+json,"
              + "application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.8,*/*;q=0.5";
        })
        .header("Accept-Encoding", "gzip, deflate");
    headers.forEach(builder::header);
    HttpRequest request = builder.GET().build();
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
      if (info.statusCode() < 200 || info.statusCode() >= 300) {
        return BodySubscribers.replacing(NOTHING);
      }
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      boolean encoded = info.headers().firstValue("Content-Encoding").isPresent();
      return new Capped(max, declared > max && !encoded);
    });
    try {
      return future.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? e.toString() : cause.toString(), cause);
    }
  }

  private Response success(HttpResponse<byte[]> r, Kind kind, long max) throws FetchException {
    String type = r.headers().firstValue("Content-Type").orElse("");
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
    byte[] body = decode(r.body(), r.headers().firstValue("Content-Encoding").orElse(""), max);
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
  private Optional<Duration> retryAfter(HttpResponse<?> r) {
    Optional<String> v = r.headers().firstValue("Retry-After").map(String::strip);
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

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** Collects a body, failing as soon as it passes the cap (-1: fail at once). */
  private static final class Capped implements BodySubscriber<byte[]> {
    private final long max;
    private final boolean refuse;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Capped(long max, boolean refuse) {
      this.max = max;
      this.refuse = refuse;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (refuse) {
        s.cancel();
        result.completeExceptionally(new IOException(tooLarge(max)));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      if (bytes.size() > max) {
        subscription.cancel();
        result.completeExceptionally(new IOException(tooLarge(max)));
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
