package samizdat.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import samizdat.search.SearchDocument;
import samizdat.search.SearchIndex;

/**
 * The offline search index files, made by {@link SearchIndex}. The index is computed only when
 * some article's searchable content (or the index code) changed since the previous build; then the
 * documents are handed over as a list that reads each body when asked, so bodies never all sit in
 * memory at once. Files the index no longer lists are removed like any stale page.
 */
final class SearchRenderer implements PageRenderer {
  private final BuildState previous;
  private final byte[] searchCodeFingerprint;

  SearchRenderer(BuildState previous, byte[] searchCodeFingerprint) {
    this.previous = previous;
    this.searchCodeFingerprint = searchCodeFingerprint;
  }

  @Override
  public List<Page> pages(RenderContext context) {
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
        reusable &= java.util.Arrays.equals(e.getValue().fingerprint(), inputs);
      }
    }
    Index index = new Index(context);
    List<String> paths;
    if (reusable && !previousFiles.isEmpty()) {
      paths = previousFiles; // same inputs: the same files; computed only if one went missing
    } else {
      paths = new ArrayList<>(index.files().keySet());
    }
    paths.sort(null);
    List<Page> pages = new ArrayList<>(paths.size());
    for (String path : paths) {
      pages.add(new Page() {
        @Override
        public String path() {
          return path;
        }

        @Override
        public byte[] fingerprint() {
          return inputs;
        }

        @Override
        public byte[] render() {
          byte[] bytes = index.files().get(path);
          if (bytes == null) {
            throw new IllegalStateException("search index did not produce " + path);
          }
          return bytes;
        }
      });
    }
    return pages;
  }

  /** The index, computed at most once, on first use. */
  private static final class Index {
    private final RenderContext context;
    private SortedMap<String, byte[]> files;

    Index(RenderContext context) {
      this.context = context;
    }

    synchronized SortedMap<String, byte[]> files() {
      if (files == null) {
        List<Doc> docs = context.site().list;
        files = new SearchIndex().build(new LazyDocuments(context, docs));
        for (String path : files.keySet()) {
          SiteLayout.checkPath(path);
          if (!path.startsWith("search/") || path.equals(SiteLayout.SEARCH)) {
            throw new IllegalStateException("search index file outside search/: " + path);
          }
        }
      }
      return files;
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
