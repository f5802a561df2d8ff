package samizdat.e2e;

import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a browser test class, with the reason, where Chromium or its driver is not installed, so
 * that Maven's summary counts its tests as skipped (an assumption failing in {@code @BeforeAll}
 * made them vanish: "Tests run: 0"). Under CI ({@code CI} set) nothing is skipped: .ci/run
 * installs both, and a missing one must fail the run, which {@link Browser#start} then does.
 */
public final class RequiresBrowser implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> missing = missing();
    if (missing.isEmpty() || System.getenv("CI") != null) {
      return ConditionEvaluationResult.enabled("chromium and chromedriver installed");
    }
    return ConditionEvaluationResult.disabled(missing.get());
  }

  /** What is missing for the browser tests, as a line that says how to install it. */
  static Optional<String> missing() {
    if (!Files.isExecutable(Browser.CHROMIUM)) {
      return Optional.of("browser test skipped: " + Browser.CHROMIUM
          + " not found (apt-get install chromium chromium-driver)");
    }
    if (!Files.isExecutable(Browser.CHROMEDRIVER)) {
      return Optional.of("browser test skipped: " + Browser.CHROMEDRIVER
          + " not found (apt-get install chromium-driver)");
    }
    return Optional.empty();
  }
}
