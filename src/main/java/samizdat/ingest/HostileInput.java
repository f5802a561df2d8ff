package samizdat.ingest;

import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * Defences against pages made to break an archive: byte-order marks and NUL characters in the
 * text, a {@code <base>} that sends the page's relative links to another host, and URLs of
 * schemes a reader's browser must never be handed. Each is applied where text or URLs are taken
 * from a page, so nothing of it reaches the content files.
 */
final class HostileInput {
  private HostileInput() {}

  /**
   * The decoded page without byte-order marks (U+FEFF, anywhere: before {@code <!DOCTYPE>} it
   * ends up in the title) and with NUL characters shown as U+FFFD, as browsers do.
   */
  static String clean(String html) {
    if (html.indexOf('\uFEFF') < 0 && html.indexOf('\0') < 0) {
      return html;
    }
    return html.replace("\uFEFF", "").replace('\0', '\uFFFD');
  }

  /**
   * True for a page that {@link PageLoader#looksBinary} refuses only for NUL bytes: it starts
   * (after a byte-order mark and white space) with {@code <}, and its control characters, NULs
   * counted like the others, are fewer than one in twenty. Browsers show such a page; so do we.
   */
  static boolean isHtmlWithStrayNuls(byte[] raw) {
    int n = Math.min(raw.length, 8192);
    int i = raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF ? 3 : 0;
    while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r')) {
      i++;
    }
    if (i >= n || raw[i] != '<') {
      return false;
    }
    int controls = 0;
    for (int k = 0; k < n; k++) {
      int b = raw[k] & 0xff;
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
        controls++;
      }
    }
    return controls * 20 <= n;
  }

  /**
   * Makes a {@code <base href>} that points to another host than the page's own URL count for
   * nothing: the page's relative links resolve against its own URL ({@code pageBase}). Without a
   * known URL there is nothing to compare with, and the base (the saved page's only hint) stays.
   */
  static void pinBase(Document doc, String pageBase, Optional<String> pageUrl) {
    // The parser has already moved the base URI to the first <base href>, wherever it stood;
    // an unchanged base URI means there was none (no need to walk the page looking for it).
    if (doc.baseUri().equals(pageBase) || pageUrl.isEmpty()) {
      return;
    }
    Optional<String> baseHost = Links.host(doc.baseUri());
    if (!baseHost.equals(Links.host(pageUrl.get()))) {
      doc.setBaseUri(pageBase);
    }
  }

  /**
   * A URL fit to be stored: http(s), or relative (no scheme, not protocol-relative); anything else
   * ({@code javascript:}, {@code vbscript:}, {@code //tracker/x.png} on a page with no URL) is
   * dropped as empty.
   */
  static String storable(String url) {
    String s = url.strip();
    if (Links.isHttp(s)) {
      return s;
    }
    if (s.startsWith("//") || s.startsWith("\\\\") || s.startsWith("/\\") || s.startsWith("\\/")) {
      return "";
    }
    int colon = s.indexOf(':');
    int slash = s.indexOf('/');
    boolean hasScheme = colon > 0 && (slash < 0 || colon < slash) && s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    return hasScheme ? "" : s;
  }
}
