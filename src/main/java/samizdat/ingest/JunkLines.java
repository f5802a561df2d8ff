package samizdat.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Lines that are never part of an article, told by their text: the entries of {@code
 * boilerplate.txt} ("Continue reading", 返回搜狐, "Read more: …"), toolbars of them, reading times,
 * an image's file name, a line of dates. {@link Boilerplate} asks about the short lines it meets.
 * Stateless.
 */
final class JunkLines {
  /** Exact lines (normalised: lower case, spaces collapsed, edge punctuation trimmed). */
  private static final Set<String> LINES;
  /** Line beginnings, same normalisation. */
  private static final List<String> PREFIXES;
  /** Beginnings long enough to tell a notice of several lines: "by signing up you consent to". */
  private static final List<String> NOTICES;
  private static final int NOTICE_PREFIX_CHARS = 24;
  /**
   * "Follow us on Twitter", "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner",
   * "Folgst du schon 20 Minuten auf Whatsapp?": the site, by its capitalised name; not "Follow
   * these steps shared on Twitter".
   */
  private static final Pattern FOLLOW_CALL = Pattern.compile(
      "\\W*(?i:follow|folge|folgen sie|folgt|folgst du)(?i: schon)? (?:(?i:us|uns)"
          + "|(?:[\\p{Lu}\\p{N}@][\\p{L}\\p{N}.'’&-]*\\s?){1,5}) (?i:on|auf) (?i:twitter|x"
          + "|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|telegram|whatsapp)\\b");
  /**
   * "Sign up for Command Line, a paid weekly newsletter from …", "Subscribe to our newsletters",
   * "Receive our monthly newsletter to …", "Get The Times of Israel's Daily Edition by email …
   * Free Sign Up", "Do you want to be informed of DiEM25's actions? Sign up here".
   */
  private static final Pattern NEWSLETTER_CALL = Pattern.compile(
      "(?:sign up|subscribe|register) (?:for|to) .{0,100}?\\bnewsletters?\\b"
          + "|receive our (?:\\S+ ){0,3}?newsletters?\\b"
          + "|(?:get|receive) .{0,60}?\\b(?:by e-?mail|in your inbox|to your inbox)\\b.{0,80}?\\bsign ?-?up"
          + "(?: here| now| today)?$"
          + "|(?:do you want|would you like|want) to (?:be|stay|keep) (?:informed|up to date|updated)\\b"
          + ".{0,80}?\\bsign ?-?up\\b");
  /**
   * "For the latest stories … download the Nationnews apps for iOS and Android", "Download our
   * app": a call to install the site's app, which names a store or a phone; not a story's "the
   * app, available for iOS, lets users …".
   */
  private static final Pattern APP_CALL = Pattern.compile(
      "(?:get|.{0,80}?\\b(?:download|install)) (?:the|our) .{0,40}?\\bapps?\\b.{0,60}?"
          + "\\b(?:ios|android|app store|google play|phone)\\b");
  /**
   * A disclosure of affiliate links: "This post may contain affiliate links …", "Editorial Note:
   * Talk Android may contain affiliate links …", "When you buy through links on this page, we may
   * earn a commission"; the word "affiliate" with what says the site speaks of its own links (this
   * post, may contain, we earn, disclosure). Not a sentence about affiliate links as a business
   * ("… sponsored content or affiliate links bring in income").
   */
  private static final Pattern AFFILIATE_NOTICE = Pattern.compile(
      "^(?=.*\\baffiliate)(?=.*(?:disclos|disclaimer|\\b(?:this|the|our|my|some) (?:post|posts|article"
          + "|articles|page|blog|site|website|story|review|guide)\\b|\\bmay (?:contain|earn|receive)\\b"
          + "|\\b(?:we|i) (?:may |might |will |could )?(?:earn|receive|make|get)\\b"
          + "|\\b(?:we|i) (?:also )?use (?:some )?affiliate"
          + "|\\bat no (?:extra|additional) (?:cost|charge)|\\benthält\\b))"
          + "|\\b(?:we|i) (?:may|might|could) earn (?:a |an )?(?:small )?commission\\b");
  /**
   * A copyright statement: "© 2022, BreakingBelizeNews.com. This article is …", "Copyright © 2023
   * NPR. All rights reserved", "(c) 2019 Sven Schreivogel"; the sign or the word, then a year. Not
   * a photo credit without a year ("© Reuters"), nor a sentence about copyright.
   */
  private static final Pattern COPYRIGHT = Pattern.compile(
      "\\W*(?:©|(?i:\\(c\\)|copyright))\\s*(?:©\\s*)?(?:19|20)\\d\\d\\b");
  /** Labels that introduce a link to another story ("Read more:"), same normalisation. */
  private static final List<String> READ_ALSO;

  static {
    Set<String> lines = new HashSet<>();
    List<String> prefixes = new ArrayList<>();
    List<String> readAlso = new ArrayList<>();
    try (InputStream in = JunkLines.class.getResourceAsStream("boilerplate.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(
            java.util.Objects.requireNonNull(in, "boilerplate.txt"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.endsWith(":")) {
          readAlso.add(normalise(line));
        } else if (line.endsWith("...")) {
          // A beginning keeps its last punctuation: "声明：..." is not every line that starts
          // 声明, nor "follow @..." every line that starts "follow".
          prefixes.add(normalise(line.substring(0, line.length() - 3), false));
        } else {
          lines.add(normalise(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LINES = Set.copyOf(lines);
    PREFIXES = List.copyOf(prefixes);
    NOTICES = prefixes.stream().filter(p -> p.length() >= NOTICE_PREFIX_CHARS).toList();
    READ_ALSO = List.copyOf(readAlso);
  }

  /** What can follow a "Read more" label. */
  private static final String READ_ALSO_MARKS = ":：|»›>-–—";

  private JunkLines() {}

  /** A block's text and its {@link #normalise normalised} form, worked out once for all tests. */
  record Line(String text, String normalised) {
    static Line of(String text) {
      return new Line(text, normalise(text));
    }
  }

  /**
   * Lower case, spaces collapsed, a full-width colon made ':' and a typographic apostrophe a plain
   * one, punctuation trimmed at both ends.
   */
  static String normalise(String s) {
    return normalise(s, true);
  }

  private static String normalise(String s, boolean trimEnd) {
    String n = StringUtil.normaliseWhitespace(s).strip().toLowerCase(Locale.ROOT).replace('：', ':')
        .replace('’', '\'');
    int from = 0;
    int to = n.length();
    while (from < to && !Character.isLetterOrDigit(n.charAt(from))) {
      from++;
    }
    while (trimEnd && to > from && !Character.isLetterOrDigit(n.charAt(to - 1))) {
      to--;
    }
    return n.substring(from, to);
  }

  /**
   * True for a notice of known boilerplate up to three lines long: a long entry of the list
   * (newsletter offers, affiliate and copyright notices), a copyright statement with its year, a
   * call to sign up for a newsletter or to install the site's app, a disclosure of affiliate
   * links, or a call to follow the site on social media ("Follow The Gleaner on Twitter and
   * Instagram …").
   */
  static boolean isNotice(Line line) {
    String text = line.text().strip();
    if (FOLLOW_CALL.matcher(text).lookingAt() || COPYRIGHT.matcher(text).lookingAt()) {
      return true;
    }
    String n = line.normalised();
    if (NEWSLETTER_CALL.matcher(n).lookingAt() || APP_CALL.matcher(n).lookingAt()
        || (n.contains("affiliate") || n.contains("commission")) && AFFILIATE_NOTICE.matcher(n).find()) {
      return true;
    }
    for (String p : NOTICES) {
      if (n.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** True for a short line of known boilerplate. */
  static boolean isJunkLine(String text) {
    return isJunkLine(Line.of(text));
  }

  /** As {@link #isJunkLine(String)}, with the text normalised already. */
  static boolean isJunkLine(Line line) {
    String n = line.normalised();
    if (n.isEmpty()) {
      return false;
    }
    if (LINES.contains(n) || IMAGE_FILE.matcher(n).matches() || READING_TIME.matcher(n).matches()
        || isPhotoCredit(n)) {
      return true;
    }
    for (String p : PREFIXES) {
      if (n.startsWith(p)) {
        return true;
      }
    }
    // A toolbar of such lines: "【打印本页】【关闭窗口】", "Share | Print | Email".
    String[] pieces = TOOLBAR_GAPS.split(n);
    int junk = 0;
    for (String piece : pieces) {
      if (!piece.isEmpty()) {
        if (!LINES.contains(piece)) {
          return false;
        }
        junk++;
      }
    }
    return junk >= 2;
  }

  /**
   * A reading time, an age, a video's length or a count of views, as lower-case text ({@link
   * #normalise}): "4 minute read", "Lesezeit: 3 Min.", "5 min de lecture", "阅读时间约3分钟", "Last
   * updated 6 hours ago", "Duration 1:30", "1,693 views", "(Visited 215 times, 55 visits today)".
   */
  private static final Pattern READING_TIME = Pattern.compile(
      "(?:reading time|lesezeit|temps de lecture|tiempo de lectura|lettura)\\s*:?\\s*(?:ca\\.?\\s*)?\\d{1,3}"
          + "\\s*(?:min|mins|minutes?|minuten|minutos|minuti)\\.?"
          + "|\\d{1,3}\\s*-?\\s*(?:min|mins|minutes?|minuten|minutos|minuti)\\.?\\s*"
          + "(?:read|reading time|lesezeit|de lecture|de lectura|di lettura)"
          + "|阅读(?:时间|时长)?[:：]?\\s*约?\\s*\\d{1,3}\\s*分钟|约?\\d{1,3}\\s*分钟(?:阅读|读完)"
          + "|(?:(?:last\\s+)?(?:updated|published|posted)\\s+)?\\d{1,3}\\s+"
          + "(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+ago"
          + "|duration:?\\s*\\d{1,2}:\\d{2}(?::\\d{2})?"
          + "|visited\\s+\\d[\\d.,]*\\s+times?(?:,\\s*\\d[\\d.,]*\\s+visits?\\s+today)?|\\d[\\d.,]*\\s+views?");

  /**
   * A photo credit on a line of its own, as lower-case text: "Noel Celis/Getty Images", "Foto:
   * REUTERS", "Philipp von Ditfurth/dpa", "Kittiwut | Getty Images"; a photo agency at the end,
   * after a label or a slash or bar, or Getty's name alone. Not "Source: Reuters", nor a sentence.
   */
  private static final List<String> PHOTO_AGENCIES = List.of("getty images", "afp", "ap", "reuters",
      "shutterstock", "istock", "epa", "dpa", "imago", "alamy", "pa images", "bloomberg", "corbis");
  private static final Pattern PHOTO_CREDIT = Pattern.compile(
      "((?:fotos?|photos?|images?|pictures?|bild|credits?|photo credit|image source)\\s*:\\s*)?"
          + "[^.!?:]{0,60}?\\b(?:" + String.join("|", PHOTO_AGENCIES) + ")");

  private static boolean isPhotoCredit(String n) {
    // Most short lines end in no agency's name: a few endsWith spare them the pattern.
    if (n.length() > 90 || PHOTO_AGENCIES.stream().noneMatch(n::endsWith)) {
      return false;
    }
    Matcher m = PHOTO_CREDIT.matcher(n);
    return m.matches() && (m.group(1) != null || n.indexOf('/') >= 0 || n.indexOf('|') >= 0
        || n.endsWith("getty images"));
  }

  /** What sets the pieces of a line of dates and reading times apart. */
  private static final Pattern PIECE_GAPS = Pattern.compile("\\s*[•·⋅∙|]\\s*");

  /** An image's file name where its caption should be ("gwyneth-paltrow-vanity-fair-640-ss03.jpg"). */
  private static final Pattern IMAGE_FILE = Pattern.compile(
      "[^\\s/]+(?: [^\\s/]+){0,8}\\.(?:jpe?g|png|gif|webp|bmp|tiff?)", Pattern.CASE_INSENSITIVE);

  /** What separates the entries of a toolbar line. */
  private static final Pattern TOOLBAR_GAPS = Pattern.compile("[\\s【】\\[\\]|｜/·•⋅∙]+");

  /**
   * True for a line that points to another story: a label such as "Read more", "Lea también" or
   * 相关阅读, then a mark such as ':', then mostly link text or nothing.
   */
  static boolean isReadAlso(Element el, Line line) {
    String text = line.text();
    if (isHeadlineLink(el, text)) {
      return true;
    }
    String n = line.normalised();
    for (String label : READ_ALSO) {
      if (!n.startsWith(label)) {
        continue;
      }
      int i = label.length();
      while (i < n.length() && n.charAt(i) == ' ') {
        i++;
      }
      if (i == n.length()) {
        // The label alone ("Lesen Sie auch:"), not a heading that is only the words ("See also").
        String t = text.strip();
        return !t.isEmpty() && READ_ALSO_MARKS.indexOf(t.charAt(t.length() - 1)) >= 0;
      }
      if (READ_ALSO_MARKS.indexOf(n.charAt(i)) < 0) {
        continue;
      }
      int rest = TextCounts.units(n.substring(i + 1));
      int linked = 0;
      for (Element a : el.getElementsByTag("a")) {
        linked += TextCounts.units(a.text());
      }
      return rest > 0 && linked * 10 >= rest * 6;
    }
    return false;
  }

  /**
   * A line that is one link to another page, its text a headline in capitals: Fox News sets its
   * other stories so between the paragraphs ("2 NY RESIDENTS ALLEGEDLY RAN SECRET CHINESE POLICE
   * STATION"), without a label.
   */
  private static boolean isHeadlineLink(Element el, String text) {
    Elements links = el.getElementsByTag("a");
    if (links.size() != 1 || !links.first().is(GenericBody.LINK_AWAY)) {
      return false;
    }
    String t = text.strip();
    if (links.first().text().strip().length() * 10 < t.length() * 9) {
      return false;
    }
    int letters = 0;
    int words = 1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters += Character.isUpperCase(c) ? 1 : 0;
      words += c == ' ' ? 1 : 0;
    }
    return letters >= 12 && words >= 3;
  }

  /**
   * A dateline, or a line of datelines, reading times and ages set apart by bullets or bars:
   * "Published Aug 28, 2024 • Last updated 1 hour ago • 4 minute read".
   */
  static boolean isDatesLine(String text) {
    if (Dates.isDateline(text)) {
      return true;
    }
    boolean dated = false;
    String[] pieces = PIECE_GAPS.split(text);
    for (String piece : pieces) {
      if (piece.isBlank()) {
        continue;
      }
      if (Dates.isDateline(piece.strip())) {
        dated = true;
      } else if (!READING_TIME.matcher(normalise(piece)).matches()) {
        return false;
      }
    }
    return dated && pieces.length > 1;
  }
}
