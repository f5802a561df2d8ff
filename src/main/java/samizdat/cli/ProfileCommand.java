package samizdat.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import samizdat.content.Translation;
import samizdat.ingest.ProfileException;
import samizdat.ingest.ProfilePreview;
import samizdat.ingest.Profiles;

/** {@code samizdat profile}: site profiles — which there are, and what one makes of pages. */
@Command(
    name = "profile",
    description = "Site profiles: list them, or test one against saved pages.",
    subcommands = {ProfileCommand.ListProfiles.class, ProfileCommand.Test.class},
    mixinStandardHelpOptions = true)
final class ProfileCommand implements Runnable {
  @ParentCommand SamizdatCommand top;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: list or test");
  }

  /** {@code samizdat profile list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The profiles ingest chooses from: the content folder's own, then the bundled ones, then generic.")
  static final class ListProfiles implements Callable<Integer> {
    @ParentCommand ProfileCommand parent;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
        description = "Content folder whose profiles/ to include (default: ${DEFAULT-VALUE}).")
    Path content;

    @Override
    public Integer call() {
      Console console = parent.top.console();
      Profiles profiles = load(content, Optional.empty());
      for (var p : profiles.all()) {
        console.summary(p.name() + "\t" + String.join(" ", p.hosts()) + "\t" + p.description());
      }
      console.summary("generic\t\tAny news page: body, title and metadata found generically.");
      return ExitCodes.OK;
    }
  }

  /** {@code samizdat profile test}. */
  @Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
      description = {
        "Show what a profile extracts from saved pages, writing nothing: title, date, language, "
            + "authors, tags, what its drop rules removed, and the start of the body.",
        "PROFILE is a profile's name (bundled, or in DIR/profiles/), generic, a JSON file, or "
            + "auto (chosen per page, as ingest does)."
      })
  static final class Test implements Callable<Integer> {
    @ParentCommand ProfileCommand parent;

    @Parameters(index = "0", paramLabel = "PROFILE", description = "NAME, FILE.json, generic or auto.")
    String profile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PAGE", description = "Saved pages.")
    List<Path> pages = new ArrayList<>();

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
        description = "Content folder whose profiles/ are known by name (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "12",
        description = "Body lines to show; 0 for the whole body (default: ${DEFAULT-VALUE}).")
    int lines;

    @Override
    public Integer call() {
      Console console = parent.top.console();
      Profiles profiles = load(content, profile.equals("auto") ? Optional.empty() : Optional.of(profile));
      ProfilePreview preview = new ProfilePreview(profiles);
      int failed = 0;
      for (Path page : pages) {
        ProfilePreview.Result r;
        try {
          r = preview.read(page);
        } catch (ProfilePreview.Refused e) {
          console.error(page + ": " + e.getMessage());
          failed++;
          continue;
        }
        show(console, r);
      }
      return failed > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private void show(Console out, ProfilePreview.Result r) {
      out.summary("== " + r.page() + " (profile " + r.profile() + ")");
      out.summary("title:     " + r.title());
      out.summary("url:       " + r.url().orElse("-"));
      out.summary("date:      " + r.published().map(LocalDate::toString).orElse("-"));
      out.summary("language:  " + r.language());
      out.summary("authors:   " + orDash(String.join(", ", r.authors())));
      out.summary("tags:      " + orDash(String.join(", ", r.tags())));
      out.summary("source:    " + r.source().orElse("-"));
      out.summary("image:     " + r.leadImage().orElse("-"));
      for (Translation t : r.translations()) {
        out.summary("edition:   " + t.language() + " " + t.url());
      }
      for (String d : r.dropped()) {
        out.summary("dropped:   " + d);
      }
      List<String> body = r.markdown().lines().filter(l -> !l.isBlank()).toList();
      int chars = r.markdown().codePointCount(0, r.markdown().length());
      out.summary("body:      " + body.size() + " blocks, " + chars + " characters");
      int shown = lines == 0 ? body.size() : Math.min(lines, body.size());
      for (int i = 0; i < shown; i++) {
        out.summary("  " + body.get(i));
      }
      if (shown < body.size()) {
        out.summary("  … " + (body.size() - shown) + " more blocks (--lines 0 shows all)");
      }
      out.summary("");
    }

    private static String orDash(String s) {
      return s.isEmpty() ? "-" : s;
    }
  }

  private static Profiles load(Path content, Optional<String> force) {
    try {
      return Profiles.load(Optional.of(content.resolve(Profiles.USER_DIR)), force);
    } catch (ProfileException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
  }
}
