package samizdat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import samizdat.ingest.FetchSettings;
import samizdat.ingest.Ingester;
import samizdat.ingest.ProfileException;
import samizdat.ingest.Profiles;
import samizdat.ingest.ProxyChoice;
import samizdat.ingest.ProxyException;
import samizdat.io.FolderLock;
import samizdat.io.Progress;

/** {@code samizdat ingest}: pages, folders and URLs into the content folder. */
@Command(
    name = "ingest",
    description = {
      "Turn news pages into content files: articles/<id>.md (body), articles/<id>.json "
          + "(metadata), raw/<id>.html.gz (the page as read) and media/ (images).",
      "SOURCE is a file (any name; HTML, or a page saved as one file: MHTML, Safari's web "
          + "archive), a folder (searched recursively for *.html, *.htm, *.xhtml, *.html.gz, "
          + "*.mhtml, *.mht, *.webarchive) or an http(s) URL.",
      "stdout: one line per source (status, id, source), then a summary line."
    },
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true)
final class IngestCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", arity = "0..*", description = "Files, folders or URLs.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--list", paramLabel = "FILE",
      description = "Also read sources from FILE, one per line (blank lines and # comments are "
          + "skipped; relative paths are relative to FILE's folder). Repeatable.")
  List<Path> lists = new ArrayList<>();

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "Content folder to write to (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(names = "--profile", paramLabel = "NAME|FILE",
      description = "Site profile to read every page with: a profile's name (bundled, or in "
          + "DIR/profiles/), generic, or a JSON file. Default: chosen per page by host, else by "
          + "the profiles' match selectors, else generic.")
  String profile;

  @Option(names = "--url", paramLabel = "URL",
      description = "The page's URL, for a single saved page that does not state it.")
  String url;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "The publication date, for a single page that does not state it.")
  String date;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Sources processed at once (default: number of CPUs, at least 4 when any "
          + "source is a URL). This also bounds concurrent downloads.")
  Integer jobs;

  @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "1",
      description = "Minimum time between two requests to the same host (default: ${DEFAULT-VALUE}).")
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
      description = "Largest page accepted, in MB, after decompression (default: ${DEFAULT-VALUE}).")
  int maxSizeMb;

  @Option(names = "--proxy", paramLabel = "URL",
      description = "Fetch through this proxy: http://HOST:PORT, socks5://HOST:PORT, or "
          + "socks5h://HOST:PORT where the proxy resolves host names (Tor, .onion, no DNS lookup "
          + "here). Default: https_proxy, http_proxy or ALL_PROXY from the environment; NO_PROXY "
          + "lists hosts that go direct.")
  String proxy;

  @Override
  public Integer call() {
    Console console = top.console();
    List<String> all = new ArrayList<>(sources);
    for (Path list : lists) {
      all.addAll(readList(list));
    }
    if (all.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Missing SOURCE: give files, folders, URLs or --list FILE");
    }
    if ((url != null || date != null) && all.size() != 1) {
      throw new ParameterException(spec.commandLine(),
          "--url and --date describe one page; give exactly one SOURCE with them");
    }
    if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new ParameterException(spec.commandLine(), "--url must be an http(s) URL: " + url);
    }
    Optional<LocalDate> published = Optional.empty();
    if (date != null) {
      try {
        published = Optional.of(LocalDate.parse(date));
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "--date must be YYYY-MM-DD: " + date);
      }
    }
    if (timeout <= 0 || delay < 0 || retries < 0 || maxSizeMb <= 0 || (jobs != null && jobs < 1)) {
      throw new ParameterException(spec.commandLine(),
          "--timeout and --max-size must be positive, --delay and --retries not negative, --jobs at least 1");
    }
    Path contentAbs = content.toAbsolutePath().normalize();
    for (String source : all) {
      if (!source.startsWith("http://") && !source.startsWith("https://")
          && Path.of(source).toAbsolutePath().normalize().equals(contentAbs)) {
        throw new ParameterException(spec.commandLine(),
            source + ": is the content folder itself; give the pages to ingest (reingest re-reads stored ones)");
      }
    }
    java.time.Duration wait = top.lockWait();
    Profiles chosen;
    try {
      chosen = Profiles.load(Optional.of(content.resolve(Profiles.USER_DIR)),
          Optional.ofNullable(profile));
    } catch (ProfileException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
    boolean anyUrl = all.stream().anyMatch(s -> s.startsWith("http://") || s.startsWith("https://"));
    int cpus = Runtime.getRuntime().availableProcessors();
    int workers = jobs != null ? jobs : anyUrl ? Math.max(4, cpus) : cpus;
    FetchSettings fetch = FetchSettings.defaults(version())
        .withReadTimeout(Duration.ofMillis((long) (timeout * 1000)))
        .withRetries(retries)
        .withHostDelay(Duration.ofMillis((long) (delay * 1000)))
        .withMaxPageBytes((long) maxSizeMb << 20)
        // A proxy variable that is wrong does not stop an ingest of files, which fetches nothing.
        .withProxies(anyUrl || proxy != null ? proxies(proxy, System.getenv())
            : ProxyChoice.direct());
    Ingester.Options options = new Ingester.Options(Optional.ofNullable(url), published, workers,
        fetch, now(System.getenv()));

    Ingester ingester = new Ingester(new ContentStore(content), chosen, options);
    Progress progress = console.progress();
    Ingester.Summary summary;
    FolderLock lock = Locks.content(content, FolderLock.Mode.EXCLUSIVE, "samizdat ingest", wait);
    try {
      summary = ingester.run(all, outcome -> report(console, progress, outcome), progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", ExitCodes.FAILED);
    } finally {
      lock.close();
    }
    return finish(console, ingester, summary);
  }

  /** The summary line and exit code; a run stopped by a full disk says so and what it left. */
  static int finish(Console console, Ingester ingester, Ingester.Summary summary) {
    if (ingester.proxyDown().isPresent()) {
      console.error(proxyStopped(ingester.proxyDown().get()));
      console.summary(summary.line() + "; stopped, not done " + ingester.notDone());
      return ExitCodes.STOPPED;
    }
    if (ingester.stoppedBy().isPresent()) {
      console.error(ingester.stoppedBy().get().advice());
      console.summary(summary.line() + "; stopped, not done " + ingester.notDone());
      return ExitCodes.STOPPED;
    }
    console.summary(summary.line());
    return summary.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private static void report(Console console, Progress progress, Ingester.Outcome o) {
    switch (o.status()) {
      case FAILED -> console.error(o.source() + ": " + o.message());
      case DUPLICATE -> {
        progress.warn(o.source() + ": " + o.message());
        console.summary("duplicate " + o.id().orElse("-") + " " + o.source());
      }
      default -> console.summary(o.status().name().toLowerCase(java.util.Locale.ROOT) + " "
          + o.id().orElse("-") + " " + o.source());
    }
  }

  private List<String> readList(Path list) {
    List<String> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(list + ": cannot read list: "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()),
          ExitCodes.USAGE);
    }
    Path dir = list.toAbsolutePath().getParent();
    for (String line : lines) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      if (s.startsWith("http://") || s.startsWith("https://")) {
        out.add(s);
      } else {
        Path p = Path.of(s);
        out.add(p.isAbsolute() ? s : dir.resolve(p).normalize().toString());
      }
    }
    return out;
  }

  /**
   * The time recorded as first ingest: now, or SOURCE_DATE_EPOCH (seconds since 1970, the
   * reproducible-builds convention) when it is set, so repeated runs give identical files.
   */
  static Instant now(Map<String, String> env) {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
    } catch (NumberFormatException e) {
      throw new CliException("SOURCE_DATE_EPOCH must be a number of seconds: " + epoch, ExitCodes.USAGE);
    }
  }

  /**
   * The proxy of a run: --proxy, else the environment's (see {@link ProxyChoice}). A wrong proxy
   * URL is a usage error, named by where it came from.
   */
  static ProxyChoice proxies(String option, Map<String, String> env) {
    try {
      return ProxyChoice.of(Optional.ofNullable(option), env);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** The one line for a run stopped by its proxy. */
  static String proxyStopped(ProxyException e) {
    return e.getMessage() + "; stopped (start the proxy, or give another with --proxy, and run "
        + "again)";
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
