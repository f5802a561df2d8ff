package samizdat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentException;
import samizdat.content.ContentStore;
import samizdat.ingest.Ingester.Outcome;
import samizdat.ingest.Ingester.Status;

/**
 * The ordered part of ingesting (see {@link InOrder}): whether a prepared page duplicates a
 * source before it or a stored article, and if not, writing it. Called from one thread at a time,
 * in source order, so the same sources always give the same files and the same report.
 */
final class ArticleCommitter {
  private final ContentStore store;
  private final DuplicateIndex duplicates;
  private final Gzip gzip = new Gzip();
  /** The time recorded as first-ingest time of new articles. */
  private final Instant now;
  /** Ids taken in this run, and by which source. */
  private final Map<String, String> claimed = new HashMap<>();

  ArticleCommitter(ContentStore store, Instant now) {
    this.store = store;
    this.duplicates = new DuplicateIndex(store);
    this.now = now;
  }

  Outcome commit(PreparedPage p) throws SourceFailure, IOException {
    String id = p.id();
    String label = p.label();
    String other = claimed.putIfAbsent(id, label);
    if (other != null) {
      return new Outcome(label, Status.DUPLICATE, Optional.of(id),
          "same article as " + other + " (id " + id + "); not added again");
    }
    Optional<ArticleMeta> existing = p.existing();
    if (existing.isEmpty()) {
      Optional<String> same = duplicates.findOrAdd(id, p.page().title(), p.markdown());
      if (same.isPresent()) {
        String added = addFacts(same.get(), p.url(), p.host(), p.published());
        return new Outcome(label, Status.DUPLICATE, Optional.of(same.get()),
            "same article as " + same.get() + " (already ingested from another source); not added again"
                + added);
      }
    }

    String rawSha = ArticleFacts.sha256(p.raw());
    Instant first = existing.map(ArticleMeta::firstIngested).orElse(now);
    // A source that lacks the URL or date (a saved page) never erases what is already known.
    Optional<String> knownUrl = p.url().or(() -> existing.flatMap(ArticleMeta::url));
    Optional<String> knownSite = p.url().isPresent() ? p.host() : existing.flatMap(ArticleMeta::site);
    Optional<LocalDate> knownDate = p.published().or(() -> existing.flatMap(ArticleMeta::published));
    ArticleExtractor.Extracted ex = p.page();
    ArticleMeta meta = new ArticleMeta(id, ex.title(), knownUrl, knownSite, ex.language(), knownDate,
        ex.authors(), ex.source(), ex.tags(), p.images().leadRef(), ex.related(), p.images().refs(),
        ex.translations(), p.profile().name(), rawSha, first);

    p.images().writeAll();
    if (existing.isEmpty()) {
      // New: nothing to compare with. Metadata last, as ContentStore does: an article exists
      // for readers (and for later runs) only once its JSON is there, so the JSON alone needs the
      // temp file and rename. The raw page and body are created directly: where there was no
      // article there is no good file to lose, and a crash before the JSON leaves only files
      // that nothing reads and that the next run replaces (atomically, since they are there).
      store.writes().createOrReplace(store.rawFile(id), gzip.compress(p.raw()));
      store.writes().createOrReplace(store.bodyFile(id), p.body());
      store.writes().write(store.metaFile(id), store.json().toBytes(meta), false);
      return new Outcome(label, Status.INGESTED, Optional.of(id), "");
    }
    boolean changed = false;
    // The raw file itself is checked, not only the metadata's word for it: a run killed
    // between the two, or an older run's files, must not pass for "unchanged" forever.
    if (!existing.get().rawSha256().equals(rawSha) || !storedRawIs(id, p.raw())) {
      changed = store.writes().writeIfChanged(store.rawFile(id), gzip.compress(p.raw()));
    }
    // What changed, for the report: the stored body is read for a re-ingest and when the
    // metadata changed (an unchanged re-run of ingest, the common case, reads no body).
    boolean metaChanged = !existing.get().equals(meta);
    boolean readBody = metaChanged || p.reread();
    boolean bodyChanged = readBody && !sameBody(id, p.body());
    boolean written = store.write(new Article(meta, p.markdown()));
    bodyChanged |= written && !readBody;
    changed |= written;
    String why = changed ? Changes.describe(existing.get(), meta, bodyChanged) : "";
    return new Outcome(label, changed ? Status.UPDATED : Status.UNCHANGED, Optional.of(id), why);
  }

  /** True when the stored raw page of {@code id} unpacks to exactly these bytes. */
  private boolean storedRawIs(String id, byte[] raw) {
    try (InputStream in = Files.newInputStream(store.rawFile(id))) {
      return Arrays.equals(Gzip.decompress(in, raw.length + 1L), raw);
    } catch (IOException | RuntimeException e) {
      return false; // missing, torn or not gzip: written again
    }
  }

  /** True when the stored body of {@code id} has exactly these bytes. */
  private boolean sameBody(String id, byte[] body) {
    try {
      return Arrays.equals(Files.readAllBytes(store.bodyFile(id)), body);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Gives an already stored article the URL and date a duplicate source knows and it lacks
   * (a saved page first, its live URL later). Returns a note for the report, empty if nothing.
   */
  private String addFacts(String id, Optional<String> url, Optional<String> host,
      Optional<LocalDate> published) throws IOException {
    Optional<ArticleMeta> stored;
    try {
      stored = store.readMeta(id);
    } catch (ContentException e) {
      return "";
    }
    if (stored.isEmpty()) {
      return "";
    }
    ArticleMeta m = stored.get();
    boolean addUrl = m.url().isEmpty() && url.isPresent();
    boolean addDate = m.published().isEmpty() && published.isPresent();
    if (!addUrl && !addDate) {
      return "";
    }
    ArticleMeta merged = new ArticleMeta(m.id(), m.title(), addUrl ? url : m.url(),
        addUrl ? host : m.site(), m.language(), addDate ? published : m.published(), m.authors(),
        m.source(), m.tags(), m.image(), m.related(), m.images(), m.translations(), m.profile(),
        m.rawSha256(), m.firstIngested());
    store.writes().writeIfChanged(store.metaFile(id), store.json().toBytes(merged));
    return "; gave it this source's " + (addUrl && addDate ? "URL and date" : addUrl ? "URL" : "date");
  }
}
