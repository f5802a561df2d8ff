package samizdat.site.model;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import samizdat.io.PortableNames;
import samizdat.site.state.Fingerprint;

/**
 * Where every file of the site lives and how pages link to each other. All paths are relative to
 * the site root, use {@code /}, and consist of names made of {@code [a-z0-9._-]} (at most 100 bytes
 * each), so they are the same on every file system and unique ignoring case.
 *
 * <p>Directories are sharded so none holds more than 1,000 entries: article pages by year and a
 * two-hex-digit hash bucket of the id, tags and media files by a hash bucket of their name, and
 * numbered list pages by thousands.
 *
 * <p>{@link #href} is the one function that turns a target path into a link from a page.
 */
public final class SiteLayout {
  public static final String INDEX = "index.html";
  public static final String TAGS_INDEX = "tags/index.html";
  public static final String ARCHIVE_INDEX = "archive/index.html";
  public static final String ABOUT = "about/index.html";
  public static final String SEARCH = "search/index.html";
  public static final String FEED = "feed.xml";
  public static final String NOT_FOUND = "404.html";
  public static final String IPFS_NOT_FOUND = "ipfs-404.html";
  public static final String ARCHIVE_INFO = "archive-info.json";
  static final String ASSETS = "assets/";

  /** Numbered list pages per bucket directory. */
  static final int PAGES_PER_BUCKET = 1000;

  private static final Pattern PLAIN_SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
  private static final int MAX_NAME_BYTES = 100;
  private static final int MAX_PLAIN_SLUG = 60;
  private static final int MAX_SLUG_PREFIX = 40;

  private SiteLayout() {}

  /**
   * The link from the page at {@code fromPage} to the file at {@code target}: relative, naming a
   * file, so it works from {@code file://}, any server sub-path and IPFS gateway paths.
   */
  public static String href(String fromPage, String target) {
    return root(fromPage) + target;
  }

  /** The relative path from a page to the site root: {@code ""}, {@code "../"}, ... */
  public static String root(String fromPage) {
    int depth = 0;
    for (int i = 0; i < fromPage.length(); i++) {
      if (fromPage.charAt(i) == '/') {
        depth++;
      }
    }
    return "../".repeat(depth);
  }

  /** An article page: {@code a/<year>/<bucket>/<id>.html} ({@code undated} instead of a year). */
  public static String article(String id, Optional<LocalDate> published) {
    String year = published.map(d -> year(d.getYear())).orElse("undated");
    return "a/" + year + "/" + bucket(id) + "/" + portable(id + ".html");
  }

  /** A year as four digits (String.format was a tenth of the time spent reading content). */
  private static String year(int year) {
    if (year < 0 || year > 9999) {
      return String.format(Locale.ROOT, "%04d", year);
    }
    String digits = Integer.toString(year);
    return "0000".substring(digits.length()) + digits;
  }

  /** A media file copied from {@code content/media}. */
  public static String media(String fileName) {
    return "media/" + bucket(fileName) + "/" + portable(fileName);
  }

  /** True when a media file name can be used as is in the site. */
  public static boolean isSafeName(String name) {
    // [a-z0-9_-][a-z0-9._-]*, by hand: it runs for every part of every path the build writes.
    // All allowed characters are ASCII, so characters are bytes.
    int n = name.length();
    if (n == 0 || n > MAX_NAME_BYTES || name.charAt(0) == '.') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** The directory (ending in {@code /}) of a tag's pages. */
  public static String tagDir(String slug) {
    return "tags/" + bucket(slug) + "/" + slug + "/";
  }

  /** The directory (ending in {@code /}) of a month's archive pages. */
  public static String monthDir(int year, int month) {
    return String.format(Locale.ROOT, "archive/%04d/%02d/", year, month);
  }

  public static String undatedDir() {
    return "archive/undated/";
  }

  /**
   * Numbered list page {@code number} (1 = oldest) of a list living in {@code dir} ({@code ""} for
   * the main index); its front page is {@code dir + index.html}.
   */
  static String listPage(String dir, int number) {
    return dir + "page/" + (number / PAGES_PER_BUCKET) + "/" + number + ".html";
  }

  /** How tags are told apart: Unicode-normalised, trimmed, single spaces, lower case. */
  public static String tagKey(String tagName) {
    String n = Normalizer.isNormalized(tagName, Normalizer.Form.NFKC) ? tagName
        : Normalizer.normalize(tagName, Normalizer.Form.NFKC);
    n = SPACES.matcher(n.strip()).replaceAll(" ");
    return n.toLowerCase(Locale.ROOT);
  }

  /**
   * The stable ASCII name of a tag's directory. Plain ASCII tags keep their name ({@code sora});
   * anything else gets its ASCII letters (if any) plus {@code --} and a hash of the tag key ({@code
   * t--3fa9c0d2e1b4} for a Chinese tag). Plain slugs never contain {@code --}, so the two kinds
   * cannot collide.
   */
  public static String tagSlug(String tagKey) {
    if (tagKey.length() <= MAX_PLAIN_SLUG && PLAIN_SLUG.matcher(tagKey).matches()
        && !PortableNames.isUnportable(tagKey)) {
      return tagKey;
    }
    String ascii = NON_SLUG.matcher(tagKey).replaceAll("-");
    if (ascii.length() > MAX_SLUG_PREFIX) {
      ascii = ascii.substring(0, MAX_SLUG_PREFIX);
    }
    ascii = EDGE_DASHES.matcher(ascii).replaceAll("");
    return (ascii.isEmpty() ? "t" : ascii) + "--" + Fingerprint.hex(tagKey, 12);
  }

  /**
   * {@code name} as a file name every stick can hold: a Windows device name ({@code con.html},
   * {@code nul}) gets {@code --} and a hash of the name after its stem ({@code con--1a2b3c4d.html}),
   * a trailing dot the same after it; other names stay as they are. The one mapping for every
   * name the site writes that comes from content (article ids, media files; tags go through
   * {@link #tagSlug}, which uses the same test).
   */
  static String portable(String name) {
    if (!PortableNames.isUnportable(name)) {
      return name;
    }
    int dot = name.indexOf('.');
    boolean reservedStem = !PortableNames.reservedStem(name).isEmpty();
    int cut = reservedStem && dot > 0 ? dot : name.length();
    return name.substring(0, cut) + "--" + Fingerprint.hex(name, 8) + name.substring(cut);
  }

  /** Two hex digits from a hash of the name: 256 buckets, spread evenly. */
  public static String bucket(String name) {
    return Fingerprint.hex(name, 2);
  }

  /**
   * Fails when {@code path} is not a safe site path; a failure here is a bug in this package, not
   * bad input, because every path is built from validated parts.
   */
  public static void checkPath(String path) {
    int from = 0;
    while (true) {
      int slash = path.indexOf('/', from);
      String part = path.substring(from, slash < 0 ? path.length() : slash);
      if (!isSafeName(part) || PortableNames.isUnportable(part)) {
        throw new IllegalStateException("unsafe site path: " + path);
      }
      if (slash < 0) {
        return;
      }
      from = slash + 1;
    }
  }

  /** Whether a link leaves the site for the web (http or https), as opposed to a local path. */
  public static boolean isExternal(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("http:") || u.startsWith("https:");
  }
}
