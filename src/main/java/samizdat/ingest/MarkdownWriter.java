package samizdat.ingest;

import static samizdat.ingest.MarkdownEmphasis.checked;
import static samizdat.ingest.MarkdownEmphasis.wholeLineEmphasis;
import static samizdat.ingest.MarkdownEscaping.escapeLineStart;
import static samizdat.ingest.MarkdownEscaping.isBlank;
import static samizdat.ingest.MarkdownEscaping.longestRun;
import static samizdat.ingest.MarkdownEscaping.stripAscii;
import static samizdat.ingest.MarkdownEscaping.stripBreaks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import samizdat.content.ControlCharacters;

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
 * <p>This class walks the HTML and decides what each element becomes; the rest lives apart:
 * {@link InlineMarkdown} (the text of the block being written: escaping, emphasis, links, code
 * spans), {@link MarkdownBlocks} (block quotes and lists around the blocks), {@link
 * MarkdownTables}, {@link MarkdownLinks} (link targets and images), and the stateless rules in
 * {@link MarkdownEscaping} and {@link MarkdownEmphasis}.
 *
 * <p>One instance per body; not thread-safe.
 */
final class MarkdownWriter implements NodeFilter {

  /** Where an image's stored copy is; empty leaves the image out of the body. */
  @FunctionalInterface
  interface ImageFiles {
    Optional<String> fileFor(Element img);
  }

  private static final Set<String> SKIP = Set.of(
      "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
      "canvas", "video", "audio", "head", "title", "meta", "link", "form", "input", "button",
      "select", "textarea");
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "main", "header", "footer", "aside", "address", "center",
      "dl", "dt", "dd", "figure", "details", "summary", "hgroup", "fieldset", "legend", "caption",
      "body", "html", "tr", "td", "th", "thead", "tbody", "tfoot");

  private final ImageFiles images;
  private final InlineMarkdown inline = new InlineMarkdown();
  private final MarkdownBlocks blocks = new MarkdownBlocks();
  private int heading;

  private MarkdownWriter(ImageFiles images) {
    this.images = images;
  }

  /** The Markdown for {@code body}'s content: LF line ends, one final newline; empty if no text. */
  static String write(Element body, ImageFiles images) {
    MarkdownWriter w = new MarkdownWriter(images);
    w.traverse(body);
    return w.finish();
  }

  private String finish() {
    flushBlock();
    return blocks.isEmpty() ? "" : blocks.text();
  }

  // ---------------------------------------------------------------- traversal

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode t) {
      inline.appendText(t.getWholeText());
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
      case "br" -> {
        if (inline.hardBreak()) {
          flushBlock();
        }
      }
      case "img" -> {
        MarkdownLinks.image(el, images).ifPresent(inline::appendMarkup);
        return FilterResult.SKIP_ENTIRELY;
      }
      case "pre" -> {
        flushBlock();
        codeBlock(el);
        return FilterResult.SKIP_ENTIRELY;
      }
      case "code", "kbd", "samp", "tt" -> {
        inline.codeSpan(el);
        return FilterResult.SKIP_ENTIRELY;
      }
      case "table" -> {
        flushBlock();
        if (MarkdownTables.isDataTable(el)) {
          List<String> lines = MarkdownTables.lines(el, images);
          if (!lines.isEmpty()) {
            blocks.writeBlock(lines);
          }
          return FilterResult.SKIP_ENTIRELY;
        }
      }
      case "hr" -> {
        flushBlock();
        blocks.writeBlock(List.of("* * *"));
      }
      case "strong", "b" -> inline.openStrong(el);
      case "em", "i", "cite", "dfn", "var" -> inline.openEmphasis(el);
      case "a" -> inline.openLink(el, MarkdownLinks.href(el));
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        flushBlock();
        heading = name.charAt(1) - '0';
      }
      case "ul", "ol" -> {
        flushBlock();
        blocks.openList(el);
      }
      case "li" -> {
        flushBlock();
        blocks.openItem(el);
      }
      case "blockquote" -> {
        flushBlock();
        blocks.openQuote(el);
      }
      case "figcaption" -> {
        flushBlock();
        inline.openEmphasis(el);
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
      case "strong", "b", "em", "i", "cite", "dfn", "var", "a" -> inline.close(el);
      case "figcaption" -> {
        inline.close(el);
        flushBlock();
      }
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        flushBlock();
        heading = 0;
      }
      case "ul", "ol", "li", "blockquote" -> {
        flushBlock();
        blocks.close(el);
      }
      default -> {
        if (BLOCKS.contains(name) || name.equals("table")) {
          flushBlock();
        }
      }
    }
    return FilterResult.CONTINUE;
  }

  /** A {@code <pre>} as a fenced code block, its text as it is. */
  private void codeBlock(Element pre) {
    String code = ControlCharacters.strip(pre.wholeText()).replace("\r\n", "\n").replace('\r', '\n');
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
    blocks.writeBlock(lines);
  }

  /**
   * Ends the block being written: its inline Markdown, with line starts escaped and emphasis
   * checked where needed, goes into the document as a paragraph or heading.
   */
  private void flushBlock() {
    InlineMarkdown.Block taken = inline.take();
    String text = taken.text();
    boolean check = taken.needsCheck();
    text = stripBreaks(text);
    if (isBlank(text)) {
      return;
    }
    if (heading > 0) {
      String line = "#".repeat(heading) + " " + text.replace(InlineMarkdown.HARD_BREAK, " ");
      blocks.writeBlock(List.of(check ? checked(line) : line));
      return;
    }
    if (text.indexOf('\n') < 0) {
      // One line (most paragraphs): no splitting and joining.
      String line = escapeLineStart(stripAscii(text));
      String checkedLine = check && !wholeLineEmphasis(line) ? checked(line) : line;
      blocks.writeBlock(checkedLine.indexOf('\n') < 0 ? List.of(checkedLine) : List.of(checkedLine.split("\n", -1)));
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
    blocks.writeBlock(List.of(checkedBlock.split("\n", -1)));
  }
}
