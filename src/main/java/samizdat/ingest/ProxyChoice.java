package samizdat.ingest;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which proxy, if any, a URL is fetched through: the one {@code --proxy} names, else the
 * environment's as curl reads it ({@code https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code
 * http_proxy} for http ones, {@code all_proxy}/{@code ALL_PROXY} for both), less the hosts that
 * {@code no_proxy}/{@code NO_PROXY} lets go direct. A proxy taken from the environment is never
 * used for localhost and loopback addresses; one given with {@code --proxy} is used for everything
 * NO_PROXY does not name.
 */
public final class ProxyChoice {
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+(%[0-9a-z]+)?");
  private static final ProxyChoice DIRECT = new ProxyChoice(Optional.empty(), Optional.empty(),
      List.of(), false, false);

  private final Optional<ProxyUrl> forHttp;
  private final Optional<ProxyUrl> forHttps;
  private final List<String> noProxy;
  private final boolean noProxyAll;
  private final boolean fromEnvironment;

  private ProxyChoice(Optional<ProxyUrl> forHttp, Optional<ProxyUrl> forHttps,
      List<String> noProxy, boolean noProxyAll, boolean fromEnvironment) {
    this.forHttp = forHttp;
    this.forHttps = forHttps;
    this.noProxy = noProxy;
    this.noProxyAll = noProxyAll;
    this.fromEnvironment = fromEnvironment;
  }

  /** Every request goes direct. */
  public static ProxyChoice direct() {
    return DIRECT;
  }

  /**
   * The choice for a run: {@code option} (the --proxy value) when given, else the environment's
   * variables; NO_PROXY applies to both.
   *
   * @throws IllegalArgumentException naming the option or variable whose URL is wrong
   */
  public static ProxyChoice of(Optional<String> option, Map<String, String> env) {
    List<String> skip = new ArrayList<>();
    boolean skipAll = false;
    for (String entry : SEPARATORS.split(variable(env, "no_proxy", "NO_PROXY").orElse(""))) {
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (e.equals("*")) {
        skipAll = true;
      } else if (!e.isEmpty()) {
        skip.add(e);
      }
    }
    List<String> noProxy = List.copyOf(skip);
    if (option.isPresent()) {
      ProxyUrl p = parse("--proxy", option.get());
      return new ProxyChoice(Optional.of(p), Optional.of(p), noProxy, skipAll, false);
    }
    Optional<ProxyUrl> all = variableNamed(env, "all_proxy", "ALL_PROXY")
        .map(v -> parse(v.getKey(), v.getValue()));
    // HTTP_PROXY in capitals is not read, as curl does not: a CGI program gets the client's
    // "Proxy:" request header under that name.
    Optional<ProxyUrl> http = variableNamed(env, "http_proxy")
        .map(v -> parse(v.getKey(), v.getValue())).or(() -> all);
    Optional<ProxyUrl> https = variableNamed(env, "https_proxy", "HTTPS_PROXY")
        .map(v -> parse(v.getKey(), v.getValue())).or(() -> all);
    if (http.isEmpty() && https.isEmpty()) {
      return DIRECT;
    }
    return new ProxyChoice(http, https, noProxy, skipAll, true);
  }

  /** The proxy for {@code uri}; empty when it goes direct. */
  public Optional<ProxyUrl> forUri(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Optional<ProxyUrl> p = scheme.equals("https") ? forHttps
        : scheme.equals("http") ? forHttp : Optional.empty();
    if (p.isEmpty() || noProxyAll) {
      return Optional.empty();
    }
    if (uri.getHost() == null) {
      return p;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (fromEnvironment && isLoopback(host)) {
      return Optional.empty();
    }
    for (String entry : noProxy) {
      if (matches(entry, host)) {
        return Optional.empty();
      }
    }
    return p;
  }

  /** The proxies in use, for messages and for setting up clients. */
  public List<ProxyUrl> proxies() {
    List<ProxyUrl> out = new ArrayList<>();
    forHttp.ifPresent(out::add);
    forHttps.filter(p -> !out.contains(p)).ifPresent(out::add);
    return out;
  }

  @Override
  public String toString() {
    return proxies().isEmpty() ? "direct" : "via " + proxies();
  }

  /**
   * A NO_PROXY entry against a host: {@code example.org} and {@code .example.org} stand for the
   * host and every name under it; an address matches itself, an address range in CIDR form
   * ({@code 10.0.0.0/8}, {@code fd00::/8}) its addresses; a {@code :port} is ignored.
   */
  static boolean matches(String entry, String host) {
    String e = entry;
    if (e.startsWith("[")) {
      int close = e.indexOf(']');
      e = close < 0 ? e.substring(1) : e.substring(1, close) + e.substring(close + 1);
    }
    if (e.contains("/")) {
      return inRange(e, host);
    }
    // host:port (a single colon: an IPv6 address has more than one).
    int colon = e.indexOf(':');
    if (colon >= 0 && colon == e.lastIndexOf(':')) {
      e = e.substring(0, colon);
    }
    if (e.startsWith("*.")) {
      e = e.substring(1);
    }
    if (e.startsWith(".")) {
      e = e.substring(1);
    }
    if (e.isEmpty()) {
      return false;
    }
    if (isAddress(e) || isAddress(host)) {
      return sameAddress(e, host);
    }
    return host.equals(e) || host.endsWith("." + e);
  }

  private static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    return isAddress(host) && literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
  }

  private static boolean inRange(String cidr, String host) {
    int slash = cidr.indexOf('/');
    Optional<InetAddress> net = literal(cidr.substring(0, slash));
    Optional<InetAddress> addr = isAddress(host) ? literal(host) : Optional.empty();
    int bits;
    try {
      bits = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (net.isEmpty() || addr.isEmpty()) {
      return false;
    }
    byte[] a = net.get().getAddress();
    byte[] b = addr.get().getAddress();
    if (a.length != b.length || bits < 0 || bits > a.length * 8) {
      return false;
    }
    int shift = a.length * 8 - bits;
    return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, b).shiftRight(shift));
  }

  private static boolean sameAddress(String a, String b) {
    Optional<InetAddress> x = isAddress(a) ? literal(a) : Optional.empty();
    Optional<InetAddress> y = isAddress(b) ? literal(b) : Optional.empty();
    return x.isPresent() && x.equals(y);
  }

  /** An IPv4 or IPv6 address written out (so parsing it looks nothing up). */
  private static boolean isAddress(String s) {
    return IPV4.matcher(s).matches() || (s.contains(":") && IPV6.matcher(s).matches());
  }

  private static Optional<InetAddress> literal(String s) {
    if (!isAddress(s)) {
      return Optional.empty();
    }
    try {
      // A literal address: InetAddress parses it without any lookup.
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static ProxyUrl parse(String name, String value) {
    try {
      return ProxyUrl.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> variable(Map<String, String> env, String... names) {
    return variableNamed(env, names).map(Map.Entry::getValue);
  }

  private static Optional<Map.Entry<String, String>> variableNamed(Map<String, String> env,
      String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return Optional.of(Map.entry(n, v.strip()));
      }
    }
    return Optional.empty();
  }
}
