package samizdat.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import samizdat.io.FileWrites;
import samizdat.io.SyncBatch;

/**
 * The content folder: {@code articles/<id>.json} and {@code articles/<id>.md}, {@code
 * raw/<id>.html.gz} (the page as fetched) and {@code media/} (images named by content hash).
 *
 * <p>Reads and writes are independent per article, so one store may be used from several threads.
 */
public final class ContentStore {
  private final Path root;
  private final ContentJson json = new ContentJson();
  private final FileWrites writes;
  private final SyncBatch unsynced = new SyncBatch();

  public ContentStore(Path root) {
    this(root, FileWrites.ATOMIC);
  }

  /** A store whose files are written through {@code writes} (tests: a disk that fills up). */
  public ContentStore(Path root, FileWrites writes) {
    this.root = root;
    this.writes = FileWrites.recording(writes == FileWrites.ATOMIC ? writes : FileWrites.naming(writes),
        unsynced);
  }

  /**
   * Forces every file written through this store since the last call, and their folders, to the
   * device (docs/safety.md: once per batch of articles, not per file).
   */
  public void sync() throws IOException {
    unsynced.sync();
  }

  /** How many written files wait for {@link #sync}. */
  public int unsynced() {
    return unsynced.pending();
  }

  /** How this store's files are written; writers of content files go through it. */
  public FileWrites writes() {
    return writes;
  }

  public Path root() {
    return root;
  }

  public Path articlesDir() {
    return root.resolve("articles");
  }

  public Path rawDir() {
    return root.resolve("raw");
  }

  public Path mediaDir() {
    return root.resolve("media");
  }

  public Path metaFile(String id) {
    return articlesDir().resolve(id + ".json");
  }

  public Path bodyFile(String id) {
    return articlesDir().resolve(id + ".md");
  }

  public Path rawFile(String id) {
    return rawDir().resolve(id + ".html.gz");
  }

  public ContentJson json() {
    return json;
  }

  /** Ids of all articles that have a metadata file, sorted. Empty when the folder does not exist. */
  public List<String> ids() throws IOException {
    if (!Files.isDirectory(articlesDir())) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(articlesDir())) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(ArticleIds::isValid)
          .forEach(ids::add);
    }
    ids.sort(null);
    return ids;
  }

  /** The metadata of {@code id}, or empty when there is no such article. */
  public Optional<ArticleMeta> readMeta(String id) throws ContentException {
    Path file = metaFile(id);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ContentException(file, "cannot read: " + e.getMessage(), e);
    }
    try {
      ArticleMeta meta = json.readMeta(bytes);
      if (!meta.id().equals(id)) {
        throw new ContentException(file, "id \"" + meta.id() + "\" does not match the file name", null);
      }
      return Optional.of(meta);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new ContentException(file, "invalid article metadata: " + msg, e);
    }
  }

  /** Reads a whole article; fails when either file is missing or invalid. */
  public Article read(String id) throws ContentException {
    ArticleMeta meta = readMeta(id).orElseThrow(
        () -> new ContentException(metaFile(id), "no such article", null));
    Path body = bodyFile(id);
    try {
      return new Article(meta, Files.readString(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ContentException(body, "cannot read article body: " + e.getMessage(), e);
    }
  }

  /**
   * Writes an article's two files atomically, each only when its bytes differ.
   *
   * @return true if any file changed
   */
  public boolean write(Article article) throws IOException {
    String id = article.id();
    boolean body = writes.writeIfChanged(bodyFile(id),
        article.bodyMarkdown().getBytes(StandardCharsets.UTF_8));
    // Metadata last: an article "exists" for readers once its JSON is there.
    boolean meta = writes.writeIfChanged(metaFile(id), json.toBytes(article.meta()));
    return body || meta;
  }
}
