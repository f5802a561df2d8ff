package samizdat.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import samizdat.io.Progress;

/**
 * What {@code samizdat ingest}'s arguments name, as pages to read: URLs, files, and the pages
 * under folders, in a fixed order (see {@link Walk}). Bad arguments become failed outcomes in
 * their place; the walk never reads a page, so the workers can start on the first one found.
 */
final class SourceFinder {
  private static final List<String> DIRECTORY_SUFFIXES =
      List.of(".html", ".htm", ".xhtml", ".html.gz", ".mhtml", ".mht", ".webarchive");
  /** The folder beside a saved page that holds its images and frames: {@code <page>_files/}. */
  static final List<String> SAVED_FILES_FOLDERS = List.of("_files", ".files");
  /** Pages a browser saves with a {@code <page>_files/} folder beside them. */
  private static final List<String> SAVED_PAGE_SUFFIXES = List.of(".html", ".htm", ".xhtml");

  /** The content folder being written: never a source, wherever a walk meets it. */
  private final Path content;

  SourceFinder(Path contentRoot) {
    this.content = contentRoot.toAbsolutePath().normalize();
  }

  /**
   * Where {@link #expand} puts what it finds, in source order: pages to ingest, and sources that
   * failed before any page was read (a bad URL, a missing file, an unreadable folder). Called on
   * one thread.
   */
  interface Sources {
    void page(Source source);

    void failed(Ingester.Outcome failure);

    /** Pages and failures so far. */
    int count();
  }

  void expand(List<String> args, Sources found, Progress progress) {
    for (String arg : args) {
      if (arg.regionMatches(true, 0, "http://", 0, 7) || arg.regionMatches(true, 0, "https://", 0, 8)) {
        try {
          URI uri = new URI(arg.strip());
          if (uri.getHost() == null) {
            throw new URISyntaxException(arg, "no host");
          }
          found.page(new Source(arg, Optional.empty(), Optional.of(uri)));
        } catch (URISyntaxException e) {
          found.failed(Ingester.fail(arg, "not a valid URL: " + e.getReason()));
        }
        continue;
      }
      Path p;
      try {
        p = Path.of(arg);
      } catch (InvalidPathException e) {
        found.failed(Ingester.fail(arg, "not a valid path: " + e.getReason()));
        continue;
      }
      if (Files.isDirectory(p)) {
        int before = found.count();
        new Walk(p, found).run();
        if (found.count() == before) {
          progress.warn(arg + ": no pages (*.html, *.htm, *.xhtml, *.html.gz, *.mhtml, *.mht, *.webarchive) in this folder");
        }
      } else if (Files.exists(p) || Files.isSymbolicLink(p)) {
        found.page(new Source(arg, Optional.of(p), Optional.empty()));
      } else {
        found.failed(Ingester.fail(arg, "no such file or directory"));
      }
    }
  }

  /**
   * The pages under one folder, handed on one by one as they are found, in the order of their
   * paths (so a folder is read in the same order every time, on any file system). Children are
   * sorted by name with a folder's name taken as "name/", which puts each folder's pages where
   * they fall among all paths, and the walk can hand on a page before it has seen the rest of the
   * tree. Links are followed (a linked folder of pages is still pages); a link back to a folder
   * above is reported as a loop. Hidden files and folders, our own content folder, and the
   * {@code <page>_files/} folder a browser saves beside a page are not sources.
   */
  private final class Walk {
    private final Path top;
    private final Sources found;
    /** The file keys of the folders from {@link #top} down to the current one. */
    private final List<Object> above = new ArrayList<>();

    Walk(Path top, Sources found) {
      this.top = top;
      this.found = found;
    }

    /** One directory entry, with its attributes (links followed) and its sort key. */
    private record Entry(Path path, BasicFileAttributes attrs, String key) {}

    void run() {
      if (top.toAbsolutePath().normalize().equals(content)) {
        return;
      }
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(top, BasicFileAttributes.class);
      } catch (IOException e) {
        found.failed(Ingester.fail(top.toString(), "cannot read: " + Ingester.ioMessage(e)));
        return;
      }
      directory(top, attrs);
    }

    private void directory(Path dir, BasicFileAttributes attrs) {
      Object key = attrs.fileKey();
      if (key != null && above.contains(key)) {
        found.failed(Ingester.fail(dir.toString(), "a link back to a folder it is in (a loop); not followed"));
        return;
      }
      List<Entry> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        for (Path p : stream) {
          Optional<BasicFileAttributes> a = attributes(p);
          if (a.isPresent()) {
            String name = p.getFileName().toString();
            entries.add(new Entry(p, a.get(), a.get().isDirectory() ? name + "/" : name));
          }
        }
      } catch (IOException | DirectoryIteratorException e) {
        IOException io = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
        found.failed(Ingester.fail(dir.toString(), "cannot read: " + Ingester.ioMessage(io)));
        return;
      }
      entries.sort((x, y) -> compareCodePoints(x.key(), y.key()));
      above.add(key);
      for (Entry e : entries) {
        String name = e.path().getFileName().toString();
        if (e.attrs().isDirectory()) {
          if (!name.startsWith(".") && !isSavedPagesFiles(e.path(), name)
              && !e.path().toAbsolutePath().normalize().equals(content)) {
            directory(e.path(), e.attrs());
          }
        } else if (e.attrs().isRegularFile() && !name.startsWith(".")) {
          String lower = name.toLowerCase(Locale.ROOT);
          for (String suffix : DIRECTORY_SUFFIXES) {
            if (lower.endsWith(suffix)) {
              found.page(new Source(e.path().toString(), Optional.of(e.path()), Optional.empty()));
              break;
            }
          }
        }
      }
      above.remove(above.size() - 1);
    }

    /** With links followed; a broken link is not a page, and is passed over as before. */
    private Optional<BasicFileAttributes> attributes(Path p) {
      try {
        return Optional.of(Files.readAttributes(p, BasicFileAttributes.class));
      } catch (IOException e) {
        try {
          BasicFileAttributes link = Files.readAttributes(p, BasicFileAttributes.class,
              LinkOption.NOFOLLOW_LINKS);
          if (link.isSymbolicLink()) {
            return Optional.empty();
          }
        } catch (IOException ignored) {
          // reported below
        }
        found.failed(Ingester.fail(p.toString(), "cannot read: " + Ingester.ioMessage(e)));
        return Optional.empty();
      }
    }

    /**
     * The {@code <page>_files/} folder a browser's "Save page as" writes beside the page: its
     * images are read with the page, and the frames saved in it (ads, share buttons) are not
     * articles to ingest. Also the walk's most folders: skipping them is a third of it.
     */
    private boolean isSavedPagesFiles(Path d, String name) {
      for (String folder : SAVED_FILES_FOLDERS) {
        if (name.endsWith(folder) && name.length() > folder.length()) {
          String stem = name.substring(0, name.length() - folder.length());
          for (String suffix : SAVED_PAGE_SUFFIXES) {
            if (Files.isRegularFile(d.resolveSibling(stem + suffix))) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }

  /**
   * Orders strings by code point, which for names in UTF-8 is the order of their bytes: the order
   * of paths on a Unix file system ({@code String.compareTo} orders by UTF-16 unit instead).
   */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
