package samizdat.ingest;

import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Placeholder until the title chooser lands (branch meta). */
final class Titles {
  private Titles() {}

  static Optional<String> choose(PageMetadata meta, Document page, Optional<Element> body) {
    Element h1 = page.selectFirst("h1");
    return meta.headline().or(() -> Optional.ofNullable(h1).map(Element::text))
        .or(meta::documentTitle).filter(t -> !t.isBlank());
  }
}
