package samizdat.mirror.zim;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.ViewBox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The 48×48 PNG Kiwix shows for the archive in its library ({@code M/Illustration_48x48@1}),
 * drawn from the site's icon: the {@code <link rel="icon">} of {@code index.html}, SVG (rendered
 * with JSVG) or any image ImageIO reads. Without a usable icon, a plain dark red square.
 */
final class Illustration {
  static final int SIZE = 48;
  private static final Pattern LINK = Pattern.compile("<link\\s[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern REL_ICON = Pattern.compile("\\brel\\s*=\\s*[\"']?[^\"'>]*\\bicon\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

  private Illustration() {}

  /** The PNG bytes. */
  static byte[] png(Path site, String mainPath, Consumer<String> warnings) throws IOException {
    BufferedImage image = icon(site, mainPath, warnings).orElseGet(Illustration::plain);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("this Java cannot write PNG images");
    }
    return out.toByteArray();
  }

  private static Optional<BufferedImage> icon(Path site, String mainPath, Consumer<String> warnings) {
    Optional<String> href = iconHref(site.resolve(mainPath));
    if (href.isEmpty()) {
      warnings.accept(mainPath + ": no <link rel=\"icon\">; the ZIM's illustration is a plain square");
      return Optional.empty();
    }
    String rel = href.get().replaceAll("[?#].*", "");
    Path file = site.resolve(mainPath).getParent().resolve(rel).normalize();
    if (rel.isEmpty() || rel.contains(":") || !file.startsWith(site.normalize()) || !Files.isRegularFile(file)) {
      warnings.accept(mainPath + ": icon " + href.get() + " is not a file of the site; the ZIM's illustration is a plain square");
      return Optional.empty();
    }
    try {
      return Optional.of(rel.toLowerCase(Locale.ROOT).endsWith(".svg") ? renderSvg(file) : scale(file));
    } catch (IOException | RuntimeException e) {
      warnings.accept(site.relativize(file) + ": cannot draw the icon (" + e.getMessage()
          + "); the ZIM's illustration is a plain square");
      return Optional.empty();
    }
  }

  static Optional<String> iconHref(Path page) {
    if (!Files.isRegularFile(page)) {
      return Optional.empty();
    }
    String head;
    try (InputStream in = Files.newInputStream(page)) {
      head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Matcher links = LINK.matcher(head);
    while (links.find()) {
      String tag = links.group();
      Matcher href = HREF.matcher(tag);
      if (REL_ICON.matcher(tag).find() && href.find()) {
        String v = href.group(1) != null ? href.group(1) : href.group(2) != null ? href.group(2) : href.group(3);
        return Optional.of(org.jsoup.parser.Parser.unescapeEntities(v, true));
      }
    }
    return Optional.empty();
  }

  private static BufferedImage renderSvg(Path file) throws IOException {
    SVGDocument doc;
    try (InputStream in = Files.newInputStream(file)) {
      doc = new SVGLoader().load(in, file.toUri(), LoaderContext.createDefault());
    }
    if (doc == null) {
      throw new IOException("not an SVG image JSVG can read");
    }
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      hints(g);
      doc.render(null, g, new ViewBox(0, 0, SIZE, SIZE));
    } finally {
      g.dispose();
    }
    return image;
  }

  private static BufferedImage scale(Path file) throws IOException {
    BufferedImage source = ImageIO.read(file.toFile());
    if (source == null) {
      throw new IOException("not an image format Java can read");
    }
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      hints(g);
      // Keep the aspect ratio, centred on a transparent square.
      double s = Math.min((double) SIZE / source.getWidth(), (double) SIZE / source.getHeight());
      int w = Math.max(1, (int) Math.round(source.getWidth() * s));
      int h = Math.max(1, (int) Math.round(source.getHeight() * s));
      g.drawImage(source, (SIZE - w) / 2, (SIZE - h) / 2, w, h, null);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static BufferedImage plain() {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(0x8b1e1e));
      g.fillRect(0, 0, SIZE, SIZE);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }
}
