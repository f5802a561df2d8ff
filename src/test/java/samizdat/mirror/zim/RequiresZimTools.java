package samizdat.mirror.zim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, with the reason, where openZIM's and Kiwix's tools (Debian packages
 * {@code zim-tools} and {@code kiwix-tools}) are not installed, so Maven counts its tests as
 * skipped rather than not at all. Under CI ({@code CI} set) nothing is skipped: .ci/run installs
 * them, and a missing tool must fail the run, which {@link #tool} then does.
 */
public final class RequiresZimTools implements ExecutionCondition {
  static final List<String> TOOLS = List.of("zimcheck", "zimdump", "kiwix-serve");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> missing = missing();
    if (missing.isEmpty() || System.getenv("CI") != null) {
      return ConditionEvaluationResult.enabled("zim-tools and kiwix-tools installed");
    }
    return ConditionEvaluationResult.disabled(missing.get());
  }

  static Optional<String> missing() {
    for (String tool : TOOLS) {
      if (find(tool).isEmpty()) {
        return Optional.of("ZIM tool test skipped: " + tool + " not found (apt-get install zim-tools kiwix-tools)");
      }
    }
    return Optional.empty();
  }

  /** The path of {@code name} on the PATH; fails (under CI too) where it is missing. */
  static Path tool(String name) {
    return find(name).orElseThrow(() -> new IllegalStateException(
        name + " not found on the PATH (apt-get install zim-tools kiwix-tools; .ci/run installs them)"));
  }

  private static Optional<Path> find(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
