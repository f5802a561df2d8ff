package samizdat.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * URL hygiene for everything that leaves a page: which links may survive (http, https, mailto),
 * and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...) stripped. Stateless.
 */
public final class Links {
  private static final Set<String> TRACKING = Set.of(
      "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
      "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "spm",
      "vero_id", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid", "wickedid", "ref_src");

  private Links() {}

  /** {@code url} (absolute) if it may appear in output, cleaned of tracking; empty otherwise. */
  static Optional<String> keep(String url) {
    String u = url.strip();
    if (u.isEmpty()) {
      return Optional.empty();
    }
    String lower = u.length() > 8 ? u.substring(0, 8).toLowerCase(Locale.ROOT) : u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mailto:")) {
      return u.length() > 7 ? Optional.of(u) : Optional.empty();
    }
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return Optional.empty();
    }
    return Optional.of(stripTracking(forRequest(u)));
  }

  /**
   * An absolute http(s) URL as a browser sends it, and as {@link URI} takes it: the characters a
   * URI may not hold, which pages write all the same ({@code /img/a|b.jpg}, spaces, {@code ^ { } "
   * < > `}, a second {@code #}, {@code [ ]} after the host, a {@code %} that starts no escape,
   * control characters), are percent-encoded as UTF-8; a backslash in the path is a slash, as
   * browsers read it. Other non-ASCII text is kept (a URI takes it, and it stays readable), and
   * so is an already valid URL, unchanged.
   */
  static String forRequest(String url) {
    int authority = url.indexOf("://");
    if (authority < 0 || clean(url)) {
      return url;
    }
    int start = authority + 3;
    int hostEnd = start;
    while (hostEnd < url.length() && "/?#\\".indexOf(url.charAt(hostEnd)) < 0) {
      hostEnd++;
    }
    StringBuilder out = new StringBuilder(url.length() + 16).append(url, 0, hostEnd);
    boolean inPath = true;
    boolean inFragment = false;
    for (int i = hostEnd; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '\\' && inPath) {
        out.append('/');
      } else if (c == '?' && inPath) {
        inPath = false;
        out.append(c);
      } else if (c == '#' && !inFragment) {
        inPath = false;
        inFragment = true;
        out.append(c);
      } else if (c == '%' && i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2))) {
        out.append(c);
      } else if (allowed(c)) {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
        for (byte b : url.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        i = end - 1;
      }
    }
    return out.toString();
  }

  /** True when {@code url} has nothing {@link #forRequest} would change: the common case, made fast. */
  private static boolean clean(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '%' || c == '\\' || c == '[' || c == ']' || !allowed(c) && c != '#') {
        return false;
      }
    }
    int hash = url.indexOf('#');
    return hash < 0 || url.indexOf('#', hash + 1) < 0;
  }

  /** Characters a URI holds as they are in a path, query or fragment (RFC 3986, plus non-ASCII text). */
  private static boolean allowed(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }
    return !Character.isISOControl(c) && !Character.isSpaceChar(c) && !Character.isSurrogate(c)
        && c != '\uFEFF';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** The URL without tracking query parameters (and without a trailing empty '?'). */
  static String stripTracking(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int hash = url.indexOf('#', q);
    String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    StringBuilder kept = new StringBuilder();
    boolean changed = false;
    for (String param : query.split("&", -1)) {
      int eq = param.indexOf('=');
      String key = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (param.isEmpty() || key.startsWith("utm_") || TRACKING.contains(key)) {
        changed = true;
        continue;
      }
      if (kept.length() > 0) {
        kept.append('&');
      }
      kept.append(param);
    }
    if (!changed) {
      return url;
    }
    return url.substring(0, q) + (kept.length() > 0 ? "?" + kept : "") + fragment;
  }

  /**
   * The canonical form used for ids and stored URLs: no tracking, no fragment, lower-case scheme
   * and host. Public so that {@code follow} compares the links it finds with stored URLs alike.
   */
  public static String canonical(String url) {
    String u = stripTracking(url.strip());
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    try {
      URI uri = new URI(u);
      if (uri.getScheme() != null && uri.getHost() != null) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        int port = uri.getPort();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http"))
            || (port == 443 && scheme.equals("https"));
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
            + (defaultPort ? "" : ":" + port) + path
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      }
    } catch (URISyntaxException e) {
      // Not parseable: use it as it is.
    }
    return u;
  }

  /** The host of an http(s) URL, lower case. */
  static Optional<String> host(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        return Optional.empty();
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.empty();
      }
      return Optional.of(uri.getHost().toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static boolean isHttp(String s) {
    String l = s.length() > 8 ? s.substring(0, 8).toLowerCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }

  /**
   * The absolute URL an element's attribute names, as jsoup's {@code absUrl} gives it, without
   * its URL parsing for the common case of an already plain absolute link (that parsing was a
   * twentieth of ingest time on pages full of absolute related and tag links).
   */
  /**
   * {@code keep(absolute(el, attr))}, without resolving a value that cannot come out as an http(s)
   * or mailto link: one with no colon (so no scheme of its own) takes the scheme of the page's
   * base, and a saved page's base is a file: URL. Such links (empty hrefs, relative links, hrefs
   * cut short in a broken page) cost a URL parse and two regex passes each in jsoup.
   */
  static Optional<String> kept(Element el, String attr) {
    String v = el.attr(attr);
    if (isPlainAbsolute(v)) {
      return keep(v);
    }
    if (v.indexOf(':') < 0 && !isWebOrMail(el.baseUri())) {
      return Optional.empty();
    }
    return keep(el.absUrl(attr));
  }

  private static boolean isWebOrMail(String base) {
    return isHttp(base) || base.regionMatches(true, 0, "mailto:", 0, 7);
  }

  static String absolute(Element el, String attr) {
    String v = el.attr(attr);
    return isPlainAbsolute(v) ? v : el.absUrl(attr);
  }

  /**
   * True for lower-case http(s) URLs with a host, no whitespace or control characters, no
   * backslash and no dot segments: those that resolving against any base leaves as they are.
   */
  static boolean isPlainAbsolute(String v) {
    int start = v.startsWith("https://") ? 8 : v.startsWith("http://") ? 7 : -1;
    if (start < 0 || start >= v.length() || !Character.isLetterOrDigit(v.charAt(start))) {
      return false;
    }
    for (int i = start; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '\\' || (c >= 0x80 && c <= 0x9f)) {
        return false;
      }
    }
    return !v.contains("/./") && !v.contains("/../") && !v.endsWith("/.") && !v.endsWith("/..");
  }
}
