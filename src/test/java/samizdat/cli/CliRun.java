package samizdat.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it printed; for tests of every command. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out, true), new PrintWriter(err, true), false).run(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
