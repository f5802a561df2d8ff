package samizdat.site.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import samizdat.content.ContentStore;

/**
 * The cheap test behind a no-change rebuild: a digest of every content file's name, size and
 * mtime, plus the templates, code and settings. When it equals the previous build's, and every
 * file that build wrote is still there with its size, there is nothing to do; no metadata is
 * parsed and no page is looked at. Files modified within seconds of the previous build are not
 * trusted (their mtime may hide a second change), so then the full incremental build runs.
 */
public final class InputsDigest {
  private InputsDigest() {}

  /**
   * The digest, whether every input is old enough for it to be trusted, and what it was made of
   * (so that loading the content need not list and stat it again).
   *
   * @param ids the article ids, sorted
   * @param stats per id: size and mtime (ms) of its metadata file, then of its body file; a size
   *     of -1 means not a regular file, both -1 that it could not be read
   */
  public record Digest(byte[] value, boolean trusted, List<String> ids, long[][] stats) {}

  public static Digest of(ContentStore store, byte[] settings, BuildState previous) throws IOException {
    List<String> ids = store.ids();
    long[][] stats = new long[ids.size()][];
    IntStream.range(0, ids.size()).parallel().forEach(i -> {
      long[] meta = stat(store.metaFile(ids.get(i)));
      long[] body = stat(store.bodyFile(ids.get(i)));
      stats[i] = new long[] {meta[0], meta[1], body[0], body[1]};
    });
    Fingerprint fp = new Fingerprint().add("inputs").add(settings).add(ids.size());
    long newest = Long.MIN_VALUE;
    for (int i = 0; i < ids.size(); i++) {
      fp.add(ids.get(i));
      for (long v : stats[i]) {
        fp.add(v);
      }
      newest = Math.max(newest, Math.max(stats[i][1], stats[i][3]));
    }
    Path media = store.mediaDir();
    if (Files.isDirectory(media)) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> list = Files.list(media)) {
        list.forEach(files::add);
      }
      files.sort(null);
      fp.add(files.size());
      for (Path f : files) {
        long[] s = stat(f);
        fp.add(f.getFileName().toString()).add(s[0]).add(s[1]);
        newest = Math.max(newest, s[1]);
      }
    }
    return new Digest(fp.done(), newest < previous.savedAt - 2000, List.copyOf(ids), stats);
  }

  /** True when every file the previous build wrote is in {@code out} with the recorded size and mtime. */
  public static boolean outputIntact(Path out, BuildState previous) {
    return previous.files.entrySet().parallelStream().allMatch(e -> {
      long[] s = stat(out.resolve(e.getKey()));
      return s[0] == e.getValue().size() && s[1] == e.getValue().mtime();
    });
  }

  private static long[] stat(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new long[] {a.isRegularFile() ? a.size() : -1, a.lastModifiedTime().toMillis()};
    } catch (IOException e) {
      return new long[] {-1, -1};
    }
  }
}
