package samizdat.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import samizdat.mirror.ByteSizes;
import samizdat.mirror.MirrorException;
import samizdat.mirror.Verifier;

/** `samizdat verify TARGET_DIR`: re-hash a copy against its samizdat-manifest.json. */
@Command(
    name = "verify",
    description = {
      "Check a copy made by `samizdat mirror usb` (by you or anyone else): every file listed in"
          + " its samizdat-manifest.json is re-read and its SHA-256 compared. Reports missing,"
          + " changed and extra files; exit code 0 when the copy is intact, 1 otherwise."},
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    sortOptions = false)
final class VerifyCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;

  @Parameters(index = "0", paramLabel = "TARGET_DIR", description = "The copy to check (e.g. a USB stick).")
  Path target;

  @Override
  public Integer call() {
    Console console = top.console();
    Verifier.Report report;
    try {
      report = new Verifier().verify(target, console.progress());
    } catch (MirrorException e) {
      e.problems().forEach(console::error);
      return ExitCodes.FAILED;
    } catch (IOException e) {
      throw new CliException(MirrorCommand.describe(e), ExitCodes.FAILED, e);
    }
    for (Verifier.Problem p : report.problems()) {
      console.summary(String.format(Locale.ROOT, "%-8s %s: %s", p.kind().name().toLowerCase(Locale.ROOT),
          p.path(), p.detail()));
    }
    var m = report.manifest();
    String about = m.archive().describe();
    console.summary("archive: " + m.archive().title() + (about.isEmpty() ? "" : " (" + about + ")")
        + ", copied by " + m.tool());
    if (!report.unrelated().isEmpty()) {
      console.summary("not part of the archive (not checked): " + String.join(", ", report.unrelated()));
    }
    if (report.ok()) {
      console.summary("OK: " + report.checkedFiles() + " files (" + ByteSizes.human(report.checkedBytes())
          + ") match " + target.resolve("samizdat-manifest.json"));
      return ExitCodes.OK;
    }
    console.summary("FAILED: " + report.problems().size() + " problems ("
        + report.count(Verifier.Problem.Kind.MISSING) + " missing, "
        + report.count(Verifier.Problem.Kind.CHANGED) + " changed, "
        + report.count(Verifier.Problem.Kind.EXTRA) + " extra) in " + m.fileCount() + " files");
    console.error(target + ": the copy does not match its manifest");
    return ExitCodes.FAILED;
  }
}
