package samizdat.site.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentException;
import samizdat.content.ContentStore;
import samizdat.io.Progress;
import samizdat.site.state.BuildState;
import samizdat.site.state.Fingerprint;
import samizdat.site.state.InputsDigest;

/**
 * Reads every article's metadata through {@link ContentStore} (the content contract) and works out
 * each body's hash and text signature, reusing the previous build's values when the body file's
 * size and mtime are unchanged. A bad article becomes a one-line error naming its file; the others
 * still load.
 */
public final class ContentLoader {
  private final ContentStore store;
  private final BuildState previous;
  private final BuildState next;
  /** One term table per loading thread, reused from article to article. */
  private final ThreadLocal<TextSignature.LongIntMap> terms =
      ThreadLocal.withInitial(() -> new TextSignature.LongIntMap(2048));

  /** The articles that loaded (sorted by id) and one message per article that did not. */
  public record Loaded(List<Doc> docs, List<String> errors) {}

  public ContentLoader(ContentStore store, BuildState previous, BuildState next) {
    this.store = store;
    this.previous = previous;
    this.next = next;
  }

  /**
   * Loads the articles that {@code inputs} listed, trusting its file sizes and mtimes (taken
   * moments ago) to decide what the previous build's state still describes.
   */
  public Loaded load(InputsDigest.Digest inputs, Progress progress) {
    List<String> ids = inputs.ids();
    long[][] stats = inputs.stats();
    progress.start("reading content", ids.size());
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    Doc[] docs = new Doc[ids.size()];
    java.util.stream.IntStream.range(0, ids.size()).parallel().forEach(i -> {
      try {
        docs[i] = loadOne(ids.get(i), stats[i]).orElse(null);
      } catch (ContentException e) {
        errors.add(e.getMessage());
      } catch (RuntimeException e) {
        errors.add(store.metaFile(ids.get(i)) + ": " + e);
      }
      progress.advance(1);
    });
    progress.finish();
    List<Doc> loaded = new ArrayList<>(ids.size());
    for (Doc d : docs) {
      if (d != null) {
        loaded.add(d);
      }
    }
    List<String> errorList = new ArrayList<>(errors);
    Collections.sort(errorList);
    return new Loaded(loaded, errorList);
  }

  /** One article; {@code stat} as in {@link InputsDigest.Digest#stats}. */
  private Optional<Doc> loadOne(String id, long[] stat) throws ContentException {
    Optional<BuildState.MetaInfo> maybe = readMeta(id, stat[0], stat[1]);
    if (maybe.isEmpty()) {
      return Optional.empty(); // deleted while we listed
    }
    ArticleMeta meta = maybe.get().meta();
    Path body = store.bodyFile(id);
    BuildState.BodyInfo info;
    try {
      long size = stat[2];
      long mtime = stat[3];
      if (size < 0) {
        // gone or not a file: ask again, for the error message (or a body that just arrived)
        BasicFileAttributes attrs = Files.readAttributes(body, BasicFileAttributes.class);
        size = attrs.size();
        mtime = attrs.lastModifiedTime().toMillis();
      }
      BuildState.BodyInfo old = previous.bodies.get(id);
      if (old != null && previous.trust(old.size(), old.mtime(), size, mtime)) {
        info = old;
      } else {
        next.markChanged();
        byte[] bytes = Files.readAllBytes(body);
        String markdown = new String(bytes, StandardCharsets.UTF_8);
        byte[] hash = Fingerprint.hash128(bytes, 0, bytes.length);
        info = new BuildState.BodyInfo(size, mtime, hash, TextSignature.of(meta.title(), markdown, terms.get()),
            Excerpts.of(markdown));
      }
    } catch (IOException e) {
      throw new ContentException(body, "cannot read article body: " + e.getMessage(), e);
    }
    next.bodies.put(id, info);
    byte[] contentHash = new Fingerprint().add(maybe.get().digest()).add(info.hash()).done();
    String path = SiteLayout.article(id, meta.published());
    return Optional.of(Doc.of(meta, path, body, contentHash, info.signature(), info.excerpt()));
  }

  /** The metadata, from the previous build's state when the JSON file is unchanged. */
  private Optional<BuildState.MetaInfo> readMeta(String id, long size, long mtime) throws ContentException {
    if (size < 0) {
      // gone, or unreadable: let the store say which
      return store.readMeta(id).map(m -> new BuildState.MetaInfo(size, mtime, m, digest(m)));
    }
    BuildState.MetaInfo old = previous.metas.get(id);
    BuildState.MetaInfo info;
    if (old != null && previous.trust(old.size(), old.mtime(), size, mtime)) {
      info = old;
    } else {
      next.markChanged();
      Optional<ArticleMeta> read = store.readMeta(id);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      info = new BuildState.MetaInfo(size, mtime, read.get(), digest(read.get()));
    }
    next.metas.put(id, info);
    return Optional.of(info);
  }

  private static byte[] digest(ArticleMeta meta) {
    return new Fingerprint().add(meta).done();
  }

  /** The safe file names in {@code content/media}, sorted; others are reported and skipped. */
  public List<String> mediaFiles(Progress progress) throws IOException {
    Path dir = store.mediaDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .forEach(n -> {
            if (SiteLayout.isSafeName(n)) {
              names.add(n);
            } else {
              progress.warn(dir.resolve(n) + ": media file name is not [a-z0-9._-], not copied");
            }
          });
    }
    Collections.sort(names);
    return names;
  }
}
