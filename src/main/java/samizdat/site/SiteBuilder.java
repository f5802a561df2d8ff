package samizdat.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import samizdat.content.ContentStore;
import samizdat.io.AtomicFiles;
import samizdat.io.FatalIoException;
import samizdat.io.FileWrites;
import samizdat.io.IoFailures;
import samizdat.io.Progress;
import samizdat.search.SearchIndex;
import samizdat.site.model.ContentLoader;
import samizdat.site.model.Doc;
import samizdat.site.model.Labels;
import samizdat.site.model.SiteConfig;
import samizdat.site.model.SiteModel;
import samizdat.site.render.ArchiveInfoRenderer;
import samizdat.site.render.ArchiveRenderer;
import samizdat.site.render.ArticleRenderer;
import samizdat.site.render.ArticleTextRenderer;
import samizdat.site.render.BodyTexts;
import samizdat.site.render.ClasspathDir;
import samizdat.site.render.FeedRenderer;
import samizdat.site.render.FileCopyRenderer;
import samizdat.site.render.IndexRenderer;
import samizdat.site.render.MarkdownRenderer;
import samizdat.site.render.OutputWriter;
import samizdat.site.render.Page;
import samizdat.site.render.PageRenderer;
import samizdat.site.render.RenderContext;
import samizdat.site.render.SearchRenderer;
import samizdat.site.render.StaticPagesRenderer;
import samizdat.site.render.TagRenderer;
import samizdat.site.render.Templates;
import samizdat.site.state.BuildState;
import samizdat.site.state.Fingerprint;
import samizdat.site.state.InputsDigest;

/**
 * Builds the static site: reads the content, works out the archive model, and renders and writes
 * every page that changed since the previous build, on all cores. See README "build" for the site
 * layout and how incremental builds work.
 */
public final class SiteBuilder {
  /** Templates every template folder must have (each {@code NAME.mustache}). */
  static final List<String> TEMPLATES = List.of(
      "header", "footer", "list", "article", "tags", "archive", "about", "notfound", "search", "feed");
  static final int RELATED_LIMIT = 5;
  /**
   * Share of the heap that body texts waiting for the search index may take (see
   * {@link BodyTexts}): 1/20, 50 MB of a 1 GB heap, about 8,000 texts of news-article length.
   */
  static final int BODY_TEXTS_HEAP_SHARE = 20;

  private final FileWrites writes;
  private final boolean allowShrink;

  /** A builder that writes with {@link AtomicFiles} and refuses to shrink a site to less than half. */
  public SiteBuilder() {
    this(FileWrites.ATOMIC, false);
  }

  SiteBuilder(FileWrites writes, boolean allowShrink) {
    this.writes = writes;
    this.allowShrink = allowShrink;
  }

  /**
   * This builder, letting a build remove most of the site's articles when the content really
   * lost them (by default a build whose content has fewer than half the articles of the site is
   * refused: an unmounted drive or a wrong folder looks just like that).
   */
  public SiteBuilder allowShrink(boolean allow) {
    return new SiteBuilder(writes, allow);
  }

  /**
   * Builds {@code options.out()} from {@code options.content()}.
   *
   * @throws IOException when the site cannot be written or the content folder cannot be listed
   *     (bad single articles are reported in the result instead)
   */
  public BuildResult build(BuildOptions options, Progress progress) throws IOException {
    long start = System.nanoTime();
    Timer timer = new Timer(progress, start);
    Path out = options.out();
    checkFolders(options);
    BuildState previous = BuildState.load(options.cache());
    previous.note.ifPresent(progress::warn);
    BuildState next = new BuildState();
    ContentStore store = new ContentStore(options.content());

    try (ClasspathDir bundled = ClasspathDir.containing("/templates/README.md")) {
      Path templateRoot = options.templates().orElse(bundled.path());
      Templates templates = new Templates(templateRoot, options.strictTemplates());
      byte[] code = SiteCode.fingerprint();
      // The search index's segments are kept while its own package's code is the same.
      byte[] searchCode = ClasspathDir.fingerprintOf(SearchIndex.class);
      Fingerprint settingsFp = new Fingerprint().add("samizdat-site").add(code).add(searchCode);
      for (String name : templates.files()) {
        settingsFp.add(name).add(Files.readAllBytes(templates.root().resolve(name)));
      }
      settingsFp.add(options.title()).add(options.language().orElse("")).add(options.baseUrl().orElse(""))
          .add(options.pageSize());
      byte[] settings = settingsFp.done();

      timer.lap("settings fingerprinted");
      InputsDigest.Digest inputs = InputsDigest.of(store, settings, previous);
      timer.lap("inputs digested");
      checkShrink(options, previous, inputs.ids().size());
      next.inputs = inputs.value();
      next.code = code;
      // A build that did not finish (killed, a full disk, an error) may have left temporary files
      // and pages no state records; only then, or without a state, is the whole site walked for
      // them. A site folder that is empty or not there yet holds nothing to walk for.
      Path marker = Leftovers.marker(options.cache());
      boolean walk = Files.exists(marker) || (previous.files.isEmpty() && !isEmptyOrMissing(out));
      if (inputs.trusted() && Arrays.equals(inputs.value(), previous.inputs)
          && InputsDigest.outputIntact(out, previous)) {
        if (walk) {
          Leftovers.sweep(out, previous.files.keySet(), true);
          Files.deleteIfExists(marker);
        }
        timer.lap("nothing changed");
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BuildResult(previous.articleCount, 0, previous.files.size(), 0, previous.errors, millis);
      }

      previous.loadDetails(code).ifPresent(progress::warn);
      ContentLoader loader = new ContentLoader(store, previous, next);
      ContentLoader.Loaded loaded = loader.load(inputs, progress);
      List<String> media = loader.mediaFiles(progress);
      timer.lap("content read");
      List<String> languages = options.language().map(SiteBuilder::languages)
          .orElseGet(() -> List.of(commonLanguage(loaded.docs())));
      // Asked for by --lang, a language needs its labels file; the articles' language falls back
      // to the reference labels when the templates have none for it.
      boolean fallback = options.language().isEmpty()
          && Labels.match(templateRoot.resolve(Labels.FOLDER), languages.get(0)).isEmpty();
      Labels labels = Labels.load(templateRoot, fallback ? List.of(Labels.REFERENCE) : languages);
      SiteConfig config = new SiteConfig(options.title(), languages.get(0), options.baseUrl(),
          options.pageSize(), labels);
      templates = new Templates(templateRoot, options.strictTemplates(), Map.of("L", labels.all()));
      try {
        templates.check(TEMPLATES);
      } catch (RuntimeException e) {
        throw new IOException(templateRoot + ": " + e.getMessage(), e);
      }
      byte[] global = new Fingerprint().add(settings).add(config.language()).done();

      timer.lap("templates checked");
      SiteModel site = new SiteModel(config, loaded.docs());
      timer.lap("model");
      RenderContext context = new RenderContext(site, templates, new MarkdownRenderer(labels.get("imageMissing")),
          new HashSet<>(media), global, progress, new BodyTexts(Runtime.getRuntime().maxMemory() / BODY_TEXTS_HEAP_SHARE));

      List<PageRenderer> renderers = List.of(
          new ArticleRenderer(), new ArticleTextRenderer(), new IndexRenderer(), new TagRenderer(), new ArchiveRenderer(),
          new StaticPagesRenderer(), new FeedRenderer(), new ArchiveInfoRenderer(),
          new FileCopyRenderer(store.mediaDir(), media));
      Files.createDirectories(out);
      Files.createDirectories(marker.toAbsolutePath().getParent());
      Files.write(marker, new byte[0]);
      OutputWriter writer = new OutputWriter(out, previous, next, writes);
      // The search index is computed and written on its own thread while related lists are
      // worked out and the pages render: it is the longest chain of mostly sequential work, so it
      // starts as soon as the article list is known.
      SearchIndex.Plan searchPlan = SearchRenderer.plan(site);
      // Article pages render in the order the index reads bodies, so that their texts reach it.
      context.bodyTexts().order(SearchRenderer.readingOrder(site, searchPlan));
      ExecutorService searchThread = Executors.newSingleThreadExecutor();
      SearchRenderer search = new SearchRenderer(previous, searchCode);
      Future<SearchRenderer.Checked> searchChecked = searchThread.submit(() -> search.check(context, writer, searchPlan));
      Future<List<String>> searchErrors = searchThread.submit(() -> {
        List<String> result = search.write(context, writer, searchPlan, searchChecked.get());
        timer.note("search index written");
        return result;
      });
      searchThread.shutdown();
      List<String> errors = new ArrayList<>(loaded.errors());
      List<Page> pages = new ArrayList<>();
      List<String> writeErrors = new ArrayList<>();
      try {
        progress.start("relating articles", 0);
        site.relate(RELATED_LIMIT, previous, next, code);
        progress.finish();
        timer.lap("related lists");
        // The index writes the text files of the articles it reads: the renderers must know which.
        awaitSearch(searchChecked);
        for (PageRenderer r : renderers) {
          pages.addAll(r.pages(context));
        }
        timer.lap("pages listed");
        writeErrors.addAll(writeAll(pages, writer, previous, next, options.threads(), progress));
        timer.lap("pages written");
        writeErrors.addAll(awaitSearch(searchErrors));
      } catch (FatalIoException e) {
        finishQuietly(searchErrors);
        // The state is not saved: the next plain build sees every page it did not write as new.
        throw new BuildStoppedException(e, writer.written(), pages.size() - writer.written() - writer.unchanged());
      } catch (IOException | RuntimeException e) {
        // Not a byte more may be written once build() has returned: let the index finish first.
        finishQuietly(searchErrors);
        if (writer.stopped().isPresent()) {
          throw new BuildStoppedException(writer.stopped().get(), writer.written(),
              pages.size() - writer.written() - writer.unchanged());
        }
        throw e;
      }
      if (writer.stopped().isPresent()) {
        throw new BuildStoppedException(writer.stopped().get(), writer.written(),
            pages.size() - writer.written() - writer.unchanged());
      }
      errors.addAll(writeErrors);
      Collections.sort(errors);
      timer.lap("search index awaited");
      if (!writeErrors.isEmpty()) {
        // A page that failed to be written is not in the new state, so the next build writes it;
        // it must not take the no-change shortcut past it.
        next.inputs = new byte[0];
      }
      int removed = writer.removeStale();
      if (walk) {
        removed += Leftovers.sweep(out, writer.seen(), true);
      }
      next.articleCount = site.list.size();
      next.errors = List.copyOf(errors);
      if (!next.sameAs(previous)) {
        next.save(options.cache(), previous);
      }
      Files.delete(marker);
      timer.lap("stale removed, state saved");
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new BuildResult(site.list.size(), writer.written(), writer.unchanged(), removed, errors,
          millis);
    }
  }

  /**
   * Refuses a build whose content has fewer than half the articles the site has (by the build
   * state, or by the article pages there when there is none): it would remove most of the site.
   */
  private void checkShrink(BuildOptions options, BuildState previous, int articles) throws IOException {
    if (allowShrink) {
      return;
    }
    int had = previous.files.isEmpty() ? countArticlePages(options.out()) : previous.articleCount;
    if (had > 0 && articles * 2L < had) {
      throw new BuildRefusedException(options.content() + ": " + articles + " articles, but the site "
          + options.out() + " has " + had + "; building would remove " + (had - articles)
          + " article pages. Nothing was changed. Check --content (an unmounted drive, a wrong"
          + " folder?); if the articles really are gone, run again with --allow-shrink");
    }
  }

  private static boolean isEmptyOrMissing(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return !Files.exists(folder);
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static int countArticlePages(Path out) throws IOException {
    Path a = out.resolve("a");
    if (!Files.isDirectory(a)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(a)) {
      return (int) files.filter(f -> f.getFileName().toString().endsWith(".html")).count();
    }
  }

  private static void checkFolders(BuildOptions options) throws IOException {
    Path out = options.out().toAbsolutePath().normalize();
    Path content = options.content().toAbsolutePath().normalize();
    if (out.startsWith(content) || content.startsWith(out)) {
      throw new IOException(options.out() + ": the site folder must not be inside the content folder or contain it");
    }
    if (options.cache().toAbsolutePath().normalize().startsWith(out)) {
      throw new IOException(options.cache() + ": the build cache must not be inside the site folder");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException(options.out() + ": not a folder");
    }
    if (!Files.isDirectory(content)) {
      throw new BuildRefusedException(options.content() + ": no such content folder; nothing was changed");
    }
    if (!Files.isDirectory(content.resolve("articles"))) {
      throw new BuildRefusedException(options.content() + ": not a content folder (no articles/ in it);"
          + " nothing was changed");
    }
  }

  private static List<String> writeAll(List<Page> pages, OutputWriter writer, BuildState previous,
      BuildState next, int threads, Progress progress) throws IOException {
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    progress.start("writing site", pages.size());
    // Each worker takes the next page in list order (a parallel stream would split the list in
    // halves): article pages come in the order the search index reads bodies (BodyTexts).
    AtomicInteger cursor = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = cursor.getAndIncrement(); i < pages.size() && failure.get() == null;
              i = cursor.getAndIncrement()) {
            Page page = pages.get(i);
            try {
              writer.write(page);
            } catch (FatalIoException e) {
              // a full disk: nothing more can be written, stop every worker
              failure.compareAndSet(null, e);
            } catch (IOException | UncheckedIOException e) {
              String message = IoFailures.reason(e instanceof UncheckedIOException u ? u.getCause() : e);
              errors.add(page.path() + ": " + message);
              // keep the old file known, but make the next build try again
              if (previous.files.containsKey(page.path())) {
                next.files.put(page.path(), new BuildState.FileInfo(new byte[0], -2, -2));
                next.markChanged();
              }
            } catch (RuntimeException e) {
              // once one page fails with a bug or a template error, the rest are skipped
              failure.compareAndSet(null, e);
            }
            progress.advance(1);
          }
        }));
      }
      // Every worker has returned before this does, so nothing keeps writing after a failure.
      for (Future<?> w : workers) {
        w.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("build interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
      progress.finish();
    }
    if (failure.get() instanceof IOException io) {
      throw io;
    }
    if (failure.get() instanceof RuntimeException r) {
      throw r;
    }
    List<String> list = new ArrayList<>(errors);
    Collections.sort(list);
    return list;
  }

  private static void finishQuietly(Future<?> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the build fails anyway; its own error is the one to report
    }
  }

  private static <T> T awaitSearch(Future<T> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("build interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FatalIoException fatal) {
        throw fatal;
      }
      if (cause instanceof IOException io) {
        throw new IOException("search index: " + io.getMessage(), io);
      }
      if (cause instanceof UncheckedIOException u) {
        throw new IOException("search index: " + u.getCause().getMessage(), u.getCause());
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The language tags of {@code --lang zh-Hans,en}: main first, blanks dropped. */
  static List<String> languages(String option) {
    List<String> out = new ArrayList<>();
    for (String part : option.split(",")) {
      if (!part.isBlank() && !out.contains(part.strip())) {
        out.add(part.strip());
      }
    }
    return out.isEmpty() ? List.of("en") : out;
  }

  /** The most common article language; "zh" for an empty archive. Ties: the smaller tag. */
  static String commonLanguage(List<Doc> docs) {
    Map<String, Integer> counts = new HashMap<>();
    for (Doc d : docs) {
      counts.merge(d.meta().language(), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse("zh");
  }


  /** Phase times, shown with --verbose as progress warnings would be too loud; kept tiny. */
  private static final class Timer {
    private final Progress progress;
    private volatile long last;
    private final boolean on = System.getenv("SAMIZDAT_TIMING") != null;

    Timer(Progress progress, long start) {
      this.progress = progress;
      this.last = start;
    }

    /** Reports the time since the last lap without starting a new one (any thread). */
    void note(String what) {
      if (on) {
        progress.warn(String.format(java.util.Locale.ROOT, "timing: %s at +%.3f s", what,
            (System.nanoTime() - last) / 1e9));
      }
    }

    void lap(String what) {
      long now = System.nanoTime();
      if (on) {
        progress.warn(String.format(java.util.Locale.ROOT, "timing: %s %.3f s", what, (now - last) / 1e9));
      }
      last = now;
    }
  }
}
