package samizdat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `samizdat build` (placeholder until the feature lands). */
@Command(name = "build", description = "Not implemented yet.")
final class BuildCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;

  @Override
  public Integer call() {
    throw new CliException("build is not implemented yet", ExitCodes.FAILED);
  }
}
