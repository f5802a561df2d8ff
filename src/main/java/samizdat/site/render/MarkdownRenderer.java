package samizdat.site.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;
import samizdat.content.Article;
import samizdat.site.model.SiteLayout;

/**
 * Renders an article body (untrusted CommonMark) to safe HTML. Raw HTML is escaped to text; links
 * survive only when they are http(s), mailto or relative; images show only when they are local
 * files of {@code content/media} (a remote image would be a network request), and are pointed at
 * their copy in the site. External links are marked as leaving the archive.
 *
 * <p>Thread-safe: the parser and renderers are configured once and shared.
 */
public final class MarkdownRenderer {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x20\\x7f]");

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer html;
  /** The note shown where an image was not saved ("图片未保存"). */
  private final String missingImage;

  public MarkdownRenderer() {
    this("图片 image");
  }

  public MarkdownRenderer(String missingImage) {
    this.missingImage = missingImage;
    this.html = HtmlRenderer.builder()
        .escapeHtml(true)
        .sanitizeUrls(true)
        .urlSanitizer(new Sanitizer())
        .attributeProviderFactory(context -> new ExternalLinks())
        .nodeRendererFactory(FigureRenderer::new)
        .build();
  }

  /**
   * A body as HTML and as plain text (for search). The HTML is made when first asked for: the
   * search index only wants the text, and rendering HTML it would throw away cost a fifth of its
   * Markdown time. Used by one thread.
   */
  static final class Rendered {
    private final Node doc;
    private final HtmlRenderer renderer;
    private final String plainText;
    private String html;

    private Rendered(Node doc, HtmlRenderer renderer, String plainText) {
      this.doc = doc;
      this.renderer = renderer;
      this.plainText = plainText;
    }

    /** The body as safe HTML. */
    String html() {
      if (html == null) {
        html = renderer.render(doc);
      }
      return html;
    }

    /** The words a reader sees (empty unless asked for when rendering). */
    String plainText() {
      return plainText;
    }
  }

  /**
   * Renders {@code markdown} for the page at {@code pagePath}.
   *
   * @param hasMedia whether a file of {@code content/media} exists (and will be copied)
   */
  Rendered render(String markdown, String pagePath, Predicate<String> hasMedia, boolean wantText) {
    Node doc = parse(markdown, pagePath, hasMedia);
    return new Rendered(doc, html, wantText ? plainText(doc) : "");
  }

  /**
   * Only {@link Rendered#plainText} of {@link #render}: the search index needs the text of every
   * body and rendering the HTML as well would cost it a third more.
   */
  String plainText(String markdown, String pagePath, Predicate<String> hasMedia) {
    return plainText(parse(markdown, pagePath, hasMedia));
  }

  /** The parsed body with its links and images made safe and relative to {@code pagePath}. */
  private Node parse(String markdown, String pagePath, Predicate<String> hasMedia) {
    Node doc = parser.parse(markdown);
    Rewriter rewriter = new Rewriter(pagePath, hasMedia, missingImage);
    doc.accept(rewriter);
    rewriter.rewriteImages();
    return doc;
  }

  /** The words a reader sees: text and code, blocks separated by newlines, no URLs or markup. */
  private static String plainText(Node doc) {
    StringBuilder sb = new StringBuilder();
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Text t) {
        sb.append(t.getLiteral());
      }

      @Override
      public void visit(org.commonmark.node.Code c) {
        sb.append(c.getLiteral());
      }

      @Override
      public void visit(org.commonmark.node.SoftLineBreak b) {
        sb.append(' ');
      }

      @Override
      public void visit(org.commonmark.node.HardLineBreak b) {
        sb.append('\n');
      }

      @Override
      public void visit(org.commonmark.node.Paragraph p) {
        visitChildren(p);
        sb.append('\n');
      }

      @Override
      public void visit(CustomBlock b) {
        visitChildren(b);
        sb.append('\n');
      }

      @Override
      public void visit(org.commonmark.node.Heading h) {
        visitChildren(h);
        sb.append('\n');
      }

      @Override
      public void visit(org.commonmark.node.FencedCodeBlock c) {
        sb.append(c.getLiteral()).append('\n');
      }

      @Override
      public void visit(org.commonmark.node.IndentedCodeBlock c) {
        sb.append(c.getLiteral()).append('\n');
      }
    });
    return sb.toString().strip();
  }

  /** The media file names a body refers to ({@code ../media/FILE}), in order. */
  List<String> mediaFiles(String markdown) {
    List<String> files = new ArrayList<>();
    parser.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(Image image) {
        mediaName(image.getDestination()).ifPresent(files::add);
        visitChildren(image);
      }
    });
    return files;
  }

  static java.util.Optional<String> mediaName(String destination) {
    if (destination.startsWith(Article.MEDIA_PREFIX)) {
      String name = destination.substring(Article.MEDIA_PREFIX.length());
      if (SiteLayout.isSafeName(name)) {
        return java.util.Optional.of(name);
      }
    }
    return java.util.Optional.empty();
  }

  /** True for links a reader may follow: http(s), mailto, or relative (no scheme). */
  static boolean isAllowedLink(String url) {
    String u = CONTROL.matcher(url).replaceAll("");
    var m = SCHEME.matcher(u);
    if (!m.find()) {
      return !u.startsWith("//") && !u.startsWith("\\");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
  }

  private static final class Rewriter extends AbstractVisitor {
    private final String pagePath;
    private final Predicate<String> hasMedia;
    private final String missingImage;
    /** Images found; rewritten after the walk, as that moves their neighbours. */
    private final List<Image> images = new ArrayList<>();

    Rewriter(String pagePath, Predicate<String> hasMedia, String missingImage) {
      this.pagePath = pagePath;
      this.hasMedia = hasMedia;
      this.missingImage = missingImage;
    }

    @Override
    public void visit(Link link) {
      visitChildren(link);
      if (!isAllowedLink(link.getDestination()) || link.getDestination().startsWith("/")) {
        unwrap(link);
      }
    }

    /**
     * An image alone in its paragraph becomes a figure, and the paragraph after it that is all
     * emphasis (how ingest writes a figure's caption) its caption, shown as small plain text. An
     * image that was not saved leaves a short note instead, and its caption joins the note rather
     * than standing alone under nothing.
     */
    @Override
    public void visit(Image image) {
      images.add(image);
    }

    void rewriteImages() {
      for (Image image : images) {
        rewrite(image);
      }
    }

    private void rewrite(Image image) {
      String dest = image.getDestination();
      var local = mediaName(dest).filter(hasMedia);
      Node parent = image.getParent();
      boolean alone = parent instanceof Paragraph && parent.getFirstChild() == image && image.getNext() == null;
      Paragraph caption = alone ? captionAfter(parent) : null;
      if (local.isPresent()) {
        image.setDestination(SiteLayout.href(pagePath, SiteLayout.media(local.get())));
        if (alone) {
          Figure figure = new Figure();
          parent.insertBefore(figure);
          figure.appendChild(image);
          parent.unlink();
          if (caption != null) {
            Caption c = new Caption();
            moveChildren(caption.getFirstChild(), c);
            figure.appendChild(c);
            caption.unlink();
          }
        }
        return;
      }
      // Not available offline: show the alt text (or the caption), and the original address as a
      // link when it is a web address (marked external by the attribute provider).
      String alt = altText(image).strip();
      Node note = alone ? new MissingImage() : null;
      if (caption != null) {
        String captionText = altText(caption).strip();
        alt = captionText.isEmpty() ? alt : captionText;
        caption.unlink();
      }
      Node replacement;
      if (SiteLayout.isExternal(dest)) {
        Link link = new Link(dest, null);
        link.appendChild(new Text("[" + missingImage + "]"));
        replacement = link;
      } else {
        replacement = new Text("[" + missingImage + "]");
      }
      if (note != null) {
        parent.insertBefore(note);
        note.appendChild(replacement);
        if (!alt.isEmpty()) {
          note.appendChild(new Text(" " + alt));
        }
        parent.unlink();
      } else {
        image.insertBefore(replacement);
        if (!alt.isEmpty()) {
          image.insertBefore(new Text(" " + alt));
        }
        image.unlink();
      }
    }

    /** The paragraph right after {@code figure} when it is all emphasis: the figure's caption. */
    private static Paragraph captionAfter(Node figure) {
      if (figure.getNext() instanceof Paragraph p && p.getFirstChild() instanceof Emphasis
          && p.getFirstChild() == p.getLastChild()) {
        return p;
      }
      return null;
    }

    /** Moves the children of {@code emphasis} into {@code target}. */
    private static void moveChildren(Node emphasis, Node target) {
      Node child = emphasis.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        target.appendChild(child);
        child = next;
      }
    }

    private static String altText(Node node) {
      StringBuilder sb = new StringBuilder();
      node.accept(new AbstractVisitor() {
        @Override
        public void visit(Text text) {
          sb.append(text.getLiteral());
        }
      });
      return sb.toString();
    }

    private static void unwrap(Node node) {
      Node child = node.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        node.insertBefore(child);
        child = next;
      }
      node.unlink();
    }
  }

  /** An image alone in its paragraph, with its caption if it has one. */
  static final class Figure extends CustomBlock {}

  /** A figure's caption. */
  static final class Caption extends CustomBlock {}

  /** Where an image was not saved: a short note with its caption or alt text. */
  static final class MissingImage extends CustomBlock {}

  /** Renders figures as {@code <figure>} with {@code <figcaption>}, missing images as a note. */
  private static final class FigureRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter out;

    FigureRenderer(HtmlNodeRendererContext context) {
      this.context = context;
      this.out = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Figure.class, Caption.class, MissingImage.class);
    }

    @Override
    public void render(Node node) {
      String tag = node instanceof Figure ? "figure" : node instanceof Caption ? "figcaption" : "p";
      out.line();
      out.tag(tag, node instanceof MissingImage ? Map.of("class", "image-missing") : Map.of());
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
      out.tag("/" + tag);
      out.line();
    }
  }

  private static final class Sanitizer implements UrlSanitizer {
    @Override
    public String sanitizeLinkUrl(String url) {
      return isAllowedLink(url) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
      // Images were rewritten to local relative paths; anything else is dropped.
      return isAllowedLink(url) && !SiteLayout.isExternal(url) ? url : "";
    }
  }

  private static final class ExternalLinks implements AttributeProvider {
    private static final Set<String> LINK_TAGS = Set.of("a");

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (LINK_TAGS.contains(tagName) && SiteLayout.isExternal(attributes.getOrDefault("href", ""))) {
        attributes.put("class", "external");
        attributes.put("rel", "external noopener noreferrer");
        attributes.put("title", "离开本存档 Leaves the archive");
      }
      if (node instanceof Image) {
        attributes.put("loading", "lazy");
      }
    }
  }
}
