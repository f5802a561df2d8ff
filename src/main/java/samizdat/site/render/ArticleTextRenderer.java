package samizdat.site.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import samizdat.content.ImageRef;
import samizdat.site.model.Doc;
import samizdat.site.state.Fingerprint;

/**
 * Beside each article page, its plain text as a script ({@code <id>.text.js}: {@code
 * samizdatText("id", "text")}), which the search page loads with a {@code <script>} tag (so it
 * works from {@code file://}) for the ten results it shows, to cut a snippet around the words
 * found anywhere in the article. The search index keeps only the first lines of each body, and
 * keeping whole bodies there would make every query load them; this way a reader loads the text
 * of the results they see, and the index format stays as it is.
 *
 * <p>The search index reads the body of every article in the segments it computes (all of them in
 * a full build); it writes those articles' text files itself, from the text it has in hand
 * ({@link SearchRenderer}), and this renderer lists only the others, which read and convert their
 * body when they must be written. Reading and parsing every body once more for its text file was
 * a twentieth of a full build's CPU.
 */
public final class ArticleTextRenderer implements PageRenderer {
  static final String SUFFIX = ".text.js";

  /** The text file of the article page at {@code articlePath}. */
  static String textPath(String articlePath) {
    return articlePath.substring(0, articlePath.length() - ".html".length()) + SUFFIX;
  }

  @Override
  public List<Page> pages(RenderContext context) {
    List<Page> pages = new ArrayList<>(context.site().list.size());
    for (Doc d : context.site().list) {
      if (!context.bodyTexts().readByIndex(d.id())) {
        pages.add(new TextPage(context, d, Optional.empty()));
      }
    }
    return pages;
  }

  /** The text file of {@code doc}, whose body's plain text is {@code text}. */
  static Page page(RenderContext context, Doc doc, String text) {
    return new TextPage(context, doc, Optional.of(text));
  }

  /** An article's text file; {@code text}, when given, is its body's plain text. */
  private record TextPage(RenderContext context, Doc doc, Optional<String> text) implements Page {
    @Override
    public String path() {
      return textPath(doc.path());
    }

    @Override
    public byte[] fingerprint() {
      Fingerprint fp = context.fingerprint().add("article-text").add(doc.contentHash());
      // a saved image shows as itself, a missing one as a note: the text differs
      for (ImageRef i : doc.meta().images()) {
        fp.add(i.file().filter(context.media()::contains).isPresent() ? 1 : 0);
      }
      return fp.done();
    }

    @Override
    public byte[] render() throws IOException {
      String plain = text.isPresent() ? text.get()
          : context.markdown().plainText(Files.readString(doc.bodyFile()), doc.path(), context.media()::contains);
      StringBuilder sb = new StringBuilder(plain.length() + 64).append("samizdatText(");
      jsString(sb, doc.id());
      sb.append(',');
      jsString(sb, plain);
      sb.append(");\n");
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A JavaScript string literal: quotes, backslashes, controls and line separators escaped. */
  static void jsString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '<' -> out.append("\\u003c");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x7f) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
            out.append("\\ufffd"); // a lone surrogate cannot be written as UTF-8
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
