package samizdat.site.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import samizdat.site.model.SiteLayout;

/**
 * Copies files into the site: the templates' {@code assets/} (CSS, scripts, icons) and the images
 * of {@code content/media} (into hash-bucketed folders). A copy is fingerprinted by its source's
 * size and mtime, so unchanged images are not even read.
 */
public final class FileCopyRenderer implements PageRenderer {
  private final List<String> media;
  private final Path mediaDir;

  public FileCopyRenderer(Path mediaDir, List<String> media) {
    this.mediaDir = mediaDir;
    this.media = media;
  }

  @Override
  public List<Page> pages(RenderContext context) throws IOException {
    List<Page> pages = new ArrayList<>();
    Templates templates = context.templates();
    Path assets = templates.root().resolve("assets");
    if (Files.isDirectory(assets)) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(assets)) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
      for (Path file : files) {
        String rel = templates.relative(file);
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !SiteLayout.isSafeName(name)) {
          context.progress().warn(file + ": asset file name is not [a-z0-9._-], not copied");
          continue;
        }
        pages.add(copy(context, rel, file));
      }
    }
    for (String name : media) {
      pages.add(copy(context, SiteLayout.media(name), mediaDir.resolve(name)));
    }
    return pages;
  }

  private static Page copy(RenderContext context, String path, Path source) {
    return new Page() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public byte[] fingerprint() {
        try {
          BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
          return context.fingerprint().add("copy").add(source.toString()).add(a.size())
              .add(a.lastModifiedTime().toMillis()).done();
        } catch (IOException e) {
          return context.fingerprint().add("copy-unreadable").add(source.toString()).done();
        }
      }

      @Override
      public byte[] render() throws IOException {
        return Files.readAllBytes(source);
      }
    };
  }
}
