package samizdat.mirror;

import java.util.List;

/**
 * A mirror that cannot start or finish: each problem is one line naming the file or folder. When
 * thrown before copying, nothing on the target was changed.
 */
public final class MirrorException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public MirrorException(List<String> problems) {
    super(problems.isEmpty() ? "mirror failed" : problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
    this.problems = List.copyOf(problems);
  }

  public MirrorException(String problem) {
    this(List.of(problem));
  }

  /** Every problem, one line each. */
  public List<String> problems() {
    return problems;
  }
}
