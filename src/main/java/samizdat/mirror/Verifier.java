package samizdat.mirror;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
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
    Sha256 sha = new Sha256();
    long total = manifest.files().stream().mapToLong(ManifestEntry::size).sum();
    progress.start("verifying " + manifest.files().size() + " files, bytes", total);
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
      Path f = SafePaths.resolve(dir, e.path());
      if (!Files.isRegularFile(f)) {
        problems.add(new Problem(Problem.Kind.MISSING, e.path(), "listed in the manifest, not on the copy"));
        progress.advance(e.size());
        continue;
      }
      long size = Files.size(f);
      String hash = sha.of(f, progress::advance);
      files++;
      bytes += size;
      if (size != e.size()) {
        problems.add(new Problem(Problem.Kind.CHANGED, e.path(), size + " bytes, the manifest says " + e.size()));
      } else if (!hash.equals(e.sha256())) {
        problems.add(new Problem(Problem.Kind.CHANGED, e.path(), "content differs from the manifest (SHA-256 "
            + hash.substring(0, 12) + "…, expected " + e.sha256().substring(0, 12) + "…)"));
      }
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
          String rel = d + "/" + child.getFileName();
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
        String name = child.getFileName().toString();
        boolean isDir = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
        if (!(isDir ? archiveDirs.contains(name) : listed.contains(name)) && !name.equals(Manifest.FILE_NAME)) {
          unrelated.add(name + (isDir ? "/" : ""));
        }
      }
    }
    problems.sort(java.util.Comparator.comparing(Problem::path));
    unrelated.sort(null);
    return new Report(manifest, files, bytes, problems, unrelated);
  }
}
