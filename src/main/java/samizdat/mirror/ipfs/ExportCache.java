package samizdat.mirror.ipfs;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import samizdat.io.CacheFiles;

/**
 * What the previous export learned, kept outside the site ({@code .samizdat-cache/<site>.ipfs}
 * beside it) so that the next one reads only what changed: for each file, by path and
 * {@link FileStamp}, the CIDs of all its blocks (the root last) and its DAG size; for each older
 * CAR given with {@code --since}, by absolute path and stamp, the digests of the blocks it holds.
 * A file whose blocks the older CARs all hold is then taken as it is, without being opened.
 *
 * <p>It can only save time, never change the output: a missing, unreadable, torn or foreign cache
 * (checked by a trailing CRC-32C and a version) is ignored, with a note; an entry counts only
 * when its stamp is the file's current one and was settled before the run that recorded it
 * ({@link FileStamp#settledBefore}). Saved whole to a temporary file and renamed, so two runs at
 * once leave one run's cache or the other's. One instance serves one run on one thread.
 */
final class ExportCache {
  private static final int MAGIC = 0x535a4950; // "SZIP"
  private static final int VERSION = 1;

  /** A file as an earlier run read it: the node its parent links to and every block of its DAG. */
  record KnownFile(DagNode node, List<Cid> blocks) {}

  private record Entry(FileStamp stamp, KnownFile file) {}

  private record Car(FileStamp stamp, byte[] digests) {}

  /** How many files and content bytes an export found. */
  record Totals(long files, long bytes) {}

  private final boolean enabled;
  /** When the run that saved the loaded cache started (ns since the epoch). */
  private final long seenAt;
  private final Optional<Totals> totals;
  /** The loaded cache, less its checksum; directory sections are decoded on demand. */
  private final ByteBuffer saved;
  private final Map<String, int[]> sections;
  private final Map<String, Car> cars;
  private final Optional<String> note;
  private final long startedAt = nanosNow();
  private final ByteArrayOutputStream newSections = new ByteArrayOutputStream(1 << 16);
  private final Map<String, Car> newCars = new LinkedHashMap<>();

  private ExportCache(boolean enabled, long seenAt, Optional<Totals> totals, ByteBuffer saved,
      Map<String, int[]> sections, Map<String, Car> cars, Optional<String> note) {
    this.enabled = enabled;
    this.seenAt = seenAt;
    this.totals = totals;
    this.saved = saved;
    this.sections = sections;
    this.cars = cars;
    this.note = note;
  }

  /** No cache: every lookup misses, nothing is recorded. */
  static ExportCache none() {
    return empty(false, Optional.empty());
  }

  private static ExportCache empty(boolean enabled, Optional<String> note) {
    return new ExportCache(enabled, 0, Optional.empty(), ByteBuffer.allocate(0), Map.of(), Map.of(), note);
  }

  /** The default place: {@code .samizdat-cache/<site name>.ipfs} in the site's parent folder. */
  static Path beside(Path site) {
    return CacheFiles.beside(site, "ipfs");
  }

  /** The cache saved in {@code file}; an empty one (recording) when there is none or it is unusable. */
  static ExportCache load(Path file) {
    try {
      ByteBuffer in = CacheFiles.readChecked(file, MAGIC, VERSION, "export cache");
      long seenAt = in.getLong();
      Totals totals = new Totals(in.getLong(), in.getLong());
      Map<String, Car> cars = new HashMap<>();
      for (int n = in.getInt(); n > 0; n--) {
        String path = CacheFiles.readString(in);
        FileStamp stamp = stamp(in);
        byte[] digests = new byte[Math.multiplyExact(in.getInt(), 32)];
        in.get(digests);
        cars.put(path, new Car(stamp, digests));
      }
      Map<String, int[]> sections = new HashMap<>();
      while (in.get() == 1) {
        String dir = CacheFiles.readString(in);
        int length = in.getInt();
        sections.put(dir, new int[] {in.position(), length});
        in.position(in.position() + length);
      }
      return new ExportCache(true, seenAt, Optional.of(totals), in, sections, cars, Optional.empty());
    } catch (NoSuchFileException e) {
      return empty(true, Optional.empty());
    } catch (CacheFiles.UnusableException e) {
      return ignored(file, e.getMessage());
    } catch (IOException | RuntimeException e) {
      return ignored(file, "cannot be read (" + e + ")");
    }
  }

  private static ExportCache ignored(Path file, String why) {
    return empty(true, Optional.of(file + ": " + why + "; ignored, every file is read again"));
  }

  /** Why a saved cache was not used; empty when it was, or there was none. */
  Optional<String> note() {
    return note;
  }

  /** What the export that saved the cache found: the next one's estimate for its progress bar. */
  Optional<Totals> lastTotals() {
    return totals;
  }

  /** The digests (32 bytes each) of the blocks of the CAR at {@code path}, if known for this stamp. */
  Optional<byte[]> carDigests(String path, FileStamp stamp) {
    Car car = cars.get(path);
    return car != null && car.stamp().equals(stamp) && stamp.settledBefore(seenAt)
        ? Optional.of(car.digests()) : Optional.empty();
  }

  /** Keeps what {@code path} holds for the next run. */
  void recordCar(String path, FileStamp stamp, byte[] digests) {
    if (enabled) {
      newCars.put(path, new Car(stamp, digests));
    }
  }

  /** The entries of directory {@code rel} ("" for the root, '/'-separated), old and new. */
  Directory directory(String rel) {
    return new Directory(rel);
  }

  /** One directory's files: looked up in the loaded cache, recorded for the next. */
  final class Directory {
    private final String rel;
    private final Map<String, Entry> old;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private int count;

    private Directory(String rel) {
      this.rel = rel;
      this.old = decode(sections.get(rel));
    }

    /** What an earlier run found in file {@code name}, if it is certainly still that file. */
    Optional<KnownFile> lookup(String name, FileStamp stamp) {
      Entry e = old.get(name);
      return e != null && e.stamp().equals(stamp) && stamp.settledBefore(seenAt)
          ? Optional.of(e.file()) : Optional.empty();
    }

    /** Records file {@code name} as this run found it, stamped as it was listed before reading. */
    void record(String name, FileStamp stamp, DagNode node, List<Cid> blocks) throws IOException {
      if (!enabled) {
        return;
      }
      CacheFiles.writeString(out, name);
      writeStamp(out, stamp);
      out.writeLong(node.tsize());
      out.writeInt(blocks.size());
      byte[] cid = new byte[Cid.LENGTH];
      for (Cid b : blocks) {
        b.copyTo(cid, 0);
        out.writeByte(cid[1]);
        out.write(cid, 4, 32);
      }
      count++;
    }

    /** Adds this directory's records to the cache that {@link #save} writes. */
    void close() throws IOException {
      if (count > 0) {
        DataOutputStream all = new DataOutputStream(newSections);
        all.writeByte(1);
        CacheFiles.writeString(all, rel);
        all.writeInt(bytes.size());
        bytes.writeTo(all);
      }
    }
  }

  private Map<String, Entry> decode(int[] section) {
    if (section == null) {
      return Map.of();
    }
    ByteBuffer in = saved.duplicate().position(section[0]).limit(section[0] + section[1]);
    Map<String, Entry> entries = new HashMap<>();
    try {
      while (in.hasRemaining()) {
        String name = CacheFiles.readString(in);
        FileStamp stamp = stamp(in);
        long tsize = in.getLong();
        int n = in.getInt();
        List<Cid> blocks = new ArrayList<>(n);
        byte[] digest = new byte[32];
        for (int i = 0; i < n; i++) {
          int codec = in.get() & 0xff;
          in.get(digest);
          blocks.add(Cid.of(codec, digest));
        }
        entries.put(name, new Entry(stamp, new KnownFile(new DagNode(blocks.get(n - 1), tsize, stamp.size()),
            List.copyOf(blocks))));
      }
    } catch (RuntimeException e) {
      return Map.of(); // cannot happen past the checksum; costs only a re-read if it does
    }
    return entries;
  }

  /** Writes what this run recorded, and its totals, replacing the file atomically. */
  void save(Path file, Totals found) throws IOException {
    if (!enabled) {
      return;
    }
    CacheFiles.writeChecked(file, MAGIC, VERSION, out -> {
      out.writeLong(startedAt);
      out.writeLong(found.files());
      out.writeLong(found.bytes());
      out.writeInt(newCars.size());
      for (Map.Entry<String, Car> c : newCars.entrySet()) {
        CacheFiles.writeString(out, c.getKey());
        writeStamp(out, c.getValue().stamp());
        out.writeInt(c.getValue().digests().length / 32);
        out.write(c.getValue().digests());
      }
      newSections.writeTo(out);
      out.writeByte(0);
    });
  }

  private static long nanosNow() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static void writeStamp(DataOutputStream out, FileStamp s) throws IOException {
    out.writeLong(s.size());
    out.writeLong(s.mtime());
    out.writeLong(s.ctime());
    out.writeLong(s.inode());
  }

  private static FileStamp stamp(ByteBuffer in) {
    return new FileStamp(in.getLong(), in.getLong(), in.getLong(), in.getLong());
  }

}
