package samizdat.mirror;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

  /**
   * The manifest as JSON: the bytes databind would write (a test holds them equal), with the
   * file list written entry by entry; databind's record serialiser took a quarter of a no-change
   * {@code mirror usb} of 300,000 files.
   */
  byte[] toJson(ContentJson json) {
    return json.write(g -> {
      g.writeStartObject();
      g.writeStringField("format", format);
      g.writeStringField("tool", tool);
      g.writeFieldName("archive");
      g.writeObject(archive);
      g.writeNumberField("fileCount", fileCount);
      g.writeNumberField("totalBytes", totalBytes);
      g.writeFieldName("files");
      g.writeStartArray();
      for (ManifestEntry e : files) {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        g.writeNumberField("size", e.size());
        g.writeStringField("sha256", e.sha256());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
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
    // Streamed straight into records: a copy of 100,000 articles lists 300,000 files.
    String format = null;
    String tool = null;
    ArchiveInfo archive = null;
    int fileCount = 0;
    long totalBytes = 0;
    Optional<List<ManifestEntry>> files = Optional.empty();
    Optional<String> badEntry = Optional.empty();
    try (JsonParser p = json.mapper().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file + ": not a samizdat manifest (no \"format\": \"" + FORMAT + "\")");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "format" -> format = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "tool" -> tool = p.getValueAsString();
          case "archive" -> archive = json.mapper().readValue(p, ArchiveInfo.class);
          case "fileCount" -> fileCount = p.getValueAsInt();
          case "totalBytes" -> totalBytes = p.getValueAsLong();
          case "files" -> {
            List<ManifestEntry> entries = new ArrayList<>();
            badEntry = readEntries(p, entries);
            files = Optional.of(entries);
          }
          default -> { }
        }
        p.skipChildren(); // a value not read above (after "archive" and "files", at their end: no-op)
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": not valid manifest JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (format == null || !format.startsWith("samizdat-manifest/")) {
      throw new IOException(file + ": not a samizdat manifest (no \"format\": \"" + FORMAT + "\")");
    }
    if (badEntry.isPresent()) {
      throw new IOException(file + ": bad file entry " + badEntry.get());
    }
    if (files.isEmpty()) {
      throw new IOException(file + ": not valid manifest JSON (no \"files\")");
    }
    return Optional.of(new Manifest(format, tool, archive, fileCount, totalBytes, files.get()));
  }

  /**
   * Reads the array of file entries the parser is at into {@code entries}; returns the first bad
   * one, quoted ("null" for one that is not an object).
   */
  private static Optional<String> readEntries(JsonParser p, List<ManifestEntry> entries) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new JsonParseException(p, "\"files\" is not a list");
    }
    Optional<String> bad = Optional.empty();
    for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        p.skipChildren();
        bad = bad.or(() -> Optional.of("null"));
        continue;
      }
      String path = null;
      long size = -1;
      String sha256 = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "path" -> path = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "size" -> size = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
          case "sha256" -> sha256 = value == JsonToken.VALUE_STRING ? p.getText() : null;
          default -> p.skipChildren();
        }
      }
      if (path == null || !SafePaths.isSafeRelative(path) || sha256 == null || !isSha256Hex(sha256) || size < 0) {
        String quoted = path == null ? "null" : "\"" + path + "\"";
        bad = bad.or(() -> Optional.of(quoted));
      } else {
        entries.add(new ManifestEntry(path, size, sha256));
      }
    }
    return bad;
  }

  /** 64 lowercase hex digits, as every manifest writes a SHA-256. */
  private static boolean isSha256Hex(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }
}
