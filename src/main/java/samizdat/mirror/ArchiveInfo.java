package samizdat.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import samizdat.content.ContentJson;

/**
 * What the archive is, as recorded in the manifest and README.txt: read from the
 * {@code archive-info.json} that {@code samizdat build} writes into the site.
 *
 * @param title the archive's title
 * @param language its language tag, when known
 * @param articleCount number of articles, when known
 * @param earliest date of the oldest article (YYYY-MM-DD), when known
 * @param latest date of the newest article (YYYY-MM-DD), when known
 */
public record ArchiveInfo(String title, Optional<String> language, Optional<Integer> articleCount,
    Optional<String> earliest, Optional<String> latest) {

  /** The file {@code samizdat build} writes at the site root. */
  public static final String FILE_NAME = "archive-info.json";

  private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

  /**
   * Reads {@code site/archive-info.json}; without it (or when it is unreadable) falls back to the
   * {@code <title>} of {@code site/index.html}, then to the folder's name, with the rest unknown.
   *
   * @return the info and, when the fallback was used, why
   */
  public static ArchiveInfo read(Path site, ContentJson json, java.util.function.Consumer<String> warnings) {
    Path file = site.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      try {
        JsonNode n = json.mapper().readTree(file.toFile());
        String title = text(n, "title").orElse("");
        if (!title.isBlank()) {
          Optional<Integer> count = n.path("articleCount").isIntegralNumber()
              ? Optional.of(n.path("articleCount").intValue()) : Optional.empty();
          return new ArchiveInfo(title, text(n, "language"), count, text(n, "earliest"), text(n, "latest"));
        }
        warnings.accept(file + ": no \"title\"; using the site's index.html title");
      } catch (IOException e) {
        warnings.accept(file + ": unreadable (" + e.getMessage().lines().findFirst().orElse("")
            + "); using the site's index.html title");
      }
    }
    return new ArchiveInfo(indexTitle(site).orElse(site.toAbsolutePath().normalize().getFileName() == null
        ? "samizdat archive" : site.toAbsolutePath().normalize().getFileName().toString()),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static Optional<String> indexTitle(Path site) {
    Path index = site.resolve("index.html");
    if (!Files.isRegularFile(index)) {
      return Optional.empty();
    }
    try (var in = Files.newInputStream(index)) {
      String head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      Matcher m = TITLE.matcher(head);
      if (m.find() && !m.group(1).isBlank()) {
        return Optional.of(org.jsoup.parser.Parser.unescapeEntities(m.group(1).strip(), false));
      }
    } catch (IOException e) {
      // no title then
    }
    return Optional.empty();
  }

  /** "1,234 articles, 2019-03-01 to 2024-06-30" with whatever is known; empty when nothing is. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    articleCount.ifPresent(c -> sb.append(c).append(c == 1 ? " article" : " articles"));
    if (earliest.isPresent() || latest.isPresent()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(earliest.orElse("?")).append(" to ").append(latest.orElse("?"));
    }
    return sb.toString();
  }
}
