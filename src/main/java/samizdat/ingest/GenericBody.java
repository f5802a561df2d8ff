package samizdat.ingest;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Placeholder until the generic body finder lands (branch body). */
final class GenericBody {
  private GenericBody() {}

  record Hints(Optional<String> title, List<String> authors, Optional<String> declaredType,
      Optional<String> structuredBody) {}

  static Element find(Document page, Hints hints) throws ArticleExtractor.NotAnArticle {
    Element article = page.selectFirst("article");
    if (article == null) {
      throw new ArticleExtractor.NotAnArticle("not an article: no body found");
    }
    return article;
  }
}
