package samizdat.ingest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * The way each URL is fetched: direct, or through the proxy {@link ProxyChoice} names for it, one
 * OkHttp client per way (sharing one connection pool); and the proxies found unusable, through
 * which every later request fails at once with the same one line. Thread-safe.
 */
final class Routes {
  /** One way to fetch: its client, and the proxy it goes through, if any. */
  record Route(OkHttpClient client, Optional<ProxyUrl> proxy) {}

  private final FetchSettings settings;
  private final OkHttpClient direct;
  private final Map<ProxyUrl, OkHttpClient> viaProxy = new HashMap<>();
  /** Proxies found unusable, with what is wrong. */
  private final Map<ProxyUrl, String> dead = new ConcurrentHashMap<>();

  Routes(FetchSettings settings) {
    this.settings = settings;
    // Redirects are followed by HttpFetcher, hop by hop, so that each goes its own URL's way.
    this.direct = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .followRedirects(false)
        .followSslRedirects(false)
        .proxy(Proxy.NO_PROXY)
        .build();
    for (ProxyUrl p : settings.proxies().proxies()) {
      viaProxy.put(p, through(direct, p));
    }
  }

  /**
   * The way to fetch {@code uri}.
   *
   * @throws ProxyException when its proxy was found unusable before
   */
  Route forUri(URI uri) throws ProxyException {
    Optional<ProxyUrl> proxy = settings.proxies().forUri(uri);
    if (proxy.isEmpty()) {
      return new Route(direct, proxy);
    }
    String problem = dead.get(proxy.get());
    if (problem != null) {
      throw new ProxyException(proxy.get(), problem);
    }
    return new Route(viaProxy.get(proxy.get()), proxy);
  }

  /** The proxy of {@code route} answered with {@code status} (407) where it should forward. */
  void refused(Route route, String status) throws ProxyException {
    if (route.proxy().isPresent()) {
      throw dead(route.proxy().get(), "refused the request: " + status);
    }
  }

  /**
   * After a request by {@code route} failed: when its proxy is the cause (it takes no
   * connections, or does not answer as the proxy its URL says), marks it unusable and says so.
   */
  void failed(Route route, IOException e) throws ProxyException {
    if (route.proxy().isEmpty()) {
      return;
    }
    ProxyUrl proxy = route.proxy().get();
    if (proxy.type() == ProxyUrl.Type.HTTP
        && HttpFetcher.message(e).contains("authenticate with proxy")) {
      throw dead(proxy, "refused the request: proxy authentication failed");
    }
    Optional<String> problem = probe(proxy);
    if (problem.isPresent()) {
      throw dead(proxy, problem.get());
    }
  }

  private ProxyException dead(ProxyUrl proxy, String problem) {
    dead.putIfAbsent(proxy, problem);
    return new ProxyException(proxy, dead.get(proxy));
  }

  /**
   * What is wrong with the proxy itself, if anything: it takes no TCP connection, or (SOCKS) does
   * not answer a SOCKS5 greeting that offers no authentication with "5, no authentication".
   */
  private Optional<String> probe(ProxyUrl proxy) {
    int ms = (int) Math.max(1, settings.connectTimeout().toMillis());
    try (Socket s = new Socket(Proxy.NO_PROXY)) {
      s.connect(new InetSocketAddress(proxy.host(), proxy.port()), ms);
      if (proxy.type() == ProxyUrl.Type.HTTP) {
        return Optional.empty();
      }
      s.setSoTimeout(ms);
      s.getOutputStream().write(new byte[] {5, 1, 0});
      s.getOutputStream().flush();
      byte[] answer = s.getInputStream().readNBytes(2);
      if (answer.length == 2 && answer[0] == 5 && answer[1] == 0) {
        return Optional.empty();
      }
      return Optional.of(answer.length == 2 && answer[0] == 5
          ? "wants a user name and password, which samizdat does not support for SOCKS proxies"
          : "does not answer as a SOCKS5 proxy");
    } catch (UnknownHostException e) {
      return Optional.of("is not reachable: unknown host " + proxy.host());
    } catch (ConnectException e) {
      return Optional.of("is not reachable: connection refused");
    } catch (SocketTimeoutException e) {
      return Optional.of(lowerMessage(e).contains("connect") ? "is not reachable: connect timed out after "
          + HttpFetcher.seconds(settings.connectTimeout())
          : "does not answer as a SOCKS5 proxy (no reply in "
              + HttpFetcher.seconds(settings.connectTimeout()) + ")");
    } catch (IOException e) {
      String m = HttpFetcher.message(e);
      return Optional.of("is not reachable: " + Character.toLowerCase(m.charAt(0)) + m.substring(1));
    }
  }

  private static String lowerMessage(IOException e) {
    return HttpFetcher.message(e).toLowerCase(java.util.Locale.ROOT);
  }

  /** A client like {@code base} (sharing its connection pool) that goes through {@code p}. */
  private static OkHttpClient through(OkHttpClient base, ProxyUrl p) {
    OkHttpClient.Builder b = base.newBuilder();
    InetSocketAddress at = InetSocketAddress.createUnresolved(p.host(), p.port());
    switch (p.type()) {
      case HTTP -> {
        b.proxy(new Proxy(Proxy.Type.HTTP, at));
        if (p.user().isPresent()) {
          String credentials = Credentials.basic(p.user().get(), p.password().orElse(""));
          b.proxyAuthenticator((route, response) ->
              response.request().header("Proxy-Authorization") != null ? null
                  : response.request().newBuilder()
                      .header("Proxy-Authorization", credentials).build());
        }
      }
      // OkHttp connects a SOCKS socket to the target's name unresolved: the JDK's SOCKS5 client
      // then sends the name (address type 3) and the proxy resolves it. HttpURLConnection would
      // resolve the name here first.
      case SOCKS5H -> b.proxy(new Proxy(Proxy.Type.SOCKS, at));
      // Direct as far as OkHttp knows, so it resolves the name itself, over sockets that go
      // through the proxy: the proxy gets the address.
      case SOCKS5 -> b.proxy(Proxy.NO_PROXY)
          .socketFactory(new SocksSockets(new Proxy(Proxy.Type.SOCKS, at)));
    }
    return b.build();
  }

  /** Sockets through a SOCKS proxy, for OkHttp to connect to an address it resolved itself. */
  private static final class SocksSockets extends SocketFactory {
    private final Proxy proxy;

    SocksSockets(Proxy proxy) {
      this.proxy = proxy;
    }

    @Override
    public Socket createSocket() {
      return new Socket(proxy);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
        int localPort) throws IOException {
      return connected(new InetSocketAddress(address, port),
          new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress to, InetSocketAddress local) throws IOException {
      Socket s = createSocket();
      try {
        if (local != null) {
          s.bind(local);
        }
        s.connect(to);
        return s;
      } catch (IOException e) {
        s.close();
        throw e;
      }
    }
  }
}
