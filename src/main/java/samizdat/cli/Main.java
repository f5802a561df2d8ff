package samizdat.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point. The static {@code main} only wires the process's streams; everything else runs
 * in-process through {@link #run}, which is what the tests call.
 */
public final class Main {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;

  /**
   * @param out where data and summaries go (stdout)
   * @param err where diagnostics and progress go (stderr)
   * @param interactive whether the process runs on a terminal (progress bars instead of count
   *     lines, and summary lines flushed one by one)
   */
  public Main(PrintWriter out, PrintWriter err, boolean interactive) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  public static void main(String[] args) {
    // Straight to the file descriptor: System.out flushes on every write, which would undo the
    // buffering of summary lines that Console does when stdout is a pipe or a file.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = new Main(out, err, System.console() != null).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code (see {@link ExitCodes} and docs/safety.md). */
  public int run(String... args) {
    SamizdatCommand top = new SamizdatCommand(out, err, interactive);
    CommandLine cl = new CommandLine(top);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (top.verbose()) {
        ex.printStackTrace(err);
      }
      String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
      err.println("samizdat: " + message);
      err.flush();
      return ex instanceof CliException ce ? ce.exitCode() : ExitCodes.FAILED;
    });
    cl.setParameterExceptionHandler((ex, args1) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("samizdat: " + Console.printable(ex.getMessage()));
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      c.getErr().flush();
      return ExitCodes.USAGE;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
