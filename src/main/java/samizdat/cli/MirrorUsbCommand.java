package samizdat.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import samizdat.io.FolderLock;
import samizdat.io.IoFailures;
import samizdat.mirror.ByteSizes;
import samizdat.mirror.MirrorException;
import samizdat.mirror.UsbMirror;

/** `samizdat mirror usb TARGET_DIR`: incremental, crash-safe copy of the site with a manifest. */
@Command(
    name = "usb",
    description = {
      "Copy the built site into TARGET_DIR (a mounted USB stick, SD card or any folder).",
      "Only new and changed files are written, each to a temporary name, synced, then renamed:"
          + " an interrupted copy is completed by running again. Files samizdat did not write are"
          + " never touched. README.txt and samizdat-manifest.json (sizes and SHA-256 of every"
          + " file, written last) go to the root; check a copy with `samizdat verify`."},
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    sortOptions = false)
final class MirrorUsbCommand implements Callable<Integer> {
  @ParentCommand MirrorCommand parent;

  @Parameters(index = "0", paramLabel = "TARGET_DIR", description = "Where the copy goes (created if missing).")
  Path target;

  @Option(names = "--site", paramLabel = "DIR", defaultValue = "site",
      description = "The built site to copy (default: ${DEFAULT-VALUE}).")
  Path site;

  @Option(names = "--overwrite",
      description = "Replace files in the way that samizdat did not write (default: stop and name them).")
  boolean overwrite;

  @Option(names = "--allow-shrink",
      description = "Mirror even a site with fewer than half the article pages of the copy in TARGET_DIR"
          + " (refused by default: a site built from an empty or wrong content folder looks like that).")
  boolean allowShrink;

  @Option(names = "--checksum",
      description = "Read and compare every file of the site and of the copy (as verify does)."
          + " By default a file whose size and time match the previous copy's is taken as unchanged.")
  boolean checksum;

  @Override
  public Integer call() {
    Console console = parent.top.console();
    UsbMirror.Result r;
    java.time.Duration wait = parent.top.lockWait();
    if (!java.nio.file.Files.isDirectory(site)) {
      throw new CliException(site + ": no such folder; build the site first (samizdat build)", ExitCodes.REFUSED);
    }
    if (java.nio.file.Files.exists(target) && !java.nio.file.Files.isDirectory(target)) {
      throw new CliException(target + ": not a folder", ExitCodes.USAGE);
    }
    // The site is only read (a build waits until the copy is done); the stick has one writer.
    FolderLock siteLock = Locks.site(site, FolderLock.Mode.SHARED, "samizdat mirror usb", wait);
    FolderLock targetLock = FolderLock.none();
    try {
      targetLock = Locks.target(target, wait);
      r = new UsbMirror(MirrorCommand.toolVersion(), overwrite, allowShrink, console.progress())
          .compareEveryByte(checksum).mirror(site, target);
    } catch (MirrorException e) {
      e.problems().forEach(console::error);
      return e.refused() ? ExitCodes.REFUSED : ExitCodes.FAILED;
    } catch (IOException e) {
      throw new CliException(MirrorCommand.describe(e) + " (run again to complete the copy)",
          IoFailures.isFatal(e) ? ExitCodes.STOPPED : ExitCodes.FAILED, e);
    } finally {
      targetLock.close();
      siteLock.close();
    }
    console.summary("mirrored " + site + " to " + target + ": " + r.files() + " files ("
        + ByteSizes.human(r.totalBytes()) + "); " + r.copied() + " copied (" + ByteSizes.human(r.bytesCopied()) + "), "
        + r.unchanged() + " unchanged, " + r.removed() + " removed"
        + (r.notCopied().isEmpty() ? "" : ", " + r.notCopied().size() + " not copied (named below)"));
    String about = r.archive().describe();
    console.summary("archive: " + r.archive().title() + (about.isEmpty() ? "" : " (" + about + ")"));
    console.summary("check the copy with: samizdat verify " + target);
    // The rest is copied and complete; these few the user must rename (docs/safety.md).
    r.notCopied().forEach(console::error);
    return r.notCopied().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
