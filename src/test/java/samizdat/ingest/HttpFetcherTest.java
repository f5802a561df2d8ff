package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private static final byte[] PAGE = "<h2>标题</h2><div class=entry><p>正文</p></div>".getBytes(StandardCharsets.UTF_8);

  private TestServer server;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final AtomicLong clock = new AtomicLong();

  /** Small limits so the suite stays fast; waits are recorded, not slept. */
  private final FetchSettings settings = new FetchSettings("samizdat/test", Duration.ofMillis(500),
      Duration.ofMillis(300), 4096, 4096, 3, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ZERO);

  @BeforeEach
  void start() throws IOException {
    server = new TestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpFetcher fetcher(FetchSettings s) {
    return new HttpFetcher(s, sleeps::add, clock::get);
  }

  @Test
  void fetchesAPageWithAnHonestUserAgentAndItsCharset() throws Exception {
    server.on("/page", ex -> TestServer.send(ex, 200, "text/html; charset=GBK", PAGE));
    HttpFetcher.Response r = fetcher(settings).fetch(server.uri("/page"), HttpFetcher.Kind.PAGE);
    assertArrayEquals(PAGE, r.body());
    assertEquals(Optional.of("GBK"), r.charset());
    assertEquals(Optional.of("text/html"), r.mimeType());
    assertEquals(List.of("GET /page samizdat/test"), server.requests);
  }

  @Test
  void notFoundFailsAtOnceWithoutRetries() {
    server.on("/missing", ex -> TestServer.send(ex, 404, "text/html", new byte[0]));
    FetchException e = assertThrows(FetchException.class,
        () -> fetcher(settings).fetch(server.uri("/missing"), HttpFetcher.Kind.PAGE));
    assertEquals("HTTP 404", e.getMessage());
    assertEquals(1, server.requests.size());
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void serverErrorIsRetriedWithExponentialBackoff() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on("/flaky", ex -> {
      if (calls.incrementAndGet() < 3) {
        TestServer.send(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
      } else {
        TestServer.send(ex, 200, "text/html", PAGE);
      }
    });
    HttpFetcher.Response r = fetcher(settings).fetch(server.uri("/flaky"), HttpFetcher.Kind.PAGE);
    assertArrayEquals(PAGE, r.body());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
  }

  @Test
  void givesUpAfterTheRetriesAndSaysHowOftenItTried() {
    server.on("/down", ex -> TestServer.send(ex, 503, "text/plain", new byte[0]));
    FetchException e = assertThrows(FetchException.class,
        () -> fetcher(settings).fetch(server.uri("/down"), HttpFetcher.Kind.PAGE));
    assertEquals("HTTP 503 (tried 4 times)", e.getMessage());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), sleeps);
  }

  @Test
  void tooManyRequestsHonoursRetryAfterUpToTheLimit() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on("/busy", ex -> {
      if (calls.incrementAndGet() == 1) {
        ex.getResponseHeaders().set("Retry-After", "7");
        TestServer.send(ex, 429, "text/plain", new byte[0]);
      } else if (calls.get() == 2) {
        ex.getResponseHeaders().set("Retry-After", "3600");
        TestServer.send(ex, 429, "text/plain", new byte[0]);
      } else {
        TestServer.send(ex, 200, "text/html", PAGE);
      }
    });
    fetcher(settings).fetch(server.uri("/busy"), HttpFetcher.Kind.PAGE);
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(30)), sleeps);
  }

  @Test
  void slowResponseTimesOut() {
    server.on("/slow", ex -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        return;
      }
      TestServer.send(ex, 200, "text/html", PAGE);
    });
    FetchException e = assertThrows(FetchException.class,
        () -> fetcher(settings.withRetries(1)).fetch(server.uri("/slow"), HttpFetcher.Kind.PAGE));
    assertTrue(e.getMessage().startsWith("timed out after 0.3 s"), e.getMessage());
    assertEquals(List.of(Duration.ofMillis(100)), sleeps);
  }

  @Test
  void redirectsAreFollowedAndTheFinalUrlReported() throws Exception {
    server.on("/old", ex -> {
      ex.getResponseHeaders().set("Location", "/new");
      TestServer.send(ex, 301, null, new byte[0]);
    });
    server.on("/new", ex -> TestServer.send(ex, 200, "text/html", PAGE));
    HttpFetcher.Response r = fetcher(settings).fetch(server.uri("/old"), HttpFetcher.Kind.PAGE);
    assertEquals(server.uri("/new"), r.uri());
    assertArrayEquals(PAGE, r.body());
  }

  @Test
  void wrongContentTypeIsRefused() {
    server.on("/doc.pdf", ex -> TestServer.send(ex, 200, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    FetchException e = assertThrows(FetchException.class,
        () -> fetcher(settings).fetch(server.uri("/doc.pdf"), HttpFetcher.Kind.PAGE));
    assertEquals("wrong content type application/pdf (expected an HTML page)", e.getMessage());
    server.on("/img", ex -> TestServer.send(ex, 200, "text/html", PAGE));
    assertThrows(FetchException.class, () -> fetcher(settings).fetch(server.uri("/img"), HttpFetcher.Kind.IMAGE));
  }

  @Test
  void gzipResponsesAreDecompressed() throws Exception {
    server.on("/gz", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      TestServer.send(ex, 200, "text/html; charset=utf-8", gzip(PAGE));
    });
    assertArrayEquals(PAGE, fetcher(settings).fetch(server.uri("/gz"), HttpFetcher.Kind.PAGE).body());
  }

  @Test
  void oversizedResponsesAreRefusedDeclaredStreamedOrZipped() throws Exception {
    byte[] big = new byte[10_000];
    java.util.Arrays.fill(big, (byte) 'a');
    server.on("/big", ex -> TestServer.send(ex, 200, "text/html", big));
    server.on("/stream", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 10; i++) {
          out.write(big);
        }
      } catch (IOException e) {
        // The client hung up, as it should.
      }
    });
    server.on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      TestServer.send(ex, 200, "text/html", gzip(big));
    });
    for (String path : List.of("/big", "/stream", "/bomb")) {
      FetchException e = assertThrows(FetchException.class,
          () -> fetcher(settings).fetch(server.uri(path), HttpFetcher.Kind.PAGE));
      assertTrue(e.getMessage().contains("too large (the limit is 4096 bytes)"), path + ": " + e.getMessage());
    }
  }

  @Test
  void requestsToOneHostAreSpacedByTheDelay() throws Exception {
    server.on("/a", ex -> TestServer.send(ex, 200, "text/html", PAGE));
    HttpFetcher f = fetcher(settings.withHostDelay(Duration.ofSeconds(2)));
    f.fetch(server.uri("/a"), HttpFetcher.Kind.PAGE);
    clock.addAndGet(Duration.ofMillis(500).toNanos());
    f.fetch(server.uri("/a"), HttpFetcher.Kind.PAGE);
    assertEquals(List.of(Duration.ofMillis(1500)), sleeps);
  }

  @Test
  void connectionRefusedIsReportedAfterRetries() throws Exception {
    java.net.URI dead;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      dead = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
    }
    java.net.URI target = dead;
    FetchException e = assertThrows(FetchException.class,
        () -> fetcher(settings.withRetries(1)).fetch(target, HttpFetcher.Kind.PAGE));
    assertEquals("connection refused (tried 2 times)", e.getMessage());
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(data);
    }
    return b.toByteArray();
  }

  @Test
  void aSizeOverALimitNeverReadsAsTheLimit() {
    assertEquals("1.1 MB", HttpFetcher.megabytes((1 << 20) + 1));
    assertEquals("2 MB", HttpFetcher.megabytes(2 << 20));
    assertEquals("50 MB", HttpFetcher.megabytes(50L << 20));
    assertEquals("16.1 MB", HttpFetcher.megabytes((16L << 20) + 50_000));
  }
}
