package samizdat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `samizdat verify` (placeholder until the feature lands). */
@Command(name = "verify", description = "Not implemented yet.")
final class VerifyCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;

  @Override
  public Integer call() {
    throw new CliException("verify is not implemented yet", ExitCodes.FAILED);
  }
}
