package samizdat.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal forward HTTP proxy on 127.0.0.1 for tests: takes requests for plain http:// URLs in
 * absolute form ("GET http://host/path HTTP/1.1"), records each request line, and sends the
 * request on to loopback only (a host it was told to {@link #map}); one request per connection.
 * With {@link #requireLogin} it answers 407 to a request without those Basic credentials.
 */
public final class TestHttpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-http-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Integer> names = new ConcurrentHashMap<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile Optional<String> login = Optional.empty();
  /** Every request line as received ("GET http://news.example.invalid/a HTTP/1.1"). */
  public final List<String> requests = new CopyOnWriteArrayList<>();

  public TestHttpProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.submit(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Requests for {@code name} go to 127.0.0.1:{@code port}. */
  public TestHttpProxy map(String name, int port) {
    names.put(name, port);
    return this;
  }

  /** From now on a request needs "Proxy-Authorization: Basic base64(user:password)". */
  public TestHttpProxy requireLogin(String user, String password) {
    login = Optional.of("Basic " + java.util.Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        pool.submit(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      String head = readHead(in);
      if (head.isEmpty()) {
        return;
      }
      String[] lines = head.split("\r\n");
      requests.add(lines[0]);
      String[] parts = lines[0].split(" ");
      StringBuilder forwarded = new StringBuilder();
      String auth = "";
      for (int i = 1; i < lines.length; i++) {
        String name = lines[i].split(":", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (name.equals("proxy-authorization")) {
          auth = lines[i].split(":", 2)[1].strip();
        } else if (!name.equals("proxy-connection") && !name.equals("connection")) {
          forwarded.append(lines[i]).append("\r\n");
        }
      }
      if (login.isPresent() && !login.get().equals(auth)) {
        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
            + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      URI target = parts.length == 3 ? URI.create(parts[1]) : URI.create("");
      Integer port = target.getHost() == null ? null : names.get(target.getHost());
      if (!"http".equals(target.getScheme()) || port == null) {
        out.write(("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
      try (Socket upstream = new Socket()) {
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        open.add(upstream);
        OutputStream up = upstream.getOutputStream();
        up.write((parts[0] + " " + path + " HTTP/1.1\r\n" + forwarded + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        up.flush();
        upstream.getInputStream().transferTo(out);
        out.flush();
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  /** The request line and headers, up to the empty line (GET requests have no body). */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int last4 = 0;
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      last4 = (last4 << 8) | c;
      if (last4 == 0x0d0a0d0a) {
        byte[] a = b.toByteArray();
        return new String(a, 0, a.length - 4, StandardCharsets.ISO_8859_1);
      }
    }
    return "";
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    pool.shutdownNow();
  }
}
