package samizdat.search;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The document side of a segment: one row per document (title, date, tags, href, excerpt), in
 * chunk files of {@link SearchIndex#DOCS_PER_CHUNK} rows that search.js loads for the results it
 * shows. Apart from the term shards because it is read per result, not per term, and needs
 * nothing of the tokeniser.
 */
final class DocumentTable {
  /** Code points of body text kept per document for snippets. */
  static final int EXCERPT_CHARS = 240;

  private DocumentTable() {}

  /** Hands the chunk files of segment {@code seg}'s {@code rows} (in order) to {@code sink}. */
  static void write(String seg, List<String> rows, BiConsumer<String, byte[]> sink) {
    int per = SearchIndex.DOCS_PER_CHUNK;
    StringBuilder out = new StringBuilder(TermShards.TARGET_SHARD_BYTES * 2);
    for (int c = 0; c * per < rows.size(); c++) {
      out.setLength(0);
      out.append("samizdatSearch.docs(\"").append(seg).append("\",").append(c).append(",[");
      for (int i = c * per; i < Math.min(rows.size(), (c + 1) * per); i++) {
        out.append(i > c * per ? ",\n" : "\n").append(rows.get(i));
      }
      sink.accept(SearchIndex.chunkPath(seg, c), SearchIndex.utf8(out.append("]);\n")));
    }
  }

  /** A document-table row: [title, date, [tags], href, excerpt]. */
  static String row(SearchDocument d) {
    StringBuilder out = new StringBuilder(1024).append('[');
    Js.string(out, d.title().strip());
    out.append(',');
    Js.string(out, d.published().map(LocalDate::toString).orElse(""));
    out.append(",[");
    for (int t = 0; t < d.tags().size(); t++) {
      if (t > 0) {
        out.append(',');
      }
      Js.string(out, d.tags().get(t).strip());
    }
    out.append("],");
    Js.string(out, d.href());
    out.append(',');
    Js.string(out, excerpt(d.text()));
    return out.append(']').toString();
  }

  /**
   * The start of {@code text} for the result list: stripped, runs of white space ({@code \s}:
   * space, tab, line breaks, form feed) made one space, cut after {@link #EXCERPT_CHARS} code
   * points. Only the part shown is looked at (collapsing the whole body first cost a tenth of the
   * index's tokenising time).
   */
  static String excerpt(String text) {
    String t = text.strip();
    int n = t.length();
    StringBuilder out = new StringBuilder(Math.min(n, 2 * EXCERPT_CHARS));
    int codePoints = 0;
    for (int i = 0; i < n && codePoints < EXCERPT_CHARS; codePoints++) {
      char c = t.charAt(i);
      if (isSpace(c)) {
        out.append(' ');
        do {
          i++;
        } while (i < n && isSpace(t.charAt(i)));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(t.charAt(i + 1))) {
        out.append(c).append(t.charAt(i + 1));
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Java's regex {@code \s}: what {@link #excerpt} collapses. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
