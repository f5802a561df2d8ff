package samizdat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.jsoup.nodes.Document;

/**
 * The site profiles to choose from: the ones bundled in the jar ({@code profiles/index.txt} lists
 * them) or a single one the user named. Immutable.
 */
public final class Profiles {
  private static final String RESOURCE_DIR = "/profiles/";

  /** The profiles, or their parsing: bundled ones are parsed on a thread of their own. */
  private final Future<List<SiteProfile>> all;
  private final boolean forced;

  private Profiles(List<SiteProfile> all, boolean forced) {
    this(CompletableFuture.completedFuture(List.copyOf(all)), forced);
  }

  private Profiles(Future<List<SiteProfile>> all, boolean forced) {
    this.all = all;
    this.forced = forced;
  }

  /**
   * All bundled profiles; the page picks one by host or body selector. They are parsed on a
   * thread of their own while the caller goes on: the parse is most of Jackson's start-up, about
   * a tenth of a second on two cores, and an ingest walks its folders meanwhile. A bundled
   * profile is part of this jar and tested with it, so one that fails to parse is a bug, reported
   * as an {@link IllegalStateException} on first use.
   */
  public static Profiles bundled() throws ProfileException {
    List<String> names = bundledNames();
    FutureTask<List<SiteProfile>> parsing = new FutureTask<>(() -> {
      List<SiteProfile> list = new ArrayList<>();
      for (String name : names) {
        list.add(loadBundled(name));
      }
      return List.copyOf(list);
    });
    Thread thread = new Thread(parsing, "samizdat-profiles");
    thread.setDaemon(true);
    thread.start();
    return new Profiles(parsing, false);
  }

  /**
   * The profile {@code nameOrFile} names: a bundled profile's name, or a path to a JSON file.
   * Every page is then read with it.
   */
  public static Profiles forced(String nameOrFile) throws ProfileException {
    Path file = Path.of(nameOrFile);
    if (nameOrFile.endsWith(".json") || Files.exists(file)) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new ProfileException(nameOrFile + ": cannot read profile: " + e.getMessage());
      }
      return new Profiles(List.of(SiteProfile.parse(bytes, nameOrFile)), true);
    }
    List<String> names = bundledNames();
    if (!names.contains(nameOrFile)) {
      throw new ProfileException("no profile named \"" + nameOrFile + "\" (bundled: "
          + String.join(", ", names) + "; or give a path to a .json file)");
    }
    return new Profiles(List.of(loadBundled(nameOrFile)), true);
  }

  public List<SiteProfile> all() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return all.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("bundled profiles: " + e.getCause().getMessage(), e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The profile for a page: the forced one; else the one whose hosts cover {@code host}; else the
   * first whose body and title selectors both match the page. Empty when none fits.
   */
  public Optional<SiteProfile> choose(Optional<String> host, Document page) {
    List<SiteProfile> all = all();
    if (forced) {
      return Optional.of(all.get(0));
    }
    if (host.isPresent()) {
      for (SiteProfile p : all) {
        if (p.coversHost(host.get())) {
          return Optional.of(p);
        }
      }
    }
    for (SiteProfile p : all) {
      if (p.body().first(page).isPresent()
          && p.title().stream().anyMatch(t -> t.first(page).isPresent())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Names of the bundled profiles, for messages. */
  public static List<String> bundledNames() throws ProfileException {
    String index = new String(resource("index.txt"), StandardCharsets.UTF_8);
    return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static SiteProfile loadBundled(String name) throws ProfileException {
    return SiteProfile.parse(resource(name + ".json"), "profile " + name);
  }

  private static byte[] resource(String name) throws ProfileException {
    try (InputStream in = Profiles.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new ProfileException("bundled profile resource missing: " + RESOURCE_DIR + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ProfileException("cannot read bundled " + RESOURCE_DIR + name + ": " + e.getMessage());
    }
  }
}
