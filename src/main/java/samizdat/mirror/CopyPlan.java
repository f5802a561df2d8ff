package samizdat.mirror;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * What {@link UsbMirror} will do with each site file, decided by looking at the target once and
 * before anything is written: copy it anew, check it against the copy already there, or adopt an
 * identical file that someone else put there. Each folder on the target is looked at once, however
 * many files it holds, and no file below a folder the target lacks is looked for; the attributes
 * found are kept for the size-and-time check, so a file of a large, unchanged copy costs one
 * look at the target in all.
 */
final class CopyPlan {
  enum Action { NEW, CHECK, ADOPT }

  /**
   * One site file's action; {@code there} is what the target held at its path when planned
   * (empty for {@link Action#NEW}).
   */
  record Step(Action action, Optional<BasicFileAttributes> there) {}

  /** What a folder of the site is on the target. */
  private enum FolderKind { FOLDER, ABSENT, FOREIGN_FILE }

  /** {@code file}: the path of the foreign file in the way, when there is one. */
  private record Folder(FolderKind kind, String file) {
    static final Folder EXISTS = new Folder(FolderKind.FOLDER, "");
    static final Folder ABSENT = new Folder(FolderKind.ABSENT, "");
  }

  private final Path target;
  private final Set<String> owned;
  private final Map<String, Folder> folders = new HashMap<>();
  private final Map<String, Step> steps = new HashMap<>();
  private long newFolders;

  private CopyPlan(Path target, Set<String> owned) {
    this.target = target;
    this.owned = owned;
  }

  /**
   * Plans the copy of {@code files} (relative path and size) from {@code site} to {@code target},
   * with what {@code look} found there (the paths this tool wrote, and what each is now).
   *
   * @throws MirrorException naming every file in the way, when there are any
   */
  static CopyPlan of(Path site, Path target, Path targetArg, SortedMap<String, Long> files, TargetLook look,
      boolean overwrite, Sha256 sha) throws IOException, MirrorException {
    Set<String> owned = look.owned();
    CopyPlan plan = new CopyPlan(target, owned);
    // A set: the files below one foreign file in the way all name that one file.
    Set<String> conflicts = new LinkedHashSet<>();
    for (Map.Entry<String, Long> f : files.entrySet()) {
      String path = f.getKey();
      Folder folder = plan.folder(parent(path));
      if (folder.kind() == FolderKind.FOREIGN_FILE) {
        conflicts.add(targetArg + "/" + folder.file() + ": is a file not written by samizdat, but the site"
            + " needs a folder there; move it away");
        continue;
      }
      if (folder.kind() == FolderKind.ABSENT) {
        plan.steps.put(path, new Step(Action.NEW, Optional.empty()));
        continue;
      }
      BasicFileAttributes seen = look.attributes().get(path);
      Optional<BasicFileAttributes> there = seen != null ? Optional.of(seen)
          : StickFiles.attributes(SafePaths.resolve(target, path));
      if (there.isPresent() && there.get().isDirectory()) {
        conflicts.add(targetArg + "/" + path + ": is a folder, but the site has a file there; move it away");
      } else if (there.isEmpty()) {
        plan.steps.put(path, new Step(Action.NEW, there));
      } else if (owned.contains(path) || overwrite) {
        plan.steps.put(path, new Step(Action.CHECK, there));
      } else if (there.get().size() == f.getValue()
          && StickFiles.sameContent(sha, SafePaths.resolve(site, path), SafePaths.resolve(target, path))) {
        plan.steps.put(path, new Step(Action.ADOPT, there)); // same content already there: ours from now on
      } else {
        conflicts.add(targetArg + "/" + path + ": already exists and was not written by samizdat;"
            + " move it away or use --overwrite");
      }
    }
    if (!conflicts.isEmpty()) {
      throw new MirrorException(List.copyOf(conflicts));
    }
    return plan;
  }

  Step step(String path) {
    return steps.get(path);
  }

  /**
   * The target's folder at {@code dir} ("" is the target): a file of ours in the way counts as
   * absent (it is removed, as no longer in the site, before copying starts).
   */
  private Folder folder(String dir) throws IOException {
    if (dir.isEmpty()) {
      return Folder.EXISTS;
    }
    Folder known = folders.get(dir);
    if (known != null) {
      return known;
    }
    Folder above = folder(parent(dir));
    Folder here = above;
    if (above.kind() == FolderKind.FOLDER) {
      Optional<BasicFileAttributes> a = StickFiles.attributes(SafePaths.resolve(target, dir));
      if (a.isEmpty() || !a.get().isDirectory() && owned.contains(dir)) {
        here = Folder.ABSENT;
      } else if (!a.get().isDirectory()) {
        here = new Folder(FolderKind.FOREIGN_FILE, dir);
      }
    }
    if (here.kind() != FolderKind.FOLDER) {
      newFolders++;
    }
    folders.put(dir, here);
    return here;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /**
   * Fails before copying when the target cannot hold the new and changed files. Sizes are rounded
   * up to the file system's block size (a stick formatted with 128 KiB clusters holds far fewer
   * small files than its byte count says); obsolete files are removed first, so their space counts.
   */
  void checkSpace(Path targetArg, SortedMap<String, Long> files, List<String> obsolete, long usable)
      throws IOException, MirrorException {
    FileStore store = Files.getFileStore(target);
    long block = 4096;
    try {
      block = Math.max(512, store.getBlockSize());
    } catch (UnsupportedOperationException e) {
      // keep the common default
    }
    long need = 0;
    long largestReplaced = 0;
    for (Map.Entry<String, Long> f : files.entrySet()) {
      long size = roundUp(f.getValue(), block);
      Step step = steps.get(f.getKey());
      if (step.action() == Action.NEW) {
        need += size;
      } else if (step.action() == Action.CHECK) {
        long old = roundUp(step.there().orElseThrow().size(), block);
        need += Math.max(0, size - old);
        largestReplaced = Math.max(largestReplaced, size); // old and new coexist until the rename
      }
    }
    long freed = 0;
    for (String path : obsolete) {
      freed += roundUp(Files.size(SafePaths.resolve(target, path)), block);
    }
    // Directories, README.txt, the journal and the manifest (about 120 bytes a file).
    long overhead = (newFolders + 3) * block + roundUp(files.size() * 240L, block);
    long required = need + largestReplaced + overhead - freed;
    if (required > usable) {
      long siteBytes = files.values().stream().mapToLong(Long::longValue).sum();
      throw new MirrorException(targetArg + ": not enough space: the copy needs " + ByteSizes.human(required)
          + ", only " + ByteSizes.human(usable) + " is free (the site is " + ByteSizes.human(siteBytes) + " in "
          + files.size() + " files); nothing was copied");
    }
  }

  private static long roundUp(long size, long block) {
    return size == 0 ? 0 : (size + block - 1) / block * block;
  }
}
