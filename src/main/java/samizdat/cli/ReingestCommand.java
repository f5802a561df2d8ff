package samizdat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import samizdat.content.ContentStore;
import samizdat.ingest.FetchSettings;
import samizdat.ingest.Ingester;
import samizdat.ingest.ProfileException;
import samizdat.ingest.Profiles;
import samizdat.io.FolderLock;
import samizdat.io.Progress;

/** {@code samizdat reingest}: every stored article read again from its kept raw page. */
@Command(
    name = "reingest",
    description = {
      "Read every article of the content folder again from its kept raw page (raw/<id>.html.gz) "
          + "with the current extractor and profiles, e.g. after an upgrade or a profile edit.",
      "Only articles whose files change are rewritten; each keeps its id, first-ingest time, and "
          + "the URL, date and images it had where the page does not give them. No network.",
      "stdout: 'updated ID: PROFILE: what changed' per changed article, then a summary."
    },
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true)
final class ReingestCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;
  @Spec CommandSpec spec;

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "Content folder to re-read (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(names = "--profile", paramLabel = "NAME|FILE",
      description = "Read every article with this profile (a profile's name, generic, or a JSON "
          + "file). Default: chosen per page, as ingest does.")
  String profile;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Articles processed at once (default: number of CPUs).")
  Integer jobs;

  @Override
  public Integer call() {
    Console console = top.console();
    if (jobs != null && jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
    }
    if (!Files.isDirectory(content.resolve("articles"))) {
      throw new CliException(content + ": not a content folder (no articles/ in it)", ExitCodes.USAGE);
    }
    Profiles chosen;
    try {
      chosen = Profiles.load(Optional.of(content.resolve(Profiles.USER_DIR)),
          Optional.ofNullable(profile));
    } catch (ProfileException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
    int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    Ingester.Options options = new Ingester.Options(Optional.empty(), Optional.empty(), workers,
        FetchSettings.defaults("reingest"), IngestCommand.now(System.getenv()));
    Ingester ingester = new Ingester(new ContentStore(content), chosen, options);
    Progress progress = console.progress();
    // What changed, counted by field ("body", "title", "profile" …) for the summary.
    Map<String, Integer> why = new TreeMap<>();
    Ingester.Summary summary;
    FolderLock lock = Locks.content(content, FolderLock.Mode.EXCLUSIVE, "samizdat reingest", top.lockWait());
    try {
      summary = ingester.reingest(o -> {
        switch (o.status()) {
          case FAILED -> console.error(o.source() + ": " + o.message());
          case UPDATED -> {
            console.summary("updated " + o.id().orElse("-") + ": " + o.message());
            count(why, o.message());
          }
          default -> { }
        }
      }, progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", ExitCodes.FAILED);
    } finally {
      lock.close();
    }
    StringBuilder line = new StringBuilder()
        .append("reingested ").append(summary.updated() + summary.unchanged() + summary.failed())
        .append(": updated ").append(summary.updated())
        .append(", unchanged ").append(summary.unchanged())
        .append(", failed ").append(summary.failed());
    if (!why.isEmpty()) {
      line.append("; changed:");
      why.forEach((k, v) -> line.append(' ').append(k).append(' ').append(v).append(','));
      line.setLength(line.length() - 1);
    }
    if (ingester.stoppedBy().isPresent()) {
      console.error(ingester.stoppedBy().get().advice());
      console.summary(line + "; stopped, not done " + ingester.notDone());
      return ExitCodes.STOPPED;
    }
    console.summary(line.toString());
    return summary.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** Counts the parts of one "PROFILE: a, b" or "profile X → Y: a, b" message. */
  private static void count(Map<String, Integer> why, String message) {
    int colon = message.indexOf(": ");
    String by = colon < 0 ? "" : message.substring(0, colon);
    if (by.startsWith("profile ")) {
      why.merge("profile", 1, Integer::sum);
    }
    for (String part : message.substring(colon + 2).split(", ")) {
      why.merge(part.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
  }
}
