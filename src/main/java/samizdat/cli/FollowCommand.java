package samizdat.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import samizdat.content.ContentStore;
import samizdat.follow.FollowList;
import samizdat.follow.FollowSource;
import samizdat.follow.Follower;
import samizdat.ingest.FetchSettings;
import samizdat.ingest.Ingester;
import samizdat.ingest.ProxyException;
import samizdat.io.FolderLock;
import samizdat.io.Progress;

/** {@code samizdat follow}: what is new on followed sites, fetched once, into the content folder. */
@Command(
    name = "follow",
    description = {
      "Keep the archive current: read feeds (RSS, Atom, JSON Feed), sitemaps and listing pages, "
          + "and ingest each article not stored yet, as 'ingest URL' would.",
      "With no URL, the sources are read from CONTENT/follow.txt (one URL a line, # comments, "
          + "optionally --pages N and a profile name after the URL).",
      "What was fetched, the sources' ETag/Last-Modified and failed articles (retried later with "
          + "a growing wait) are remembered in CONTENT/follow/state.json.",
      "stdout: one line per article fetched (status, id, URL), then a summary line."
    },
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true)
final class FollowCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", arity = "0..*",
      description = "Feeds, sitemaps, sitemap indexes or listing pages (told apart by content).")
  List<String> urls = new ArrayList<>();

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "Content folder to write to (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(names = "--profile", paramLabel = "NAME|FILE",
      description = "Site profile for the URLs given here and their articles (default: chosen "
          + "per page as ingest does). Lines of follow.txt name their own.")
  String profile;

  @Option(names = "--pages", paramLabel = "N", defaultValue = "5",
      description = "Listing (or feed) pages read per source, following next-page links "
          + "(default: ${DEFAULT-VALUE}).")
  int pages;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1",
      description = "Requests to one host at once (default: ${DEFAULT-VALUE}, politely).")
  int jobs;

  @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "1",
      description = "Minimum time between two requests to the same host; a longer robots.txt "
          + "Crawl-delay wins (default: ${DEFAULT-VALUE}).")
  double delay;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Time allowed per HTTP response; connecting gets at most 10 s "
          + "(default: ${DEFAULT-VALUE}).")
  double timeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "Retries after a timeout, HTTP 429 or 5xx, waiting 1 s, 2 s, 4 s, ... or what "
          + "Retry-After says, up to 60 s (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--max-size", paramLabel = "MB", defaultValue = "16",
      description = "Largest page, feed or sitemap accepted, in MB, after decompression "
          + "(default: ${DEFAULT-VALUE}).")
  int maxSizeMb;

  @Option(names = "--proxy", paramLabel = "URL",
      description = "Fetch through this proxy: http://HOST:PORT, socks5://HOST:PORT, or "
          + "socks5h://HOST:PORT where the proxy resolves host names (Tor, .onion, no DNS lookup "
          + "here). Default: https_proxy, http_proxy or ALL_PROXY from the environment; NO_PROXY "
          + "lists hosts that go direct.")
  String proxy;

  @Option(names = "--ignore-robots",
      description = "Fetch what robots.txt disallows, and ignore its Crawl-delay.")
  boolean ignoreRobots;

  @Override
  public Integer call() {
    Console console = top.console();
    if (timeout <= 0 || delay < 0 || retries < 0 || maxSizeMb <= 0 || jobs < 1 || pages < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout and --max-size must be positive, "
          + "--delay and --retries not negative, --jobs and --pages at least 1");
    }
    List<FollowSource> sources = new ArrayList<>();
    int badLines = 0;
    if (urls.isEmpty()) {
      Path list = content.resolve(FollowList.FILE);
      FollowList.Parsed parsed;
      try {
        parsed = FollowList.read(list, pages);
      } catch (NoSuchFileException e) {
        throw new ParameterException(spec.commandLine(), "Missing URL: give feeds, sitemaps or "
            + "listing pages, or list them in " + list);
      } catch (IOException e) {
        throw new CliException(list + ": cannot read: " + e.getMessage(), ExitCodes.USAGE);
      }
      for (String error : parsed.errors()) {
        console.error(error);
      }
      badLines = parsed.errors().size();
      sources.addAll(parsed.sources());
      if (sources.isEmpty() && badLines == 0) {
        throw new CliException(list + ": no sources in it (one URL a line)", ExitCodes.USAGE);
      }
    } else {
      for (String u : urls) {
        if (!u.regionMatches(true, 0, "http://", 0, 7) && !u.regionMatches(true, 0, "https://", 0, 8)) {
          throw new ParameterException(spec.commandLine(), "not an http(s) URL: " + u);
        }
        sources.add(new FollowSource(u, pages, Optional.ofNullable(profile)));
      }
    }
    FetchSettings fetch = FetchSettings.defaults(version())
        .withReadTimeout(Duration.ofMillis((long) (timeout * 1000)))
        .withRetries(retries)
        .withHostDelay(Duration.ofMillis((long) (delay * 1000)))
        .withMaxPageBytes((long) maxSizeMb << 20)
        .withProxies(IngestCommand.proxies(proxy, System.getenv()));
    Follower.Options options = new Follower.Options(fetch, jobs, ignoreRobots,
        IngestCommand.now(System.getenv()), Clock.systemUTC(), Duration.ofMinutes(1));
    Progress progress = console.progress();
    boolean[] anyFailed = {badLines > 0};
    Follower.Listener listener = new Follower.Listener() {
      @Override
      public void article(Ingester.Outcome o) {
        switch (o.status()) {
          case FAILED -> console.error(o.source() + ": " + o.message());
          case DUPLICATE -> {
            progress.warn(o.source() + ": " + o.message());
            console.summary("duplicate " + o.id().orElse("-") + " " + o.source());
          }
          default -> console.summary(o.status().name().toLowerCase(Locale.ROOT) + " "
              + o.id().orElse("-") + " " + o.source());
        }
      }

      @Override
      public void sourceFailed(String url, String message) {
        anyFailed[0] = true;
        console.error(url + ": " + message);
      }
    };
    Follower.Summary summary;
    // One writer at a time in a content folder: an ingest at the same moment waits (docs/safety.md).
    FolderLock lock = Locks.content(content, FolderLock.Mode.EXCLUSIVE, "samizdat follow", top.lockWait());
    try {
      summary = new Follower(new ContentStore(content), options).run(sources, listener, progress);
    } catch (Follower.FollowException e) {
      throw new CliException(e.getMessage(), ExitCodes.FAILED);
    } catch (ProxyException e) {
      // What was found and not fetched stays queued in the state for the next run.
      console.error(IngestCommand.proxyStopped(e));
      return ExitCodes.STOPPED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", ExitCodes.FAILED);
    } finally {
      lock.close();
    }
    console.summary(summary.line());
    return anyFailed[0] || summary.failed() > 0 || summary.sourcesFailed() > 0
        ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
