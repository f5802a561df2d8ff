package samizdat.mirror.zim;

import java.util.ArrayList;
import java.util.List;

/**
 * Which items go into which cluster, decided from their sizes before anything is read, the way
 * libzim does it: items in entry order, compressible ones into the current compressed cluster,
 * the rest into the current uncompressed one; a cluster is closed (and numbered) when the next
 * item would take it to the target size. The open clusters are closed at the end, compressed
 * first, so the uncompressed one holding the title listings comes last.
 */
final class ClusterPlan {
  /** One cluster: entry indexes of its blobs in blob order, and the size of their data. */
  record Cluster(boolean compressed, List<Integer> entries, long dataSize) {
    Cluster {
      entries = List.copyOf(entries);
    }

    /** 8-byte blob offsets when the data does not fit 4-byte ones. */
    boolean extended() {
      return dataSize + 4L * (entries.size() + 1) > 0xFFFF_FFFFL;
    }

    int offsetSize() {
      return extended() ? 8 : 4;
    }

    /** Bytes of the blob offsets plus the data: what is compressed, or stored after the info byte. */
    long rawSize() {
      return (long) offsetSize() * (entries.size() + 1) + dataSize;
    }
  }

  private final long targetSize;
  private final List<Cluster> clusters = new ArrayList<>();
  private final Open compressed = new Open(true);
  private final Open uncompressed = new Open(false);
  private int[] clusterOf = new int[16];
  private int[] blobOf = new int[16];

  ClusterPlan(long targetSize) {
    this.targetSize = targetSize;
  }

  private final class Open {
    final boolean isCompressed;
    final List<Integer> entries = new ArrayList<>();
    long size;

    Open(boolean isCompressed) {
      this.isCompressed = isCompressed;
    }

    void close() {
      if (entries.isEmpty()) {
        return;
      }
      int number = clusters.size();
      for (int blob = 0; blob < entries.size(); blob++) {
        clusterOf[entries.get(blob)] = number;
        blobOf[entries.get(blob)] = blob;
      }
      clusters.add(new Cluster(isCompressed, entries, size));
      entries.clear();
      size = 0;
    }
  }

  /** Places the item with entry index {@code entry} and {@code size} bytes. */
  void add(int entry, long size, boolean compress) {
    if (entry >= clusterOf.length) {
      clusterOf = java.util.Arrays.copyOf(clusterOf, Math.max(entry + 1, clusterOf.length * 2));
      blobOf = java.util.Arrays.copyOf(blobOf, clusterOf.length);
    }
    Open open = compress ? compressed : uncompressed;
    if (!open.entries.isEmpty() && 4L * (open.entries.size() + 2) + open.size + size >= targetSize) {
      open.close();
    }
    open.entries.add(entry);
    open.size += size;
  }

  /** Closes the open uncompressed cluster, so the next uncompressed item starts a new one. */
  void closeUncompressed() {
    uncompressed.close();
  }

  /** Closes the open clusters; returns every cluster in number order. */
  List<Cluster> finish() {
    compressed.close();
    uncompressed.close();
    return List.copyOf(clusters);
  }

  int clusterOf(int entry) {
    return clusterOf[entry];
  }

  int blobOf(int entry) {
    return blobOf[entry];
  }
}
