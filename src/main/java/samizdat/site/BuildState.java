package samizdat.site;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import samizdat.io.AtomicFiles;

/**
 * What the previous build knew, kept outside the site (default {@code .samizdat-cache/} next to
 * it): for each article body its size, mtime, hash and text signature (so unchanged bodies are not
 * read again), and for each file the build wrote its input fingerprint and size (so pages whose
 * inputs did not change are not rendered again, and files of pages that disappeared can be
 * removed). Losing the cache only costs time: the next build renders everything and writes only
 * files whose bytes differ.
 *
 * <p>Maps are concurrent: render threads record into the new state.
 */
final class BuildState {
  private static final int MAGIC = 0x53414d5a; // "SAMZ"
  private static final int VERSION = 1;

  record BodyInfo(long size, long mtime, byte[] hash, long[] signature) {}

  record FileInfo(byte[] fingerprint, long size) {}

  final Map<String, BodyInfo> bodies = new ConcurrentHashMap<>();
  final Map<String, FileInfo> files = new ConcurrentHashMap<>();

  /** The state saved in {@code file}, or an empty one when there is none or it is unreadable. */
  static BuildState load(Path file) {
    BuildState state = new BuildState();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        return new BuildState();
      }
      int bodies = in.readInt();
      for (int i = 0; i < bodies; i++) {
        String id = in.readUTF();
        long size = in.readLong();
        long mtime = in.readLong();
        byte[] hash = in.readNBytes(in.readUnsignedByte());
        long[] sig = new long[in.readUnsignedShort()];
        for (int j = 0; j < sig.length; j++) {
          sig[j] = in.readLong();
        }
        state.bodies.put(id, new BodyInfo(size, mtime, hash, sig));
      }
      int files = in.readInt();
      for (int i = 0; i < files; i++) {
        String path = in.readUTF();
        byte[] fp = in.readNBytes(in.readUnsignedByte());
        state.files.put(path, new FileInfo(fp, in.readLong()));
      }
      return state;
    } catch (NoSuchFileException e) {
      return new BuildState();
    } catch (IOException | RuntimeException e) {
      return new BuildState(); // a torn or old cache only costs a full render
    }
  }

  /** Writes the state atomically, entries sorted so the file is deterministic too. */
  void save(Path file) throws IOException {
    AtomicFiles.write(file, raw -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(bodies.size());
      for (var e : new java.util.TreeMap<>(bodies).entrySet()) {
        BodyInfo b = e.getValue();
        out.writeUTF(e.getKey());
        out.writeLong(b.size());
        out.writeLong(b.mtime());
        out.writeByte(b.hash().length);
        out.write(b.hash());
        out.writeShort(b.signature().length);
        for (long s : b.signature()) {
          out.writeLong(s);
        }
      }
      out.writeInt(files.size());
      for (var e : new java.util.TreeMap<>(files).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeByte(e.getValue().fingerprint().length);
        out.write(e.getValue().fingerprint());
        out.writeLong(e.getValue().size());
      }
      out.flush();
    }, false);
  }
}
