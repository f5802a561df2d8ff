package samizdat.site;

import java.util.List;

/**
 * What a build did.
 *
 * @param articles articles in the site
 * @param written files written (new or changed)
 * @param unchanged files left as they were
 * @param removed stale files removed
 * @param errors one line per content file that could not be used (the rest was built)
 * @param millis wall-clock time
 */
public record BuildResult(int articles, int written, int unchanged, int removed, List<String> errors,
    long millis) {
  public BuildResult {
    errors = List.copyOf(errors);
  }
}
