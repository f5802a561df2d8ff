package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
  /** Written files after which they are synced: what a power cut can take is bounded by this. */
  private static final int SYNC_EVERY = 2000;

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
  private final Options options;
  /** Made on first use: an HTTP client starts threads, which a run over local files never needs. */
  private HttpFetcher fetcher;
  /** Ids on disk when the run started, filled before the first page is read. */
  private final Set<String> onDisk = ConcurrentHashMap.newKeySet();
  private final PageReader reader;
  /** Used in source order only (see InOrder). */
  private final ArticleCommitter committer;
  /** The first error after which nothing more can be written (a full disk): the run stops. */
  private final AtomicReference<FatalIoException> stoppedBy =
      new AtomicReference<>();
  /** The proxy that could not be used: the run stops, as nothing else would get through. */
  private final AtomicReference<ProxyException> proxyDown =
      new AtomicReference<>();
  /** Sources not done because the run stopped. */
  private final AtomicInteger notDone = new AtomicInteger();

  public Ingester(ContentStore store, Profiles profiles, Options options) {
    this.store = store;
    this.options = options;
    MediaStore media = new MediaStore(store.mediaDir(), store.writes());
    this.reader = new PageReader(store, profiles, options, this::fetcher, media, onDisk);
    this.committer = new ArticleCommitter(store, options.now());
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

  private Summary runAll(Consumer<SourceFinder.Sources> expander, String task,
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

  /** A source after its parallel part: an article to decide on and write, or its failure. */
  private sealed interface Step permits Page, Failed {}

  /** A source read and prepared, waiting for its turn. */
  private record Page(PreparedPage page) implements Step {}

  /** A source that failed before its turn. */
  private record Failed(Outcome outcome) implements Step {}

  private Step prepare(Source source, Progress progress) {
    if (stopped()) {
      return new Failed(fail(source.label(), "not done: the run stopped"));
    }
    try {
      return new Page(reader.read(source, progress));
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
    PreparedPage p = ((Page) step).page();
    try {
      return Optional.of(committer.commit(p));
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
}
