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
 */
final class HttpFetcher {
  /** Waits; tests replace it to observe backoff without waiting. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** A successful response. */
  record Response(URI uri, byte[] body, Optional<String> mimeType, Optional<String> charset) {}

  enum Kind { PAGE, IMAGE }

  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
  private static final byte[] NOTHING = new byte[0];

  private final FetchSettings settings;
  private final HttpClient client;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final Map<String, Long> nextStart = new ConcurrentHashMap<>();

  HttpFetcher(FetchSettings settings) {
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
    long max = kind == Kind.PAGE ? settings.maxPageBytes() : settings.maxImageBytes();
    String last = "";
    for (int attempt = 0; ; attempt++) {
      Duration wait;
      awaitHostSlot(uri);
      try {
        HttpResponse<byte[]> r = send(uri, kind, max);
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
          return success(r, kind, max);
        }
        String reason = "HTTP " + status;
        if (status == 429 || status >= 500) {
          last = reason;
          wait = retryAfter(r).orElse(backoff(attempt));
        } else {
          throw new FetchException(reason);
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

  private HttpResponse<byte[]> send(URI uri, Kind kind, long max)
      throws IOException, TimeoutException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.readTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept", kind == Kind.PAGE
            ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
            : "image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8")
        .header("Accept-Encoding", "gzip, deflate")
        .GET()
        .build();
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
      boolean ok = kind == Kind.PAGE
          ? m.equals("text/html") || m.equals("application/xhtml+xml") || m.equals("text/plain")
              || m.equals("application/octet-stream")
          : m.startsWith("image/") || m.equals("application/octet-stream");
      if (!ok) {
        throw new FetchException("wrong content type " + m + " (expected "
            + (kind == Kind.PAGE ? "an HTML page" : "an image") + ")");
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
