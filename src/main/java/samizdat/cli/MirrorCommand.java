package samizdat.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `samizdat mirror`: the group of ways to get a built site to readers ({@code usb}, {@code ipfs}). */
@Command(
    name = "mirror",
    description = "Copy the built site to a USB stick, export it for IPFS, or write it as a ZIM file for Kiwix.",
    subcommands = {MirrorUsbCommand.class, MirrorIpfsCommand.class, MirrorZimCommand.class},
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    sortOptions = false)
final class MirrorCommand implements Runnable {
  @ParentCommand SamizdatCommand top;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: usb, ipfs or zim");
  }

  /** The version recorded in manifests: "samizdat 0.1.0". */
  static String toolVersion() {
    return new ManifestVersion().getVersion()[0];
  }

  /** A one-line message for an I/O failure, naming the file. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException f) {
      return f.getFile() + ": no such file or folder";
    }
    if (e instanceof AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + ": " + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
