package samizdat.mirror.ipfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The entries of one directory that an export takes, in the order of their UTF-8 names (the
 * order of a UnixFS directory's links), each with one {@code lstat} and what the export cache
 * knows of it.
 */
final class DirectoryListing {
  private DirectoryListing() {}

  /**
   * A directory entry to export.
   *
   * @param known for a file the cache knows none of whose blocks the sink wants: what the cache
   *     knows; the file need not be read at all
   */
  record Child(Path path, String name, byte[] utf8, FileStamp.Listed attrs,
      Optional<ExportCache.KnownFile> known) {}

  private record Named(Path path, String name, byte[] utf8) {}

  /**
   * The entries of {@code dir} ({@code rel} below the root) to export. Hidden entries (names
   * starting with '.') are left out as {@code ipfs add} does without {@code --hidden}, symbolic
   * links and special files with a warning.
   */
  static List<Child> list(Path dir, String rel, boolean unixView, ExportCache.Directory cached,
      BlockSink sink, Consumer<String> warnings) throws IOException {
    List<Named> named = new ArrayList<>();
    try (var stream = Files.newDirectoryStream(dir)) {
      for (Path child : stream) {
        String name = child.getFileName().toString();
        named.add(new Named(child, name, name.getBytes(StandardCharsets.UTF_8)));
      }
    }
    named.sort((a, b) -> Arrays.compareUnsigned(a.utf8(), b.utf8()));
    List<Child> kept = new ArrayList<>(named.size());
    for (Named n : named) {
      if (n.name().startsWith(".")) {
        warnings.accept(join(rel, n.name()) + ": hidden, not exported (like ipfs add without --hidden)");
        continue;
      }
      FileStamp.Listed attrs = FileStamp.read(n.path(), unixView);
      if (!attrs.directory() && !attrs.regularFile()) {
        warnings.accept(join(rel, n.name()) + ": "
            + (attrs.symbolicLink() ? "symbolic link" : "not a regular file") + ", not exported");
        continue;
      }
      Optional<ExportCache.KnownFile> known = attrs.regularFile()
          ? cached.lookup(n.name(), attrs.stamp()) : Optional.empty();
      if (known.isPresent() && wantsAny(sink, known.get().blocks())) {
        known = Optional.empty();
      }
      kept.add(new Child(n.path(), n.name(), n.utf8(), attrs, known));
    }
    return kept;
  }

  private static boolean wantsAny(BlockSink sink, List<Cid> blocks) {
    for (Cid b : blocks) {
      if (sink.wants(b)) {
        return true;
      }
    }
    return false;
  }

  /** The '/'-separated path of {@code name} in directory {@code rel} ("" for the root). */
  static String join(String rel, String name) {
    return rel.isEmpty() ? name : rel + "/" + name;
  }
}
