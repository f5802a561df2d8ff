package samizdat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * The site profiles to choose from: the ones bundled in the jar ({@code profiles/index.txt} lists
 * them) or a single one the user named. Immutable.
 */
public final class Profiles {
  private static final String RESOURCE_DIR = "/profiles/";

  private final List<SiteProfile> all;
  private final boolean forced;

  private Profiles(List<SiteProfile> all, boolean forced) {
    this.all = List.copyOf(all);
    this.forced = forced;
  }

  /** All bundled profiles; the page picks one by host or body selector. */
  public static Profiles bundled() throws ProfileException {
    List<SiteProfile> list = new ArrayList<>();
    for (String name : bundledNames()) {
      list.add(loadBundled(name));
    }
    return new Profiles(list, false);
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
    return all;
  }

  /**
   * The profile for a page: the forced one; else the one whose hosts cover {@code host}; else the
   * first whose body and title selectors both match the page. Empty when none fits.
   */
  public Optional<SiteProfile> choose(Optional<String> host, Document page) {
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
