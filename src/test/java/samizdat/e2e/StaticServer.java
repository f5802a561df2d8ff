package samizdat.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a folder over HTTP on loopback under a path prefix, the way a web server at a sub-path
 * or an IPFS gateway ({@code /ipfs/<cid>/}) would. Directory URLs get no listing and no index
 * fallback, so links that do not name a file show up as broken.
 */
public final class StaticServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "css", "text/css", "js", "text/javascript",
      "json", "application/json", "xml", "application/atom+xml", "svg", "image/svg+xml",
      "png", "image/png", "jpg", "image/jpeg", "gif", "image/gif", "webp", "image/webp");
  private final HttpServer server;
  private final String prefix;

  public StaticServer(Path root, String prefix) throws IOException {
    this(root, prefix, Optional.empty());
  }

  /**
   * Like {@link #StaticServer(Path, String)}, but a missing file gets {@code notFoundPage} (a file
   * of the folder) with status 404, as web servers and IPFS gateways ({@code ipfs-404.html}) do.
   */
  public StaticServer(Path root, String prefix, Optional<String> notFoundPage) throws IOException {
    this.prefix = prefix;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(prefix, exchange -> {
      String rel = exchange.getRequestURI().getPath().substring(prefix.length());
      Path file = root.resolve(rel).normalize();
      int status = 200;
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        if (notFoundPage.isEmpty()) {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
          return;
        }
        file = root.resolve(notFoundPage.get());
        status = 404;
      }
      String name = file.getFileName().toString();
      String ext = name.substring(name.lastIndexOf('.') + 1);
      exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
      byte[] body = Files.readAllBytes(file);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** The URL of {@code relative} (a path inside the served folder). */
  public URI url(String relative) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix + relative);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
