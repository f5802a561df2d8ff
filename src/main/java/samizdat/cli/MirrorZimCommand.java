package samizdat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import samizdat.mirror.ByteSizes;
import samizdat.mirror.zim.ZimExport;
import samizdat.mirror.zim.ZimOptions;

/** `samizdat mirror zim --zim FILE.zim`: the site as one ZIM file for Kiwix. */
@Command(
    name = "zim",
    description = {
      "Write the built site as one ZIM file (openZIM 6) for Kiwix on phones, desktops and"
          + " kiwix-serve: every site file at its own path, byte for byte; index.html as the main"
          + " page; page titles for Kiwix's title search; the library metadata (title, language,"
          + " date, 48x48 illustration from the site's icon) from the site unless given below.",
      "The file is written under a temporary name and renamed at the end; the same site gives"
          + " the same bytes. Hidden files (names starting with '.') are left out."},
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    sortOptions = false)
final class MirrorZimCommand implements Callable<Integer> {
  @ParentCommand MirrorCommand parent;

  @Option(names = "--zim", paramLabel = "FILE.zim", required = true,
      description = "The ZIM file to write (replaced atomically).")
  Path zim;

  @Option(names = "--site", paramLabel = "DIR", defaultValue = "site",
      description = "The built site to export (default: ${DEFAULT-VALUE}).")
  Path site;

  @Option(names = "--name", paramLabel = "NAME",
      description = "Stable identifier of the archive across versions (default: from the title and"
          + " language, e.g. samizdat-news-archive_zh_all).")
  Optional<String> name;

  @Option(names = "--title", paramLabel = "TEXT",
      description = "Title in the Kiwix library, at most 30 characters (default: the site's title).")
  Optional<String> title;

  @Option(names = "--description", paramLabel = "TEXT",
      description = "One line, at most 80 characters (default: article count and date range).")
  Optional<String> description;

  @Option(names = "--language", paramLabel = "CODE",
      description = "ISO 639-3 code(s), comma-separated, or a BCP 47 tag (default: the site's language).")
  Optional<String> language;

  @Option(names = "--creator", paramLabel = "TEXT", description = "Who made the content (default: the site's title).")
  Optional<String> creator;

  @Option(names = "--publisher", paramLabel = "TEXT", description = "Who made this file (default: samizdat).")
  Optional<String> publisher;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Date of the content (default: the newest article's date).")
  Optional<LocalDate> date;

  @Option(names = "--source", paramLabel = "URL",
      description = "Where the archive is published online (default: the site's --base-url, if it was built with one).")
  Optional<String> source;

  @Override
  public Integer call() {
    Console console = parent.top.console();
    if (!Files.isDirectory(site)) {
      throw new CliException(site + ": no such folder; build the site first (samizdat build)", ExitCodes.FAILED);
    }
    ZimOptions options = new ZimOptions(MirrorCommand.toolVersion(), name, title, description, language,
        creator, publisher, date, source);
    ZimExport.Result r;
    try {
      r = ZimExport.export(site, zim, options, console.progress());
    } catch (IOException e) {
      throw new CliException(MirrorCommand.describe(e) + "; " + zim + " was not changed", ExitCodes.FAILED, e);
    }
    console.summary("wrote " + zim + ": " + r.files() + " files (" + ByteSizes.human(r.contentBytes()) + ") in "
        + ByteSizes.human(r.fileBytes()) + ", " + r.articles() + " pages in Kiwix's title search");
    console.summary("ZIM: " + r.metadata().get("Title") + " (" + r.metadata().get("Name") + ", language "
        + r.metadata().get("Language") + ", " + r.metadata().get("Date") + "), UUID " + r.uuid());
    console.summary("Open it in Kiwix (Android, iOS, desktop), or serve it: kiwix-serve --port 8080 " + zim);
    return ExitCodes.OK;
  }
}
