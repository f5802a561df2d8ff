package samizdat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.jsoup.nodes.Document;

/**
 * The site profiles to choose from: the user's own ({@code profiles/*.json} in the content
 * folder, so they travel with the archive), the ones bundled in the jar ({@code
 * profiles/index.txt} lists them), and the built-in {@code generic} profile for every other page;
 * or a single one the user forced. A user profile with a bundled profile's name replaces it.
 * Immutable.
 */
public final class Profiles {
  private static final String RESOURCE_DIR = "/profiles/";
  /** The folder of the user's profiles inside the content folder. */
  public static final String USER_DIR = "profiles";

  /** The bundled profiles, or their parsing: they are parsed on a thread of their own. */
  private final Future<List<SiteProfile>> bundled;
  private final List<SiteProfile> user;
  private final Optional<SiteProfile> forced;

  private Profiles(Future<List<SiteProfile>> bundled, List<SiteProfile> user,
      Optional<SiteProfile> forced) {
    this.bundled = bundled;
    this.user = List.copyOf(user);
    this.forced = forced;
  }

  /**
   * All bundled profiles and no user profiles; each page picks one (see {@link #choose}). They
   * are parsed on a thread of their own while the caller goes on: the parse is most of Jackson's
   * start-up, about a tenth of a second on two cores, and an ingest walks its folders meanwhile.
   * A bundled profile is part of this jar and tested with it, so one that fails to parse is a
   * bug, reported as an {@link IllegalStateException} on first use.
   */
  public static Profiles bundled() throws ProfileException {
    return new Profiles(parseBundledInBackground(), List.of(), Optional.empty());
  }

  /**
   * The bundled profiles and the user's in {@code userDir} (absent or missing: none), or the one
   * {@code force} names: a user or bundled profile's name, {@code generic}, or a path to a JSON
   * file. A user profile that does not parse is an error naming its file.
   */
  public static Profiles load(Optional<Path> userDir, Optional<String> force)
      throws ProfileException {
    List<SiteProfile> user = readUserProfiles(userDir);
    Future<List<SiteProfile>> bundled = parseBundledInBackground();
    if (force.isEmpty()) {
      return new Profiles(bundled, user, Optional.empty());
    }
    String nameOrFile = force.get();
    if (nameOrFile.equals(SiteProfile.GENERIC)) {
      return new Profiles(bundled, user, Optional.of(SiteProfile.generic()));
    }
    Path file = Path.of(nameOrFile);
    if (nameOrFile.endsWith(".json") || Files.isRegularFile(file)) {
      return new Profiles(bundled, user, Optional.of(readFile(file, nameOrFile)));
    }
    Profiles all = new Profiles(bundled, user, Optional.empty());
    for (SiteProfile p : all.all()) {
      if (p.name().equals(nameOrFile)) {
        return new Profiles(bundled, user, Optional.of(p));
      }
    }
    throw new ProfileException("no profile named \"" + nameOrFile + "\" (known: "
        + String.join(", ", all.names()) + "; or give a path to a .json file)");
  }

  /** The profile {@code nameOrFile} names, with no user profiles (see {@link #load}). */
  public static Profiles forced(String nameOrFile) throws ProfileException {
    return load(Optional.empty(), Optional.of(nameOrFile));
  }

  /** The user's profiles first, then the bundled ones they do not replace. */
  public List<SiteProfile> all() {
    List<SiteProfile> out = new ArrayList<>(user);
    for (SiteProfile p : bundledProfiles()) {
      if (user.stream().noneMatch(u -> u.name().equals(p.name()))) {
        out.add(p);
      }
    }
    return out;
  }

  /** Names of every profile there is to choose from, {@code generic} last. */
  public List<String> names() {
    List<String> names = new ArrayList<>(all().stream().map(SiteProfile::name).toList());
    names.add(SiteProfile.GENERIC);
    return names;
  }

  /**
   * The profile for a page: the forced one; else the one whose hosts cover {@code host} (the
   * user's before the bundled); else the first that claims the page by its {@code match}
   * selectors (see {@link SiteProfile#match}); else the generic one.
   */
  public SiteProfile choose(Optional<String> host, Document page) {
    if (forced.isPresent()) {
      return forced.get();
    }
    List<SiteProfile> all = all();
    if (host.isPresent()) {
      for (SiteProfile p : all) {
        if (p.coversHost(host.get())) {
          return p;
        }
      }
    }
    for (SiteProfile p : all) {
      if (p.claims(page, host.isPresent())) {
        return p;
      }
    }
    return SiteProfile.generic();
  }

  /** Names of the bundled profiles, for messages. */
  public static List<String> bundledNames() throws ProfileException {
    String index = new String(resource("index.txt"), StandardCharsets.UTF_8);
    return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private List<SiteProfile> bundledProfiles() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return bundled.get();
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

  private static Future<List<SiteProfile>> parseBundledInBackground() throws ProfileException {
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
    return parsing;
  }

  /** {@code *.json} in {@code dir}, in name order; two files of one profile name are an error. */
  private static List<SiteProfile> readUserProfiles(Optional<Path> folder) throws ProfileException {
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
      return List.of();
    }
    Path dir = folder.get();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : stream) {
        if (!p.getFileName().toString().startsWith(".")) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw new ProfileException(dir + ": cannot list profiles: " + e.getMessage());
    }
    files.sort(null);
    Map<String, Path> seen = new HashMap<>();
    Map<String, SiteProfile> out = new LinkedHashMap<>();
    for (Path f : files) {
      SiteProfile p = readFile(f, f.toString());
      Path other = seen.putIfAbsent(p.name(), f);
      if (other != null) {
        throw new ProfileException(f + ": profile name \"" + p.name() + "\" is also used by " + other);
      }
      out.put(p.name(), p);
    }
    return List.copyOf(out.values());
  }

  private static SiteProfile readFile(Path file, String label) throws ProfileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ProfileException(label + ": cannot read profile: no such file");
    } catch (IOException e) {
      throw new ProfileException(label + ": cannot read profile: " + e.getMessage());
    }
    return SiteProfile.parse(bytes, label);
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
