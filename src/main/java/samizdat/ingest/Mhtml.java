package samizdat.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page saved as one MHTML file (RFC 2557): what Chrome's "Save as… Webpage, Single File" and
 * its "Download page" on Android write, and Internet Explorer's {@code .mht}. A MIME message of
 * type {@code multipart/related}: the page's HTML as one part, each image, style sheet and frame
 * as another, each named by the address it came from ({@code Content-Location}).
 */
final class Mhtml {
  /** A MIME header's parameter: {@code ; name=value} or {@code ; name="value"}. */
  private static final Pattern PARAMETER =
      Pattern.compile(";\\s*([A-Za-z0-9_.-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]*))");
  private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+:.*");
  /** How far {@link #looksLike} searches for the message's header. */
  private static final int SNIFF = 8192;
  /** More parts than any saved page has (a few hundred): a hostile file, refused. */
  private static final int MAX_PARTS = 10_000;

  private Mhtml() {}

  /** One part: its type, transfer encoding and where its content lies in the message. */
  private record Part(Map<String, String> headers, int start, int end) {
    String type() {
      return headers.getOrDefault("content-type", "text/plain").split(";", 2)[0].strip()
          .toLowerCase(Locale.ROOT);
    }

    byte[] decode(byte[] message) {
      String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").strip()
          .toLowerCase(Locale.ROOT);
      return switch (encoding) {
        case "base64" -> base64(message, start, end);
        case "quoted-printable" -> quotedPrintable(message, start, end);
        default -> Arrays.copyOfRange(message, start, end);
      };
    }
  }

  /** Base64 as MIME writes it, line breaks and all; what does not decode gives no bytes. */
  private static byte[] base64(byte[] message, int start, int end) {
    try {
      ByteBuffer decoded = Base64.getMimeDecoder().decode(ByteBuffer.wrap(message, start, end - start));
      byte[] bytes = new byte[decoded.remaining()];
      decoded.get(bytes);
      return bytes;
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  /**
   * True when the bytes are a MIME message of type {@code multipart/related}: header lines from
   * the first byte (after a byte-order mark and blank lines) to a blank line, one of them that
   * {@code Content-Type}. An HTML page never starts so.
   */
  static boolean looksLike(byte[] raw) {
    int i = skipBomAndBlankLines(raw);
    if (i >= raw.length || raw[i] == '<') {
      return false; // an HTML page, at the cost of one byte
    }
    String head = new String(raw, i, Math.min(raw.length - i, SNIFF), StandardCharsets.ISO_8859_1);
    boolean first = true;
    for (String line : head.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        return false;
      }
      if (!first && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        continue;
      }
      if (!HEADER_NAME.matcher(line).matches()) {
        return false;
      }
      if (line.regionMatches(true, 0, "content-type:", 0, 13)) {
        return line.substring(13).strip().regionMatches(true, 0, "multipart/related", 0, 17);
      }
      first = false;
    }
    return false;
  }

  /** The page in an MHTML file; refused when it has no boundary or no HTML part. */
  static SavedPage read(byte[] raw) throws SourceFailure {
    String text = new String(raw, StandardCharsets.ISO_8859_1); // one char per byte: offsets agree
    int headerAt = skipBomAndBlankLines(raw);
    int bodyAt = headerEnd(text, headerAt);
    Map<String, String> top = headers(text, headerAt, bodyAt);
    Map<String, String> params = parameters(top.getOrDefault("content-type", ""));
    String boundary = params.getOrDefault("boundary", "");
    if (boundary.isEmpty()) {
      throw new SourceFailure("MHTML file without the boundary between its parts");
    }
    List<Part> parts = parts(text, bodyAt, "--" + boundary);
    Optional<String> snapshot = address(top.get("snapshot-content-location"));
    Part page = choosePage(parts, params.get("start"), snapshot)
        .orElseThrow(() -> new SourceFailure("MHTML file with no HTML page in it"));
    Map<String, Supplier<byte[]>> byAddress = new HashMap<>();
    for (Part p : parts) {
      if (p == page) {
        continue;
      }
      Supplier<byte[]> bytes = () -> p.decode(raw);
      address(p.headers().get("content-location")).ifPresent(a -> byAddress.putIfAbsent(a, bytes));
      contentId(p).ifPresent(id -> byAddress.putIfAbsent("cid:" + id, bytes));
    }
    Optional<String> url = snapshot.or(() -> address(page.headers().get("content-location")))
        .filter(Links::isHttp);
    Optional<String> charset = Optional.ofNullable(
        parameters(page.headers().getOrDefault("content-type", "")).get("charset"));
    return new SavedPage(page.decode(raw), charset, url, new SavedPage.Parts(byAddress));
  }

  /** The part {@code start} names, else the one saved from the page's address, else the first HTML. */
  private static Optional<Part> choosePage(List<Part> parts, String start,
      Optional<String> snapshot) {
    if (start != null) {
      String id = unbracket(start);
      for (Part p : parts) {
        if (contentId(p).filter(id::equals).isPresent()) {
          return Optional.of(p);
        }
      }
    }
    Optional<Part> firstHtml = Optional.empty();
    for (Part p : parts) {
      if (p.type().equals("text/html") || p.type().equals("application/xhtml+xml")) {
        if (snapshot.isPresent() && snapshot.equals(address(p.headers().get("content-location")))) {
          return Optional.of(p);
        }
        firstHtml = firstHtml.or(() -> Optional.of(p));
      }
    }
    return firstHtml;
  }

  private static List<Part> parts(String text, int from, String delimiter) throws SourceFailure {
    List<Part> parts = new ArrayList<>();
    int at = delimiterAt(text, from, delimiter);
    while (at >= 0) {
      if (parts.size() == MAX_PARTS) {
        throw new SourceFailure("MHTML file of more than " + MAX_PARTS + " parts");
      }
      int lineEnd = text.indexOf('\n', at);
      if (text.startsWith("--", at + delimiter.length()) || lineEnd < 0) {
        break; // the closing delimiter, or the end of a cut-off file
      }
      int headersStart = lineEnd + 1;
      int contentStart = headerEnd(text, headersStart);
      int next = delimiterAt(text, contentStart, delimiter);
      // The line break before a delimiter belongs to the delimiter.
      int contentEnd = next < 0 ? text.length() : next;
      if (contentEnd > contentStart && text.charAt(contentEnd - 1) == '\n') {
        contentEnd--;
        if (contentEnd > contentStart && text.charAt(contentEnd - 1) == '\r') {
          contentEnd--;
        }
      }
      parts.add(new Part(headers(text, headersStart, contentStart), contentStart,
          Math.max(contentStart, contentEnd)));
      at = next;
    }
    return parts;
  }

  /** Where the next line starting with the delimiter begins, at or after {@code from}. */
  private static int delimiterAt(String text, int from, String delimiter) {
    if (text.startsWith(delimiter, from) && (from == 0 || text.charAt(from - 1) == '\n')) {
      return from;
    }
    int i = text.indexOf("\n" + delimiter, from);
    return i < 0 ? -1 : i + 1;
  }

  /** Where a header block starting at {@code from} ends: just past its blank line. */
  private static int headerEnd(String text, int from) {
    int i = from;
    while (i < text.length()) {
      int eol = text.indexOf('\n', i);
      if (eol < 0) {
        return text.length();
      }
      if (eol == i || (eol == i + 1 && text.charAt(i) == '\r')) {
        return eol + 1;
      }
      i = eol + 1;
    }
    return text.length();
  }

  /** Header fields between two offsets, names in lower case, folded lines joined; first wins. */
  private static Map<String, String> headers(String text, int from, int to) {
    Map<String, String> headers = new HashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.substring(from, to).split("\r?\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        headers.putIfAbsent(name, value.toString());
      }
      int colon = line.indexOf(':');
      name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
      value.setLength(0);
      if (name != null) {
        value.append(line.substring(colon + 1).strip());
      }
    }
    if (name != null) {
      headers.putIfAbsent(name, value.toString());
    }
    return headers;
  }

  private static Map<String, String> parameters(String headerValue) {
    Map<String, String> params = new HashMap<>();
    Matcher m = PARAMETER.matcher(headerValue);
    while (m.find()) {
      String value = m.group(2) != null ? m.group(2) : m.group(3);
      params.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
    }
    return params;
  }

  /** An address as saved: folding whitespace taken out (an address holds none). */
  private static Optional<String> address(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String a = value.replaceAll("\\s+", "");
    return a.isEmpty() ? Optional.empty() : Optional.of(a);
  }

  private static Optional<String> contentId(Part p) {
    return Optional.ofNullable(p.headers().get("content-id")).map(Mhtml::unbracket)
        .filter(s -> !s.isEmpty());
  }

  private static String unbracket(String id) {
    String s = id.strip();
    return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
  }

  private static int skipBomAndBlankLines(byte[] raw) {
    int i = raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB
        && (raw[2] & 0xff) == 0xBF ? 3 : 0;
    while (i < raw.length && (raw[i] == '\r' || raw[i] == '\n' || raw[i] == ' ' || raw[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** Quoted-printable (RFC 2045): {@code =XX} a byte, {@code =} at a line's end a soft break. */
  static byte[] quotedPrintable(byte[] in, int start, int end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
    int i = start;
    while (i < end) {
      byte b = in[i];
      if (b != '=') {
        out.write(b);
        i++;
        continue;
      }
      int j = i + 1;
      while (j < end && (in[j] == ' ' || in[j] == '\t')) {
        j++; // "=" then spaces a writer left before the line break
      }
      if (j < end && (in[j] == '\n' || in[j] == '\r')) {
        i = in[j] == '\r' && j + 1 < end && in[j + 1] == '\n' ? j + 2 : j + 1;
        continue;
      }
      if (j == end) {
        i = end;
        continue;
      }
      int hi = i + 2 < end ? Character.digit(in[i + 1], 16) : -1;
      int lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
      if (lo >= 0) {
        out.write(hi << 4 | lo);
        i += 3;
      } else {
        out.write(b); // a bare "=" that no writer escaped: kept as it is
        i++;
      }
    }
    return out.toByteArray();
  }
}
