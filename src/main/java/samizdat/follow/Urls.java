package samizdat.follow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Links from untrusted documents: resolved, http(s) only, without fragments. Stateless. */
final class Urls {
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private Urls() {}

  /**
   * {@code href} resolved against {@code base}: an absolute http(s) URL with a host and without
   * its fragment, or empty (another scheme, or not a URL).
   */
  static Optional<String> resolve(String base, String href) {
    String h = href.strip().replace(" ", "%20");
    // Control characters and white space inside a link are junk, never part of a URL.
    for (int i = 0; i < h.length(); i++) {
      if (h.charAt(i) < 0x20 || h.charAt(i) == 0x7f) {
        return Optional.empty();
      }
    }
    try {
      URI u = new URI(base).resolve(new URI(h));
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
        return Optional.empty();
      }
      String s = u.toString();
      int hash = s.indexOf('#');
      return Optional.of(hash < 0 ? s : s.substring(0, hash));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The scheme a link names, lower case, when it names one. */
  static Optional<String> scheme(String href) {
    var m = SCHEME.matcher(href.strip());
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** The lower-case host of an absolute URL. */
  static Optional<String> host(String url) {
    try {
      String h = new URI(url).getHost();
      return h == null ? Optional.empty() : Optional.of(h.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** scheme://host[:port], the origin whose robots.txt rules a URL. */
  static String origin(URI u) {
    return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority();
  }

  /** The same site: equal hosts, a leading "www." aside. */
  static boolean sameSite(String a, String b) {
    return bare(a).equals(bare(b));
  }

  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }
}
