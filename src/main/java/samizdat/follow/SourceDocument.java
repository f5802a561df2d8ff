package samizdat.follow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import samizdat.ingest.Profiles;
import samizdat.ingest.SiteProfile;

/**
 * Tells what a fetched source is from its bytes, not its name or Content-Type: gzip is unpacked
 * (a {@code sitemap.xml.gz}), a JSON object is a JSON Feed, an XML document whose root is
 * {@code rss}, {@code rdf:RDF}, {@code feed}, {@code urlset} or {@code sitemapindex} is a feed or
 * sitemap, a text file of URLs is a text sitemap, and anything else is an HTML listing page.
 * Stateless.
 */
final class SourceDocument {
  private static final int SNIFF = 4096;

  private SourceDocument() {}

  /**
   * The links of the document fetched from {@code url}.
   *
   * @param profile the profile forced for this source, else chosen by the page's host
   * @param maxBytes the largest document accepted, also after unpacking gzip
   */
  static Found read(String url, byte[] body, Optional<String> mimeType, Optional<String> charset,
      Profiles profiles, long maxBytes) throws SourceException {
    byte[] bytes = isGzip(body) ? gunzip(body, maxBytes) : body;
    if (bytes.length == 0) {
      throw new SourceException("empty response");
    }
    String head = head(bytes);
    String start = head.stripLeading();
    if (start.startsWith("{")) {
      return JsonFeed.read(url, bytes);
    }
    Optional<String> root = rootElement(start);
    String local = root.map(r -> r.substring(r.indexOf(':') + 1).toLowerCase(Locale.ROOT)).orElse("");
    String mime = mimeType.orElse("");
    if (XmlSources.kindOf(local).isPresent()) {
      return XmlSources.read(url, bytes);
    }
    if (!local.isEmpty() && !local.equals("html") && mime.contains("xml") && !mime.contains("html")) {
      return XmlSources.read(url, bytes);
    }
    if (root.isEmpty() && looksLikeUrlList(start)) {
      return textSitemap(url, new String(bytes, StandardCharsets.UTF_8));
    }
    if (root.isEmpty() && !start.startsWith("<")) {
      throw new SourceException("not a feed, sitemap or web page"
          + (mime.isEmpty() ? "" : " (" + mime + ")"));
    }
    Document page;
    try {
      page = Jsoup.parse(new ByteArrayInputStream(bytes), charset.orElse(null), url);
    } catch (IOException | IllegalArgumentException e) {
      // Only an unknown charset name can fail here: read it as the page itself says.
      try {
        page = Jsoup.parse(new ByteArrayInputStream(bytes), null, url);
      } catch (IOException e2) {
        throw new SourceException("cannot read the page: " + e2.getMessage());
      }
    }
    SiteProfile profile = profiles.choose(Urls.host(url), page);
    return ListingPage.read(page, url, profile);
  }

  private static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(byte[] body, long max) throws SourceException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (out.length > max) {
        throw new SourceException("too large once unpacked (the limit is " + (max >> 20) + " MB)");
      }
      return out;
    } catch (IOException e) {
      throw new SourceException("corrupt gzip: " + e.getMessage());
    }
  }

  /** The start of the document as text, enough to find its root element. */
  private static String head(byte[] b) {
    int n = Math.min(b.length, SNIFF);
    if (n >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE))) {
      return new String(b, 0, n, StandardCharsets.UTF_16);
    }
    int from = n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
    return new String(b, from, n - from, StandardCharsets.ISO_8859_1);
  }

  /** The name of the first element, past the XML declaration, comments and a DOCTYPE. */
  static Optional<String> rootElement(String s) {
    int i = 0;
    while (true) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (s.startsWith("<?", i)) {
        int end = s.indexOf("?>", i);
        if (end < 0) {
          return Optional.empty();
        }
        i = end + 2;
      } else if (s.startsWith("<!--", i)) {
        int end = s.indexOf("-->", i);
        if (end < 0) {
          return Optional.empty();
        }
        i = end + 3;
      } else if (s.startsWith("<!", i)) {
        int bracket = 0;
        int j = i + 2;
        for (; j < s.length(); j++) {
          char c = s.charAt(j);
          if (c == '[') {
            bracket++;
          } else if (c == ']') {
            bracket--;
          } else if (c == '>' && bracket <= 0) {
            break;
          }
        }
        if (j >= s.length()) {
          // A DOCTYPE longer than the sniffed head (an internal subset): look at its name.
          String doctype = s.substring(i + 2).strip();
          String[] words = doctype.split("[\\s\\[>]+");
          return words.length >= 2 ? Optional.of(words[1]) : Optional.empty();
        }
        i = j + 1;
      } else if (i < s.length() && s.charAt(i) == '<') {
        int j = i + 1;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>'
            && s.charAt(j) != '/') {
          j++;
        }
        return j > i + 1 ? Optional.of(s.substring(i + 1, j)) : Optional.empty();
      } else {
        return Optional.empty();
      }
    }
  }

  private static boolean looksLikeUrlList(String start) {
    String first = start.lines().findFirst().orElse("").strip();
    return first.startsWith("http://") || first.startsWith("https://");
  }

  /** A sitemap as a text file: one URL a line (sitemaps.org, "Text file"). */
  private static Found textSitemap(String url, String text) {
    Found found = new Found(Found.Kind.SITEMAP);
    Optional<String> host = Urls.host(url);
    for (String line : text.split("\r\n|\r|\n")) {
      if (!line.isBlank()) {
        found.article(url, line.strip(), host);
      }
    }
    found.summarizeRefused();
    return found;
  }
}
