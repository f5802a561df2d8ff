package samizdat.mirror;

import java.util.List;

/**
 * A mirror that cannot start or finish: each problem is one line naming the file or folder. When
 * thrown before copying, nothing on the target was changed.
 */
public final class MirrorException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;
  private final boolean refused;

  public MirrorException(List<String> problems) {
    this(problems, false);
  }

  private MirrorException(List<String> problems, boolean refused) {
    super(problems.isEmpty() ? "mirror failed" : problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
    this.problems = List.copyOf(problems);
    this.refused = refused;
  }

  public MirrorException(String problem) {
    this(List.of(problem));
  }

  /** A mirror refused because it would destroy the copy there (a site that looks empty or wrong). */
  static MirrorException refusal(String problem) {
    return new MirrorException(List.of(problem), true);
  }

  /** True for a refusal: the site looked wrong, nothing was changed. */
  public boolean refused() {
    return refused;
  }

  /** Every problem, one line each. */
  public List<String> problems() {
    return problems;
  }
}
