package samizdat.mirror.zim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.parser.Parser;
import samizdat.mirror.zim.ZimEntry.Item;
import samizdat.mirror.zim.ZimWriter.PageTitle;

/**
 * Item titles for Kiwix, read from each HTML page: its {@code <title>} without the archive's own
 * name (samizdat's pages are titled "Headline — Archive"), because Kiwix suggests pages whose
 * title begins with what the reader types. Pages holding an {@code <article>} element (the
 * articles, and the about page), and the main page, are front articles: the ones suggested.
 */
final class PageTitles implements ZimWriter.Titles {
  private static final byte[] TITLE_OPEN = "<title".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TITLE_CLOSE = "</title".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GT = {'>'};
  private static final byte[] ARTICLE = "<article".getBytes(StandardCharsets.US_ASCII);
  /** The title sits in the head: no need to decode a whole page to find it. */
  private static final int HEAD_BYTES = 16 * 1024;

  private final List<String> archiveTitles;
  private final String mainPath;

  /** {@code archiveTitles}: the names of the archive that page titles end with. */
  PageTitles(String zimTitle, String siteTitle, String mainPath) {
    this.archiveTitles = List.of(siteTitle, zimTitle);
    this.mainPath = mainPath;
  }

  @Override
  public PageTitle of(Item item, byte[] data, int offset, int length) {
    if (item.namespace() != 'C' || !item.mimeType().equals("text/html")) {
      return PageTitle.NONE;
    }
    // Decode only the title: decoding every page's head cost more than all the compression.
    int headEnd = offset + Math.min(length, HEAD_BYTES);
    int open = indexOf(data, offset, headEnd, TITLE_OPEN);
    int start = open < 0 ? -1 : indexOf(data, open, headEnd, GT) + 1;
    int end = start <= 0 ? -1 : indexOf(data, start, headEnd, TITLE_CLOSE);
    String title = end < 0 ? "" : clean(new String(data, start, end - start, StandardCharsets.UTF_8));
    boolean front = item.path().equals(mainPath) || indexOf(data, offset, offset + length, ARTICLE) >= 0;
    return new PageTitle(title, front && !title.isEmpty());
  }

  private String clean(String raw) {
    String t = Parser.unescapeEntities(raw, false).replaceAll("\\s+", " ").strip();
    for (String name : archiveTitles) {
      for (String dash : new String[] {" — ", " - ", " | ", " · "}) {
        String suffix = dash + name;
        if (!name.isEmpty() && t.endsWith(suffix) && t.length() > suffix.length()) {
          return t.substring(0, t.length() - suffix.length()).strip();
        }
      }
    }
    return t;
  }

  /**
   * Where {@code tag} (lower-case ASCII) starts in {@code data[from, to)}, ignoring ASCII case; a
   * tag name must be followed by '>', '/' or white space. -1 when it does not occur.
   */
  static int indexOf(byte[] data, int from, int to, byte[] tag) {
    int last = to - tag.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (data[i] != tag[0]) {
        continue;
      }
      for (int k = 1; k < tag.length; k++) {
        int b = data[i + k];
        if (b != tag[k] && (b | 0x20) != tag[k]) {
          continue outer;
        }
      }
      if (tag.length == 1) {
        return i;
      }
      int after = i + tag.length < to ? data[i + tag.length] : '>';
      if (after == '>' || after == '/' || after == ' ' || after == '\n' || after == '\t' || after == '\r') {
        return i;
      }
    }
    return -1;
  }
}
