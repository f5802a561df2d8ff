package samizdat.follow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import samizdat.ingest.FetchSettings;
import samizdat.ingest.Ingester;
import samizdat.ingest.Links;
import samizdat.ingest.Profiles;
import samizdat.ingest.ProxyException;
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
 *
 * <p>This class starts and ends a run (lock, state, leftovers of a killed run) and goes through
 * the sources; {@link SourceReader} finds a source's links, {@link ArticleQueue} queues and ingests
 * them, {@link HostRules} keeps robots.txt and each host's pace, and {@link Pass} holds what they
 * share (the state, the counts of the summary).
 */
public final class Follower {
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

  public Follower(ContentStore store, Options options) {
    this.store = store;
    this.options = options;
    this.followDir = store.root().resolve("follow");
    this.stateFile = followDir.resolve("state.json");
  }

  /** The file that holds what follow remembers. */
  public static Path stateFile(Path content) {
    return content.resolve("follow").resolve("state.json");
  }

  /**
   * Follows {@code list} once; one run per content folder at a time.
   *
   * @throws ProxyException when the proxy cannot be used: the run stops there, what it found and
   *     did not fetch stays queued for the next run
   */
  public Summary run(List<FollowSource> list, Listener listener, Progress progress)
      throws FollowException, ProxyException, InterruptedException {
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
    Pass pass;
    try {
      FollowState state;
      try {
        state = FollowState.load(stateFile);
      } catch (IOException e) {
        throw new FollowException(e.getMessage());
      }
      pass = new Pass(store, state, stateFile, listener, progress);
      removeLeftovers();
      learnStoredArticles(pass);
      HostRules hosts = new HostRules(pass, options.fetch(), options.ignoreRobots());
      SourceReader reader = new SourceReader(pass, hosts, options.clock(),
          options.fetch().maxPageBytes());
      ArticleQueue articles = new ArticleQueue(pass, hosts, options);
      try {
        // What a killed run had queued and not finished.
        articles.ingest(new ArrayList<>(state.pending.values()));
        for (FollowSource source : list) {
          follow(source, pass, reader, articles);
        }
        articles.retryFailures();
      } finally {
        pass.save();
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
    return pass.summary();
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
  private void learnStoredArticles(Pass pass) {
    FollowState state = pass.state;
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
        pass.progress.warn(e.getMessage());
      }
    }
  }

  // ------------------------------------------------------------------ one source

  /** Reads a source, queues its new article links and ingests them. */
  private static void follow(FollowSource source, Pass pass, SourceReader reader,
      ArticleQueue articles) throws ProxyException, InterruptedException, IOException {
    pass.sources++;
    pass.progress.start("follow " + source.url(), 0);
    Optional<Profiles> chosen = pass.profiles(source.profile());
    if (chosen.isEmpty()) {
      pass.progress.finish();
      return;
    }
    Set<String> links = new LinkedHashSet<>();
    Map<String, FollowState.Source> validators = new LinkedHashMap<>();
    boolean ok;
    try {
      ok = reader.read(source, chosen.get(), links, validators);
    } finally {
      pass.progress.finish();
    }
    if (!ok) {
      pass.sourcesFailed++;
    }
    List<FollowState.Pending> queue = articles.queue(links, source.profile());
    // The queue and the validators that say it is done are saved together: a run killed from
    // here on finds the queue; one killed before reads the source again, unconditionally.
    pass.state.sources.putAll(validators);
    pass.save();
    articles.ingest(queue);
  }
}
