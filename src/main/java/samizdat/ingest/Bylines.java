package samizdat.ingest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The author of a page whose metadata names none, from its byline: a line just after the
 * headline ({@link HeaderLines}) that says who wrote it in so many words ("作者：李在山",
 * "澎湃新闻记者 贺梨萍", "By Jane Roe"). Only labelled names count; a name alone could be anyone's.
 * Stateless.
 */
final class Bylines {
  /** The words that label a Chinese byline. */
  private static final String HAN_LABELS = "作者|记者|撰稿|撰文";
  /** A Chinese name after its label: two to four Han characters, then no more of them. */
  private static final Pattern HAN = Pattern.compile(
      "(?:" + HAN_LABELS + ")\\s*[:：]?\\s*(\\p{IsHan}{2,4})(?!\\p{IsHan})");
  /** What follows 记者 when it is no byline: 记者会, 记者站, 记者团 … */
  private static final Pattern NOT_A_NAME = Pattern.compile("^(?:会|站|团|节|证|们|招待|发布|协会)");
  /** A person's name in Latin letters: two to four capitalised words ("Kim Lee-Park"). */
  static final String PERSON = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}";
  /** "By Jane Roe", "by Kim Lee-Park": capitalised words after "By" at the line's start. */
  private static final Pattern LATIN = Pattern.compile("^[Bb]y:?\\s+(" + PERSON + ")");
  /** A line that begins with a byline's label. */
  private static final Pattern LABEL_FIRST = Pattern.compile("(?i)^(?:by\\b|" + HAN_LABELS + ")");
  /** A line that ends with one, its name in the next element: {@code <span>作者：</span><a>李在山</a>}. */
  private static final Pattern LABEL_AT_END =
      Pattern.compile("(?:" + HAN_LABELS + "|[:：]|\\b[Bb]y)\\s*$");
  /** A Chinese byline line: its label first. */
  private static final Pattern HAN_LINE = Pattern.compile("^(?:" + HAN_LABELS + ")\\s*[:：\\s]");
  /** A role after the name: "By Howard Blume Staff Writer". */
  private static final Pattern ROLE_AFTER = Pattern.compile("(?i)(?:\\s+(?:senior|chief|staff|writer"
      + "|reporter|editor|correspondent|contributor|columnist))+$");
  /** A role or desk in place of a name: "By Staff Writer", "By The Editors". */
  private static final Pattern ROLE = Pattern.compile("(?i)(?:(?:the|our|news|staff|writers?|reporters?"
      + "|editors?|editorial|correspondents?|contributors?|team|desk|admin|wire|reports?)\\s*)+");
  /** Words of a byline's furniture, not of a name: "Last Updated", "Share Story". */
  private static final Pattern NOT_A_PERSON = Pattern.compile("(?i)\\b(?:updated|published|posted"
      + "|share|follow|view|more|read|comments?|e-?mail|twitter|facebook|profile|photos?|images?"
      + "|video)\\b");
  /** What may follow the name on a byline line: a role, an outlet, a date ("By Jo Roe, CNN | …"). */
  private static final Pattern AFTER_NAME = Pattern.compile("^(?:[,|/·•–—-]|and\\s|&)");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？]$");
  /** "By" again after the label, or the element's own "Written By": the name comes after them. */
  private static final Pattern LABEL_AGAIN = Pattern.compile("^(?:(?:Written\\s+)?By:?(?:\\s+|$))+");
  /** A byline line is this short. */
  private static final int LINE_CHARS = 100;

  private Bylines() {}

  /** The name a byline among {@code lines} (see {@link HeaderLines}) labels, if one does. */
  static Optional<String> in(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Optional<String> name = name(line);
      if (name.isEmpty() && i + 1 < lines.size() && LABEL_AT_END.matcher(line).find()) {
        name = name(line + " " + lines.get(i + 1));
      }
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }

  /** Whether {@code line} begins with a byline's label ("By", 作者 …). */
  static boolean isLabelled(String line) {
    return LABEL_FIRST.matcher(line).find();
  }

  /**
   * Whether {@code line} is a byline and nothing else: "By Jane Roe", "by Tia Ghose, Staff
   * Writer | October 29, 2014", "作者：李在山". A line that begins so and goes on as a sentence
   * ("By Christmas Day, the shops ran out.") is not.
   */
  static boolean isBylineLine(String line) {
    String s = line.strip();
    if (s.length() > LINE_CHARS) {
      return false;
    }
    if (HAN_LINE.matcher(s).find()) {
      return s.length() <= LINE_CHARS / 2 && name(s).isPresent();
    }
    Matcher latin = LATIN.matcher(s);
    if (!latin.find()) {
      return false;
    }
    String rest = s.substring(latin.end()).strip();
    return rest.isEmpty() || AFTER_NAME.matcher(rest).find() && !SENTENCE_END.matcher(s).find();
  }

  private static Optional<String> name(String line) {
    Matcher han = HAN.matcher(line);
    while (han.find()) {
      if (!NOT_A_NAME.matcher(han.group(1)).find()) {
        return Optional.of(han.group(1));
      }
    }
    Matcher latin = LATIN.matcher(line);
    if (!latin.find()) {
      return Optional.empty();
    }
    // "by" twice when a label and a byline element both say it: <span>by</span> <a class=author>;
    // or the element's own label, "Written By" (Squarespace's blog-meta-item--author).
    String n = LABEL_AGAIN.matcher(ROLE_AFTER.matcher(latin.group(1).strip()).replaceFirst(""))
        .replaceFirst("");
    return ROLE.matcher(n).matches() || n.indexOf(' ') < 0 || NOT_A_PERSON.matcher(n).find()
        ? Optional.empty() : Optional.of(n);
  }
}
