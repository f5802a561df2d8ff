package samizdat.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: holds the options every subcommand inherits and the console they print to. */
@Command(
    name = "samizdat",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Turn news pages into a durable offline archive and a static site that works with no network.",
    subcommands = {
      IngestCommand.class,
      FollowCommand.class,
      ReingestCommand.class,
      ProfileCommand.class,
      BuildCommand.class,
      MirrorCommand.class,
      VerifyCommand.class,
    },
    sortOptions = false,
    usageHelpAutoWidth = true)
public final class SamizdatCommand implements Runnable {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;

  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print stack traces with errors, and more detail.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "No progress or warnings on stderr; errors and the stdout summary still print.")
  boolean quiet;

  @Option(names = "--lock-wait", paramLabel = "SECONDS", scope = ScopeType.INHERIT, defaultValue = "10",
      description = "How long to wait for another samizdat run that uses the same content folder,"
          + " site or stick to finish (default: ${DEFAULT-VALUE}); then exit with code 3.")
  double lockWait;

  SamizdatCommand(PrintWriter out, PrintWriter err, boolean interactive) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  boolean verbose() {
    return verbose;
  }

  /** How long to wait for another run's lock. */
  java.time.Duration lockWait() {
    if (!(lockWait >= 0) || lockWait > 86_400) {
      throw new ParameterException(spec.commandLine(), "--lock-wait must be between 0 and 86400 seconds");
    }
    return java.time.Duration.ofMillis((long) (lockWait * 1000));
  }

  /** The console for the options as parsed. */
  Console console() {
    return new Console(out, err, interactive && !quiet, quiet, verbose, interactive);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: ingest, follow, reingest, profile, build, mirror or verify");
  }
}
