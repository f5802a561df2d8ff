package samizdat.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as pages and URLs write them. A date is taken as written (the calendar day of
 * {@code 2024-03-07T23:30:00+08:00} is the 7th, whatever the reader's zone), and only a plausible
 * one counts: not before 1990 and not after tomorrow. Stateless and thread-safe.
 */
final class Dates {
  /** The earliest date a page of the web archive can plausibly carry. */
  static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
      + "june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  /** {@code 7 March 2024}, {@code Thu, 07 Mar 2024 10:00:00 GMT} (RFC 1123). */
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})(?!\\d)",
      Pattern.CASE_INSENSITIVE);
  /** {@code March 7, 2024}, {@code Thu Mar 07 2024} (JavaScript's Date). */
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?<!\\p{L})" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)",
      Pattern.CASE_INSENSITIVE);
  /** {@code Mon Aug 03 12:45:00 EDT 2015} (Java's Date). */
  private static final Pattern MONTH_DAY_TIME_YEAR = Pattern.compile(
      "(?<!\\p{L})" + MONTH + "\\s+(\\d{1,2})\\s+\\d{1,2}:\\d{2}(?::\\d{2})?\\s+\\p{L}{2,5}"
          + "\\s+(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);
  /**
   * A date as one path segment or part of one: {@code /2024/03/07/}, {@code /2024-03-07/},
   * {@code /2024/0307/}, {@code /20240307/}, {@code doc-20240307}.
   */
  private static final Pattern URL_DATE = Pattern.compile(
      "/(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})(?!\\d)"
          + "|/(\\d{4})/(\\d{2})(\\d{2})(?!\\d)"
          + "|[/_-](\\d{4})(\\d{2})(\\d{2})(?!\\d)");
  /** Month-name dates are looked for only in text this short: values, not paragraphs. */
  private static final int WORDY_LIMIT = 200;

  private Dates() {}

  /**
   * The first date written in {@code text}, plausible or not: what {@link ArticleFacts#parseDate}
   * reads (ISO, {@code 2024/3/7}, {@code 2024年3月7日}), else an English month-name date
   * ({@code Thu, 07 Mar 2024 10:00:00 GMT}, {@code March 7, 2024}). A number alone (epoch
   * milliseconds) is not a date.
   */
  static Optional<LocalDate> parse(String text) {
    Optional<LocalDate> iso = ArticleFacts.parseDate(text);
    if (iso.isPresent() || text.length() > WORDY_LIMIT) {
      return iso;
    }
    Matcher m = DAY_MONTH_YEAR.matcher(text);
    if (m.find()) {
      Optional<LocalDate> d = date(m.group(3), month(m.group(2)), m.group(1));
      if (d.isPresent()) {
        return d;
      }
    }
    m = MONTH_DAY_YEAR.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    m = MONTH_DAY_TIME_YEAR.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    return Optional.empty();
  }

  /** Words a dateline may hold besides its date and time ("Posted on", "Updated:", "PM ET"). */
  private static final Set<String> DATELINE_WORDS = Set.of(
      "posted", "published", "updated", "last", "modified", "on", "at", "am", "pm", "a", "m", "p",
      "et", "est", "edt", "ct", "cst", "cdt", "mt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet",
      "cest", "hkt", "sgt", "jst", "ist", "aest", "aedt", "msk", "mon", "monday", "tue", "tues",
      "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
      "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
      "november", "dec", "december", "st", "nd", "rd", "th");
  /** The same in Chinese, written without spaces: taken out before the words are looked at. */
  private static final Pattern DATELINE_CJK = Pattern.compile("发布|发表|更新|时间|日期|于|年|月|日|时|分|秒");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern UPDATED = Pattern.compile(
      "^(?:last\\s+)?(?:updated|published|posted|modified)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_DAY = Pattern.compile(
      "(?<!\\p{L})" + MONTH + "\\s+\\d{1,2}(?!\\d)", Pattern.CASE_INSENSITIVE);
  /** A wire dateline's place in capitals before the date: "MUMBAI Tue Dec 30, 2014 4:33pm IST". */
  private static final Pattern PLACE = Pattern.compile("^\\p{Lu}{2,}(?:[ .'’-]+\\p{Lu}{2,})*[\\s,:–—-]+");

  /**
   * True for a line that is only a date: the date, a time, and words such as "Posted on",
   * "Updated:", a weekday or a time zone ({@code Updated: August 13, 2010, 5:02 PM ET},
   * {@code 2019-09-26 12:11}, {@code 发布时间：2019年9月26日}), perhaps after a place in capitals
   * ({@code MUMBAI Tue Dec 30, 2014 4:33pm IST}).
   */
  static boolean isDateline(String text) {
    if (text.length() > HeaderLines.LINE_CHARS) {
      return false;
    }
    // "Updated on September 19 at 3:15 p.m.": a day without its year, said to be one.
    if (parse(text).isEmpty()
        && !(UPDATED.matcher(text).find() && MONTH_DAY.matcher(text).find())) {
      return false;
    }
    String rest = PLACE.matcher(text).replaceFirst("");
    Matcher m = WORD.matcher(DATELINE_CJK.matcher(rest.toLowerCase(Locale.ROOT)).replaceAll(" "));
    while (m.find()) {
      if (!DATELINE_WORDS.contains(m.group())) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code text} begins by saying what it dates: "Published …", "Last updated …". */
  static boolean saysWhen(String text) {
    return UPDATED.matcher(text).find();
  }

  /** The first plausible date in any of {@code lines}, in their order. */
  static Optional<LocalDate> firstIn(List<String> lines, LocalDate today) {
    for (String line : lines) {
      Optional<LocalDate> d = parse(line, today);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  /** As {@link #parse(String)}, kept only when {@link #plausible}. */
  static Optional<LocalDate> parse(String text, LocalDate today) {
    return parse(text).filter(d -> plausible(d, today));
  }

  /** From 1990 up to one day after {@code today} (a page dated in its time zone's tomorrow). */
  static boolean plausible(LocalDate d, LocalDate today) {
    return !d.isBefore(EARLIEST) && !d.isAfter(today.plusDays(1));
  }

  /** The first plausible date in the path of {@code url}, as of today (UTC). */
  static Optional<LocalDate> dateFromUrl(String url) {
    return dateFromUrl(url, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * The first plausible date in the path of {@code url} ({@code /2024/03/07/},
   * {@code /20240307/}, {@code /2024-03-07/}, {@code /2024/0307/}, {@code doc-20240307…}). The
   * host, query and fragment are not looked at: ids and tracking values there are not dates.
   */
  static Optional<LocalDate> dateFromUrl(String url, LocalDate today) {
    Matcher m = URL_DATE.matcher(path(url));
    while (m.find()) {
      int g = m.group(1) != null ? 1 : m.group(4) != null ? 4 : 7;
      Optional<LocalDate> d = date(m.group(g), m.group(g + 1), m.group(g + 2))
          .filter(x -> plausible(x, today));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static String path(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
    if (start < 0) {
      return "";
    }
    int end = url.length();
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return url.substring(start, end);
  }

  private static String month(String name) {
    String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
    for (int i = 0; i < months.length; i++) {
      if (months[i].equals(prefix)) {
        return Integer.toString(i + 1);
      }
    }
    return "0";
  }

  private static Optional<LocalDate> date(String y, String m, String d) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m),
          Integer.parseInt(d)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
