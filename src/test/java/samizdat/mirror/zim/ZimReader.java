package samizdat.mirror.zim;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An independent reader of the ZIM files our writer makes, following the openZIM spec (not our
 * writer's code): header, MIME list, directory entries, clusters (zstd or stored, 4- or 8-byte
 * offsets), title listings and checksum. For tests, which also check files with libzim's tools.
 */
final class ZimReader {
  record Dirent(int index, int mime, char namespace, String path, String title, int cluster, int blob,
      int redirect) {
    boolean isRedirect() {
      return mime == 0xFFFF;
    }

    /** The title, or the path when the entry has none (what libzim's getTitle gives). */
    String shownTitle() {
      return title.isEmpty() ? path : title;
    }
  }

  final byte[] file;
  final ByteBuffer b;
  final int major;
  final int minor;
  final byte[] uuid = new byte[16];
  final int entryCount;
  final int clusterCount;
  final long pathPtrPos;
  final long titlePtrPos;
  final long clusterPtrPos;
  final long mimeListPos;
  final int mainPage;
  final int layoutPage;
  final long checksumPos;
  final List<String> mimes = new ArrayList<>();
  final List<Dirent> dirents = new ArrayList<>();
  final long[] clusterOffsets;

  ZimReader(Path zim) throws IOException {
    file = Files.readAllBytes(zim);
    b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt(0) != 0x044D495A) {
      throw new IOException("not a ZIM file: magic " + Integer.toHexString(b.getInt(0)));
    }
    major = b.getShort(4);
    minor = b.getShort(6);
    b.position(8);
    b.get(uuid);
    entryCount = b.getInt(24);
    clusterCount = b.getInt(28);
    pathPtrPos = b.getLong(32);
    titlePtrPos = b.getLong(40);
    clusterPtrPos = b.getLong(48);
    mimeListPos = b.getLong(56);
    mainPage = b.getInt(64);
    layoutPage = b.getInt(68);
    checksumPos = b.getLong(72);
    int p = (int) mimeListPos;
    while (true) {
      int end = p;
      while (file[end] != 0) {
        end++;
      }
      if (end == p) {
        break;
      }
      mimes.add(new String(file, p, end - p, StandardCharsets.UTF_8));
      p = end + 1;
    }
    for (int i = 0; i < entryCount; i++) {
      dirents.add(dirent(i, (int) b.getLong((int) pathPtrPos + 8 * i)));
    }
    clusterOffsets = new long[clusterCount];
    for (int i = 0; i < clusterCount; i++) {
      clusterOffsets[i] = b.getLong((int) clusterPtrPos + 8 * i);
    }
  }

  private Dirent dirent(int index, int at) {
    int mime = b.getShort(at) & 0xFFFF;
    char ns = (char) file[at + 3];
    int cluster = -1;
    int blob = -1;
    int redirect = -1;
    int p;
    if (mime == 0xFFFF) {
      redirect = b.getInt(at + 8);
      p = at + 12;
    } else {
      cluster = b.getInt(at + 8);
      blob = b.getInt(at + 12);
      p = at + 16;
    }
    int end = p;
    while (file[end] != 0) {
      end++;
    }
    String path = new String(file, p, end - p, StandardCharsets.UTF_8);
    int t = end + 1;
    end = t;
    while (file[end] != 0) {
      end++;
    }
    return new Dirent(index, mime, ns, path, new String(file, t, end - t, StandardCharsets.UTF_8), cluster, blob, redirect);
  }

  Optional<Dirent> find(char ns, String path) {
    return dirents.stream().filter(d -> d.namespace() == ns && d.path().equals(path)).findFirst();
  }

  String mimeOf(Dirent d) {
    return mimes.get(d.mime());
  }

  /** The cluster's info byte: 1 stored, 5 zstd; 0x10 set for 8-byte offsets. */
  int clusterInfo(int cluster) {
    return file[(int) clusterOffsets[cluster]] & 0xFF;
  }

  /** The bytes of an item, or of the item a redirect leads to. */
  byte[] content(Dirent d) throws IOException {
    if (d.isRedirect()) {
      return content(dirents.get(d.redirect()));
    }
    byte[] raw = clusterData(d.cluster());
    boolean extended = (clusterInfo(d.cluster()) & 0x10) != 0;
    ByteBuffer r = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    long start = extended ? r.getLong(8 * d.blob()) : r.getInt(4 * d.blob()) & 0xFFFFFFFFL;
    long end = extended ? r.getLong(8 * (d.blob() + 1)) : r.getInt(4 * (d.blob() + 1)) & 0xFFFFFFFFL;
    return Arrays.copyOfRange(raw, (int) start, (int) end);
  }

  byte[] content(char ns, String path) throws IOException {
    return content(find(ns, path).orElseThrow(() -> new AssertionError("no entry " + ns + "/" + path)));
  }

  /** The uncompressed offsets and data of a cluster. */
  byte[] clusterData(int cluster) throws IOException {
    int start = (int) clusterOffsets[cluster];
    int end = (int) nextStructureAfter(start);
    int compression = clusterInfo(cluster) & 0x0F;
    if (compression == 1 || compression == 0) {
      return Arrays.copyOfRange(file, start + 1, end);
    }
    if (compression != 5) {
      throw new IOException("cluster " + cluster + ": compression " + compression + " is not zstd");
    }
    try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(file, start + 1, end - start - 1))) {
      return in.readAllBytes();
    }
  }

  /** Where the part of the file that begins at {@code start} ends: at the next thing the header or pointers name. */
  private long nextStructureAfter(long start) {
    TreeSet<Long> starts = new TreeSet<>(List.of(pathPtrPos, clusterPtrPos, checksumPos, (long) file.length));
    for (long c : clusterOffsets) {
      starts.add(c);
    }
    for (int i = 0; i < entryCount; i++) {
      starts.add(b.getLong((int) pathPtrPos + 8 * i));
    }
    return starts.higher(start);
  }

  /** Entry indexes of a title listing held in an item ({@code X/listing/titleOrdered/v1}). */
  int[] listing(String path) throws IOException {
    ByteBuffer l = ByteBuffer.wrap(content('X', path)).order(ByteOrder.LITTLE_ENDIAN);
    int[] out = new int[l.remaining() / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = l.getInt();
    }
    return out;
  }

  /** The full title listing the header points to. */
  int[] headerTitleListing() {
    int[] out = new int[entryCount];
    for (int i = 0; i < entryCount; i++) {
      out[i] = b.getInt((int) titlePtrPos + 4 * i);
    }
    return out;
  }

  boolean checksumMatches() throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    md5.update(file, 0, (int) checksumPos);
    return checksumPos + 16 == file.length
        && Arrays.equals(md5.digest(), Arrays.copyOfRange(file, (int) checksumPos, file.length));
  }
}
