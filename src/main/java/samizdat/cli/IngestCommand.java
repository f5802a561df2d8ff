package samizdat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `samizdat ingest` (placeholder until the feature lands). */
@Command(name = "ingest", description = "Not implemented yet.")
final class IngestCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;

  @Override
  public Integer call() {
    throw new CliException("ingest is not implemented yet", ExitCodes.FAILED);
  }
}
