package samizdat.site.model;

import java.util.regex.Pattern;

/**
 * The one- or two-line excerpt a list shows under a headline: the start of the body's first
 * paragraph of prose, read straight from the Markdown (no parse: it runs for every changed body
 * while content loads). Images, captions (a paragraph that is all emphasis), headings, quotes,
 * code, tables and list items are skipped; links keep their text, other markup goes.
 */
public final class Excerpts {
  /** Code points kept: two lines of Chinese on a wide screen. */
  static final int MAX_CHARS = 90;
  /** Shorter first paragraphs (bylines, datelines) are passed over when a longer one follows. */
  static final int MIN_CHARS = 24;

  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern MARKS = Pattern.compile("(\\*\\*|__|\\*|`|~~)");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~<\"'])");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NUMBERED_ITEM = Pattern.compile("\\d+[.)] .*");
  private static final Pattern RULE = Pattern.compile("[-*_ ]{3,}");
  private static final Pattern ORIGINAL_TITLE = Pattern.compile("[（(]?\\s*原(?:标题|標題|題)\\s*[:：]");

  private Excerpts() {}

  static String of(String markdown) {
    boolean fenced = false;
    String fallback = "";
    StringBuilder para = new StringBuilder();
    for (String raw : markdown.split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("```") || line.startsWith("~~~")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      if (line.isEmpty()) {
        String text = clean(para.toString());
        para.setLength(0);
        if (isLede(text)) {
          return cut(text);
        }
        if (fallback.isEmpty()) {
          fallback = text;
        }
        continue;
      }
      boolean skip = line.startsWith("#") || line.startsWith(">") || line.startsWith("|")
          || line.startsWith("- ") || line.startsWith("* ") || line.startsWith("+ ")
          || NUMBERED_ITEM.matcher(line).matches() || raw.startsWith("    ") || raw.startsWith("\t")
          || isCaption(line) || RULE.matcher(line).matches();
      if (skip) {
        para.setLength(0);
        continue;
      }
      para.append(para.length() > 0 ? " " : "").append(line);
    }
    String last = clean(para.toString());
    return cut(isLede(last) || fallback.isEmpty() ? last : fallback);
  }

  /**
   * Prose worth showing: not a short line such as a byline ("（记者某某报道）") or a dateline,
   * which many articles open with, nor the headline the story first ran under ("原标题：…", which
   * Chinese portals put above a story they take from another paper).
   */
  private static boolean isLede(String text) {
    int n = text.codePointCount(0, text.length());
    boolean bracketed = (text.startsWith("（") && text.endsWith("）"))
        || (text.startsWith("(") && text.endsWith(")")) || (text.startsWith("【") && text.endsWith("】"));
    return n >= MIN_CHARS && !bracketed && !ORIGINAL_TITLE.matcher(text).lookingAt();
  }

  /** A paragraph that is all emphasis: the caption under an image. */
  private static boolean isCaption(String line) {
    return line.length() > 2 && ((line.startsWith("*") && line.endsWith("*"))
        || (line.startsWith("_") && line.endsWith("_")));
  }

  private static String clean(String text) {
    String t = IMAGE.matcher(text).replaceAll("");
    t = LINK.matcher(t).replaceAll("$1");
    t = MARKS.matcher(t).replaceAll("");
    t = ESCAPE.matcher(t).replaceAll("$1");
    return SPACES.matcher(t).replaceAll(" ").strip();
  }

  private static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_CHARS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS)).stripTrailing() + "…";
  }
}
