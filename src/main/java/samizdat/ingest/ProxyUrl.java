package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * One proxy, as a URL: {@code http://host:port}, {@code socks5://host:port} (the target's name is
 * resolved here, its address sent to the proxy) or {@code socks5h://host:port} (the name is sent
 * to the proxy, which resolves it: no DNS lookup of the target here, as {@code .onion} names and
 * a DNS that lies about blocked sites need). Without a scheme it is an HTTP proxy; without a port,
 * port 1080, as curl has it. An HTTP proxy may carry a user and password ({@code
 * http://user:pass@host:port}).
 *
 * @param type how requests go through it
 * @param host its host name or address
 * @param port its port
 * @param user the user name for an HTTP proxy that asks for one
 * @param password its password
 */
public record ProxyUrl(Type type, String host, int port, Optional<String> user,
    Optional<String> password) {

  /** How requests go through a proxy. */
  public enum Type {
    /** An HTTP proxy: plain http:// requests are sent to it, https:// ones tunnelled (CONNECT). */
    HTTP("http"),
    /** SOCKS5, the target's name resolved locally. */
    SOCKS5("socks5"),
    /** SOCKS5, the target's name resolved by the proxy. */
    SOCKS5H("socks5h");

    private final String scheme;

    Type(String scheme) {
      this.scheme = scheme;
    }
  }

  public ProxyUrl {
    requireNonNull(type, "type");
    requireNonNull(host, "host");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
  }

  /**
   * Reads a proxy URL.
   *
   * @throws IllegalArgumentException saying in a few words what is wrong with it
   */
  public static ProxyUrl parse(String text) {
    String s = text.strip();
    if (!s.contains("://")) {
      s = "http://" + s;
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a proxy URL: " + text);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    Type type = switch (scheme) {
      case "http" -> Type.HTTP;
      case "socks5" -> Type.SOCKS5;
      case "socks5h" -> Type.SOCKS5H;
      default -> throw new IllegalArgumentException("proxies of type " + scheme + ":// are not "
          + "supported (give http://, socks5:// or socks5h://): " + text);
    };
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host in proxy URL: " + text);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
      throw new IllegalArgumentException("a proxy URL is scheme://host:port, without a path: "
          + text);
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getUserInfo() != null) {
      if (type != Type.HTTP) {
        throw new IllegalArgumentException("a user name and password are supported for http:// "
            + "proxies only: " + redacted(uri));
      }
      String[] parts = uri.getUserInfo().split(":", 2);
      user = Optional.of(parts[0]);
      password = Optional.of(parts.length > 1 ? parts[1] : "");
    }
    int port = uri.getPort() < 0 ? 1080 : uri.getPort();
    return new ProxyUrl(type, host.toLowerCase(Locale.ROOT), port, user, password);
  }

  /** The URL without its password, for messages: {@code socks5h://127.0.0.1:1080}. */
  public String display() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return type.scheme + "://" + user.map(u -> u + "@").orElse("") + h + ":" + port;
  }

  @Override
  public String toString() {
    return display();
  }

  private static String redacted(URI uri) {
    return uri.getScheme() + "://…@" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
