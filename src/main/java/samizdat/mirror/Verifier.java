package samizdat.mirror;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import samizdat.content.ContentJson;
import samizdat.io.Progress;

/**
 * Checks a copy against its {@code samizdat-manifest.json}: every listed file is re-read and
 * re-hashed. Needs nothing but the copy itself, so a reader who got a stick second-hand can check
 * it.
 *
 * <p>Files that are not listed are <em>extra</em> when they sit inside the archive's own folders
 * (where nobody but the archive puts files; an added script there is how a copy would be
 * tampered with) and merely <em>unrelated</em> at the top of the stick, where people keep their
 * own things.
 */
public final class Verifier {
  private final ContentJson json = new ContentJson();

  /** One problem with a file. */
  public record Problem(Kind kind, String path, String detail) {
    public enum Kind { MISSING, CHANGED, EXTRA }
  }

  /** The outcome: OK when there are no problems. */
  public record Report(Manifest manifest, long checkedFiles, long checkedBytes, List<Problem> problems,
      List<String> unrelated) {
    public Report {
      problems = List.copyOf(problems);
      unrelated = List.copyOf(unrelated);
    }

    public boolean ok() {
      return problems.isEmpty();
    }

    public long count(Problem.Kind kind) {
      return problems.stream().filter(p -> p.kind() == kind).count();
    }
  }

  private static final int IN_FLIGHT = 64;

  /** The outcome for one listed file. */
  private record Checked(boolean present, long size, Optional<Problem> problem) {}

  private static Checked check(Path dir, ManifestEntry e, Sha256 sha, Progress progress) throws IOException {
    Path f = SafePaths.resolve(dir, e.path());
    if (!Files.isRegularFile(f)) {
      progress.advance(e.size());
      return new Checked(false, 0, Optional.of(
          new Problem(Problem.Kind.MISSING, e.path(), "listed in the manifest, not on the copy")));
    }
    long size = Files.size(f);
    String hash = sha.of(f, progress::advance);
    if (size != e.size()) {
      return new Checked(true, size, Optional.of(
          new Problem(Problem.Kind.CHANGED, e.path(), size + " bytes, the manifest says " + e.size())));
    }
    if (!hash.equals(e.sha256())) {
      return new Checked(true, size, Optional.of(new Problem(Problem.Kind.CHANGED, e.path(),
          "content differs from the manifest (SHA-256 " + hash.substring(0, 12) + "…, expected "
              + e.sha256().substring(0, 12) + "…)")));
    }
    return new Checked(true, size, Optional.empty());
  }

  private static Checked await(Future<Checked> f) throws IOException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Verifies the copy in {@code dir}.
   *
   * @throws MirrorException when there is no readable manifest (message names the file)
   */
  public Report verify(Path dir, Progress progress) throws IOException, MirrorException {
    if (!Files.isDirectory(dir)) {
      throw new MirrorException(dir + ": no such folder");
    }
    Manifest manifest;
    try {
      manifest = Manifest.read(dir, json).orElseThrow(() -> new MirrorException(dir + "/"
          + Manifest.FILE_NAME + ": missing; this is not a samizdat copy, or its copy was"
          + " interrupted (run samizdat mirror usb again)"));
    } catch (IOException e) {
      throw new MirrorException(e.getMessage());
    }
    List<Problem> problems = new ArrayList<>();
    long total = manifest.files().stream().mapToLong(ManifestEntry::size).sum();
    progress.startBytes("verifying", total, manifest.files().size());
    long files = 0;
    long bytes = 0;
    Set<String> listed = new HashSet<>();
    Set<String> archiveDirs = new TreeSet<>();
    for (ManifestEntry e : manifest.files()) {
      listed.add(e.path());
      int slash = e.path().lastIndexOf('/');
      while (slash > 0) {
        String d = e.path().substring(0, slash);
        archiveDirs.add(d);
        slash = d.lastIndexOf('/');
      }
    }
    // Files are hashed on one thread per core, a bounded number in flight, results in order.
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
      Thread t = new Thread(r, "verify-hash");
      t.setDaemon(true);
      return t;
    });
    ThreadLocal<Sha256> shas = ThreadLocal.withInitial(Sha256::new);
    Deque<Future<Checked>> inFlight = new ArrayDeque<>();
    try {
      Iterator<ManifestEntry> it = manifest.files().iterator();
      while (it.hasNext() || !inFlight.isEmpty()) {
        while (it.hasNext() && inFlight.size() < IN_FLIGHT) {
          ManifestEntry e = it.next();
          inFlight.add(pool.submit(() -> {
            Checked c = check(dir, e, shas.get(), progress);
            progress.fileDone();
            return c;
          }));
        }
        Checked c = await(inFlight.poll());
        c.problem().ifPresent(problems::add);
        if (c.present()) {
          files++;
          bytes += c.size();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    progress.finish();
    List<String> unrelated = new ArrayList<>();
    for (String d : archiveDirs) {
      Path p = SafePaths.resolve(dir, d);
      if (!Files.isDirectory(p)) {
        continue;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
        for (Path child : s) {
          String rel = d + "/" + samizdat.io.PortableNames.shown(child);
          boolean isDir = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
          if (isDir ? !archiveDirs.contains(rel) : !listed.contains(rel)) {
            problems.add(new Problem(Problem.Kind.EXTRA, rel + (isDir ? "/" : ""),
                "not in the manifest, inside the archive's folders"));
          }
        }
      }
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path child : s) {
        String name = samizdat.io.PortableNames.shown(child);
        boolean isDir = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
        if (!(isDir ? archiveDirs.contains(name) : listed.contains(name)) && !name.equals(Manifest.FILE_NAME)
            && !name.equals(samizdat.io.FolderLock.FILE_NAME)) {
          unrelated.add(name + (isDir ? "/" : ""));
        }
      }
    }
    problems.sort(java.util.Comparator.comparing(Problem::path));
    unrelated.sort(null);
    return new Report(manifest, files, bytes, problems, unrelated);
  }
}
