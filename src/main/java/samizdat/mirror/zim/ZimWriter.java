package samizdat.mirror.zim;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import samizdat.io.Progress;
import samizdat.mirror.zim.ZimEntry.BytesContent;
import samizdat.mirror.zim.ZimEntry.FileContent;
import samizdat.mirror.zim.ZimEntry.Item;
import samizdat.mirror.zim.ZimEntry.LateContent;
import samizdat.mirror.zim.ZimEntry.Redirect;

/**
 * Writes a ZIM file (openZIM major version 6, minor 1: the namespace scheme of libzim 7 and
 * later), laid out as libzim lays it out: the 80-byte header, the MIME type list, the clusters,
 * the directory entries, the path pointer list, the cluster pointer list and the MD5 checksum.
 *
 * <p>Besides the given entries it adds what libzim adds: {@code M/Counter} (items per MIME type),
 * {@code W/mainPage} (a redirect to the main page; the header's main page is its index) and the
 * title listings {@code X/listing/titleOrdered/v0} (every entry, by namespace and title; the
 * header points into it) and {@code v1} (the front articles only: what Kiwix's title suggestions
 * search when the file has no Xapian title index, as ours has not).
 *
 * <p>Deterministic: entries are sorted by path, clusters planned from sizes alone and compressed
 * on worker threads but written in order, and the UUID is an MD5 of everything after the header.
 */
final class ZimWriter {
  static final int HEADER_SIZE = 80;
  static final int MAGIC = 0x044D495A;
  static final int MAJOR_VERSION = 6;
  static final int MINOR_VERSION = 1;
  static final String LISTING_MIME = "application/octet-stream+zimlisting";
  static final String TITLES_ALL = "listing/titleOrdered/v0";
  static final String TITLES_FRONT = "listing/titleOrdered/v1";
  private static final int REDIRECT_MIME = 0xFFFF;
  private static final int COMPRESSION_NONE = 1;
  private static final int COMPRESSION_ZSTD = 5;
  private static final int EXTENDED = 0x10;
  /** Text larger than this is stored uncompressed: one cluster of it must fit a Java array. */
  private static final long MAX_COMPRESSED_ITEM = 256L << 20;

  /** What a page is called and whether it is an article, read from its bytes. */
  record PageTitle(String title, boolean frontArticle) {
    static final PageTitle NONE = new PageTitle("", false);
  }

  /** Gives the title of a text item from its content (called once per item, in entry order). */
  @FunctionalInterface
  interface Titles {
    PageTitle of(Item item, byte[] data, int offset, int length);
  }

  /** What was written. */
  record Result(long fileBytes, int entryCount, int clusterCount, int frontArticles, String uuid) {}

  private final long clusterSize;
  private final int level;
  private final int threads;

  ZimWriter(long clusterSize, int level, int threads) {
    this.clusterSize = clusterSize;
    this.level = level;
    this.threads = threads;
  }

  /**
   * Writes {@code given} (items of namespaces C and M, redirects) with {@code mainPath} (in C) as
   * the main page into {@code out}, an empty file opened for reading and writing.
   */
  Result write(List<ZimEntry> given, String mainPath, Titles titles, FileChannel out, Progress progress)
      throws IOException {
    List<ZimEntry> list = new ArrayList<>(given);
    SortedMap<String, Integer> counter = new TreeMap<>();
    boolean anyHtml = false;
    for (ZimEntry e : given) {
      if (e instanceof Item i && i.namespace() == 'C') {
        counter.merge(i.mimeType(), 1, Integer::sum);
        anyHtml |= i.mimeType().startsWith("text/html");
      }
    }
    StringBuilder count = new StringBuilder();
    counter.forEach((mime, n) -> count.append(count.length() == 0 ? "" : ";").append(mime).append('=').append(n));
    list.add(new Item('M', "Counter", "text/plain", new BytesContent(utf8(count.toString()))));
    list.add(new Redirect('W', "mainPage", "", 'C', mainPath));
    Layout layout = new Layout(list, anyHtml);
    list.add(new Item('X', TITLES_ALL, LISTING_MIME, new LateContent(4L * layout.count, layout::titlesAll)));
    if (anyHtml) {
      list.add(new Item('X', TITLES_FRONT, LISTING_MIME, new LateContent(-1, layout::titlesFront)));
    }
    layout.sort(list);
    return layout.write(mainPath, titles, out, progress);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The state of one write: entries in index order, their titles, the cluster plan. */
  private final class Layout {
    final int count;
    ZimEntry[] entries;
    byte[][] keys;
    String[] titles;
    boolean[] front;
    final Map<String, Integer> mimeIndex = new HashMap<>();
    List<String> mimes;
    long titleListPosition = -1;

    Layout(List<ZimEntry> withoutListings, boolean withFrontListing) {
      count = withoutListings.size() + (withFrontListing ? 2 : 1);
    }

    void sort(List<ZimEntry> list) {
      entries = list.toArray(new ZimEntry[0]);
      keys = new byte[entries.length][];
      for (int i = 0; i < entries.length; i++) {
        keys[i] = entries[i].sortKey();
      }
      Integer[] order = new Integer[entries.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
      ZimEntry[] sorted = new ZimEntry[entries.length];
      byte[][] sortedKeys = new byte[entries.length][];
      for (int i = 0; i < order.length; i++) {
        sorted[i] = entries[order[i]];
        sortedKeys[i] = keys[order[i]];
        if (i > 0 && Arrays.equals(sortedKeys[i - 1], sortedKeys[i])) {
          throw new IllegalArgumentException("two entries at " + sorted[i].namespace() + "/" + sorted[i].path());
        }
      }
      entries = sorted;
      keys = sortedKeys;
      titles = new String[entries.length];
      front = new boolean[entries.length];
      TreeSet<String> mimeSet = new TreeSet<>();
      for (int i = 0; i < entries.length; i++) {
        titles[i] = entries[i] instanceof Redirect r ? r.title() : "";
        if (entries[i] instanceof Item item) {
          mimeSet.add(item.mimeType());
        }
      }
      mimes = List.copyOf(mimeSet);
      for (int i = 0; i < mimes.size(); i++) {
        mimeIndex.put(mimes.get(i), i);
      }
    }

    Result write(String mainPath, Titles pageTitles, FileChannel out, Progress progress) throws IOException {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < entries.length; i++) {
        index.put(entries[i].namespace() + "/" + entries[i].path(), i);
      }
      int[] redirectTarget = new int[entries.length];
      ClusterPlan plan = new ClusterPlan(clusterSize);
      boolean listingsStarted = false;
      long totalBytes = 0;
      for (int i = 0; i < entries.length; i++) {
        if (entries[i] instanceof Redirect r) {
          Integer target = index.get(r.targetNamespace() + "/" + r.targetPath());
          if (target == null) {
            throw new IllegalArgumentException(r.namespace() + "/" + r.path() + " redirects to "
                + r.targetNamespace() + "/" + r.targetPath() + ", which is not in the file");
          }
          redirectTarget[i] = target;
        } else {
          Item item = (Item) entries[i];
          if (item.content() instanceof LateContent && !listingsStarted) {
            plan.closeUncompressed(); // the listings get a cluster of their own, written last
            listingsStarted = true;
          }
          long size = Math.max(0, item.content().size());
          totalBytes += size;
          plan.add(i, size, MimeTypes.compressible(item.mimeType()) && size <= MAX_COMPRESSED_ITEM);
        }
      }
      List<ClusterPlan.Cluster> clusters = plan.finish();
      Integer main = index.get("W/mainPage");
      ZimOutput o = new ZimOutput(out, HEADER_SIZE);
      for (String mime : mimes) {
        o.write(utf8(mime));
        o.u8(0);
      }
      o.u8(0);
      progress.start("writing " + entries.length + " entries", totalBytes);
      long[] clusterOffsets = new ClusterWriter(o, pageTitles, progress).writeAll(clusters);
      long[] direntOffsets = new long[entries.length];
      for (int i = 0; i < entries.length; i++) {
        direntOffsets[i] = o.position();
        writeDirent(o, i, plan, redirectTarget[i]);
      }
      long pathPointers = o.position();
      for (long d : direntOffsets) {
        o.u64(d);
      }
      long clusterPointers = o.position();
      for (long c : clusterOffsets) {
        o.u64(c);
      }
      long checksumPosition = o.position();
      byte[] uuid = o.contentDigest();
      uuid[6] = (byte) ((uuid[6] & 0x0f) | 0x30); // RFC 4122 name-based (MD5) UUID
      uuid[8] = (byte) ((uuid[8] & 0x3f) | 0x80);
      ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      h.putInt(MAGIC).putShort((short) MAJOR_VERSION).putShort((short) MINOR_VERSION).put(uuid)
          .putInt(entries.length).putInt(clusters.size()).putLong(pathPointers).putLong(titleListPosition)
          .putLong(clusterPointers).putLong(HEADER_SIZE).putInt(main).putInt(-1).putLong(checksumPosition);
      o.writeAt(0, h.array());
      long length = o.appendChecksum();
      progress.finish();
      int fronts = 0;
      for (boolean f : front) {
        fronts += f ? 1 : 0;
      }
      return new Result(length, entries.length, clusters.size(), fronts, hex(uuid));
    }

    private void writeDirent(ZimOutput o, int i, ClusterPlan plan, int redirectTarget) throws IOException {
      ZimEntry e = entries[i];
      o.u16(e instanceof Item item ? mimeIndex.get(item.mimeType()) : REDIRECT_MIME);
      o.u8(0); // no parameters
      o.u8(e.namespace());
      o.u32(0); // revision
      if (e instanceof Item) {
        o.u32(plan.clusterOf(i));
        o.u32(plan.blobOf(i));
      } else {
        o.u32(redirectTarget);
      }
      o.write(utf8(e.path()));
      o.u8(0);
      if (!titles[i].isEmpty() && !titles[i].equals(e.path())) {
        o.write(utf8(titles[i]));
      }
      o.u8(0);
    }

    /** Entry indexes by namespace, then title (the path where there is none), then path. */
    private List<Integer> byTitle() {
      byte[][] titleKeys = new byte[entries.length][];
      for (int i = 0; i < entries.length; i++) {
        titleKeys[i] = titles[i].isEmpty() ? keys[i]
            : (entries[i].namespace() + titles[i]).getBytes(StandardCharsets.UTF_8);
      }
      List<Integer> order = new ArrayList<>(entries.length);
      for (int i = 0; i < entries.length; i++) {
        order.add(i);
      }
      order.sort(Comparator.comparing((Integer i) -> titleKeys[i], Arrays::compareUnsigned)); // stable: ties by path
      return order;
    }

    byte[] titlesAll() {
      return listing(byTitle());
    }

    byte[] titlesFront() {
      return listing(byTitle().stream().filter(i -> front[i] && entries[i].namespace() == 'C').toList());
    }

    private byte[] listing(List<Integer> order) {
      ByteBuffer b = ByteBuffer.allocate(4 * order.size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      order.forEach(b::putInt);
      return b.array();
    }

    /** Reads, compresses and writes the clusters in number order; returns their file offsets. */
    private final class ClusterWriter {
      final ZimOutput o;
      final Titles pageTitles;
      final Progress progress;

      ClusterWriter(ZimOutput o, Titles pageTitles, Progress progress) {
        this.o = o;
        this.pageTitles = pageTitles;
        this.progress = progress;
      }

      long[] writeAll(List<ClusterPlan.Cluster> clusters) throws IOException {
        long[] offsets = new long[clusters.size()];
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "zim-zstd-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
        ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
        ArrayDeque<Integer> pendingNumbers = new ArrayDeque<>();
        try {
          for (int c = 0; c < clusters.size(); c++) {
            ClusterPlan.Cluster cluster = clusters.get(c);
            if (cluster.compressed()) {
              byte[] raw = readCompressible(cluster);
              pending.add(pool.submit(() -> Zstd.compress(raw, level)));
              pendingNumbers.add(c);
              while (pending.size() > 2 * threads) {
                offsets[pendingNumbers.poll()] = writeCompressed(pending.poll());
              }
            } else {
              while (!pending.isEmpty()) {
                offsets[pendingNumbers.poll()] = writeCompressed(pending.poll());
              }
              offsets[c] = o.position();
              writeUncompressed(cluster);
            }
          }
          while (!pending.isEmpty()) {
            offsets[pendingNumbers.poll()] = writeCompressed(pending.poll());
          }
          return offsets;
        } finally {
          pool.shutdownNow();
        }
      }

      private long writeCompressed(Future<byte[]> compressed) throws IOException {
        byte[] data;
        try {
          data = compressed.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
          throw new IOException("zstd compression failed: " + e.getCause(), e.getCause());
        }
        long at = o.position();
        o.u8(COMPRESSION_ZSTD);
        o.write(data);
        return at;
      }

      /** The offsets and blobs of a compressed cluster, read into one array (titles read on the way). */
      private byte[] readCompressible(ClusterPlan.Cluster cluster) throws IOException {
        byte[] raw = new byte[Math.toIntExact(cluster.rawSize())];
        ByteBuffer offsets = ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int at = cluster.offsetSize() * (cluster.entries().size() + 1);
        putOffset(offsets, cluster, at);
        for (int i : cluster.entries()) {
          Item item = (Item) entries[i];
          int size = (int) item.content().size();
          if (item.content() instanceof FileContent f) {
            readFully(f, raw, at);
          } else if (item.content() instanceof BytesContent b) {
            System.arraycopy(b.bytes(), 0, raw, at, size);
          } else {
            System.arraycopy(late((LateContent) item.content(), item), 0, raw, at, size);
          }
          PageTitle t = pageTitles.of(item, raw, at, size);
          titles[i] = t.title();
          front[i] = t.frontArticle();
          at += size;
          putOffset(offsets, cluster, at);
          progress.advance(size);
        }
        return raw;
      }

      private void putOffset(ByteBuffer b, ClusterPlan.Cluster cluster, long offset) {
        if (cluster.extended()) {
          b.putLong(offset);
        } else {
          b.putInt((int) offset);
        }
      }

      private void writeUncompressed(ClusterPlan.Cluster cluster) throws IOException {
        List<Integer> members = cluster.entries();
        byte[][] late = new byte[members.size()][];
        long data = 0;
        for (int k = 0; k < members.size(); k++) {
          Item item = (Item) entries[members.get(k)];
          if (item.content() instanceof LateContent l) {
            late[k] = late(l, item);
          }
          data += late[k] != null ? late[k].length : item.content().size();
        }
        boolean extended = data + 4L * (members.size() + 1) > 0xFFFF_FFFFL;
        int offsetSize = extended ? 8 : 4;
        long start = o.position();
        o.u8(COMPRESSION_NONE | (extended ? EXTENDED : 0));
        long at = (long) offsetSize * (members.size() + 1);
        long dataStart = start + 1 + at;
        for (int k = 0; k <= members.size(); k++) {
          if (extended) {
            o.u64(at);
          } else {
            o.u32(at);
          }
          if (k < members.size()) {
            at += late[k] != null ? late[k].length : ((Item) entries[members.get(k)]).content().size();
          }
        }
        for (int k = 0; k < members.size(); k++) {
          int i = members.get(k);
          Item item = (Item) entries[i];
          if (item.namespace() == 'X' && item.path().equals(TITLES_ALL)) {
            titleListPosition = o.position();
          }
          if (item.content() instanceof FileContent f) {
            copy(f);
          } else if (item.content() instanceof BytesContent b) {
            o.write(b.bytes());
          } else {
            o.write(late[k]);
          }
          progress.advance(item.content().size() > 0 ? item.content().size() : 0);
        }
        if (o.position() - dataStart != data) {
          throw new IllegalStateException("cluster data is " + (o.position() - dataStart) + " bytes, planned " + data);
        }
      }

      private byte[] late(LateContent l, Item item) {
        byte[] b = l.bytes().get();
        if (l.size() >= 0 && b.length != l.size()) {
          throw new IllegalStateException(item.path() + ": " + b.length + " bytes, announced " + l.size());
        }
        return b;
      }

      private void readFully(FileContent f, byte[] into, int at) throws IOException {
        try (FileChannel ch = FileChannel.open(f.file(), StandardOpenOption.READ)) {
          ByteBuffer b = ByteBuffer.wrap(into, at, (int) f.size());
          while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
              throw changed(f);
            }
          }
          if (ch.read(ByteBuffer.allocate(1)) >= 0) {
            throw changed(f);
          }
        }
      }

      private void copy(FileContent f) throws IOException {
        byte[] buf = new byte[(int) Math.min(1 << 20, Math.max(1, f.size()))];
        long left = f.size();
        try (FileChannel ch = FileChannel.open(f.file(), StandardOpenOption.READ)) {
          while (left > 0) {
            ByteBuffer b = ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, left));
            int n = ch.read(b);
            if (n < 0) {
              throw changed(f);
            }
            o.write(buf, 0, n);
            left -= n;
          }
          if (ch.read(ByteBuffer.allocate(1)) >= 0) {
            throw changed(f);
          }
        }
      }

      private IOException changed(FileContent f) {
        return new IOException(f.file() + ": changed while the ZIM file was being written (no longer "
            + f.size() + " bytes); run again");
      }
    }
  }

  private static String hex(byte[] uuid) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < uuid.length; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        sb.append('-');
      }
      sb.append(String.format("%02x", uuid[i] & 0xff));
    }
    return sb.toString();
  }
}
