package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentException;
import samizdat.content.ContentStore;
import samizdat.io.FatalIoException;
import samizdat.io.IoFailures;
import samizdat.io.Progress;

/**
 * {@code samizdat ingest}: turns pages (files, folders, URLs) into content files. Each source is
 * read, decoded, parsed once, matched to a site profile, cleaned and written as Markdown + JSON,
 * with the raw page gzipped beside them and its images in {@code media/}. Sources are read, parsed
 * and cleaned in parallel on a fixed pool, then decided on (new, changed, duplicate) and written in
 * source order ({@link InOrder}), so a run's files and report never depend on thread timing. One
 * failing source is reported and the others go on.
 *
 * <p>Every check happens before anything is written, and every file is written atomically, so a
 * failure never leaves a partial article. Files whose bytes would not change are not touched.
 */
public final class Ingester {
  private static final Pattern HTML_TAG = Pattern.compile(
      "<(?:!doctype|!--|html|head|body|meta|title|div|p|h[1-6]|article|section|span|a|table|ul|ol"
          + "|br|img|main|header|link|script|style|figure|strong|b|em|i)[\\s>/]",
      Pattern.CASE_INSENSITIVE);
  private static final int SNIFF = 65536;
  /** Written files after which they are synced: what a power cut can take is bounded by this. */
  private static final int SYNC_EVERY = 2000;
  private static final PageDecoder DECODER = new PageDecoder();
  private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

  /** What became of one source. */
  public enum Status { INGESTED, UPDATED, UNCHANGED, DUPLICATE, FAILED }

  /**
   * The result for one source.
   *
   * @param source the source as the user named it (path or URL)
   * @param status what happened
   * @param id the article id, when one was determined
   * @param message why it failed, or which article it duplicates; empty otherwise
   */
  public record Outcome(String source, Status status, Optional<String> id, String message) {
    public Outcome {
      requireNonNull(source, "source");
      requireNonNull(status, "status");
      requireNonNull(id, "id");
      requireNonNull(message, "message");
    }
  }

  /**
   * Settings of one run.
   *
   * @param url the URL of the page, for a single saved page that lacks it
   * @param date the publication date, for a single page that lacks it
   * @param jobs how many sources are processed at once
   * @param fetch HTTP settings; its page-size limit also applies to files
   * @param now the time recorded as first-ingest time of new articles
   */
  public record Options(Optional<String> url, Optional<LocalDate> date, int jobs,
      FetchSettings fetch, Instant now) {
    public Options {
      requireNonNull(url, "url");
      requireNonNull(date, "date");
      requireNonNull(fetch, "fetch");
      requireNonNull(now, "now");
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1");
      }
    }
  }

  /** Counts of a finished run. */
  public record Summary(int ingested, int updated, int unchanged, int duplicates, int failed) {
    /** The stdout summary line. */
    public String line() {
      return "ingested " + ingested + ", updated " + updated + ", unchanged " + unchanged
          + ", duplicates " + duplicates + ", failed " + failed;
    }
  }

  /** Receives each outcome as soon as it is known; called from worker threads. */
  @FunctionalInterface
  public interface Listener {
    void outcome(Outcome outcome);
  }

  private final ContentStore store;
  private final Profiles profiles;
  private final Options options;
  /** Made on first use: an HTTP client starts threads, which a run over local files never needs. */
  private HttpFetcher fetcher;
  private final MediaStore media;
  private final PageLoader loader;
  private final Gzip gzip = new Gzip();
  private final DuplicateIndex duplicates;
  /** Today, for metadata checks (a publication date in the future is not believed). */
  private final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
  /** Ids taken in this run, and by which source. Used in source order only (see InOrder). */
  private final Map<String, String> claimed = new HashMap<>();
  /** Ids on disk when the run started: new articles skip the probing of files that are not there. */
  private final Set<String> onDisk = ConcurrentHashMap.newKeySet();
  /** The first error after which nothing more can be written (a full disk): the run stops. */
  private final java.util.concurrent.atomic.AtomicReference<FatalIoException> stoppedBy =
      new java.util.concurrent.atomic.AtomicReference<>();
  /** The proxy that could not be used: the run stops, as nothing else would get through. */
  private final java.util.concurrent.atomic.AtomicReference<ProxyException> proxyDown =
      new java.util.concurrent.atomic.AtomicReference<>();
  /** Sources not done because the run stopped. */
  private final AtomicInteger notDone = new AtomicInteger();

  public Ingester(ContentStore store, Profiles profiles, Options options) {
    this.store = store;
    this.profiles = profiles;
    this.options = options;
    this.media = new MediaStore(store.mediaDir(), store.writes());
    this.loader = new PageLoader(this::fetcher, options.fetch().maxPageBytes());
    this.duplicates = new DuplicateIndex(store);
  }

  private synchronized HttpFetcher fetcher() {
    if (fetcher == null) {
      fetcher = new HttpFetcher(options.fetch());
    }
    return fetcher;
  }

  /** Sources are paths (files or folders) or http(s) URLs. */
  public Summary run(List<String> sources, Listener listener, Progress progress)
      throws InterruptedException {
    return runAll(found -> new SourceFinder(store.root()).expand(sources, found, progress), "ingest",
        listener, progress);
  }

  /**
   * {@code samizdat reingest}: every stored article read again from its kept raw page with the
   * current extractor and profiles, under its own id, keeping its URL, date and first-ingest
   * time where the page does not give them and its stored image copies. Only articles whose
   * files change are rewritten; an {@code updated} outcome says what changed. A page the
   * extractor now refuses fails and its article is kept as it was.
   */
  public Summary reingest(Listener listener, Progress progress) throws InterruptedException {
    return runAll(found -> {
      List<String> ids;
      try {
        ids = store.ids();
      } catch (IOException e) {
        throw new UncheckedIOException(store.articlesDir() + ": cannot list: " + ioMessage(e), e);
      }
      for (String id : ids) {
        Optional<ArticleMeta> stored;
        try {
          stored = store.readMeta(id);
        } catch (ContentException e) {
          found.failed(fail(id, e.getMessage()));
          continue;
        }
        Path raw = store.rawFile(id);
        if (stored.isEmpty() || !Files.isRegularFile(raw)) {
          found.failed(fail(id, "no raw page kept (" + raw + "); left as it is"));
          continue;
        }
        found.page(new Source(id, Optional.of(raw), Optional.empty(), stored));
      }
    }, "reingest", listener, progress);
  }

  private Summary runAll(java.util.function.Consumer<SourceFinder.Sources> expander, String task,
      Listener listener, Progress progress) throws InterruptedException {
    try {
      onDisk.addAll(store.ids());
    } catch (IOException e) {
      throw new UncheckedIOException(store.articlesDir() + ": cannot list: " + ioMessage(e), e);
    }
    AtomicInteger[] counts = new AtomicInteger[Status.values().length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new AtomicInteger();
    }
    Listener counting = o -> {
      counts[o.status().ordinal()].incrementAndGet();
      listener.outcome(o);
    };
    // The total is known once the folders are walked; the workers start on the first page found.
    progress.start(task, 0);
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), r -> {
      Thread t = new Thread(r, "samizdat-ingest");
      t.setDaemon(true);
      return t;
    });
    // Reading, parsing and cleaning run in parallel; deciding and writing run in source order
    // (see InOrder), so the same sources always give the same files and the same report.
    InOrder<Step> inOrder = new InOrder<>(step -> {
      Optional<Outcome> outcome = !stopped() ? commit(step) : Optional.empty();
      if (outcome.isPresent()) {
        counting.outcome(outcome.get());
      } else {
        notDone.incrementAndGet();
      }
      if (store.unsynced() >= SYNC_EVERY) {
        syncWritten();
      }
      progress.advance(1);
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      SourceFinder.Sources found = new SourceFinder.Sources() {
        private int next;

        @Override
        public void page(Source s) {
          int index = next++;
          futures.add(pool.submit(() -> inOrder.handIn(index, prepare(s, progress))));
        }

        @Override
        public void failed(Outcome failure) {
          inOrder.handIn(next++, new Failed(failure));
        }

        @Override
        public int count() {
          return next;
        }
      };
      expander.accept(found);
      progress.total(found.count());
      // One wait for the whole batch. Waiting on each task in turn woke this thread ten thousand
      // times a run, and made the worker that finished the task pay for each wake-up.
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        // still working
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("ingest worker failed", e.getCause());
        }
      }
      syncWritten();
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
    return new Summary(counts[0].get(), counts[1].get(), counts[2].get(), counts[3].get(),
        counts[4].get());
  }

  // ------------------------------------------------------------------ sources
  static Outcome fail(String source, String message) {
    return new Outcome(source, Status.FAILED, Optional.empty(), message);
  }

  static String ioMessage(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return HttpFetcher.message(e);
  }

  // ------------------------------------------------------------------ one page


  /** A source after its parallel part: an article to decide on and write, or its failure. */
  private sealed interface Step permits Prepared, Failed {}

  /** A source that failed before its turn. */
  private record Failed(Outcome outcome) implements Step {}

  /** A page read, cleaned and turned into Markdown: all that its turn needs. */
  private record Prepared(String label, byte[] raw, String markdown, byte[] body, String id,
      Optional<String> url, Optional<String> host, Optional<LocalDate> published,
      ArticleExtractor.Extracted page, PageImages images, SiteProfile profile,
      Optional<ArticleMeta> existing, boolean reread) implements Step {}

  private Step prepare(Source source, Progress progress) {
    if (stopped()) {
      return new Failed(fail(source.label(), "not done: the run stopped"));
    }
    try {
      return read(source, progress);
    } catch (ProxyException e) {
      proxyDown.compareAndSet(null, e);
      return new Failed(fail(source.label(), "not done: the run stopped"));
    } catch (SourceFailure | IOException | InterruptedException | RuntimeException | StackOverflowError e) {
      return new Failed(fail(source.label(), reason(e)));
    }
  }

  /** The outcome of a source's turn; empty when a fatal I/O error stopped the run on it. */
  private Optional<Outcome> commit(Step step) {
    if (step instanceof Failed f) {
      return Optional.of(f.outcome());
    }
    Prepared p = (Prepared) step;
    try {
      return Optional.of(decideAndWrite(p));
    } catch (IOException | UncheckedIOException e) {
      if (IoFailures.isFatal(e)) {
        stop(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        return Optional.empty();
      }
      return Optional.of(fail(p.label(), reason(e)));
    } catch (SourceFailure | RuntimeException | StackOverflowError e) {
      return Optional.of(fail(p.label(), reason(e)));
    }
  }

  private void stop(IOException io) {
    IOException named = IoFailures.about(store.root(), io);
    stoppedBy.compareAndSet(null, named instanceof FatalIoException f ? f
        : new FatalIoException(store.root().toString(), IoFailures.reason(io), io));
  }

  /**
   * Makes the files written so far durable (docs/safety.md: once per {@link #SYNC_EVERY} files
   * and at the end of a run, not per file). A failure here is a disk that lost writes: the run
   * stops, naming the file.
   */
  private void syncWritten() {
    try {
      store.sync();
    } catch (IOException e) {
      stop(e);
    }
  }

  /**
   * The fatal I/O error (no space left, read-only file system, ...) that stopped the last run,
   * naming the file; the sources from it on were not done ({@link #notDone}).
   */
  public Optional<FatalIoException> stoppedBy() {
    return Optional.ofNullable(stoppedBy.get());
  }

  /**
   * The proxy that stopped the last run because it could not be used ("proxy
   * socks5h://127.0.0.1:1080 is not reachable: connection refused"); the sources from the one
   * that met it on were not done ({@link #notDone}).
   */
  public Optional<ProxyException> proxyDown() {
    return Optional.ofNullable(proxyDown.get());
  }

  private boolean stopped() {
    return stoppedBy.get() != null || proxyDown.get() != null;
  }

  /** How many sources the last run did not do because it stopped. */
  public int notDone() {
    return notDone.get();
  }

  /** The one-line reason a source failed, for every way its work can end early. */
  private static String reason(Throwable e) {
    if (e instanceof SourceFailure) {
      return e.getMessage();
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return "cannot write content: " + HttpFetcher.message(e);
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    return "internal error: " + e;
  }

  /** The parallel part of ingesting a source: everything up to deciding whether it is new. */
  private Prepared read(Source source, Progress progress)
      throws SourceFailure, ProxyException, IOException, InterruptedException {
    PageLoader.Loaded page = loader.load(source);
    byte[] raw = page.raw();
    if (!HostileInput.isHtmlWithStrayNuls(raw)) {
      PageLoader.checkNotBinary(raw);
    }
    String html = HostileInput.clean(DECODER.decode(raw, page.httpCharset()).text());
    if (html.isBlank()) {
      throw new SourceFailure("empty file");
    }
    if (!HTML_TAG.matcher(html.length() > SNIFF ? html.substring(0, SNIFF) : html).find()) {
      throw new SourceFailure("not an HTML page (no HTML tags found)");
    }

    Optional<ArticleMeta> stored = source.stored();
    Optional<String> given = options.url().or(() -> stored.flatMap(ArticleMeta::url));
    String base = page.fetchedUrl().orElseGet(
        () -> given.orElseGet(() -> source.file().orElseThrow().toAbsolutePath().toUri().toString()));
    Document doc = Jsoup.parse(html, base);
    HostileInput.pinBase(doc, base, given.or(page::fetchedUrl));
    PageMetadata meta = PageMetadata.read(doc, today);
    Optional<String> url = given
        .or(meta::url)
        .or(page::fetchedUrl)
        .map(Links::canonical);
    Optional<String> host = url.flatMap(Links::host);
    SiteProfile profile = profiles.choose(host, doc);
    ArticleExtractor.Extracted ex;
    try {
      ex = EXTRACTOR.extract(doc, profile, meta, url);
    } catch (ArticleExtractor.NotAnArticle e) {
      throw new SourceFailure(e.getMessage());
    }
    Optional<LocalDate> published = options.date()
        .or(() -> ArticleFacts.published(url, doc, ex.body(), profile, meta));

    PageImages images = new PageImages(source, progress, stored, media, this::fetcher,
        options.fetch(), options.url().isPresent());
    images.collect(ex.body());
    images.lead(ex.leadImage());
    String markdown = MarkdownWriter.write(ex.body(), images::fileFor);
    if (markdown.isBlank()) {
      throw new SourceFailure("not an article: body is empty after cleaning (profile " + profile.name() + ")");
    }
    byte[] body = markdown.getBytes(StandardCharsets.UTF_8);
    // A re-ingested article keeps its id, whatever the extractor now makes of its text.
    String id = stored.isPresent() ? stored.get().id()
        : ArticleFacts.id(url, profile, ex.title(), markdown, body);

    Optional<ArticleMeta> existing;
    try {
      existing = stored.isPresent() ? stored
          : onDisk.contains(id) ? store.readMeta(id) : Optional.empty();
    } catch (ContentException e) {
      throw new SourceFailure(e.getMessage() + "; not overwritten");
    }
    return new Prepared(source.label(), raw, markdown, body, id, url, host, published, ex, images,
        profile, existing, stored.isPresent());
  }

  /**
   * The ordered part (see {@link InOrder}): whether the page is a duplicate of a source before it
   * or of a stored article, and if not, writing it.
   */
  private Outcome decideAndWrite(Prepared p) throws SourceFailure, IOException {
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
    Instant first = existing.map(ArticleMeta::firstIngested).orElse(options.now());
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
    } else {
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
    return new Outcome(label, Status.INGESTED, Optional.of(id), "");
  }

  /** True when the stored raw page of {@code id} unpacks to exactly these bytes. */
  private boolean storedRawIs(String id, byte[] raw) {
    try (java.io.InputStream in = Files.newInputStream(store.rawFile(id))) {
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
