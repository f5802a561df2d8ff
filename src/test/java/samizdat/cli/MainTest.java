package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsEveryCommandAndExitsZero() {
    CliRun r = CliRun.run("--help");
    assertEquals(0, r.exitCode());
    for (String cmd : new String[] {"ingest", "build", "mirror", "verify"}) {
      assertTrue(r.out().contains(cmd), "help mentions " + cmd + ":\n" + r.out());
    }
  }

  @Test
  void versionPrintsTheToolName() {
    CliRun r = CliRun.run("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("samizdat "), r.out());
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun r = CliRun.run();
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("samizdat: Missing command"), r.err());
  }

  @Test
  void unknownOptionIsAUsageErrorWithOneLineMessage() {
    CliRun r = CliRun.run("--no-such-option");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().lines().findFirst().orElse("").contains("--no-such-option"), r.err());
  }
}
