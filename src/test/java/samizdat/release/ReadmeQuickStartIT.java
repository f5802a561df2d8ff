package samizdat.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, pasted as a new user would: its first shell block runs from the
 * checkout with a home folder of its own, and leaves an archive with the sample's article and a
 * site to open. Run by failsafe after the package phase, so {@code ./samizdat} finds its jar built.
 */
class ReadmeQuickStartIT {
  private static final Pattern QUICK_START =
      Pattern.compile("(?s)\n## Quick start[^\n]*\n.*?```sh\n(.*?)```");

  @TempDir Path home;

  @Test
  void theQuickStartWorksPastedIntoAShell() throws Exception {
    Path checkout = Path.of("").toAbsolutePath();
    assumeTrue(jarIsFresh(checkout), "target/samizdat.jar is older than the sources: ./samizdat"
        + " would rebuild it inside the test; run ./mvnw package first");
    Matcher m = QUICK_START.matcher(Files.readString(checkout.resolve("README.md")));
    assertTrue(m.find(), "README.md has a \"## Quick start\" section with a sh block");
    String block = m.group(1);
    assertTrue(block.contains("./samizdat ingest") && block.contains("./samizdat build"), block);

    ProcessBuilder pb = new ProcessBuilder("sh", "-eu", "-c", block).directory(checkout.toFile());
    Map<String, String> env = pb.environment();
    env.put("HOME", home.toString());
    env.remove("SAMIZDAT_JAVA_OPTS");
    env.remove("XDG_CACHE_HOME");
    Path out = home.resolve("quick-start.out");
    Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the quick start did not finish in 300 s");
    }
    String printed = Files.readString(out);
    assertEquals(0, p.exitValue(), printed);

    List<Path> metadata;
    try (Stream<Path> s = Files.list(home.resolve("archive/articles"))) {
      metadata = s.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertEquals(1, metadata.size(), "the sample's saved page became one article: " + printed);
    String title = new ObjectMapper().readTree(metadata.get(0).toFile()).path("title").asText();
    assertFalse(title.isBlank(), metadata.get(0).toString());
    Path index = home.resolve("archive-site/index.html");
    assertTrue(Files.isRegularFile(index), printed);
    assertTrue(Files.readString(index).contains(title), "the front page lists " + title);
  }

  /** True when no file of src/main, templates or pom.xml is newer than the jar (./samizdat's own check). */
  private static boolean jarIsFresh(Path checkout) throws IOException {
    Path jar = checkout.resolve("target/samizdat.jar");
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    FileTime built = Files.getLastModifiedTime(jar);
    for (String input : List.of("src/main", "templates", "pom.xml")) {
      try (Stream<Path> s = Files.walk(checkout.resolve(input))) {
        if (s.anyMatch(f -> newer(f, built))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean newer(Path f, FileTime than) {
    try {
      return Files.getLastModifiedTime(f).compareTo(than) > 0;
    } catch (IOException e) {
      return true;
    }
  }
}
