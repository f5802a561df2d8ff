package samizdat.ingest;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentException;
import samizdat.content.ContentStore;
import samizdat.content.ImageRef;
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
  private static final Pattern PAGE_SUFFIX = Pattern.compile("(?i)\\.(html?|xhtml)(\\.gz)?$");
  private static final List<String> DIRECTORY_SUFFIXES =
      List.of(".html", ".htm", ".xhtml", ".html.gz");
  /** Pages a browser saves with a {@code <page>_files/} folder beside them. */
  private static final List<String> SAVED_PAGE_SUFFIXES = List.of(".html", ".htm", ".xhtml");
  /** The folder beside a saved page that holds its images and frames: {@code <page>_files/}. */
  private static final List<String> SAVED_FILES_FOLDERS = List.of("_files", ".files");
  private static final PageDecoder DECODER = new PageDecoder();
  private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
  private static final Evaluator IMAGES = QueryParser.parse("img");
  private static final Evaluator CAPTION = QueryParser.parse("figcaption");
  private static final Evaluator FIGURE = QueryParser.parse("figure");

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
  /** Sources not done because the run stopped. */
  private final AtomicInteger notDone = new AtomicInteger();

  public Ingester(ContentStore store, Profiles profiles, Options options) {
    this.store = store;
    this.profiles = profiles;
    this.options = options;
    this.media = new MediaStore(store.mediaDir(), store.writes());
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
    return runAll(found -> expand(sources, found, progress), "ingest", listener, progress);
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

  private Summary runAll(java.util.function.Consumer<Sources> expander, String task,
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
      Optional<Outcome> outcome = stoppedBy.get() == null ? commit(step) : Optional.empty();
      if (outcome.isPresent()) {
        counting.outcome(outcome.get());
      } else {
        notDone.incrementAndGet();
      }
      progress.advance(1);
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      Sources found = new Sources() {
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
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
    return new Summary(counts[0].get(), counts[1].get(), counts[2].get(), counts[3].get(),
        counts[4].get());
  }

  // ------------------------------------------------------------------ sources

  /**
   * One page to ingest: a file (label = as named) or a URL; for a re-ingest, a stored article's
   * raw page (label = its id) with its stored metadata.
   */
  private record Source(String label, Optional<Path> file, Optional<URI> url,
      Optional<ArticleMeta> stored) {
    Source(String label, Optional<Path> file, Optional<URI> url) {
      this(label, file, url, Optional.empty());
    }
  }

  /**
   * Where {@link #expand} puts what it finds, in source order: pages to ingest, and sources that
   * failed before any page was read (a bad URL, a missing file, an unreadable folder). Called on
   * one thread.
   */
  private interface Sources {
    void page(Source source);

    void failed(Outcome failure);

    /** Pages and failures so far. */
    int count();
  }

  private void expand(List<String> args, Sources found, Progress progress) {
    for (String arg : args) {
      if (arg.regionMatches(true, 0, "http://", 0, 7) || arg.regionMatches(true, 0, "https://", 0, 8)) {
        try {
          URI uri = new URI(arg.strip());
          if (uri.getHost() == null) {
            throw new URISyntaxException(arg, "no host");
          }
          found.page(new Source(arg, Optional.empty(), Optional.of(uri)));
        } catch (URISyntaxException e) {
          found.failed(fail(arg, "not a valid URL: " + e.getReason()));
        }
        continue;
      }
      Path p;
      try {
        p = Path.of(arg);
      } catch (InvalidPathException e) {
        found.failed(fail(arg, "not a valid path: " + e.getReason()));
        continue;
      }
      if (Files.isDirectory(p)) {
        int before = found.count();
        new Walk(p, found).run();
        if (found.count() == before) {
          progress.warn(arg + ": no pages (*.html, *.htm, *.xhtml, *.html.gz) in this folder");
        }
      } else if (Files.exists(p) || Files.isSymbolicLink(p)) {
        found.page(new Source(arg, Optional.of(p), Optional.empty()));
      } else {
        found.failed(fail(arg, "no such file or directory"));
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
    private final Path content = store.root().toAbsolutePath().normalize();
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
        found.failed(fail(top.toString(), "cannot read: " + ioMessage(e)));
        return;
      }
      directory(top, attrs);
    }

    private void directory(Path dir, BasicFileAttributes attrs) {
      Object key = attrs.fileKey();
      if (key != null && above.contains(key)) {
        found.failed(fail(dir.toString(), "cannot read: "
            + ioMessage(new FileSystemLoopException(dir.toString()))));
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
        found.failed(fail(dir.toString(), "cannot read: " + ioMessage(io)));
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
        found.failed(fail(p.toString(), "cannot read: " + ioMessage(e)));
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

  private static Outcome fail(String source, String message) {
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

  /** The bytes of a page and what its transport said about them. */
  private record Loaded(byte[] raw, Optional<String> httpCharset, Optional<String> fetchedUrl) {}

  /** A failure of one source, with its one-line reason. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  /** A source after its parallel part: an article to decide on and write, or its failure. */
  private sealed interface Step permits Prepared, Failed {}

  /** A source that failed before its turn. */
  private record Failed(Outcome outcome) implements Step {}

  /** A page read, cleaned and turned into Markdown: all that its turn needs. */
  private record Prepared(String label, byte[] raw, String markdown, byte[] body, String id,
      Optional<String> url, Optional<String> host, Optional<LocalDate> published,
      ArticleExtractor.Extracted page, Images images, SiteProfile profile,
      Optional<ArticleMeta> existing, boolean reread) implements Step {}

  private Step prepare(Source source, Progress progress) {
    if (stoppedBy.get() != null) {
      return new Failed(fail(source.label(), "not done: the run stopped"));
    }
    try {
      return read(source, progress);
    } catch (Failure | IOException | InterruptedException | RuntimeException | StackOverflowError e) {
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
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        IOException named = IoFailures.about(store.root(), io);
        stoppedBy.compareAndSet(null, named instanceof FatalIoException f ? f
            : new FatalIoException(store.root().toString(), IoFailures.reason(io), io));
        return Optional.empty();
      }
      return Optional.of(fail(p.label(), reason(e)));
    } catch (Failure | RuntimeException | StackOverflowError e) {
      return Optional.of(fail(p.label(), reason(e)));
    }
  }

  /**
   * The fatal I/O error (no space left, read-only file system, ...) that stopped the last run,
   * naming the file; the sources from it on were not done ({@link #notDone}).
   */
  public Optional<FatalIoException> stoppedBy() {
    return Optional.ofNullable(stoppedBy.get());
  }

  /** How many sources the last run did not do because it stopped. */
  public int notDone() {
    return notDone.get();
  }

  /** The one-line reason a source failed, for every way its work can end early. */
  private static String reason(Throwable e) {
    if (e instanceof Failure) {
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

  private Loaded load(Source source) throws Failure, InterruptedException {
    long max = options.fetch().maxPageBytes();
    if (source.url().isPresent()) {
      try {
        HttpFetcher.Response r = fetcher().fetch(source.url().get(), HttpFetcher.Kind.PAGE);
        return new Loaded(r.body(), r.charset(), Optional.of(r.uri().toString()));
      } catch (FetchException e) {
        throw new Failure(e.getMessage());
      }
    }
    Path file = source.file().orElseThrow();
    try {
      byte[] bytes;
      // One open for size and bytes (a stat of the path first cost a tenth of reading).
      try (SeekableByteChannel channel = Files.newByteChannel(file)) {
        long size = channel.size();
        if (size > max) {
          throw new Failure(HttpFetcher.tooLarge(max) + ": " + (size >> 20) + " MB");
        }
        bytes = readAll(channel, (int) size);
      }
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        bytes = Gzip.decompress(new ByteArrayInputStream(bytes), max);
      }
      return new Loaded(bytes, Optional.empty(), Optional.empty());
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new Failure("is a directory");
      }
      throw new Failure("cannot read: " + ioMessage(e));
    }
  }

  /**
   * All bytes of an open file whose size was {@code size}: read into an array of that size, then
   * on to the end, as {@link Files#readAllBytes} does (a file may change while it is read).
   */
  static byte[] readAll(SeekableByteChannel channel, int size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(size);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // reading
    }
    byte[] read = buffer.position() == size ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    // The end is where it should be in all but a file that grew meanwhile: one byte tells, where
    // reading "the rest" as a stream took an 8 KB buffer per page to learn the same.
    ByteBuffer probe = ByteBuffer.allocate(1);
    if (read.length < size || channel.read(probe) < 0) {
      return read;
    }
    byte[] rest = Channels.newInputStream(channel).readAllBytes();
    byte[] all = Arrays.copyOf(read, read.length + 1 + rest.length);
    all[read.length] = probe.get(0);
    System.arraycopy(rest, 0, all, read.length + 1, rest.length);
    return all;
  }

  /** The parallel part of ingesting a source: everything up to deciding whether it is new. */
  private Prepared read(Source source, Progress progress)
      throws Failure, IOException, InterruptedException {
    Loaded page = load(source);
    byte[] raw = page.raw();
    checkNotBinary(raw);
    String html = HostileInput.clean(DECODER.decode(raw, page.httpCharset()).text());
    if (html.isBlank()) {
      throw new Failure("empty file");
    }
    if (!HTML_TAG.matcher(html.length() > SNIFF ? html.substring(0, SNIFF) : html).find()) {
      throw new Failure("not an HTML page (no HTML tags found)");
    }

    Optional<ArticleMeta> stored = source.stored();
    Optional<String> given = options.url().or(() -> stored.flatMap(ArticleMeta::url));
    String base = page.fetchedUrl().orElseGet(
        () -> given.orElseGet(() -> source.file().orElseThrow().toAbsolutePath().toUri().toString()));
    Document doc = Jsoup.parse(html, base);
    HostileInput.pinBase(doc, base, given.or(page::fetchedUrl));
    Optional<String> url = given
        .or(() -> ArticleFacts.declaredUrl(doc))
        .or(page::fetchedUrl)
        .map(Links::canonical);
    Optional<String> host = url.flatMap(Links::host);

    PageMetadata meta = PageMetadata.read(doc, today);
    SiteProfile profile = profiles.choose(host, doc);
    ArticleExtractor.Extracted ex;
    try {
      ex = EXTRACTOR.extract(doc, profile, meta, url);
    } catch (ArticleExtractor.NotAnArticle e) {
      throw new Failure(e.getMessage());
    }
    Optional<LocalDate> published = options.date()
        .or(() -> ArticleFacts.published(url, doc, ex.body(), profile, meta));

    Images images = new Images(source, progress, stored);
    images.collect(ex.body());
    images.lead(ex.leadImage());
    String markdown = MarkdownWriter.write(ex.body(), images::fileFor);
    if (markdown.isBlank()) {
      throw new Failure("not an article: body is empty after cleaning (profile " + profile.name() + ")");
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
      throw new Failure(e.getMessage() + "; not overwritten");
    }
    return new Prepared(source.label(), raw, markdown, body, id, url, host, published, ex, images,
        profile, existing, stored.isPresent());
  }

  /**
   * The ordered part (see {@link InOrder}): whether the page is a duplicate of a source before it
   * or of a stored article, and if not, writing it.
   */
  private Outcome decideAndWrite(Prepared p) throws Failure, IOException {
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

  private static void checkNotBinary(byte[] raw) throws Failure {
    if (raw.length == 0) {
      throw new Failure("empty file");
    }
    if (looksBinary(raw) && !HostileInput.isHtmlWithStrayNuls(raw)) {
      throw new Failure("binary file, not an HTML page");
    }
  }

  /**
   * What each byte counts for in {@link #looksBinary}: 1 for a control character that text does
   * not use, NUL past any count of those (a NUL alone makes a file binary), 0 otherwise.
   */
  private static final int[] BINARY_WEIGHT = new int[256];
  /** More than 8192 bytes can add up to, and 8192 of it still fit an int. */
  private static final int NUL_WEIGHT = 1 << 14;

  static {
    for (int b = 1; b < 0x20; b++) {
      BINARY_WEIGHT[b] = b < 0x09 || (b > 0x0d && b != 0x1b) ? 1 : 0;
    }
    BINARY_WEIGHT[0] = NUL_WEIGHT;
  }

  /**
   * True for bytes that are not a text file: a NUL, or more than one in twenty control
   * characters, in the first 8 KB (UTF-16 with a byte-order mark is text). One table lookup per
   * byte.
   */
  static boolean looksBinary(byte[] raw) {
    if (raw.length >= 2 && ((raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF)
        || (raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE))) {
      return false;
    }
    int n = Math.min(raw.length, 8192);
    int weight = 0;
    for (int i = 0; i < n; i++) {
      weight += BINARY_WEIGHT[raw[i] & 0xff];
    }
    return weight >= NUL_WEIGHT || weight * 20 > n;
  }

  // ------------------------------------------------------------------ images

  /** The images of one body: found, fetched or copied, checked; written only once all is well. */
  private final class Images {
    private final Source source;
    private final Progress progress;
    private final Map<Element, Optional<String>> files = new IdentityHashMap<>();
    private final Map<String, ImageRef> refs = new LinkedHashMap<>();
    private final Map<String, byte[]> pending = new LinkedHashMap<>();
    private Optional<ImageRef> lead = Optional.empty();
    /** Stored copies of a re-ingested article's images, by original URL. */
    private final Map<String, String> known = new HashMap<>();

    Images(Source source, Progress progress, Optional<ArticleMeta> stored) {
      this.source = source;
      this.progress = progress;
      if (stored.isPresent()) {
        List<ImageRef> all = new ArrayList<>(stored.get().images());
        stored.get().image().ifPresent(all::add);
        for (ImageRef ref : all) {
          ref.file().filter(f -> Files.isRegularFile(store.mediaDir().resolve(f)))
              .ifPresent(f -> known.putIfAbsent(ref.originalUrl(), f));
        }
      }
    }

    Optional<String> fileFor(Element img) {
      return files.getOrDefault(img, Optional.empty());
    }

    List<ImageRef> refs() {
      return List.copyOf(refs.values());
    }

    void collect(Element body) throws InterruptedException {
      for (Element img : body.select(IMAGES)) {
        String src = src(img);
        if (src.isEmpty()) {
          img.remove();
          continue;
        }
        String original = originalUrl(img, src);
        if (known.containsKey(original)) {
          files.put(img, Optional.of(known.get(original)));
          refs.putIfAbsent(original, new ImageRef(Optional.of(known.get(original)), original,
              StringUtil.normaliseWhitespace(img.attr("alt")).strip(), caption(img)));
          continue;
        }
        Optional<byte[]> bytes = obtain(src, original, true);
        if (bytes.isPresent() && MediaStore.isPixel(bytes.get())) {
          img.remove();
          continue;
        }
        Optional<String> file = Optional.empty();
        if (bytes.isPresent()) {
          Optional<String> ext = MediaStore.extension(bytes.get());
          if (ext.isEmpty()) {
            warn("not an image: " + original + "; kept its alt text and URL");
          } else {
            String name = MediaStore.name(bytes.get(), ext.get());
            pending.putIfAbsent(name, bytes.get());
            file = Optional.of(name);
          }
        }
        files.put(img, file);
        String alt = StringUtil.normaliseWhitespace(img.attr("alt")).strip();
        refs.putIfAbsent(original, new ImageRef(file, original, alt, caption(img)));
      }
    }

    Optional<ImageRef> leadRef() {
      return lead;
    }

    /**
     * The lead image the page declares: the body's own copy when the body shows it, else fetched
     * (URL sources) or found in the saved page's folder; without a copy, its URL alone. An image
     * that cannot be had is no warning here: the body is complete without it.
     */
    void lead(Optional<String> url) throws InterruptedException {
      if (url.isEmpty()) {
        return;
      }
      ImageRef inBody = refs.get(url.get());
      if (inBody != null) {
        lead = Optional.of(new ImageRef(inBody.file(), inBody.originalUrl(), inBody.alt(), ""));
        return;
      }
      if (known.containsKey(url.get())) {
        lead = Optional.of(new ImageRef(Optional.of(known.get(url.get())), url.get(), "", ""));
        return;
      }
      Optional<String> file = Optional.empty();
      Optional<byte[]> bytes = obtain(url.get(), url.get(), false);
      if (bytes.isPresent() && !MediaStore.isPixel(bytes.get())) {
        Optional<String> ext = MediaStore.extension(bytes.get());
        if (ext.isPresent()) {
          String name = MediaStore.name(bytes.get(), ext.get());
          pending.putIfAbsent(name, bytes.get());
          file = Optional.of(name);
        }
      }
      lead = Optional.of(new ImageRef(file, url.get(), "", ""));
    }

    private String caption(Element img) {
      Element figure = img.closest(FIGURE);
      Element caption = figure == null ? null : figure.selectFirst(CAPTION);
      return caption == null ? "" : StringUtil.normaliseWhitespace(caption.text()).strip();
    }

    void writeAll() throws IOException {
      for (Map.Entry<String, byte[]> e : pending.entrySet()) {
        media.store(e.getKey(), e.getValue());
      }
    }

    private String src(Element img) {
      for (String attr : List.of("data-src", "data-original", "data-lazy-src", "src")) {
        String v = img.attr(attr).strip();
        if (!v.isEmpty()) {
          return v;
        }
      }
      return "";
    }

    /** What the JSON records as the image's origin: an absolute URL, or the path as written. */
    private String originalUrl(Element img, String src) {
      if (src.startsWith("data:")) {
        return "data:";
      }
      if (Links.isHttp(src)) {
        return src;
      }
      if (source.url().isPresent() || options.url().isPresent()) {
        String abs = StringUtil.resolve(img.baseUri(), src);
        if (Links.isHttp(abs) && source.file().isEmpty()) {
          return abs;
        }
      }
      return HostileInput.storable(src); // no vbscript:, no //tracker/x.png from a page without URL
    }

    private Optional<byte[]> obtain(String src, String original, boolean loud)
        throws InterruptedException {
      if (src.startsWith("data:")) {
        return dataUri(src);
      }
      long max = options.fetch().maxImageBytes();
      if (source.url().isPresent()) {
        // The page's own base (the final URL after redirects, or <base href>) resolves it.
        String abs = Links.isHttp(original) ? original : StringUtil.resolve(source.url().get().toString(), src);
        if (!Links.isHttp(abs)) {
          warnIf(loud, "image not fetched (not http): " + src);
          return Optional.empty();
        }
        try {
          return Optional.of(fetcher().fetch(URI.create(abs), HttpFetcher.Kind.IMAGE).body());
        } catch (FetchException | IllegalArgumentException e) {
          warnIf(loud, "image " + abs + ": " + e.getMessage() + "; kept its alt text and URL");
          return Optional.empty();
        }
      }
      Path page = source.file().orElseThrow().toAbsolutePath();
      Optional<Path> local = localImage(page, src);
      if (local.isEmpty()) {
        warnIf(loud, "image not found next to the page: " + original + "; kept its alt text and URL");
        return Optional.empty();
      }
      try {
        if (Files.size(local.get()) > max) {
          warnIf(loud, "image " + local.get().getFileName() + ": " + HttpFetcher.tooLarge(max));
          return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(local.get()));
      } catch (IOException e) {
        warnIf(loud, "image " + original + ": cannot read: " + ioMessage(e));
        return Optional.empty();
      }
    }

    /**
     * The saved copy of an image: a relative path as written in the page, or the file a
     * browser's "Save page as" put in {@code <page>_files/}. Only files inside the page's own
     * folder count, so a page cannot pull arbitrary local files into the archive.
     */
    private Optional<Path> localImage(Path page, String src) {
      Path dir = page.getParent();
      List<Path> candidates = new ArrayList<>();
      String s = src;
      int cut = indexOfAny(s, '?', '#');
      if (Links.isHttp(s)) {
        String path = URI.create(s.substring(0, cut < 0 ? s.length() : cut).replace(" ", "%20")).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (!name.isEmpty()) {
          String stem = PAGE_SUFFIX.matcher(page.getFileName().toString()).replaceFirst("");
          for (String folder : SAVED_FILES_FOLDERS) {
            candidates.add(dir.resolve(stem + folder).resolve(name));
          }
        }
      } else if (!s.contains(":")) {
        String decoded = URLDecoder.decode(cut < 0 ? s : s.substring(0, cut), StandardCharsets.UTF_8);
        if (!decoded.startsWith("/")) {
          try {
            candidates.add(dir.resolve(decoded));
          } catch (InvalidPathException e) {
            return Optional.empty();
          }
        }
      }
      for (Path c : candidates) {
        Path n = c.normalize();
        if (n.startsWith(dir) && Files.isRegularFile(n)) {
          return Optional.of(n);
        }
      }
      return Optional.empty();
    }

    private Optional<byte[]> dataUri(String src) {
      int comma = src.indexOf(',');
      if (comma < 0 || !src.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
        return Optional.empty();
      }
      try {
        return Optional.of(Base64.getMimeDecoder().decode(src.substring(comma + 1)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private void warn(String message) {
      progress.warn(source.label() + ": " + message);
    }

    private void warnIf(boolean loud, String message) {
      if (loud) {
        warn(message);
      }
    }
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
