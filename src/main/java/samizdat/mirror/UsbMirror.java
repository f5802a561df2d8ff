package samizdat.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import samizdat.content.ContentJson;
import samizdat.content.ContentStore;
import samizdat.io.AtomicFiles;
import samizdat.io.Progress;

/**
 * Copies a built site onto a USB stick (or any folder) so that the stick is always usable:
 *
 * <ul>
 *   <li>incremental: a file whose size and SHA-256 already match on the target is not rewritten,
 *       and one whose size and time still match the previous copy's is not even read
 *       ({@link QuickCheck}; {@link #compareEveryByte} reads them all);
 *   <li>crash-safe: each file goes to a temporary name, is synced and renamed, so pulling the stick
 *       leaves every file old or new, never torn; running again completes the copy;
 *   <li>polite: only files this tool wrote (listed in the previous manifest, or in the journal of
 *       an interrupted run) are ever replaced or removed; anything else on the stick is kept, and a
 *       foreign file in the way stops the run before anything is written (unless overwriting was
 *       asked for);
 *   <li>checked up front: FAT32/exFAT name rules, case-insensitive clashes, the 4 GiB limit and
 *       free space are checked before the first byte is copied;
 *   <li>self-describing: {@code README.txt} tells a reader to open {@code index.html}, and
 *       {@code samizdat-manifest.json}, written last, lists every file's size and SHA-256.
 * </ul>
 *
 * <p>One instance per run; not thread-safe.
 */
public final class UsbMirror {
  /** The plain-text note for readers at the root of the copy. */
  public static final String README = "README.txt";
  /**
   * Paths this tool may have written, saved before copying starts: after an interrupted first run
   * there is no manifest yet, and this is how the next run knows those files are its own.
   */
  static final String JOURNAL = ".samizdat-journal";

  private final ContentJson json = new ContentJson();
  private final String tool;
  private final boolean overwrite;
  private final Progress progress;
  private final List<String> warnings = new ArrayList<>();
  private final FreeSpace freeSpace;
  private final boolean allowShrink;
  private boolean compareEveryByte;

  /**
   * @param tool program name and version recorded in the manifest
   * @param overwrite replace files on the target that samizdat did not write (otherwise they stop
   *     the run)
   * @param progress told the bytes processed; warnings also go to it
   */
  public UsbMirror(String tool, boolean overwrite, Progress progress) {
    this(tool, overwrite, false, progress, UsbMirror::usableSpace);
  }

  /**
   * As {@link #UsbMirror(String, boolean, Progress)}; {@code allowShrink} lets a site with fewer
   * than half the article pages of the copy on the target replace it (refused by default: a site
   * built from an empty or wrong content folder looks like that).
   */
  public UsbMirror(String tool, boolean overwrite, boolean allowShrink, Progress progress) {
    this(tool, overwrite, allowShrink, progress, UsbMirror::usableSpace);
  }

  /** For tests: {@code freeSpace} stands in for the target file system's usable space. */
  UsbMirror(String tool, boolean overwrite, Progress progress, FreeSpace freeSpace) {
    this(tool, overwrite, false, progress, freeSpace);
  }

  private UsbMirror(String tool, boolean overwrite, boolean allowShrink, Progress progress, FreeSpace freeSpace) {
    this.tool = tool;
    this.overwrite = overwrite;
    this.allowShrink = allowShrink;
    this.progress = progress;
    this.freeSpace = freeSpace;
  }

  /**
   * Reads and compares every file of the site and of the copy, as {@code verify} does, instead of
   * taking a file whose size and time match the previous copy's as unchanged ({@link QuickCheck}).
   */
  public UsbMirror compareEveryByte(boolean yes) {
    this.compareEveryByte = yes;
    return this;
  }

  /** Usable bytes on the file system holding a folder. */
  @FunctionalInterface
  interface FreeSpace {
    long of(Path dir) throws IOException;
  }

  private static long usableSpace(Path dir) throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  /** What a run did. */
  /**
   * What a run did; {@code notCopied} names the site's files that no stick can hold (a name that
   * is not valid UTF-8), one line each: everything else was copied and the manifest written.
   */
  public record Result(int files, int copied, int unchanged, int removed, long bytesCopied,
      long totalBytes, ArchiveInfo archive, List<String> warnings, List<String> notCopied) {
    public Result {
      warnings = List.copyOf(warnings);
      notCopied = List.copyOf(notCopied);
    }
  }

  /**
   * Mirrors {@code site} into {@code target}.
   *
   * @throws MirrorException when the copy cannot be done; if thrown before copying (names, space,
   *     foreign files in the way) nothing on the target was changed; when some site files could
   *     not be read, all the others were copied, but no manifest was written
   */
  public Result mirror(Path siteDir, Path targetDir) throws IOException, MirrorException {
    Path site = siteDir.toAbsolutePath().normalize();
    Path target = targetDir.toAbsolutePath().normalize();
    checkFolders(site, target, siteDir, targetDir);

    CompletableFuture<TargetLook> lookingAtTarget = TargetLook.start(target, json);
    List<String> notCopied = new ArrayList<>();
    Map<String, FileTime> times = new HashMap<>();
    SortedMap<String, Long> files = SiteFiles.scan(site, this::warn, line -> notCopied.add(siteDir + "/" + line),
        times::put);
    // Mirroring one stick onto another: its manifest is rewritten for the new copy, not copied.
    if (files.remove(Manifest.FILE_NAME) != null) {
      warn(Manifest.FILE_NAME + ": not copied from the site; a new one is written for this copy");
    }
    boolean writeReadme = !files.containsKey(README);
    if (!writeReadme) {
      warn(README + ": the site has its own; not writing the reader's note");
    }
    List<String> nameProblems = FatNames.problems(files);
    if (!nameProblems.isEmpty()) {
      throw new MirrorException(nameProblems.stream().map(p -> siteDir + "/" + p).toList());
    }
    ArchiveInfo archive = ArchiveInfo.read(site, json, this::warn);
    Files.createDirectories(target);

    TargetLook look = TargetLook.await(lookingAtTarget);
    if (!look.manifestProblem().isEmpty()) {
      warn(look.manifestProblem() + "; treating the copy as new");
    }
    Optional<Manifest> previous = look.previous();
    Set<String> owned = look.owned();
    QuickCheck quick = compareEveryByte ? QuickCheck.none() : QuickCheck.of(target, previous);
    checkShrink(files.keySet(), owned, siteDir, targetDir);
    Sha256 sha = new Sha256();

    // Plan everything before touching the target.
    CopyPlan plan = CopyPlan.of(site, target, targetDir, files, look, overwrite, sha);
    List<String> obsolete = new ArrayList<>();
    for (String path : owned) {
      boolean kept = files.containsKey(path) || writeReadme && path.equals(README);
      if (!kept && Files.isRegularFile(SafePaths.resolve(target, path), LinkOption.NOFOLLOW_LINKS)) {
        obsolete.add(path);
      }
    }
    plan.checkSpace(targetDir, files, obsolete, freeSpace.of(target));

    Changes changes = new Changes(target, owned, files.keySet(), writeReadme);
    // Only a run that did not finish leaves temporary files in the site's folders, and it leaves its
    // journal (written before its first change, removed after a whole copy), or no manifest at all.
    // The root is always swept: README.txt and the manifest may be rewritten without a journal.
    boolean unfinished = previous.isEmpty() || Files.exists(target.resolve(JOURNAL));
    StickFiles.removeLeftoverTemporaryFiles(target, unfinished ? files.keySet() : Set.of());
    int removed = 0;
    // Folders whose entries this run changed: synced before the manifest says the copy is whole.
    Set<Path> changedDirs = new TreeSet<>();
    for (String path : obsolete) {
      Path t = SafePaths.resolve(target, path);
      changes.beforeFirst();
      Files.deleteIfExists(t);
      removed++;
      changedDirs.add(StickFiles.removeEmptyParents(target, t.getParent()));
    }

    long total = files.values().stream().mapToLong(Long::longValue).sum();
    progress.startBytes("copying", total, files.size());
    List<ManifestEntry> entries = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int copied = 0;
    int unchanged = 0;
    long bytesCopied = 0;
    for (Map.Entry<String, Long> f : files.entrySet()) {
      String path = f.getKey();
      Path source = SafePaths.resolve(site, path);
      Path t = SafePaths.resolve(target, path);
      CopyPlan.Step step = plan.step(path);
      Optional<ManifestEntry> known = step.action() == CopyPlan.Action.NEW ? Optional.empty()
          : quick.unchanged(path, f.getValue(), times.get(path), step.there().orElseThrow());
      if (known.isPresent()) {
        // Size and time as the previous copy left them: taken as unchanged without reading.
        entries.add(known.get());
        unchanged++;
        progress.advance(f.getValue());
        progress.fileDone();
        continue;
      }
      if (!Files.isReadable(source)) { // asked only of the files that are read
        // One unreadable file must not stop the others; the copy is then incomplete (no manifest).
        failures.add(siteDir + "/" + path + ": cannot be read (" + (Files.exists(source)
            ? "permission denied" : "removed since the start of the copy") + "); not copied");
        progress.advance(f.getValue());
        progress.fileDone();
        continue;
      }
      String hash;
      if (step.action() == CopyPlan.Action.NEW) {
        changes.beforeFirst();
        hash = StickFiles.copy(source, t, sha, progress::advance);
        QuickCheck.keepTime(source, t);
        changedDirs.add(t.getParent());
        copied++;
        bytesCopied += Files.size(t);
      } else {
        // Rewritten only when its bytes differ; its size alone cannot tell.
        hash = sha.of(source, progress::advance);
        if (Files.size(t) != Files.size(source) || !sha.of(t, n -> { }).equals(hash)) {
          changes.beforeFirst();
          hash = StickFiles.copy(source, t, sha, n -> { });
          changedDirs.add(t.getParent());
          copied++;
          bytesCopied += Files.size(t);
        } else {
          unchanged++;
        }
        QuickCheck.keepTime(source, t);
      }
      entries.add(new ManifestEntry(path, Files.size(t), hash));
      progress.fileDone();
    }
    progress.finish();
    if (!failures.isEmpty()) {
      // Without a manifest (and with the journal kept) the next run knows to finish the job.
      throw new MirrorException(concat(failures, targetDir + ": the copy is incomplete (" + failures.size()
          + " files not copied, " + copied + " copied); no manifest written; fix the files and run again"));
    }

    // Each file was synced before its rename; the renames are durable once their folders are,
    // a new folder once the folder holding it is. Deepest first, the stick's root last.
    for (Path dir : StickFiles.deepestFirst(target, changedDirs)) {
      AtomicFiles.syncDirectory(dir);
    }
    if (writeReadme) {
      byte[] readme = ReadmeText.render(archive).getBytes(StandardCharsets.UTF_8);
      // Small files (README, manifest): written durably, and only when their bytes change.
      AtomicFiles.writeIfChanged(target.resolve(README), readme, true);
      sha.digest().reset();
      entries.add(new ManifestEntry(README, readme.length, Sha256.hex(sha.digest().digest(readme))));
    }
    Manifest manifest = Manifest.of(tool, archive, entries);
    AtomicFiles.writeIfChanged(target.resolve(Manifest.FILE_NAME), manifest.toJson(json), true);
    AtomicFiles.syncDirectory(target);
    Files.deleteIfExists(target.resolve(JOURNAL));
    return new Result(files.size(), copied, unchanged, removed, bytesCopied, total, archive, warnings, notCopied);
  }

  /**
   * What happens before the first change to the target: the journal of paths this run may write
   * is saved, and the previous manifest is removed, so that a manifest on the stick always
   * describes a finished copy (an interrupted one has none, and verify says so). A run that
   * changes nothing touches nothing.
   */
  private static final class Changes {
    private final Path target;
    private final Set<String> owned;
    private final Set<String> siteFiles;
    private final boolean writeReadme;
    private boolean started;

    Changes(Path target, Set<String> owned, Set<String> siteFiles, boolean writeReadme) {
      this.target = target;
      this.owned = owned;
      this.siteFiles = siteFiles;
      this.writeReadme = writeReadme;
    }

    void beforeFirst() throws IOException {
      if (started) {
        return;
      }
      started = true;
      // Every path the run may write or remove; sorted only now, as a run without changes needs none.
      Set<String> journal = new TreeSet<>(owned);
      journal.addAll(siteFiles);
      if (writeReadme) {
        journal.add(README);
      }
      AtomicFiles.write(target.resolve(JOURNAL),
          (String.join("\n", journal) + "\n").getBytes(StandardCharsets.UTF_8), true);
      Files.deleteIfExists(target.resolve(Manifest.FILE_NAME));
    }
  }

  private static List<String> concat(List<String> list, String last) {
    List<String> all = new ArrayList<>(list);
    all.add(last);
    return all;
  }

  private void warn(String message) {
    warnings.add(message);
    progress.warn(message);
  }

  private static void checkFolders(Path site, Path target, Path siteArg, Path targetArg) throws MirrorException {
    if (!Files.isDirectory(site)) {
      throw new MirrorException(siteArg + ": no such folder; build the site first (samizdat build)");
    }
    if (!Files.isRegularFile(site.resolve("index.html"))) {
      throw new MirrorException(siteArg + ": no index.html; is this a built site? (samizdat build)");
    }
    if (target.startsWith(site) || site.startsWith(target)) {
      throw new MirrorException(targetArg + ": must be outside the site folder " + siteArg
          + " and not contain it");
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new MirrorException(targetArg + ": not a folder");
    }
    // A content folder (its articles/ and raw/): a slip of the command line, not a stick.
    ContentStore content = new ContentStore(target);
    if (Files.isDirectory(content.articlesDir()) && Files.isDirectory(content.rawDir())) {
      throw MirrorException.refusal(targetArg + ": a samizdat content folder (articles/, raw/), not a"
          + " place for a copy of the site. Nothing was changed. Give a stick or another folder");
    }
  }

  /**
   * Refuses a site with fewer than half the article pages ({@code a/}) of the copy on the target:
   * mirroring it would delete most of the archive from the stick.
   */
  private void checkShrink(Set<String> files, Set<String> owned, Path siteArg, Path targetArg)
      throws MirrorException {
    long had = owned.stream().filter(UsbMirror::isArticlePage).count();
    long has = files.stream().filter(UsbMirror::isArticlePage).count();
    if (!allowShrink && had > 0 && has * 2 < had) {
      throw MirrorException.refusal(siteArg + ": " + has + " article pages, but the copy in " + targetArg
          + " has " + had + "; mirroring would delete " + (had - has) + " of them. Nothing was changed."
          + " Check that the site was built from the right content; if the articles really are gone,"
          + " run again with --allow-shrink");
    }
  }

  /** An article's page, not the other files the build writes beside it (its text for search). */
  private static boolean isArticlePage(String path) {
    return path.startsWith("a/") && path.endsWith(".html");
  }


}
