package samizdat.ingest;

import static samizdat.ingest.MarkdownEmphasis.containsMarker;
import static samizdat.ingest.MarkdownEmphasis.endsWithMarker;
import static samizdat.ingest.MarkdownEmphasis.movable;
import static samizdat.ingest.MarkdownEmphasis.units;
import static samizdat.ingest.MarkdownEscaping.endsPlainRun;
import static samizdat.ingest.MarkdownEscaping.isPunct;
import static samizdat.ingest.MarkdownEscaping.isSpace;
import static samizdat.ingest.MarkdownEscaping.isTextSpace;
import static samizdat.ingest.MarkdownEscaping.longestRun;
import static samizdat.ingest.MarkdownEscaping.needsEscape;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;
import samizdat.content.ControlCharacters;

/**
 * The inline Markdown of the block being written: escaped text, {@code **bold**}, {@code
 * *italic*}, links and code spans, as a stack of buffers, one per open inline element, each
 * folded into its parent when the element ends (only then is it known whether its markers can
 * stay).
 *
 * <p>Emphasis moves edge punctuation and spaces outside its markers and drops the markers when
 * they still would not pair (see {@link MarkdownEmphasis}); a closing marker right after
 * punctuation is valid only if what comes next is space or punctuation, so it stays pending
 * until the next character is written.
 *
 * <p>Apart from {@link MarkdownWriter}, which walks the HTML and lays out blocks, because this
 * state (open elements, a pending space, a pending closing marker) lives only within one block;
 * the writer takes the finished block with {@link #take()}. One instance per body; not
 * thread-safe.
 */
final class InlineMarkdown {
  /** A hard line break: a backslash at the end of the line. */
  static final String HARD_BREAK = "\\\n";

  /** A finished block's inline Markdown, and whether its emphasis needs the commonmark check. */
  record Block(String text, boolean needsCheck) {}

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

  private final Deque<Inline> inlines = new ArrayDeque<>();
  private boolean pendingSpace;
  private PendingClose pendingClose;
  /**
   * Set when the current block has emphasis whose markers touch punctuation or were moved: only
   * such blocks pay for the commonmark check. Markers between word characters always pair.
   */
  private boolean needsCheck;

  InlineMarkdown() {
    inlines.push(new Inline(Kind.BASE, null, ""));
  }

  /** Text for use inside {@code [...]} (alt text), escaped like body text, on one line. */
  static String escape(String text) {
    InlineMarkdown in = new InlineMarkdown();
    in.appendText(text);
    return in.top().toString();
  }

  void openStrong(Element el) {
    inlines.push(new Inline(Kind.STRONG, el, ""));
  }

  void openEmphasis(Element el) {
    inlines.push(new Inline(Kind.EM, el, ""));
  }

  /** A link to {@code href}; an empty href keeps the text without a link. */
  void openLink(Element el, String href) {
    inlines.push(new Inline(Kind.LINK, el, href));
  }

  /**
   * The block written so far, leaving this empty for the next block: elements still open are
   * folded in as plain text, a pending marker is settled.
   */
  Block take() {
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
    return new Block(text, check);
  }

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

  void appendText(String text) {
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
      if (ControlCharacters.isControl(c)) {
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
        if (endsPlainRun(d)) {
          break;
        }
        end++;
      }
      out.append(chars, i, end - i);
      i = end;
    }
  }

  /** Appends Markdown syntax (not text) to the current inline buffer. */
  void appendMarkup(String markup) {
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

  /** A {@code <br>}; true when it ends the paragraph instead (the caller then ends the block). */
  boolean hardBreak() {
    pendingSpace = false;
    StringBuilder out = top();
    trimTrailingSpaces(out);
    if (lastChar() == 0) {
      return false;
    }
    if (inlines.size() == 1 && endsWith(out, HARD_BREAK)) {
      // <br><br> is how many sites separate paragraphs.
      out.setLength(out.length() - HARD_BREAK.length());
      return true;
    }
    settlePending(' ');
    out.append(HARD_BREAK);
    return false;
  }

  /** Ends the inline element {@code el}: its buffer is folded into its parent's. */
  void close(Element el) {
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
    String trail = trailingSpace(text.substring(lead.length()));
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
    top().append('[').append(core).append("](").append(MarkdownLinks.destination(in.href)).append(')');
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

  /** The spaces and hard breaks {@code s} starts with: they belong outside a link. */
  private static String leadingSpace(String s) {
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == ' ') {
        i++;
      } else if (s.startsWith(HARD_BREAK, i)) {
        i += HARD_BREAK.length();
      } else {
        break;
      }
    }
    return s.substring(0, i);
  }

  /** The spaces and hard breaks {@code s} ends with ({@code <a>text<br></a>}). */
  private static String trailingSpace(String s) {
    int i = s.length();
    while (i > 0) {
      if (s.charAt(i - 1) == ' ') {
        i--;
      } else if (s.startsWith(HARD_BREAK, i - HARD_BREAK.length())
          && !escaped(s, i - HARD_BREAK.length())) {
        i -= HARD_BREAK.length();
      } else {
        break;
      }
    }
    return s.substring(i);
  }

  /** Whether the backslash at {@code at} is itself escaped (an odd run of backslashes before it). */
  private static boolean escaped(String s, int at) {
    int n = 0;
    while (at - n - 1 >= 0 && s.charAt(at - n - 1) == '\\') {
      n++;
    }
    return n % 2 == 1;
  }

  void codeSpan(Element el) {
    String code = ControlCharacters.strip(el.wholeText()).replace('\n', ' ').replace('\r', ' ');
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
