package samizdat.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The story that a Next.js page sends only in its React Server Components payload: scripts of
 * {@code self.__next_f.push([1,"…"])} whose text rows ({@code 24:T1b7b,<p>…}) hold HTML that the
 * browser renders and the saved page does not (Hankook Ilbo's articles). When the longest such
 * piece of HTML is an article's worth of paragraphs and its text is nowhere in the page, it is
 * added at the end of the page's body, where the scoring finds it. Stateless.
 */
final class FlightData {
  private static final Evaluator SCRIPT = QueryParser.parse("script");
  private static final String PUSH = "self.__next_f.push(";
  /** What comes before one pushed chunk of text, a JSON string literal. */
  private static final String CHUNK = PUSH + "[1,\"";
  /** A text row's head: its id, "T", its length in UTF-8 bytes in hex, a comma. */
  private static final Pattern TEXT_ROW = Pattern.compile("(?:^|\\n)[0-9a-f]+:T([0-9a-f]{1,8}),");
  /** An ad slot's placeholder left in the HTML: "$$ARTICLEAD$$". */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\$[A-Z0-9_]+\\$\\$");
  /** A piece of HTML with fewer paragraphs is no story. */
  private static final int MIN_PARAGRAPHS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private FlightData() {}

  /**
   * Adds the story the payload holds to {@code page}'s body when the page lacks it (see above);
   * {@code html} is the page's text, looked at first: most pages have no payload.
   */
  static void restore(String html, Document page) {
    Element body = page.body();
    if (body == null || !html.contains(PUSH)) {
      return;
    }
    StringBuilder payload = new StringBuilder();
    for (Element script : page.select(SCRIPT)) {
      String data = script.data();
      if (!data.contains(PUSH)) {
        continue;
      }
      // Scanned by hand: a regular expression for a string literal recurses once per
      // character, and a chunk holds a whole article.
      for (int at = data.indexOf(CHUNK); at >= 0; at = data.indexOf(CHUNK, at + 1)) {
        int start = at + CHUNK.length() - 1;
        int end = literalEnd(data, start);
        if (end < 0) {
          return;
        }
        try {
          payload.append(JSON.readValue(data.substring(start, end), String.class));
        } catch (JsonProcessingException e) {
          return; // not the payload this reads
        }
      }
    }
    if (payload.length() == 0) {
      return;
    }
    Optional<Element> story = longestStory(payload.toString());
    if (story.isEmpty()) {
      return;
    }
    String text = story.get().text();
    String probe = text.substring(0, Math.min(40, text.length()));
    if (!body.text().contains(probe)) {
      body.appendChild(story.get());
    }
  }

  /** The longest text row that is HTML with paragraphs, as a {@code <div>}. */
  private static Optional<Element> longestStory(String payload) {
    List<String> pieces = new ArrayList<>();
    Matcher m = TEXT_ROW.matcher(payload);
    int from = 0;
    while (from < payload.length() && m.find(from)) {
      int length = Integer.parseInt(m.group(1), 16);
      int end = byteEnd(payload, m.end(), length);
      String piece = payload.substring(m.end(), end);
      if (piece.startsWith("<")) {
        pieces.add(piece);
      }
      from = Math.max(end, m.end());
    }
    String best = null;
    for (String p : pieces) {
      if ((best == null || p.length() > best.length()) && paragraphs(p) >= MIN_PARAGRAPHS) {
        best = p;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    Element div = new Element("div");
    for (Node n : new ArrayList<>(Jsoup.parseBodyFragment(best).body().childNodes())) {
      div.appendChild(n);
    }
    for (TextNode t : new ArrayList<>(div.textNodes())) {
      if (PLACEHOLDER.matcher(t.text().strip()).matches()) {
        t.remove();
      }
    }
    return Optional.of(div);
  }

  /** The end of the string literal whose opening quote is at {@code start}; -1 if it has none. */
  private static int literalEnd(String s, int start) {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Where {@code bytes} UTF-8 bytes of {@code s} that start at {@code from} end. */
  private static int byteEnd(String s, int from, int bytes) {
    int i = from;
    int n = 0;
    while (i < s.length() && n < bytes) {
      int c = s.codePointAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += Character.charCount(c);
    }
    return i;
  }

  /** How many {@code <p>} tags open in a piece of HTML. */
  private static int paragraphs(String html) {
    int n = 0;
    for (int i = html.indexOf("<p"); i >= 0; i = html.indexOf("<p", i + 2)) {
      char next = i + 2 < html.length() ? html.charAt(i + 2) : ' ';
      if (next == '>' || Character.isWhitespace(next)) {
        n++;
      }
    }
    return n;
  }
}
