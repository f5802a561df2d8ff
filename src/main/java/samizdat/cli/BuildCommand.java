package samizdat.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import samizdat.io.FolderLock;
import samizdat.io.IoFailures;
import samizdat.site.BuildOptions;
import samizdat.site.BuildRefusedException;
import samizdat.site.BuildResult;
import samizdat.site.BuildStoppedException;
import samizdat.site.SiteBuilder;
import samizdat.site.render.Templates;

/** {@code samizdat build}: content/ -> site/, incrementally. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
      "Turn the content folder into a static site that works from file://, USB sticks and IPFS.",
      "Only pages whose inputs changed are rendered again; unchanged files keep their mtime."})
final class BuildCommand implements Callable<Integer> {
  @ParentCommand SamizdatCommand top;

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "Content folder to read (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "site",
      description = "Site folder to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Templates folder (default: ./templates if it exists, else the built-in templates).")
  Optional<Path> templates;

  @Option(names = "--title", paramLabel = "TEXT",
      description = "Title of the archive (default: \"" + BuildOptions.DEFAULT_TITLE + "\").")
  Optional<String> title;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Absolute http(s) URL where the site is published; makes the feed's links absolute.")
  Optional<String> baseUrl;

  @Option(names = "--lang", paramLabel = "TAG",
      description = "Language of the site's own pages, e.g. zh-Hans, zh-Hant or en; two or more "
          + "(zh-Hans,en) show every label in each (default: the articles' most common language).")
  Optional<String> lang;

  @Option(names = "--page-size", paramLabel = "N", defaultValue = "20",
      description = "Articles per list page (default: ${DEFAULT-VALUE}). Changing it renumbers every list page.")
  int pageSize;

  @Option(names = "--threads", paramLabel = "N",
      description = "Render threads (default: the number of cores).")
  Optional<Integer> threads;

  @Option(names = "--cache", paramLabel = "FILE",
      description = "Build-state file that makes rebuilds fast (default: .samizdat-cache/<out name>.state next to the site folder).")
  Optional<Path> cache;

  @Option(names = "--force",
      description = "Ignore the build state and render every page (files with unchanged bytes are still not rewritten).")
  boolean force;

  @Option(names = "--allow-shrink",
      description = "Build even when the content has fewer than half the articles of the site"
          + " (refused by default: an unmounted drive or a wrong --content looks like that).")
  boolean allowShrink;

  @Override
  public Integer call() {
    Console console = top.console();
    if (pageSize < 1 || pageSize > 1000) {
      throw new CliException("--page-size must be between 1 and 1000", ExitCodes.USAGE);
    }
    int threadCount = threads.orElse(Runtime.getRuntime().availableProcessors());
    if (threadCount < 1) {
      throw new CliException("--threads must be at least 1", ExitCodes.USAGE);
    }
    Optional<Path> templateDir = templates.or(() -> {
      Path local = Path.of("templates");
      return Files.isRegularFile(local.resolve("header.mustache")) ? Optional.of(local) : Optional.empty();
    });
    if (templateDir.isPresent() && !Files.isDirectory(templateDir.get())) {
      throw new CliException(templateDir.get() + ": no such templates folder", ExitCodes.USAGE);
    }
    Optional<String> base = baseUrl.map(BuildCommand::checkBaseUrl);
    Optional<String> language = lang.map(l -> {
      if (!l.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*(,[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*)*")) {
        throw new CliException("--lang: not a language tag: " + l, ExitCodes.USAGE);
      }
      return l;
    });
    String siteTitle = title.map(String::strip).orElse(BuildOptions.DEFAULT_TITLE);
    if (siteTitle.isEmpty()) {
      throw new CliException("--title must not be empty", ExitCodes.USAGE);
    }
    Path outAbs = out.toAbsolutePath().normalize();
    Path contentAbs = content.toAbsolutePath().normalize();
    if (outAbs.startsWith(contentAbs) || contentAbs.startsWith(outAbs)) {
      throw new CliException(out + ": the site folder must not be inside the content folder or contain it",
          ExitCodes.USAGE);
    }
    if (Files.exists(content) && !Files.isDirectory(content)) {
      throw new CliException(content + ": not a folder (--content names the content folder)", ExitCodes.USAGE);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new CliException(out + ": not a folder (--out names the site folder)", ExitCodes.USAGE);
    }
    Path cacheFile = cache.orElse(BuildOptions.defaultCache(out));
    BuildOptions options = new BuildOptions(content, templateDir, out, cacheFile, siteTitle, language,
        base, pageSize, threadCount, false);
    java.time.Duration wait = top.lockWait();
    // The content is only read; the site is written by one build at a time.
    FolderLock contentLock = Locks.content(content, FolderLock.Mode.SHARED, "samizdat build", wait);
    BuildResult result;
    FolderLock siteLock;
    try {
      siteLock = Locks.site(out, FolderLock.Mode.EXCLUSIVE, "samizdat build", wait);
    } catch (CliException e) {
      contentLock.close();
      throw e;
    }
    try {
      if (force) {
        try {
          Files.deleteIfExists(cacheFile);
        } catch (IOException e) {
          throw new CliException(cacheFile + ": cannot remove build state: " + e.getMessage(), ExitCodes.FAILED);
        }
      }
      result = new SiteBuilder().allowShrink(allowShrink).build(options, console.progress());
    } catch (BuildRefusedException e) {
      console.error(e.getMessage());
      return ExitCodes.REFUSED;
    } catch (BuildStoppedException e) {
      console.error(e.getMessage());
      console.summary("stopped building " + out + ": " + e.written() + " files written, " + e.notWritten()
          + " pages not written; a plain build writes them once the cause is fixed");
      return ExitCodes.STOPPED;
    } catch (IOException e) {
      console.error(e.getMessage(), e);
      return IoFailures.isFatal(e) ? ExitCodes.STOPPED : ExitCodes.FAILED;
    } finally {
      siteLock.close();
      contentLock.close();
    }
    for (String error : result.errors()) {
      console.error(error);
    }
    console.summary(String.format(Locale.ROOT,
        "built %s: %d articles, %d files written, %d unchanged, %d removed, %d errors, %.2f s",
        out, result.articles(), result.written(), result.unchanged(), result.removed(),
        result.errors().size(), result.millis() / 1000.0));
    return result.errors().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static String checkBaseUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new CliException("--base-url must be an absolute http(s) URL: " + url, ExitCodes.USAGE);
      }
    } catch (URISyntaxException e) {
      throw new CliException("--base-url is not a valid URL: " + url, ExitCodes.USAGE);
    }
    return url.endsWith("/") ? url : url + "/";
  }
}
