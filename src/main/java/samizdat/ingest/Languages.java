package samizdat.ingest;

import java.util.List;
import java.util.Optional;

/** Placeholder until language detection lands (branch lang). */
final class Languages {
  private Languages() {}

  static String decide(List<String> declared, CharSequence text, Optional<String> profileDefault) {
    return declared.stream().findFirst().or(() -> profileDefault).orElse("und");
  }
}
