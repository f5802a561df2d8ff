package samizdat.site.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>The text comes from the article page's own parse of the body when that page rendered first
 * ({@link Handoff}; {@link ArticleRenderer} lists each text file a few places after its page):
 * reading and parsing every body a second time for its text file was a twentieth of a full
 * build's CPU.
 */
final class ArticleTextRenderer {
  static final String SUFFIX = ".text.js";

  private ArticleTextRenderer() {}

  /** The text file of the article page at {@code articlePath}. */
  static String textPath(String articlePath) {
    return articlePath.substring(0, articlePath.length() - ".html".length()) + SUFFIX;
  }

  /** The text file of {@code doc}, which takes its text from {@code handoff} when it is there. */
  static Page page(RenderContext context, Doc doc, Handoff handoff) {
    return new TextPage(context, doc, handoff);
  }

  /**
   * An article's body text, passed from its page's render to its text file's. Offered at most
   * once and taken at most once: a text file that comes first, or is unchanged, takes nothing,
   * and what is offered after that is dropped, so no text stays held. Thread-safe.
   */
  static final class Handoff {
    private static final Object TAKEN = new Object();
    private final AtomicReference<Object> slot = new AtomicReference<>();

    /** Whether the text file may still want the text (so that the page need not make it otherwise). */
    boolean open() {
      return slot.get() == null;
    }

    void offer(String text) {
      slot.compareAndSet(null, text);
    }

    Optional<String> take() {
      return slot.getAndSet(TAKEN) instanceof String text ? Optional.of(text) : Optional.empty();
    }
  }

  private record TextPage(RenderContext context, Doc doc, Handoff handoff) implements Page {
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
      Optional<String> given = handoff.take();
      String text = given.isPresent() ? given.get()
          : context.markdown().plainText(Files.readString(doc.bodyFile()), doc.path(), context.media()::contains);
      StringBuilder sb = new StringBuilder(text.length() + 64).append("samizdatText(");
      jsString(sb, doc.id());
      sb.append(',');
      jsString(sb, text);
      sb.append(");\n");
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void release() {
      handoff.take();
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
