package samizdat.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;
import samizdat.content.Article;

/**
 * Writes a cleaned article body as CommonMark, in the shape of jsoup's {@code HtmlToPlainText}: a
 * node filter that sees each node on the way in (head) and out (tail).
 *
 * <p>What comes out: paragraphs, {@code **bold**}, {@code *italic*}, ATX headings, bullet and
 * ordered lists (nested), block quotes, fenced code, GFM pipe tables, images as {@code
 * ![alt](../media/FILE)} (captions follow as an italic paragraph) and links whose target is
 * http, https or mailto. No raw HTML is ever emitted. Text is escaped so that it renders back as
 * the same literal characters: ASCII punctuation that means something to Markdown, HTML or
 * Mustache ({@code \ ` * _ [ ] < > # | { } ~ & !}) is backslash-escaped everywhere, and line-start
 * markers ({@code - + =}, {@code 1.}) where a line begins. Non-ASCII text, including full-width
 * punctuation, passes untouched, and nothing is inserted where inline elements meet.
 *
 * <p>CommonMark only honours {@code **} next to punctuation under its flanking rules, which CJK
 * text trips over ({@code 文**粗。**文} is not bold). Emphasis therefore moves edge punctuation
 * and spaces outside its markers, and drops the markers when they still would not pair, so the
 * text always survives even where the styling cannot.
 *
 * <p>One instance per body; not thread-safe.
 */
final class MarkdownWriter implements NodeFilter {

  /** Where an image's stored copy is; empty leaves the image out of the body. */
  @FunctionalInterface
  interface ImageFiles {
    Optional<String> fileFor(Element img);
  }

  private static final String ESCAPED = "\\`*_[]<>#|{}~&!";
  private static final boolean[] ESCAPED_ASCII = new boolean[128];

  /** {@link #isTextSpace} or {@link #needsEscape}, for ASCII: where a run of plain text ends. */
  private static final boolean[] SPACE_OR_ESCAPED = new boolean[128];

  static {
    for (char c : ESCAPED.toCharArray()) {
      ESCAPED_ASCII[c] = true;
    }
    for (char c = 0; c < 128; c++) {
      SPACE_OR_ESCAPED[c] = isTextSpace(c) || needsEscape(c);
    }
  }

  private static final String HARD_BREAK = "\\\n";
  private static final Parser PARSER = Parser.builder().build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
  private static final Evaluator CELLS = QueryParser.parse("td, th");
  private static final Evaluator ROWS = QueryParser.parse("tr");
  private static final Set<String> SKIP = Set.of(
      "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
      "canvas", "video", "audio", "head", "title", "meta", "link", "form", "input", "button",
      "select", "textarea");
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "main", "header", "footer", "aside", "address", "center",
      "dl", "dt", "dd", "figure", "details", "summary", "hgroup", "fieldset", "legend", "caption",
      "body", "html", "tr", "td", "th", "thead", "tbody", "tfoot");
  private static final Set<String> TABLE_BLOCKS = Set.of(
      "p", "div", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6");

  private enum Kind { BASE, STRONG, EM, LINK }

  private static final class Inline {
    final Kind kind;
    final Element element;
    final StringBuilder text = new StringBuilder();
    final String href;

    Inline(Kind kind, Element element, String href) {
      this.kind = kind;
      this.element = element;
      this.href = href;
    }
  }

  private enum Box { QUOTE, LIST, ITEM }

  private static final class Container {
    final Box box;
    final Element element;
    final boolean ordered;
    int next;
    int items;
    String marker = "";
    boolean markerPending;
    boolean firstInList;
    boolean nestedInItem;
    boolean listOpensWithOne;

    Container(Box box, Element element, boolean ordered, int start) {
      this.box = box;
      this.element = element;
      this.ordered = ordered;
      this.next = start;
    }
  }

  /** A closing emphasis marker that is valid only if what follows is space or punctuation. */
  private static final class PendingClose {
    final StringBuilder target;
    final int open;
    final int openLength;
    final int close;
    /** Where the closing marker may move (before trailing punctuation), or -1. */
    final int alt;

    PendingClose(StringBuilder target, int open, int openLength, int close, int alt) {
      this.target = target;
      this.open = open;
      this.openLength = openLength;
      this.close = close;
      this.alt = alt;
    }
  }

  private final ImageFiles images;
  private final StringBuilder doc = new StringBuilder();
  private final Deque<Inline> inlines = new ArrayDeque<>();
  private final Deque<Container> containers = new ArrayDeque<>();
  private int heading;
  private boolean pendingSpace;
  private PendingClose pendingClose;
  /**
   * Set when the current block has emphasis whose markers touch punctuation or were moved: only
   * such blocks pay for the commonmark check. Markers between word characters always pair.
   */
  private boolean needsCheck;

  MarkdownWriter(ImageFiles images) {
    this.images = images;
    inlines.push(new Inline(Kind.BASE, null, ""));
  }

  /** The Markdown for {@code body}'s content: LF line ends, one final newline; empty if no text. */
  static String write(Element body, ImageFiles images) {
    MarkdownWriter w = new MarkdownWriter(images);
    w.traverse(body);
    return w.finish();
  }

  String finish() {
    flushBlock();
    return doc.length() == 0 ? "" : doc.toString();
  }

  // ---------------------------------------------------------------- traversal

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode t) {
      appendText(t.getWholeText());
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element el)) {
      return FilterResult.CONTINUE;
    }
    String name = el.normalName();
    if (SKIP.contains(name)) {
      return FilterResult.SKIP_ENTIRELY;
    }
    switch (name) {
      case "br" -> hardBreak();
      case "img" -> {
        image(el);
        return FilterResult.SKIP_ENTIRELY;
      }
      case "pre" -> {
        flushBlock();
        codeBlock(el);
        return FilterResult.SKIP_ENTIRELY;
      }
      case "code", "kbd", "samp", "tt" -> {
        codeSpan(el);
        return FilterResult.SKIP_ENTIRELY;
      }
      case "table" -> {
        flushBlock();
        if (isDataTable(el)) {
          table(el);
          return FilterResult.SKIP_ENTIRELY;
        }
      }
      case "hr" -> {
        flushBlock();
        writeBlock(List.of("* * *"));
      }
      case "strong", "b" -> inlines.push(new Inline(Kind.STRONG, el, ""));
      case "em", "i", "cite", "dfn", "var" -> inlines.push(new Inline(Kind.EM, el, ""));
      case "a" -> inlines.push(new Inline(Kind.LINK, el, Links.kept(el, "href").orElse("")));
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        flushBlock();
        heading = name.charAt(1) - '0';
      }
      case "ul", "ol" -> {
        flushBlock();
        int start = 1;
        if (name.equals("ol")) {
          try {
            start = Math.max(0, Math.min(999_999_999, Integer.parseInt(el.attr("start").strip())));
          } catch (NumberFormatException e) {
            start = 1;
          }
        }
        Container list = new Container(Box.LIST, el, name.equals("ol"), start);
        list.nestedInItem = !containers.isEmpty() && containers.peek().box == Box.ITEM;
        containers.push(list);
      }
      case "li" -> {
        flushBlock();
        Container list = containers.peek() != null && containers.peek().box == Box.LIST
            ? containers.peek() : null;
        Container item = new Container(Box.ITEM, el, false, 0);
        if (list != null && list.ordered) {
          item.marker = list.next + ". ";
          item.listOpensWithOne = list.items == 0 && list.next == 1;
          list.next++;
        } else {
          item.marker = "- ";
          item.listOpensWithOne = true;
        }
        item.firstInList = list == null || list.items == 0;
        item.nestedInItem = list != null && list.nestedInItem;
        if (list != null) {
          list.items++;
        }
        item.markerPending = true;
        containers.push(item);
      }
      case "blockquote" -> {
        flushBlock();
        containers.push(new Container(Box.QUOTE, el, false, 0));
      }
      case "figcaption" -> {
        flushBlock();
        inlines.push(new Inline(Kind.EM, el, ""));
      }
      default -> {
        if (BLOCKS.contains(name)) {
          flushBlock();
        }
      }
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (!(node instanceof Element el)) {
      return FilterResult.CONTINUE;
    }
    String name = el.normalName();
    switch (name) {
      case "strong", "b", "em", "i", "cite", "dfn", "var", "a" -> closeInline(el);
      case "figcaption" -> {
        closeInline(el);
        flushBlock();
      }
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        flushBlock();
        heading = 0;
      }
      case "ul", "ol", "li", "blockquote" -> {
        flushBlock();
        if (!containers.isEmpty() && containers.peek().element == el) {
          Container done = containers.pop();
          if (done.box == Box.ITEM && done.markerPending) {
            // An item with no text: keep the list's numbering honest with an empty item.
            writeBlock(List.of(""));
          }
        }
      }
      default -> {
        if (BLOCKS.contains(name) || name.equals("table")) {
          flushBlock();
        }
      }
    }
    return FilterResult.CONTINUE;
  }

  // ---------------------------------------------------------------- inline text

  private StringBuilder top() {
    return inlines.peek().text;
  }

  /** The last character written in the current block, or 0 at its start. */
  private char lastChar() {
    for (Inline in : inlines) {
      if (in.text.length() > 0) {
        return in.text.charAt(in.text.length() - 1);
      }
    }
    return 0;
  }

  private void appendText(String text) {
    StringBuilder out = top();
    // A copy to index: String.charAt is a call with checks in the C1-compiled code ingest runs as.
    char[] chars = text.toCharArray();
    int n = chars.length;
    int i = 0;
    while (i < n) {
      char c = chars[i];
      if (isTextSpace(c)) {
        pendingSpace = true;
        i++;
        continue;
      }
      if (pendingSpace) {
        pendingSpace = false;
        char last = lastChar();
        if (last != 0 && last != ' ' && last != '\n') {
          settlePending(' ');
          out.append(' ');
        }
      }
      boolean escape = needsEscape(c);
      settlePending(escape ? '\\' : c);
      if (escape) {
        out.append('\\');
      }
      // Once the first character has settled any pending marker, the plain characters after it
      // need nothing more: they go in with one append (most text is long runs of CJK).
      int end = i + 1;
      while (end < n) {
        char d = chars[end];
        if (d < 128 && SPACE_OR_ESCAPED[d]) {
          break;
        }
        end++;
      }
      out.append(chars, i, end - i);
      i = end;
    }
  }

  private static boolean isTextSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  private static boolean needsEscape(char c) {
    return c < 128 && ESCAPED_ASCII[c];
  }

  /** Appends Markdown syntax (not text) to the current inline buffer. */
  private void appendMarkup(String markup) {
    if (markup.isEmpty()) {
      return;
    }
    if (pendingSpace) {
      pendingSpace = false;
      char last = lastChar();
      if (last != 0 && last != ' ' && last != '\n') {
        settlePending(' ');
        top().append(' ');
      }
    }
    settlePending(markup.charAt(0));
    top().append(markup);
  }

  private void hardBreak() {
    pendingSpace = false;
    StringBuilder out = top();
    trimTrailingSpaces(out);
    if (lastChar() == 0) {
      return;
    }
    if (inlines.size() == 1 && endsWith(out, HARD_BREAK)) {
      // <br><br> is how many sites separate paragraphs.
      out.setLength(out.length() - HARD_BREAK.length());
      flushBlock();
      return;
    }
    settlePending(' ');
    out.append(HARD_BREAK);
  }

  private void closeInline(Element el) {
    if (inlines.size() < 2 || inlines.peek().element != el) {
      return;
    }
    Inline in = inlines.pop();
    switch (in.kind) {
      case STRONG -> emphasis(in.text, "**");
      case EM -> emphasis(in.text, "*");
      case LINK -> link(in);
      default -> top().append(in.text);
    }
  }

  private void link(Inline in) {
    String text = in.text.toString();
    String lead = leadingSpace(text);
    String trail = trailingSpace(text);
    String core = text.substring(lead.length(), text.length() - trail.length());
    if (in.href.isEmpty() || core.isEmpty()) {
      if (!text.isEmpty()) {
        settlePending(text.charAt(0), in.text);
      }
      moveInto(in.text, top());
      return;
    }
    if (pendingClose != null && pendingClose.target == in.text) {
      pendingClose = null; // followed by "]": valid
    }
    if (!lead.isEmpty()) {
      settlePending(' ');
    }
    top().append(lead);
    settlePending('[');
    top().append('[').append(core).append("](").append(destination(in.href)).append(')');
    top().append(trail);
  }

  private void emphasis(StringBuilder content, String marker) {
    String s = content.toString();
    // Split into units a marker may not cut: escapes, code spans, single characters.
    List<int[]> units = units(s);
    int from = 0;
    while (from < units.size() && movable(s, units.get(from)) > 0) {
      from++;
    }
    int to = units.size();
    while (to > from && movable(s, units.get(to - 1)) > 0) {
      to--;
    }
    // Trailing punctuation stays inside when what follows allows it (settled later); only
    // trailing spaces and breaks always move out.
    int lastWide = units.size();
    while (lastWide > from && movable(s, units.get(lastWide - 1)) == 2) {
      lastWide--;
    }
    int start = from < units.size() ? units.get(from)[0] : s.length();
    int end = to > from ? units.get(to - 1)[1] : start;
    int wide = lastWide > from ? units.get(lastWide - 1)[1] : start;
    StringBuilder out = top();
    String lead = s.substring(0, start);
    String core = s.substring(start, end);
    String coreWide = s.substring(start, wide);
    String trail = s.substring(wide);
    if (core.isEmpty()) {
      settlePending(s.isEmpty() ? ' ' : s.charAt(0), content);
      moveInto(content, out);
      return;
    }
    if (!lead.isEmpty()) {
      settlePending(lead.charAt(0), content);
    }
    int start0 = out.length();
    out.append(lead);
    char before = lastChar();
    char first = core.charAt(0);
    // Markers must not touch other asterisk markers (nested or neighbouring emphasis): runs
    // like "***" or "**" would pair differently than intended.
    boolean opens = !isSpace(first) && !containsMarker(coreWide) && !endsWithMarker(lastText())
        && (!isPunct(first) || before == 0 || isSpace(before) || isPunct(before));
    if (!opens) {
      out.setLength(start0);
      settlePending(s.charAt(0), content);
      moveInto(content, out);
      return;
    }
    settlePending(marker.charAt(0));
    if (isPunct(first) || isPunct(coreWide.charAt(coreWide.length() - 1)) || isPunct(before)) {
      needsCheck = true;
    }
    int open = out.length();
    out.append(marker).append(coreWide);
    int close = out.length();
    out.append(marker);
    char last = coreWide.charAt(coreWide.length() - 1);
    if (isPunct(last) && trail.isEmpty()) {
      boolean strictOk = !isPunct(core.charAt(core.length() - 1));
      int alt = strictOk && core.length() < coreWide.length() ? open + marker.length() + core.length() : -1;
      pendingClose = new PendingClose(out, open, marker.length(), close, alt);
    }
    out.append(trail);
  }

  /**
   * True when {@code s} holds an asterisk that is markup (nested emphasis): ours would pair with
   * it instead of with each other, so the outer emphasis goes and the inner one stays.
   */
  private static boolean containsMarker(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '`') {
        i = codeSpanEnd(s, i) - 1;
      } else if (c == '*') {
        return true;
      }
    }
    return false;
  }

  /** Index after the code span starting at {@code i}, or after its backtick run if it has no end. */
  private static int codeSpanEnd(String s, int i) {
    int run = 0;
    while (i + run < s.length() && s.charAt(i + run) == '`') {
      run++;
    }
    int j = i + run;
    while (j < s.length()) {
      if (s.charAt(j) == '`') {
        int r = 0;
        while (j + r < s.length() && s.charAt(j + r) == '`') {
          r++;
        }
        if (r == run) {
          return j + r;
        }
        j += r;
      } else {
        j++;
      }
    }
    return i + run;
  }

  /**
   * True for a line that is one emphasis from end to end ({@code **...**} or {@code *...*}) with
   * no other asterisk and no space inside its ends, such as a bold subheading. Its parse needs no
   * check: a run at the start of a line opens and one at its end closes whatever characters are
   * next to them (the line's edges count as white space), and with no other run there is nothing
   * else to pair with. Tested against {@link #checked} on random lines.
   */
  static boolean wholeLineEmphasis(String line) {
    int run = line.startsWith("**") ? 2 : line.startsWith("*") ? 1 : 0;
    int n = line.length();
    if (run == 0 || n < 2 * run + 1 || line.charAt(n - 1 - run) == '\\') {
      return false;
    }
    for (int i = n - run; i < n; i++) {
      if (line.charAt(i) != '*') {
        return false;
      }
    }
    for (int i = run; i < n - run; i++) {
      if (line.charAt(i) == '*') {
        return false;
      }
    }
    return !isSpace(line.charAt(run)) && !isSpace(line.charAt(n - 1 - run));
  }

  /**
   * The block itself when its emphasis parses as intended, else the block without emphasis.
   * The rules above get emphasis right in ordinary text; this check makes sure that in any text
   * a reader sees exactly the characters of the page, at the cost of a parse only for blocks
   * with emphasis.
   */
  static String checked(String block) {
    if (!containsMarker(block)) {
      return block;
    }
    StringBuilder plain = new StringBuilder(block.length());
    for (int i = 0; i < block.length(); i++) {
      char c = block.charAt(i);
      if (c == '\\' && i + 1 < block.length()) {
        plain.append(c).append(block.charAt(++i));
      } else if (c == '`') {
        int end = codeSpanEnd(block, i);
        plain.append(block, i, end);
        i = end - 1;
      } else if (c != '*') {
        plain.append(c);
      }
    }
    // Without its markers a line may start differently ("**1)**" -> "1)"): escape again.
    StringBuilder relined = new StringBuilder(plain.length() + 4);
    for (String line : plain.toString().split("\n", -1)) {
      if (relined.length() > 0) {
        relined.append('\n');
      }
      relined.append(line.startsWith("#") ? line : escapeLineStart(line));
    }
    String stripped = relined.toString();
    return TEXT.render(PARSER.parse(block)).equals(TEXT.render(PARSER.parse(stripped)))
        ? block : stripped;
  }

  /** True when {@code s} ends with an asterisk that is markup, not an escaped literal. */
  private static boolean endsWithMarker(CharSequence s) {
    int n = s.length();
    if (n == 0 || s.charAt(n - 1) != '*') {
      return false;
    }
    int slashes = 0;
    while (slashes < n - 1 && s.charAt(n - 2 - slashes) == '\\') {
      slashes++;
    }
    return slashes % 2 == 0;
  }

  /** The innermost non-empty inline buffer: what the next output follows. */
  private CharSequence lastText() {
    for (Inline in : inlines) {
      if (in.text.length() > 0) {
        return in.text;
      }
    }
    return "";
  }

  /**
   * Appends {@code from} to {@code to}; a pending closing marker inside {@code from} moves along,
   * still waiting for the character that will follow it.
   */
  private void moveInto(StringBuilder from, StringBuilder to) {
    int offset = to.length();
    to.append(from);
    PendingClose p = pendingClose;
    if (p != null && p.target == from) {
      pendingClose = new PendingClose(to, p.open + offset, p.openLength, p.close + offset,
          p.alt < 0 ? -1 : p.alt + offset);
    }
  }

  /** Like {@link #settlePending(char)}, but leaves a marker pending inside {@code except}. */
  private void settlePending(char next, StringBuilder except) {
    if (pendingClose != null && pendingClose.target != except) {
      settlePending(next);
    }
  }

  /** Resolves a pending closing marker now that the next character is known. */
  private void settlePending(char next) {
    PendingClose p = pendingClose;
    if (p == null) {
      return;
    }
    pendingClose = null;
    if (next == 0 || isSpace(next) || (isPunct(next) && next != '*')) {
      return;
    }
    int len = p.openLength;
    needsCheck = true;
    if (p.target.length() >= p.close + len) {
      String marker = p.target.substring(p.close, p.close + len);
      p.target.delete(p.close, p.close + len);
      if (p.alt >= 0) {
        p.target.insert(p.alt, marker);
      } else {
        p.target.delete(p.open, p.open + len);
      }
    }
  }

  /** Splits rendered inline Markdown into [start, end) units: escape pairs, code spans, chars. */
  private static List<int[]> units(String s) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int next;
      if (c == '\\' && i + 1 < s.length()) {
        next = i + 2;
      } else if (c == '`') {
        next = codeSpanEnd(s, i);
      } else {
        next = i + 1;
      }
      out.add(new int[] {i, next});
      i = next;
    }
    return out;
  }

  /**
   * Whether emphasis may leave a unit outside its markers: 2 for spaces and hard breaks, 1 for
   * punctuation (escaped ASCII or any non-ASCII), 0 for anything else.
   */
  private static int movable(String s, int[] unit) {
    int len = unit[1] - unit[0];
    char c = s.charAt(unit[0]);
    if (len == 2 && c == '\\') {
      return s.charAt(unit[0] + 1) == '\n' ? 2 : 1;
    }
    if (len != 1) {
      return 0;
    }
    if (c == ' ' || (c >= 128 && isSpace(c))) {
      return 2;
    }
    return c >= 128 && isPunct(c) ? 1 : 0;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || Character.isSpaceChar(c);
  }

  /** CommonMark's "Unicode punctuation character": categories P and S. */
  static boolean isPunct(char c) {
    if (c < 128) {
      return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
          || (c >= '{' && c <= '~');
    }
    switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  private static String leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return s.substring(0, i);
  }

  private static String trailingSpace(String s) {
    int i = s.length();
    while (i > 0 && s.charAt(i - 1) == ' ') {
      i--;
    }
    return s.substring(i);
  }

  /** A link destination that survives any characters: the few that end or break it are encoded. */
  static String destination(String url) {
    StringBuilder b = new StringBuilder(url.length() + 8);
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      switch (c) {
        case ' ' -> b.append("%20");
        case '(' -> b.append("%28");
        case ')' -> b.append("%29");
        case '<' -> b.append("%3C");
        case '>' -> b.append("%3E");
        case '\\' -> b.append("%5C");
        case '{' -> b.append("%7B");
        case '}' -> b.append("%7D");
        case '|' -> b.append("%7C");
        case '`' -> b.append("%60");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("%%%02X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Text for use inside {@code [...]} (alt text), escaped like body text, on one line. */
  static String escapeInline(String text) {
    MarkdownWriter w = new MarkdownWriter(img -> Optional.empty());
    w.appendText(text);
    return w.top().toString();
  }

  private void image(Element img) {
    Optional<String> file = images.fileFor(img);
    if (file.isEmpty()) {
      return;
    }
    String alt = escapeInline(img.attr("alt"));
    appendMarkup("![" + alt + "](" + Article.MEDIA_PREFIX + destination(file.get()) + ")");
  }

  private void codeSpan(Element el) {
    String code = el.wholeText().replace('\n', ' ').replace('\r', ' ');
    if (code.isBlank()) {
      if (!code.isEmpty()) {
        pendingSpace = true;
      }
      return;
    }
    if (afterBacktick()) {
      // Right after another code span the fences would merge into one run: plain text instead.
      appendText(code);
      return;
    }
    String fence = "`".repeat(longestRun(code, '`') + 1);
    boolean pad = code.startsWith("`") || code.endsWith("`")
        || (code.startsWith(" ") && code.endsWith(" "));
    appendMarkup(fence + (pad ? " " : "") + code + (pad ? " " : "") + fence);
  }

  /** True when the output so far ends with a backtick, ignoring emphasis markers after it. */
  private boolean afterBacktick() {
    for (Inline in : inlines) {
      StringBuilder t = in.text;
      int i = t.length() - 1;
      while (i >= 0 && t.charAt(i) == '*') {
        i--;
      }
      if (i >= 0) {
        return t.charAt(i) == '`';
      }
    }
    return false;
  }

  private void codeBlock(Element pre) {
    String code = pre.wholeText().replace("\r\n", "\n").replace('\r', '\n');
    code = code.stripTrailing();
    while (code.startsWith("\n")) {
      code = code.substring(1);
    }
    if (code.isBlank()) {
      return;
    }
    String fence = "`".repeat(Math.max(3, longestRun(code, '`') + 1));
    List<String> lines = new ArrayList<>();
    lines.add(fence);
    lines.addAll(code.lines().toList());
    lines.add(fence);
    writeBlock(lines);
  }

  private static int longestRun(String s, char c) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }

  // ---------------------------------------------------------------- tables

  /** A table of data (cells hold only inline content) rather than one used for layout. */
  private static boolean isDataTable(Element table) {
    for (Element cell : table.select(CELLS)) {
      for (Element d : cell.getAllElements()) {
        if (d != cell && TABLE_BLOCKS.contains(d.normalName())) {
          return false;
        }
      }
    }
    return true;
  }

  private void table(Element table) {
    List<List<String>> rows = new ArrayList<>();
    int columns = 0;
    for (Element tr : table.select(ROWS)) {
      if (tr.closest("table") != table) {
        continue;
      }
      List<String> row = new ArrayList<>();
      for (Element cell : tr.children()) {
        if (cell.nameIs("td") || cell.nameIs("th")) {
          MarkdownWriter w = new MarkdownWriter(images);
          w.traverse(cell);
          String text = w.finish().strip().replace(HARD_BREAK, " ").replace("\n\n", " ")
              .replace('\n', ' ');
          row.add(text);
        }
      }
      if (row.stream().anyMatch(c -> !c.isEmpty())) {
        rows.add(row);
        columns = Math.max(columns, row.size());
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder("|");
      List<String> row = rows.get(r);
      for (int c = 0; c < columns; c++) {
        String cell = c < row.size() ? row.get(c) : "";
        line.append(' ').append(cell).append(cell.isEmpty() ? "" : " ").append('|');
      }
      lines.add(line.toString());
      if (r == 0) {
        lines.add("|" + " --- |".repeat(columns));
      }
    }
    writeBlock(lines);
  }

  // ---------------------------------------------------------------- blocks

  private void flushBlock() {
    while (inlines.size() > 1) {
      // A block inside an inline element (<a><p>..</p></a>): keep the text, drop the markup.
      Inline open = inlines.pop();
      top().append(open.text);
    }
    settlePending((char) 0);
    pendingSpace = false;
    StringBuilder base = top();
    String text = base.toString();
    base.setLength(0);
    boolean check = needsCheck;
    needsCheck = false;
    text = stripBreaks(text);
    if (isBlank(text)) {
      return;
    }
    if (heading > 0) {
      String line = "#".repeat(heading) + " " + text.replace(HARD_BREAK, " ");
      writeBlock(List.of(check ? checked(line) : line));
      return;
    }
    if (text.indexOf('\n') < 0) {
      // One line (most paragraphs): no splitting and joining.
      String line = escapeLineStart(stripAscii(text));
      String checkedLine = check && !wholeLineEmphasis(line) ? checked(line) : line;
      writeBlock(checkedLine.indexOf('\n') < 0 ? List.of(checkedLine) : List.of(checkedLine.split("\n", -1)));
      return;
    }
    StringBuilder block = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (block.length() > 0) {
        block.append('\n');
      }
      block.append(escapeLineStart(stripAscii(line)));
    }
    String checkedBlock = check ? checked(block.toString()) : block.toString();
    writeBlock(List.of(checkedBlock.split("\n", -1)));
  }

  /** The block's text without leading or trailing spaces and hard breaks. */
  private static String stripBreaks(String text) {
    String t = stripAscii(text);
    while (true) {
      int slashes = 0;
      while (slashes < t.length() && t.charAt(t.length() - 1 - slashes) == '\\') {
        slashes++;
      }
      if (slashes % 2 == 0) {
        return t;
      }
      // An odd run of backslashes at the end: the last one is a dangling hard break.
      t = stripAscii(t.substring(0, t.length() - 1));
    }
  }

  /**
   * Strips ASCII white space only: full-width (U+3000) indents and no-break spaces are text,
   * and CommonMark keeps them too.
   */
  private static String stripAscii(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) <= ' ') {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        continue;
      }
      if (!isSpace(c) && c != '\u200b' && c != '\ufeff') {
        return false;
      }
    }
    return true;
  }

  /** Escapes what would make a line a list item, heading underline or thematic break. */
  static String escapeLineStart(String line) {
    if (line.isEmpty()) {
      return line;
    }
    char c = line.charAt(0);
    if (c == '-' || c == '+' || c == '=') {
      return "\\" + line;
    }
    int i = 0;
    while (i < line.length() && i < 10 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
      i++;
    }
    if (i > 0 && i < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')')) {
      return line.substring(0, i) + "\\" + line.substring(i);
    }
    return line;
  }

  private void writeBlock(List<String> lines) {
    Container item = containers.peek() != null && containers.peek().box == Box.ITEM
        ? containers.peek() : null;
    if (doc.length() > 0) {
      boolean tight = item != null && item.markerPending
          && (!item.firstInList || (item.nestedInItem && item.listOpensWithOne));
      if (!tight) {
        doc.append(prefix(false, true)).append('\n');
      }
    }
    boolean first = true;
    for (String line : lines) {
      String p = prefix(first, line.isEmpty());
      doc.append(p).append(line);
      if (line.isEmpty() && first) {
        // An empty list item: the marker alone, without its trailing space.
        int end = doc.length();
        while (end > 0 && doc.charAt(end - 1) == ' ') {
          end--;
        }
        doc.setLength(end);
      }
      doc.append('\n');
      first = false;
    }
    for (Container c : containers) {
      c.markerPending = false;
    }
  }

  private String prefix(boolean firstLine, boolean blankLine) {
    if (containers.isEmpty()) {
      return "";
    }
    StringBuilder p = new StringBuilder();
    var it = containers.descendingIterator();
    while (it.hasNext()) {
      Container c = it.next();
      switch (c.box) {
        case QUOTE -> p.append("> ");
        case ITEM -> p.append(firstLine && c.markerPending ? c.marker : " ".repeat(c.marker.length()));
        default -> { }
      }
    }
    if (blankLine) {
      int end = p.length();
      while (end > 0 && p.charAt(end - 1) == ' ') {
        end--;
      }
      p.setLength(end);
    }
    return p.toString();
  }

  private static boolean endsWith(StringBuilder b, String s) {
    int n = s.length();
    return b.length() >= n && b.substring(b.length() - n).equals(s);
  }

  private static void trimTrailingSpaces(StringBuilder b) {
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    b.setLength(end);
  }
}
