package samizdat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `samizdat mirror` (placeholder until the feature lands). */
@Command(name = "mirror", description = "Not implemented yet.")
final class MirrorCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;

  @Override
  public Integer call() {
    throw new CliException("mirror is not implemented yet", ExitCodes.FAILED);
  }
}
