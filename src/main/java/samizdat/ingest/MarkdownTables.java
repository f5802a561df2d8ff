package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * GFM pipe tables: tells a table of data (cells hold only inline content) from one used for
 * layout, and writes a data table's rows as pipe-table lines, each cell's content written by its
 * own {@link MarkdownWriter} and made one line. A layout table is not a table to the reader: the
 * writer walks into it as into any block.
 *
 * <p>Apart from the writer because a table is written whole, cell by cell, not as the writer's
 * stream of blocks. Stateless.
 */
final class MarkdownTables {
  private static final Evaluator CELLS = QueryParser.parse("td, th");
  private static final Evaluator ROWS = QueryParser.parse("tr");
  private static final Set<String> TABLE_BLOCKS = Set.of(
      "p", "div", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6");

  private MarkdownTables() {}

  /** A table of data (cells hold only inline content) rather than one used for layout. */
  static boolean isDataTable(Element table) {
    for (Element cell : table.select(CELLS)) {
      for (Element d : cell.getAllElements()) {
        if (d != cell && TABLE_BLOCKS.contains(d.normalName())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The pipe-table lines of data table {@code table}; empty when no row has any text. */
  static List<String> lines(Element table, MarkdownWriter.ImageFiles images) {
    List<List<String>> rows = new ArrayList<>();
    int columns = 0;
    for (Element tr : table.select(ROWS)) {
      if (tr.closest("table") != table) {
        continue;
      }
      List<String> row = new ArrayList<>();
      for (Element cell : tr.children()) {
        if (cell.nameIs("td") || cell.nameIs("th")) {
          String text = MarkdownWriter.write(cell, images).strip()
              .replace(InlineMarkdown.HARD_BREAK, " ").replace("\n\n", " ").replace('\n', ' ');
          row.add(text);
        }
      }
      if (row.stream().anyMatch(c -> !c.isEmpty())) {
        rows.add(row);
        columns = Math.max(columns, row.size());
      }
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
    return lines;
  }
}
