package samizdat.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import samizdat.io.CacheFiles;

/**
 * The stored articles' normalised titles as an earlier ingest read them, each with the size and
 * mtime of its metadata file, kept in {@code .samizdat-cache/<content folder>.titles} beside the
 * content folder: finding duplicates otherwise parses every metadata file, about 3 of the 4–5 s
 * a day's ingest into 100,000 articles takes.
 *
 * <p>It can only save time: a title is used only when its file has the recorded size and mtime
 * and that mtime was more than 2 s older than the save (a file changed again within its mtime's
 * resolution, git's "racily clean", is read again). A missing, torn, foreign or unwritable cache
 * costs the full read, nothing else; it is replaced whole by a rename, so two runs at once leave
 * one run's cache or the other's.
 */
final class TitleCache {
  private static final int MAGIC = 0x53415449; // "SATI"
  private static final int VERSION = 1;

  /** What a run knew of one article: its metadata file's size and mtime (ms), and its title. */
  record Entry(long size, long mtime, String title) {}

  private final Map<String, Entry> entries;
  private final long savedAt;

  private TitleCache(Map<String, Entry> entries, long savedAt) {
    this.entries = entries;
    this.savedAt = savedAt;
  }

  /** The cache of the content folder {@code content}. */
  static Path beside(Path content) {
    return CacheFiles.beside(content, "titles");
  }

  /** The cache saved in {@code file}; an empty one when there is none or it cannot be used. */
  static TitleCache load(Path file) {
    try {
      ByteBuffer in = CacheFiles.readChecked(file, MAGIC, VERSION, "title cache");
      long savedAt = in.getLong();
      int count = in.getInt();
      Map<String, Entry> entries = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        String id = CacheFiles.readString(in);
        long fileSize = in.getLong();
        long mtime = in.getLong();
        entries.put(id, new Entry(fileSize, mtime, CacheFiles.readString(in)));
      }
      return in.hasRemaining() ? empty() : new TitleCache(entries, savedAt);
    } catch (IOException | RuntimeException e) {
      return empty(); // only costs reading every title
    }
  }

  private static TitleCache empty() {
    return new TitleCache(Map.of(), Long.MIN_VALUE);
  }

  /** The title recorded for {@code id}, when its metadata file still has this size and mtime. */
  Optional<String> title(String id, long size, long mtime) {
    Entry e = entries.get(id);
    return e != null && CacheFiles.unchanged(e.size(), e.mtime(), size, mtime, savedAt)
        ? Optional.of(e.title()) : Optional.empty();
  }

  /** How many titles this cache holds. */
  int size() {
    return entries.size();
  }

  /** Writes {@code entries} (by id) as the cache in {@code file}, replacing it whole. */
  static void save(Path file, Map<String, Entry> entries) throws IOException {
    String[] ids = entries.keySet().toArray(new String[0]);
    java.util.Arrays.sort(ids); // the same titles make the same file
    CacheFiles.writeChecked(file, MAGIC, VERSION, out -> {
      out.writeLong(System.currentTimeMillis());
      out.writeInt(ids.length);
      for (String id : ids) {
        Entry e = entries.get(id);
        CacheFiles.writeString(out, id);
        out.writeLong(e.size());
        out.writeLong(e.mtime());
        CacheFiles.writeString(out, e.title());
      }
    });
  }
}
