package samizdat.follow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CONTENT/follow.txt}: the sources {@code samizdat follow} reads when given no URL. One URL
 * a line, then optionally {@code --pages N} and a profile name (or {@code --profile NAME});
 * blank lines and {@code #} comments are skipped. A bad line is reported and the others are read.
 */
public final class FollowList {
  /** The file's name inside the content folder. */
  public static final String FILE = "follow.txt";

  /**
   * The sources of a list and its bad lines.
   *
   * @param errors one line each: "file:line: problem"
   */
  public record Parsed(List<FollowSource> sources, List<String> errors) {
    public Parsed {
      sources = List.copyOf(sources);
      errors = List.copyOf(errors);
    }
  }

  private FollowList() {}

  /** Reads a list; {@code defaultPages} applies where a line gives no {@code --pages}. */
  public static Parsed read(Path file, int defaultPages) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<FollowSource> sources = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      int hash = line.indexOf(" #");
      String s = (line.strip().startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line).strip();
      if (s.isEmpty()) {
        continue;
      }
      try {
        sources.add(parseLine(s, defaultPages));
      } catch (IllegalArgumentException e) {
        errors.add(file + ":" + n + ": " + e.getMessage());
      }
    }
    return new Parsed(sources, errors);
  }

  /** One line: URL [--pages N] [--profile NAME | NAME]. */
  static FollowSource parseLine(String line, int defaultPages) {
    String[] words = line.strip().split("\\s+");
    String url = words[0];
    if (!url.regionMatches(true, 0, "http://", 0, 7) && !url.regionMatches(true, 0, "https://", 0, 8)) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    if (Urls.resolve(url, url).isEmpty()) {
      throw new IllegalArgumentException("not a valid URL: " + url);
    }
    int pages = defaultPages;
    Optional<String> profile = Optional.empty();
    for (int i = 1; i < words.length; i++) {
      String w = words[i];
      if (w.equals("--pages") || w.startsWith("--pages=")) {
        String v = w.startsWith("--pages=") ? w.substring(8) : i + 1 < words.length ? words[++i] : "";
        try {
          pages = Integer.parseInt(v);
        } catch (NumberFormatException e) {
          pages = 0;
        }
        if (pages < 1) {
          throw new IllegalArgumentException("--pages needs a number of at least 1, not \"" + v + "\"");
        }
      } else if (w.equals("--profile") || w.startsWith("--profile=")) {
        String v = w.startsWith("--profile=") ? w.substring(10) : i + 1 < words.length ? words[++i] : "";
        if (v.isEmpty()) {
          throw new IllegalArgumentException("--profile needs a name");
        }
        profile = Optional.of(v);
      } else if (w.startsWith("-")) {
        throw new IllegalArgumentException("unknown option " + w + " (a line takes --pages N and a "
            + "profile name)");
      } else if (profile.isEmpty()) {
        profile = Optional.of(w);
      } else {
        throw new IllegalArgumentException("one profile per line: " + profile.get() + " and " + w);
      }
    }
    return new FollowSource(url, pages, profile);
  }
}
