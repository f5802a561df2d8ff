package samizdat.mirror;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import samizdat.content.ContentJson;

/**
 * What the target held when the run started: the previous copy's manifest, the paths this tool
 * wrote there, and what each of those paths is now. Taken on a second thread while the site is
 * scanned: for a large copy both are a look at every file, and together they were most of a day's
 * run.
 *
 * @param previous the manifest of the copy on the target; empty when there is none or it is unusable
 * @param manifestProblem why an existing manifest could not be used ("" when it could, or there is none)
 * @param owned paths listed in the previous manifest and in the journal of an interrupted run
 * @param attributes what the target holds at each owned path (absent: nothing there)
 */
record TargetLook(Optional<Manifest> previous, String manifestProblem, Set<String> owned,
    Map<String, BasicFileAttributes> attributes) {

  /** Starts looking at {@code target} on another thread. */
  static CompletableFuture<TargetLook> start(Path target, ContentJson json) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return of(target, json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The result of {@link #start}, its failure thrown as it was. */
  static TargetLook await(CompletableFuture<TargetLook> look) throws IOException {
    try {
      return look.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  static TargetLook of(Path target, ContentJson json) throws IOException {
    Optional<Manifest> previous = Optional.empty();
    String problem = "";
    try {
      previous = Manifest.read(target, json);
    } catch (IOException e) {
      problem = e.getMessage();
    }
    Set<String> owned = new LinkedHashSet<>();
    previous.ifPresent(m -> m.files().forEach(e -> owned.add(e.path())));
    Path journal = target.resolve(UsbMirror.JOURNAL);
    if (Files.isRegularFile(journal)) {
      for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
        if (SafePaths.isSafeRelative(line)) {
          owned.add(line);
        }
      }
    }
    Map<String, BasicFileAttributes> attributes = new HashMap<>();
    for (String path : owned) {
      try {
        StickFiles.attributes(SafePaths.resolve(target, path)).ifPresent(a -> attributes.put(path, a));
      } catch (IOException e) {
        // left for the plan to look at again, and to report if it must
      }
    }
    return new TargetLook(previous, problem, owned, attributes);
  }
}
