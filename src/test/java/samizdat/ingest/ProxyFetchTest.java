package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching through proxies, against a SOCKS5 server and an HTTP proxy started on loopback:
 * {@code news.example.invalid} resolves nowhere but in the proxies, which map it to the test
 * server, so a fetch of it works only when the proxy resolves the name.
 */
class ProxyFetchTest {
  private static final String NAME = "news.example.invalid";
  private static final byte[] PAGE = "<h2>标题</h2><p>正文</p>".getBytes(StandardCharsets.UTF_8);

  private TestServer server;
  private TestSocksProxy socks;
  private TestHttpProxy http;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private final FetchSettings settings = new FetchSettings("samizdat/test", Duration.ofSeconds(2),
      Duration.ofSeconds(5), 1 << 20, 1 << 20, 3, Duration.ofMillis(100), Duration.ofSeconds(30),
      Duration.ZERO);

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
    server.on("/page", ex -> TestServer.send(ex, 200, "text/html; charset=utf-8", PAGE));
    socks = new TestSocksProxy().map(NAME, server.uri("/").getPort());
    http = new TestHttpProxy().map(NAME, server.uri("/").getPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    socks.close();
    http.close();
  }

  private HttpFetcher fetcher(String proxy) {
    return fetcher(ProxyChoice.of(Optional.of(proxy), Map.of()));
  }

  private HttpFetcher fetcher(ProxyChoice choice) {
    return new HttpFetcher(settings.withProxies(choice), sleeps::add, System::nanoTime);
  }

  private String socksUrl(String scheme) {
    return scheme + "://127.0.0.1:" + socks.port();
  }

  @Test
  void socks5hHandsTheHostNameToTheProxy() throws Exception {
    HttpFetcher f = fetcher(socksUrl("socks5h"));
    HttpFetcher.Response r = f.fetch(URI.create("http://" + NAME + "/page"), HttpFetcher.Kind.PAGE);
    assertArrayEquals(PAGE, r.body());
    assertEquals(URI.create("http://" + NAME + "/page"), r.uri());
    // A name that would resolve here goes to the proxy as a name too: nothing is looked up here.
    f.fetch(URI.create("http://localhost:" + server.uri("/").getPort() + "/page"), HttpFetcher.Kind.PAGE);
    assertEquals(List.of(new TestSocksProxy.Connect(3, NAME, 80),
        new TestSocksProxy.Connect(3, "localhost", server.uri("/").getPort())), socks.connects);
    assertEquals(List.of("GET /page samizdat/test", "GET /page samizdat/test"), server.requests);
  }

  @Test
  void socks5ResolvesTheNameHereAndSendsTheAddress() throws Exception {
    HttpFetcher f = fetcher(socksUrl("socks5"));
    int port = server.uri("/").getPort();
    assertArrayEquals(PAGE, f.fetch(URI.create("http://localhost:" + port + "/page"),
        HttpFetcher.Kind.PAGE).body());
    TestSocksProxy.Connect c = socks.connects.get(0);
    assertEquals(1, c.addressType(), c.toString());
    assertTrue(InetAddress.getByName(c.host()).isLoopbackAddress(), c.toString());
    // A name only the proxy knows cannot be resolved here, and the proxy is never asked.
    FetchException e = assertThrows(FetchException.class,
        () -> f.fetch(URI.create("http://" + NAME + "/page"), HttpFetcher.Kind.PAGE));
    assertTrue(e.getMessage().contains(NAME), e.getMessage());
    assertEquals(1, socks.connects.size());
  }

  @Test
  void anHttpProxyGetsTheWholeUrl() throws Exception {
    HttpFetcher f = fetcher("http://127.0.0.1:" + http.port());
    assertArrayEquals(PAGE, f.fetch(URI.create("http://" + NAME + "/page"), HttpFetcher.Kind.PAGE).body());
    assertEquals(List.of("GET http://" + NAME + "/page HTTP/1.1"), http.requests);
    assertEquals(List.of("GET /page samizdat/test"), server.requests);
  }

  @Test
  void anHttpProxyThatWantsALoginGetsItFromTheUrl() throws Exception {
    http.requireLogin("reader", "s3cret");
    HttpFetcher f = fetcher("http://reader:s3cret@127.0.0.1:" + http.port());
    assertArrayEquals(PAGE, f.fetch(URI.create("http://" + NAME + "/page"), HttpFetcher.Kind.PAGE).body());
    ProxyException e = assertThrows(ProxyException.class,
        () -> fetcher("http://127.0.0.1:" + http.port())
            .fetch(URI.create("http://" + NAME + "/page"), HttpFetcher.Kind.PAGE));
    assertEquals("proxy http://127.0.0.1:" + http.port()
        + " refused the request: HTTP 407 (proxy authentication required)", e.getMessage());
  }

  @Test
  void redirectsConditionalRequestsAndRetriesWorkThroughTheProxyAsDirect() throws Exception {
    server.on("/old", ex -> {
      ex.getResponseHeaders().set("Location", "/feed");
      TestServer.send(ex, 301, null, new byte[0]);
    });
    int[] calls = {0};
    server.on("/feed", ex -> {
      if (calls[0]++ == 0) {
        TestServer.send(ex, 503, "text/plain", new byte[0]);
      } else if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        TestServer.send(ex, 304, null, new byte[0]);
      } else {
        ex.getResponseHeaders().set("ETag", "\"v1\"");
        TestServer.send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
      }
    });
    HttpFetcher f = fetcher(socksUrl("socks5h"));
    HttpFetcher.Source first = f.fetchSource(URI.create("http://" + NAME + "/old"),
        Optional.empty(), Optional.empty());
    assertEquals(URI.create("http://" + NAME + "/feed"), first.uri());
    assertEquals(Optional.of("\"v1\""), first.etag());
    assertEquals(List.of(Duration.ofMillis(100)), sleeps);
    HttpFetcher.Source again = f.fetchSource(URI.create("http://" + NAME + "/feed"),
        first.etag(), Optional.empty());
    assertTrue(again.notModified());
    assertTrue(socks.connects.stream().allMatch(c -> c.addressType() == 3 && c.host().equals(NAME)),
        socks.connects.toString());
  }

  @Test
  void environmentVariablesAreReadAndNoProxyGoesDirect() throws Exception {
    URI page = URI.create("http://" + NAME + "/page");
    HttpFetcher viaEnv = fetcher(ProxyChoice.of(Optional.empty(),
        Map.of("ALL_PROXY", socksUrl("socks5h"))));
    assertArrayEquals(PAGE, viaEnv.fetch(page, HttpFetcher.Kind.PAGE).body());
    assertEquals(1, socks.connects.size());
    // A proxy from the environment is not used for loopback.
    viaEnv.fetch(server.uri("/page"), HttpFetcher.Kind.PAGE);
    assertEquals(1, socks.connects.size());

    assertArrayEquals(PAGE, fetcher(ProxyChoice.of(Optional.empty(),
        Map.of("http_proxy", "http://127.0.0.1:" + http.port()))).fetch(page, HttpFetcher.Kind.PAGE).body());
    assertEquals(1, http.requests.size());

    for (String noProxy : List.of(NAME, ".example.invalid", "example.invalid", "*")) {
      HttpFetcher direct = fetcher(ProxyChoice.of(Optional.empty(),
          Map.of("all_proxy", socksUrl("socks5h"), "NO_PROXY", "localhost, " + noProxy)));
      // Direct, the made-up name does not resolve: the proxy was not asked.
      FetchException e = assertThrows(FetchException.class, () -> direct.fetch(page, HttpFetcher.Kind.PAGE));
      assertTrue(e.getMessage().contains(NAME), noProxy + ": " + e.getMessage());
      assertEquals(1, socks.connects.size(), noProxy);
    }
  }

  @Test
  void aProxyThatIsDownStopsAtOnceWithOneReason() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = s.getLocalPort();
    }
    for (String scheme : List.of("socks5h", "socks5", "http")) {
      HttpFetcher f = fetcher(scheme + "://127.0.0.1:" + dead);
      URI page = URI.create("http://" + (scheme.equals("socks5") ? "localhost" : NAME) + "/page");
      ProxyException e = assertThrows(ProxyException.class, () -> f.fetch(page, HttpFetcher.Kind.PAGE));
      assertEquals("proxy " + scheme + "://127.0.0.1:" + dead + " is not reachable: connection refused",
          e.getMessage());
      // Not retried, and the next request through it fails the same way at once.
      assertThrows(ProxyException.class, () -> f.fetch(page, HttpFetcher.Kind.IMAGE));
    }
    assertEquals(List.of(), sleeps);
  }

  @Test
  void aPortThatIsNoSocksProxySaysSo() {
    // The HTTP proxy's port given as SOCKS: it takes the connection but does not speak SOCKS5.
    HttpFetcher f = new HttpFetcher(settings.withReadTimeout(Duration.ofMillis(500))
        .withProxies(ProxyChoice.of(Optional.of("socks5h://127.0.0.1:" + http.port()), Map.of())),
        sleeps::add, System::nanoTime);
    ProxyException e = assertThrows(ProxyException.class,
        () -> f.fetch(URI.create("http://" + NAME + "/page"), HttpFetcher.Kind.PAGE));
    assertTrue(e.getMessage().startsWith("proxy socks5h://127.0.0.1:" + http.port()
        + " does not answer as a SOCKS5 proxy"), e.getMessage());
  }
}
