package samizdat.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import samizdat.search.SearchDocument;
import samizdat.search.SearchIndex;

/**
 * The offline search index files, made by {@link SearchIndex}. The index is computed only when
 * some article's searchable content (or the index code) changed since the previous build; then the
 * documents are handed over as a list that reads each body when asked, and the index hands its
 * files over segment by segment straight to the writer, so neither all bodies nor the whole index
 * (hundreds of MB at 100,000 articles) ever sit in memory at once. Files the index no longer lists
 * are removed like any stale page.
 */
final class SearchRenderer {
  private final BuildState previous;
  private final byte[] searchCodeFingerprint;

  SearchRenderer(BuildState previous, byte[] searchCodeFingerprint) {
    this.previous = previous;
    this.searchCodeFingerprint = searchCodeFingerprint;
  }

  /**
   * Writes (or, when nothing it depends on changed and every file is still there, skips) every
   * index file through {@code writer}.
   *
   * @return one error line per file that could not be written
   */
  List<String> write(RenderContext context, OutputWriter writer) throws IOException {
    List<Doc> docs = context.site().list;
    Fingerprint fp = new Fingerprint().add("search").add(searchCodeFingerprint).add(docs.size());
    for (Doc d : docs) {
      fp.add(d.id()).add(d.path()).add(d.contentHash());
    }
    byte[] inputs = fp.done();
    List<String> previousFiles = new ArrayList<>();
    boolean reusable = true;
    for (var e : previous.files.entrySet()) {
      if (e.getKey().startsWith("search/") && !e.getKey().equals(SiteLayout.SEARCH)) {
        previousFiles.add(e.getKey());
        reusable &= java.util.Arrays.equals(e.getValue().fingerprint(), inputs)
            && writer.isIntact(e.getKey(), e.getValue());
      }
    }
    List<String> errors = new ArrayList<>();
    if (reusable && !previousFiles.isEmpty()) {
      // Same inputs, every file still there: the writer records them as unchanged.
      previousFiles.sort(null);
      for (String path : previousFiles) {
        writeOne(writer, new IndexFile(path, inputs, null), errors);
      }
      return errors;
    }
    new SearchIndex().write(new LazyDocuments(context, docs), (path, bytes) -> {
      SiteLayout.checkPath(path);
      if (!path.startsWith("search/") || path.equals(SiteLayout.SEARCH)) {
        throw new IllegalStateException("search index file outside search/: " + path);
      }
      writeOne(writer, new IndexFile(path, inputs, bytes), errors);
    });
    return errors;
  }

  private static void writeOne(OutputWriter writer, IndexFile file, List<String> errors) {
    try {
      writer.write(file);
    } catch (IOException | UncheckedIOException e) {
      String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      errors.add(file.path() + ": " + message);
    }
  }

  /** One index file; {@code bytes} is null for a file known to be unchanged. */
  private record IndexFile(String path, byte[] fingerprint, byte[] bytes) implements Page {
    @Override
    public byte[] render() {
      if (bytes == null) {
        throw new IllegalStateException("search index file " + path + " was expected unchanged");
      }
      return bytes;
    }
  }

  /** Search documents in list order, each body read and converted to text when asked for. */
  private static final class LazyDocuments extends AbstractList<SearchDocument> {
    private final RenderContext context;
    private final List<Doc> docs;

    LazyDocuments(RenderContext context, List<Doc> docs) {
      this.context = context;
      this.docs = docs;
    }

    @Override
    public SearchDocument get(int i) {
      Doc d = docs.get(i);
      String text;
      try {
        String markdown = Files.readString(d.bodyFile());
        text = context.markdown().render(markdown, d.path(), context.media()::contains, true).plainText();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Optional<LocalDate> published = d.meta().published();
      return new SearchDocument(d.id(), d.meta().title(), published, d.meta().tags(), text, d.path());
    }

    @Override
    public int size() {
      return docs.size();
    }
  }
}
