package samizdat.follow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentException;
import samizdat.content.ContentStore;
import samizdat.ingest.FetchException;
import samizdat.ingest.FetchSettings;
import samizdat.ingest.HttpFetcher;
import samizdat.ingest.Ingester;
import samizdat.ingest.Links;
import samizdat.ingest.ProfileException;
import samizdat.ingest.Profiles;
import samizdat.io.AtomicFiles;
import samizdat.io.Progress;

/**
 * One pass of {@code samizdat follow} over a content folder: a killed run's unfinished links
 * first, then each source in turn (read it, with its child sitemaps or next pages; queue the
 * article links not stored yet; ingest them), then the failed articles whose wait is over.
 * Article links go to {@link Ingester} host by host, so ingest's extraction, images, duplicates
 * and errors apply unchanged. The state is saved with each source's queue before any of it is
 * fetched, and every few seconds while articles come in, so a run killed at any moment loses
 * nothing and the next run finishes its work. One run per content folder at a time.
 */
public final class Follower {
  /** Child sitemaps read from one sitemap index, at most. */
  private static final int MAX_CHILD_SITEMAPS = 1000;
  /** Levels of sitemap indexes below the source, at most. */
  private static final int MAX_SITEMAP_DEPTH = 3;
  private static final Duration SAVE_EVERY = Duration.ofSeconds(2);

  /**
   * Settings of a run.
   *
   * @param fetch HTTP settings, as ingest's; its host delay is the minimum between two requests to
   *     a host (a robots.txt Crawl-delay may raise it)
   * @param jobs articles fetched and read at once per host
   * @param ignoreRobots fetch what robots.txt disallows
   * @param ingestNow the first-ingest time written into new articles (see ingest)
   * @param clock the real time, for the state's retry times
   * @param staleTemp age past which a temporary file in the content folder is a crash's leftover
   */
  public record Options(FetchSettings fetch, int jobs, boolean ignoreRobots, Instant ingestNow,
      Clock clock, Duration staleTemp) {
    public Options {
      requireNonNull(fetch, "fetch");
      requireNonNull(ingestNow, "ingestNow");
      requireNonNull(clock, "clock");
      requireNonNull(staleTemp, "staleTemp");
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1");
      }
    }
  }

  /** Counts of a finished run. */
  public record Summary(int sources, int sourcesUnchanged, int sourcesFailed, int linksFound,
      int fresh, int ingested, int failed, int alreadyStored, int robots, int waiting) {
    /** The stdout summary line. */
    public String line() {
      return "sources read " + sources + " (" + sourcesUnchanged + " not modified, " + sourcesFailed
          + " failed), links found " + linksFound + ", new " + fresh + ", ingested " + ingested
          + ", failed " + failed + ", already stored " + alreadyStored + ", skipped by robots.txt "
          + robots + ", waiting to retry " + waiting;
    }
  }

  /** Receives what happens, as it happens; article outcomes come from worker threads. */
  public interface Listener {
    /** An article fetched (or tried): ingest's outcome for its URL. */
    void article(Ingester.Outcome outcome);

    /** A source, or one of its pages, that could not be read. */
    void sourceFailed(String url, String message);
  }

  /** The run could not start (another run holds the folder, the state is unreadable). */
  public static final class FollowException extends Exception {
    private static final long serialVersionUID = 1L;

    FollowException(String message) {
      super(message);
    }
  }

  private final ContentStore store;
  private final Options options;
  private final Path followDir;
  private final Path stateFile;
  private final HttpFetcher sourceFetcher;
  private final Map<String, Robots> robots = new HashMap<>();
  private final Map<String, Profiles> profiles = new HashMap<>();
  private final Politeness politeness = new Politeness();

  private FollowState state;
  private Listener listener;
  private Progress progress;
  private long lastSave;
  /** Article URLs (canonical) handed to ingest in this run: each is tried once per run. */
  private final Set<String> triedThisRun = new HashSet<>();
  private int sources;
  private int sourcesUnchanged;
  private int sourcesFailed;
  private int linksFound;
  private int fresh;
  private int ingested;
  private int failed;
  private int alreadyStored;
  private int robotsSkipped;
  private int waiting;

  public Follower(ContentStore store, Options options) {
    this.store = store;
    this.options = options;
    this.followDir = store.root().resolve("follow");
    this.stateFile = followDir.resolve("state.json");
    // Spacing between requests to a host is kept by Politeness, across sources and ingest batches.
    this.sourceFetcher = new HttpFetcher(options.fetch().withHostDelay(Duration.ZERO));
  }

  /** The file that holds what follow remembers. */
  public static Path stateFile(Path content) {
    return content.resolve("follow").resolve("state.json");
  }

  /** Follows {@code list} once; one run per content folder at a time. */
  public Summary run(List<FollowSource> list, Listener listener, Progress progress)
      throws FollowException, InterruptedException {
    this.listener = listener;
    this.progress = progress;
    Path lockFile = followDir.resolve("lock");
    Optional<StateLock> lock;
    try {
      lock = StateLock.tryLock(lockFile);
    } catch (IOException e) {
      throw new FollowException(lockFile + ": cannot lock: " + e.getMessage());
    }
    if (lock.isEmpty()) {
      throw new FollowException(store.root() + ": another samizdat follow is running on this "
          + "content folder (it holds " + lockFile + "); nothing done");
    }
    try {
      try {
        state = FollowState.load(stateFile);
      } catch (IOException e) {
        throw new FollowException(e.getMessage());
      }
      removeLeftovers();
      learnStoredArticles();
      try {
        // What a killed run had queued and not finished.
        ingest(new ArrayList<>(state.pending.values()));
        for (FollowSource source : list) {
          follow(source);
        }
        retryFailures();
      } finally {
        save();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        lock.get().close();
      } catch (IOException e) {
        // The OS drops the lock when the process ends.
      }
    }
    return new Summary(sources, sourcesUnchanged, sourcesFailed, linksFound, fresh, ingested,
        failed, alreadyStored, robotsSkipped, waiting);
  }

  // ------------------------------------------------------------------ start of a run

  /**
   * Temporary files a killed run left: all of them in follow/ (only a follow writes there, and
   * this one holds the lock); in the article folders, those older than {@code staleTemp}, since
   * an ingest may be writing there right now.
   */
  private void removeLeftovers() throws IOException {
    Instant cutoff = options.clock().instant().minus(options.staleTemp());
    removeTemp(followDir, Instant.MAX);
    for (Path dir : List.of(store.articlesDir(), store.rawDir(), store.mediaDir())) {
      removeTemp(dir, cutoff);
    }
  }

  private static void removeTemp(Path dir, Instant before) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*")) {
      for (Path f : files) {
        FileTime t = Files.getLastModifiedTime(f);
        if (before.equals(Instant.MAX) || t.toInstant().isBefore(before)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /**
   * The URLs of stored articles the state does not know yet (ingested by hand, or by a run killed
   * before it saved), so they are never fetched again.
   */
  private void learnStoredArticles() {
    Set<String> known = new HashSet<>(state.stored.values());
    known.addAll(state.withoutUrl);
    List<String> ids;
    try {
      ids = store.ids();
    } catch (IOException e) {
      throw new UncheckedIOException(store.articlesDir() + ": cannot list: " + e.getMessage(), e);
    }
    for (String id : ids) {
      if (known.contains(id)) {
        continue;
      }
      try {
        Optional<String> url = store.readMeta(id).flatMap(ArticleMeta::url);
        if (url.isPresent()) {
          state.stored.put(Links.canonical(url.get()), id);
          state.pending.remove(Links.canonical(url.get()));
        } else {
          state.withoutUrl.add(id);
        }
      } catch (ContentException e) {
        progress.warn(e.getMessage());
      }
    }
  }

  // ------------------------------------------------------------------ sources

  private void follow(FollowSource source) throws InterruptedException, IOException {
    sources++;
    progress.start("follow " + source.url(), 0);
    Optional<Profiles> chosen = profiles(source.profile());
    if (chosen.isEmpty()) {
      progress.finish();
      return;
    }
    Set<String> links = new LinkedHashSet<>();
    Map<String, FollowState.Source> validators = new LinkedHashMap<>();
    boolean ok;
    try {
      ok = read(source, chosen.get(), links, validators);
    } finally {
      progress.finish();
    }
    if (!ok) {
      sourcesFailed++;
    }
    String profile = source.profile().orElse(null);
    List<FollowState.Pending> queue = new ArrayList<>();
    Instant now = options.clock().instant();
    for (String link : links) {
      linksFound++;
      String key = Links.canonical(link);
      if (state.stored.containsKey(key)) {
        alreadyStored++;
        continue;
      }
      if (state.pending.containsKey(key) || triedThisRun.contains(key)) {
        continue;
      }
      FollowState.Failure f = state.failed.get(key);
      if (f != null && !FollowState.due(f, now)) {
        continue;
      }
      FollowState.Pending p = new FollowState.Pending(link, profile);
      state.pending.put(key, p);
      queue.add(p);
    }
    // The queue and the validators that say it is done are saved together: a run killed from
    // here on finds the queue; one killed before reads the source again, unconditionally.
    state.sources.putAll(validators);
    save();
    ingest(queue);
  }

  /**
   * Reads a source and what it leads to (child sitemaps, next pages), adding article links in
   * order. Returns false when the source itself could not be read.
   */
  private boolean read(FollowSource source, Profiles chosen, Set<String> links,
      Map<String, FollowState.Source> validators) throws InterruptedException {
    record Doc(String url, int depth, int page) {}
    List<Doc> todo = new ArrayList<>(List.of(new Doc(source.url(), 0, 1)));
    Set<String> seen = new HashSet<>();
    int children = 0;
    boolean ok = true;
    while (!todo.isEmpty()) {
      Doc doc = todo.remove(0);
      if (!seen.add(doc.url())) {
        continue;
      }
      boolean top = doc.url().equals(source.url());
      Optional<Found> found;
      try {
        found = fetchAndRead(doc.url(), chosen, validators);
      } catch (SourceException e) {
        fail(doc.url(), e.getMessage(), top);
        ok &= !top;
        continue;
      }
      if (found.isEmpty()) {
        if (top) {
          sourcesUnchanged++;
        }
        // An unchanged sitemap index may still have children that changed.
        FollowState.Source known = validators.get(doc.url());
        if (known != null && known.sitemaps != null && doc.depth() < MAX_SITEMAP_DEPTH) {
          for (String child : known.sitemaps) {
            todo.add(new Doc(child, doc.depth() + 1, 1));
          }
        }
        continue;
      }
      Found f = found.get();
      if (f.kind == Found.Kind.SITEMAP_INDEX) {
        validators.get(doc.url()).sitemaps = new ArrayList<>(f.sitemaps);
      }
      for (String w : f.warnings) {
        progress.warn(doc.url() + ": " + w);
      }
      links.addAll(f.articles);
      if (!f.sitemaps.isEmpty()) {
        if (doc.depth() >= MAX_SITEMAP_DEPTH) {
          progress.warn(doc.url() + ": sitemap indexes nested deeper than " + MAX_SITEMAP_DEPTH
              + " levels; the deeper ones ignored");
        } else {
          for (String child : f.sitemaps) {
            if (children++ >= MAX_CHILD_SITEMAPS) {
              progress.warn(doc.url() + ": more than " + MAX_CHILD_SITEMAPS
                  + " sitemaps; the rest ignored");
              break;
            }
            todo.add(new Doc(child, doc.depth() + 1, 1));
          }
        }
      }
      if (f.next.isPresent() && doc.page() < source.pages()) {
        String next = f.next.get();
        if (Urls.sameSite(Urls.host(doc.url()).orElse(""), Urls.host(next).orElse(""))) {
          todo.add(new Doc(next, doc.depth(), doc.page() + 1));
        }
      }
    }
    return ok;
  }

  /** One document: empty when not modified since the last run. */
  private Optional<Found> fetchAndRead(String url, Profiles chosen,
      Map<String, FollowState.Source> validators) throws SourceException, InterruptedException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new SourceException("not a valid URL: " + e.getReason());
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
    Robots rules = robots(uri);
    if (!rules.allows(uri)) {
      robotsSkipped++;
      throw new SourceException(rules.unreachableRobots()
          ? "robots.txt of " + host + " could not be read, so nothing is fetched from it this run"
          : "disallowed by robots.txt (--ignore-robots to fetch it anyway)");
    }
    FollowState.Source before = state.sources.get(url);
    Optional<String> etag = Optional.ofNullable(before).map(s -> s.etag);
    Optional<String> modified = Optional.ofNullable(before).map(s -> s.lastModified);
    HttpFetcher.Source response;
    politeness.await(host, delay(host));
    try {
      response = sourceFetcher.fetchSource(uri, etag, modified);
    } catch (FetchException e) {
      throw new SourceException(e.getMessage());
    } finally {
      politeness.used(host);
    }
    FollowState.Source now = new FollowState.Source();
    now.etag = response.etag().orElse(null);
    now.lastModified = response.lastModified().orElse(null);
    now.lastRead = options.clock().instant().toString();
    validators.put(url, now);
    if (response.notModified()) {
      now.sitemaps = before == null ? null : before.sitemaps;
      return Optional.empty();
    }
    return Optional.of(SourceDocument.read(response.uri().toString(), response.body(),
        response.mimeType(), response.charset(), chosen, options.fetch().maxPageBytes()));
  }

  private void fail(String url, String message, boolean top) {
    FollowState.Source s = state.sources.computeIfAbsent(url, u -> new FollowState.Source());
    s.failures++;
    s.lastError = message;
    // A failed read must not look like a read: the next run asks again without validators.
    s.etag = null;
    s.lastModified = null;
    String runs = s.failures > 1 ? " (failed " + s.failures + " runs in a row)" : "";
    if (top) {
      listener.sourceFailed(url, message + runs);
    } else {
      progress.warn(url + ": " + message + runs);
    }
  }

  private Optional<Profiles> profiles(Optional<String> name) {
    String key = name.orElse("");
    Profiles p = profiles.get(key);
    if (p == null) {
      try {
        p = Profiles.load(Optional.of(store.root().resolve(Profiles.USER_DIR)), name);
      } catch (ProfileException e) {
        sourcesFailed++;
        listener.sourceFailed(name.orElse("profiles"), e.getMessage());
        return Optional.empty();
      }
      profiles.put(key, p);
    }
    return Optional.of(p);
  }

  // ------------------------------------------------------------------ robots.txt

  private Robots robots(URI uri) throws InterruptedException {
    if (options.ignoreRobots()) {
      return Robots.allowAll();
    }
    String origin = Urls.origin(uri);
    Robots r = robots.get(origin);
    if (r != null) {
      return r;
    }
    String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
    politeness.await(host, options.fetch().hostDelay());
    try {
      HttpFetcher.Source s = sourceFetcher.fetchSource(URI.create(origin + "/robots.txt"),
          Optional.empty(), Optional.empty());
      r = Robots.parse(s.body());
    } catch (FetchException e) {
      int status = e.status().orElse(0);
      if (status >= 400 && status < 500) {
        r = Robots.allowAll();
      } else {
        progress.warn(origin + "/robots.txt: " + e.getMessage()
            + "; nothing is fetched from " + host + " this run");
        r = Robots.unreachable();
      }
    } finally {
      politeness.used(host);
    }
    robots.put(origin, r);
    return r;
  }

  /** Time between two requests to a host: --delay, or the site's Crawl-delay if longer. */
  private Duration delay(String host) {
    Duration d = options.fetch().hostDelay();
    for (Map.Entry<String, Robots> e : robots.entrySet()) {
      if (Urls.host(e.getKey()).orElse("").equals(host) && e.getValue().crawlDelay().isPresent()) {
        Duration c = e.getValue().crawlDelay().get();
        d = c.compareTo(d) > 0 ? c : d;
      }
    }
    return d;
  }

  // ------------------------------------------------------------------ articles

  private void retryFailures() throws InterruptedException, IOException {
    Instant now = options.clock().instant();
    List<FollowState.Pending> due = new ArrayList<>();
    for (Map.Entry<String, FollowState.Failure> e : state.failed.entrySet()) {
      FollowState.Failure f = e.getValue();
      if (!triedThisRun.contains(e.getKey()) && FollowState.due(f, now) && f.url != null) {
        FollowState.Pending p = new FollowState.Pending(f.url, f.profile);
        state.pending.put(e.getKey(), p);
        due.add(p);
      }
    }
    if (!due.isEmpty()) {
      save();
      ingest(due);
    }
    for (FollowState.Failure f : state.failed.values()) {
      if (!f.gaveUp && !FollowState.due(f, now)) {
        waiting++;
      }
    }
  }

  /** Ingests queued links, host by host (and profile by profile), each host at its own pace. */
  private void ingest(List<FollowState.Pending> queue) throws InterruptedException, IOException {
    record Group(String host, String profile) {}
    Map<Group, List<FollowState.Pending>> groups = new LinkedHashMap<>();
    for (FollowState.Pending p : queue) {
      String host = Urls.host(p.url).orElse("");
      groups.computeIfAbsent(new Group(host, p.profile == null ? "" : p.profile),
          g -> new ArrayList<>()).add(p);
    }
    for (Map.Entry<Group, List<FollowState.Pending>> g : groups.entrySet()) {
      String host = g.getKey().host();
      Map<String, String> keyByUrl = new LinkedHashMap<>();
      for (FollowState.Pending p : g.getValue()) {
        String key = Links.canonical(p.url);
        URI uri;
        try {
          uri = new URI(p.url);
        } catch (URISyntaxException e) {
          state.pending.remove(key);
          continue;
        }
        if (!robots(uri).allows(uri)) {
          robotsSkipped++;
          state.pending.remove(key);
          continue;
        }
        triedThisRun.add(key);
        keyByUrl.put(p.url, key);
        if (!state.failed.containsKey(key)) {
          fresh++;
        }
      }
      if (keyByUrl.isEmpty()) {
        continue;
      }
      Optional<Profiles> chosen = profiles(Optional.ofNullable(g.getValue().get(0).profile));
      if (chosen.isEmpty()) {
        continue;
      }
      Duration delay = delay(host);
      Ingester ingester = new Ingester(store, chosen.get(), new Ingester.Options(Optional.empty(),
          Optional.empty(), options.jobs(), options.fetch().withHostDelay(delay),
          options.ingestNow()));
      String profile = g.getKey().profile().isEmpty() ? null : g.getKey().profile();
      politeness.await(host, delay);
      try {
        ingester.run(new ArrayList<>(keyByUrl.keySet()),
            o -> outcome(o, keyByUrl.getOrDefault(o.source(), Links.canonical(o.source())), profile),
            progress);
      } finally {
        politeness.used(host);
      }
      save();
    }
  }

  /** Records one article's outcome; called by ingest's workers, in queue order. */
  private synchronized void outcome(Ingester.Outcome o, String key, String profile) {
    state.pending.remove(key);
    switch (o.status()) {
      case INGESTED -> {
        ingested++;
        remember(key, o.id().orElseThrow());
      }
      case UPDATED, UNCHANGED, DUPLICATE -> {
        alreadyStored++;
        remember(key, o.id().orElseThrow());
      }
      case FAILED -> {
        failed++;
        String m = o.message();
        boolean permanent = m.startsWith("not an article") || m.startsWith("not an HTML page")
            || m.startsWith("wrong content type") || m.startsWith("binary file");
        FollowState.Failure f = state.fail(key, o.source(), profile, m, options.clock().instant(),
            permanent);
        if (f.gaveUp) {
          o = new Ingester.Outcome(o.source(), o.status(), o.id(), m
              + (permanent ? "" : " (gave up after " + f.tries + " tries)"));
        } else {
          o = new Ingester.Outcome(o.source(), o.status(), o.id(), m + " (try " + f.tries + " of "
              + FollowState.MAX_TRIES + "; next after " + f.nextTry + ")");
        }
      }
      default -> throw new IllegalStateException(o.status().name());
    }
    listener.article(o);
    if (System.nanoTime() - lastSave > SAVE_EVERY.toNanos()) {
      try {
        save();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The URL it was found under, and the URL the stored article says (after redirects) → id. */
  private void remember(String key, String id) {
    state.failed.remove(key);
    state.stored.put(key, id);
    try {
      store.readMeta(id).flatMap(ArticleMeta::url)
          .ifPresent(u -> state.stored.put(Links.canonical(u), id));
    } catch (ContentException e) {
      // The id is remembered under the URL it was found by; that is enough.
    }
  }

  private synchronized void save() throws IOException {
    state.save(stateFile);
    lastSave = System.nanoTime();
  }
}
