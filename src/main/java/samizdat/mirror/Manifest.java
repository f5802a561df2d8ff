package samizdat.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import samizdat.content.ContentJson;

/**
 * {@code samizdat-manifest.json} at the root of a copy: what was copied (path, size, SHA-256 of
 * every file), from which archive, by which tool. It is written last, so its presence means the
 * copy was complete; {@link Verifier} checks a copy against it.
 *
 * @param format always {@link #FORMAT}
 * @param tool the program and version that wrote the copy
 * @param archive the archive's title, language, article count and date range
 * @param fileCount number of files listed
 * @param totalBytes sum of their sizes
 * @param files every file, sorted by path
 */
public record Manifest(String format, String tool, ArchiveInfo archive, int fileCount, long totalBytes,
    List<ManifestEntry> files) {

  public static final String FILE_NAME = "samizdat-manifest.json";
  public static final String FORMAT = "samizdat-manifest/1";

  public Manifest {
    files = List.copyOf(files);
  }

  static Manifest of(String tool, ArchiveInfo archive, List<ManifestEntry> files) {
    List<ManifestEntry> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(ManifestEntry::path));
    long total = sorted.stream().mapToLong(ManifestEntry::size).sum();
    return new Manifest(FORMAT, tool, archive, sorted.size(), total, sorted);
  }

  byte[] toJson(ContentJson json) {
    return json.toBytes(this);
  }

  /**
   * Reads {@code dir/samizdat-manifest.json}.
   *
   * @return empty when there is none
   * @throws IOException when it cannot be read or is not a samizdat manifest (message names the file)
   */
  public static Optional<Manifest> read(Path dir, ContentJson json) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = json.mapper().readTree(file.toFile());
      if (!n.path("format").asText().startsWith("samizdat-manifest/")) {
        throw new IOException(file + ": not a samizdat manifest (no \"format\": \"" + FORMAT + "\")");
      }
      Manifest m = json.mapper().treeToValue(n, Manifest.class);
      for (ManifestEntry e : m.files()) {
        if (e == null || e.path() == null || !SafePaths.isSafeRelative(e.path())
            || e.sha256() == null || !e.sha256().matches("[0-9a-f]{64}") || e.size() < 0) {
          throw new IOException(file + ": bad file entry " + (e == null ? "null" : "\"" + e.path() + "\""));
        }
      }
      return Optional.of(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": not valid manifest JSON (" + e.getOriginalMessage() + ")", e);
    }
  }
}
