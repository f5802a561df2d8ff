package samizdat.follow;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the links of an XML feed or sitemap in one streaming pass: RSS 2.0 (and 0.9x), RSS
 * 1.0/RDF, Atom, sitemaps ({@code urlset}, Google News and image sitemaps alike) and sitemap
 * indexes. Relative links are resolved against {@code xml:base} and the document's URL.
 *
 * <p>Feeds are hostile input. The parser reads no DTD: an entity a DOCTYPE declares is never
 * expanded (no entity-expansion bomb) and an external entity is never resolved (no local file
 * read, no connection opened); a document that uses one is an error at that point, and the links
 * read before it are kept. Stateless and thread-safe.
 */
final class XmlSources {
  private static final String XML_NS = XMLConstants.XML_NS_URI;
  private static final XMLInputFactory FACTORY = factory();

  private XmlSources() {}

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external entity " + systemId + " refused");
    });
    return f;
  }

  /** The kind an XML document's root element names, if it is a feed or sitemap. */
  static Optional<Found.Kind> kindOf(String rootLocalName) {
    return switch (rootLocalName.toLowerCase(Locale.ROOT)) {
      case "rss" -> Optional.of(Found.Kind.RSS);
      case "rdf" -> Optional.of(Found.Kind.RDF);
      case "feed" -> Optional.of(Found.Kind.ATOM);
      case "urlset" -> Optional.of(Found.Kind.SITEMAP);
      case "sitemapindex" -> Optional.of(Found.Kind.SITEMAP_INDEX);
      default -> Optional.empty();
    };
  }

  /**
   * The links of the document at {@code url}; a malformed document adds a warning naming the
   * line and keeps what was read before it.
   *
   * @throws SourceException when it is not a feed or sitemap at all
   */
  static Found read(String url, byte[] xml) throws SourceException {
    XMLStreamReader r;
    try {
      r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
    } catch (XMLStreamException e) {
      throw new SourceException("not valid XML: " + message(e));
    }
    Found found = null;
    Deque<String> bases = new ArrayDeque<>();
    bases.push(url);
    Entry entry = null;
    int depth = 0;
    try {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String base = bases.peek();
          String xmlBase = r.getAttributeValue(XML_NS, "base");
          if (xmlBase != null) {
            base = Urls.resolve(base, xmlBase).orElse(base);
          }
          bases.push(base);
          String name = r.getLocalName().toLowerCase(Locale.ROOT);
          if (found == null) {
            Optional<Found.Kind> kind = kindOf(name);
            if (kind.isEmpty()) {
              throw new SourceException("not a feed or sitemap: the root element is <"
                  + r.getLocalName() + ">");
            }
            found = new Found(kind.get());
            continue;
          }
          switch (found.kind) {
            case RSS, RDF, ATOM -> entry = feedElement(r, name, base, entry, found);
            case SITEMAP, SITEMAP_INDEX -> {
              if (name.equals("loc") && depth == 3) {
                String loc = text(r);
                depth--;
                bases.pop();
                Optional<String> host = Urls.host(url);
                if (found.kind == Found.Kind.SITEMAP) {
                  found.article(base, loc, host);
                } else {
                  found.sitemap(base, loc, host);
                }
              }
            }
            default -> throw new IllegalStateException(found.kind.name());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          bases.pop();
          String name = r.getLocalName().toLowerCase(Locale.ROOT);
          if (entry != null && (name.equals("item") || name.equals("entry"))) {
            if (entry.link().isPresent()) {
              found.articleResolved(entry.link().get());
            }
            entry = null;
          }
        }
      }
    } catch (XMLStreamException e) {
      if (found == null) {
        throw new SourceException("not valid XML: " + message(e));
      }
      found.warnings.add("XML error" + line(e) + ": " + message(e) + "; kept the "
          + found.articles.size() + " links read before it");
    } finally {
      try {
        r.close();
      } catch (XMLStreamException e) {
        // nothing held
      }
    }
    if (found == null) {
      throw new SourceException("not valid XML: no root element");
    }
    found.summarizeRefused();
    return found;
  }

  /** One feed item or entry while it is read: its best link so far. */
  private static final class Entry {
    private String link;
    private int rank = Integer.MAX_VALUE;

    void offer(String url, int rank) {
      if (rank < this.rank) {
        this.link = url;
        this.rank = rank;
      }
    }

    Optional<String> link() {
      return Optional.ofNullable(link);
    }
  }

  /**
   * An element of a feed. An item's (entry's) link is, best first: an RSS {@code <link>} text or
   * Atom {@code <link rel="alternate">}, an RDF {@code rdf:about}, a permalink {@code <guid>}.
   */
  private static Entry feedElement(XMLStreamReader r, String name, String base, Entry entry,
      Found found) throws XMLStreamException {
    if (name.equals("item") || name.equals("entry")) {
      Entry e = new Entry();
      String about = r.getAttributeValue("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about");
      if (about != null) {
        found.resolveInto(base, about).ifPresent(u -> e.offer(u, 2));
      }
      return e;
    }
    if (name.equals("link")) {
      String href = r.getAttributeValue(null, "href");
      String rel = Optional.ofNullable(r.getAttributeValue(null, "rel")).orElse("alternate")
          .strip().toLowerCase(Locale.ROOT);
      if (href != null) {
        if (entry != null && rel.equals("alternate")) {
          String type = Optional.ofNullable(r.getAttributeValue(null, "type")).orElse("text/html");
          int rank = type.contains("html") ? 0 : 1;
          found.resolveInto(base, href).ifPresent(u -> entry.offer(u, rank));
        } else if (entry == null && rel.equals("next")) {
          found.next(base, href);
        }
      } else if (entry != null) {
        String text = text(r);
        found.resolveInto(base, text).ifPresent(u -> entry.offer(u, 0));
      }
    } else if (name.equals("guid") && entry != null) {
      boolean permalink = !"false".equalsIgnoreCase(
          Optional.ofNullable(r.getAttributeValue(null, "isPermaLink")).orElse("true").strip());
      String text = text(r);
      if (permalink && Urls.scheme(text).isPresent()) {
        found.resolveInto(base, text).ifPresent(u -> entry.offer(u, 3));
      }
    }
    return entry;
  }

  /** The text of a text-only element (consumes its end tag). */
  private static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int level = 1;
    while (level > 0) {
      int e = r.next();
      switch (e) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            sb.append(r.getText());
        case XMLStreamConstants.START_ELEMENT -> level++;
        case XMLStreamConstants.END_ELEMENT -> level--;
        case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
            "entity &" + r.getLocalName() + "; is not expanded (no DTD is read)", r.getLocation());
        default -> { }
      }
    }
    return sb.toString().strip();
  }

  private static String line(XMLStreamException e) {
    return e.getLocation() == null || e.getLocation().getLineNumber() < 0 ? ""
        : " at line " + e.getLocation().getLineNumber();
  }

  private static String message(XMLStreamException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    // The JDK's messages start with "ParseError at [row,col]:[..]\nMessage: ...".
    int i = m.indexOf("Message: ");
    String s = i >= 0 ? m.substring(i + 9) : m;
    return s.lines().findFirst().orElse(s).strip();
  }
}
