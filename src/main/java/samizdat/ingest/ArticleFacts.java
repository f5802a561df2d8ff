package samizdat.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import samizdat.content.ArticleIds;

/**
 * Facts about an article that come from several places in a fixed order of trust: its
 * publication date and its id. Nothing is guessed: a date that no source states stays
 * absent. Stateless and thread-safe.
 */
final class ArticleFacts {
  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})(?!\\d)");
  private static final Evaluator TIME = QueryParser.parse("time[datetime]");
  /**
   * An image as MarkdownWriter writes it: escaped alt text, a media path without ')'. Matched
   * only where "![" starts and is not escaped (see {@link #withoutImages}).
   */
  private static final Pattern BODY_IMAGE = Pattern.compile(
      "!\\[(?:\\\\.|[^\\]\\\\])*\\]\\(\\.\\./media/[^)\\s]*\\)");

  /** Seconds (10 digits) or milliseconds (13) since 1970. */
  private static final Pattern UNIX_TIME = Pattern.compile("\\d{10}|\\d{13}");

  private ArticleFacts() {}

  /**
   * Publication date: from the URL by the profile's {@code urlDate}, the profile's {@code date}
   * selectors and {@code dateScript} patterns, the page's metadata ({@link
   * PageMetadata#published}), a date in the URL's path, the first {@code <time datetime>} in the
   * body, then {@code dateline}: the lines under the headline or the dateline the cleaning took
   * out ({@link ArticleExtractor.Extracted#dateline}).
   */
  static Optional<LocalDate> published(Optional<String> url, Document page, Element body,
      Optional<LocalDate> dateline, SiteProfile profile, PageMetadata meta) {
    if (url.isPresent() && profile.urlDate().isPresent()) {
      Matcher m = profile.urlDate().get().matcher(url.get());
      if (m.find() && m.groupCount() >= 3) {
        Optional<LocalDate> d = date(m.group(1), m.group(2), m.group(3));
        if (d.isPresent()) {
          return d;
        }
      }
    }
    if (!profile.date().isEmpty()) {
      // One pass over the page for all the profile's selectors; the earliest with a date wins.
      List<SiteProfile.Rule> rules = profile.date();
      LocalDate[] found = new LocalDate[rules.size()];
      int[] best = {rules.size()};
      page.traverse((node, depth) -> {
        if (!(node instanceof Element el) || best[0] == 0) {
          return;
        }
        for (int i = 0; i < best[0]; i++) {
          if (found[i] == null && rules.get(i).matches(page, el)) {
            Optional<LocalDate> d = parseDate(ArticleExtractor.valueOf(el));
            if (d.isPresent()) {
              found[i] = d.get();
              best[0] = i;
              return;
            }
          }
        }
      });
      if (best[0] < rules.size()) {
        return Optional.of(found[best[0]]);
      }
    }
    if (!profile.dateScript().isEmpty()) {
      Optional<LocalDate> d = scriptDate(page, profile);
      if (d.isPresent()) {
        return d;
      }
    }
    return meta.published()
        .or(() -> url.flatMap(PageMetadata::dateFromUrl))
        .or(() -> firstDate(body, TIME))
        .or(() -> dateline.filter(ArticleFacts::plausible));
  }

  /**
   * The first plausible date the profile's {@code dateScript} patterns find in the page's inline
   * scripts, pattern by pattern: written as a date, or as a Unix time read in its time zone.
   */
  private static Optional<LocalDate> scriptDate(Document page, SiteProfile profile) {
    List<String> scripts = new ArrayList<>();
    for (Element script : page.getElementsByTag("script")) {
      if (!script.hasAttr("src")) {
        scripts.add(script.data());
      }
    }
    for (Pattern p : profile.dateScript()) {
      for (String script : scripts) {
        Matcher m = p.matcher(script);
        if (!m.find() || m.group(1) == null) {
          continue;
        }
        String v = m.group(1).strip();
        Optional<LocalDate> d = UNIX_TIME.matcher(v).matches()
            ? Optional.of(Instant.ofEpochMilli(Long.parseLong(v) * (v.length() == 10 ? 1000 : 1))
                .atZone(profile.timeZone()).toLocalDate())
            : parseDate(v);
        if (d.filter(ArticleFacts::plausible).isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  /** From 1990 to tomorrow (UTC), as {@link Dates#plausible}. */
  private static boolean plausible(LocalDate d) {
    return Dates.plausible(d, LocalDate.now(ZoneOffset.UTC));
  }

  private static Optional<LocalDate> firstDate(Element root, Evaluator e) {
    for (Element el : root.select(e)) {
      Optional<LocalDate> d = parseDate(ArticleExtractor.valueOf(el));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  /** The first plausible date written in {@code text} (ISO, 2024/03/07, 2024.3.7, 2024年3月7日). */
  static Optional<LocalDate> parseDate(String text) {
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      Optional<LocalDate> d = date(m.group(1), m.group(2), m.group(3));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(String y, String m, String d) {
    try {
      int year = Integer.parseInt(y);
      if (year < 1900 || year > 2200) {
        return Optional.empty();
      }
      return Optional.of(LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The article id: the site's own from its URL (bannedbook: {@code 20240307-2009999}); else a
   * hash of the canonical URL; else a hash of title and body.
   */
  static String id(Optional<String> canonicalUrl, SiteProfile profile, String title, String body) {
    return id(canonicalUrl, profile, title, body, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * As {@link #id(Optional, SiteProfile, String, String)}, given also the body's UTF-8 bytes
   * (which are written anyway): a body without images is not encoded a second time. The hash is
   * the one of {@code title + "\n" + body}, fed in pieces; the line feed between them keeps a
   * surrogate half at either edge from pairing across the seam, so the bytes are the same.
   */
  static String id(Optional<String> canonicalUrl, SiteProfile profile, String title, String body,
      byte[] bodyUtf8) {
    if (canonicalUrl.isPresent()) {
      // An id is also a file name (articles/ID.json): never a Windows device name like "con".
      Optional<String> own = profile.idFromUrl(canonicalUrl.get()).filter(ArticleIds::isValid)
          .filter(i -> samizdat.io.PortableNames.reservedStem(i).isEmpty());
      if (own.isPresent()) {
        return own.get();
      }
      return "u-" + sha256(canonicalUrl.get()).substring(0, 20);
    }
    // Images are left out: a saved page whose images turn up later is still the same article.
    String text = withoutImages(body);
    MessageDigest digest = sha256Digest();
    digest.update((title + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(text == body ? bodyUtf8 : text.getBytes(StandardCharsets.UTF_8));
    return "t-" + HexFormat.of().formatHex(digest.digest()).substring(0, 20);
  }

  /**
   * The body without its images. The regex runs only where an unescaped "![" is (trying it at
   * every position of every body was a tenth of ingest time).
   */
  static String withoutImages(String body) {
    int i = body.indexOf("![");
    if (i < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    Matcher m = BODY_IMAGE.matcher(body);
    int copied = 0;
    while (i >= 0) {
      if (i > 0 && body.charAt(i - 1) == '\\') {
        i = body.indexOf("![", i + 1);
        continue;
      }
      m.region(i, body.length());
      if (m.lookingAt()) {
        out.append(body, copied, i);
        copied = m.end();
        i = body.indexOf("![", copied);
      } else {
        i = body.indexOf("![", i + 1);
      }
    }
    return out.append(body, copied, body.length()).toString();
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256Digest().digest(bytes));
  }

  /**
   * A fresh SHA-256 digest. Cloned from one that is never updated: looking the algorithm up in
   * the providers for every page, image and id cost as much as hashing a small body.
   */
  private static MessageDigest sha256Digest() {
    try {
      return (MessageDigest) SHA256_UNUSED.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static final MessageDigest SHA256_UNUSED = newSha256();

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
