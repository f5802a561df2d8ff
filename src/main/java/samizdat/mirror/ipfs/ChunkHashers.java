package samizdat.mirror.ipfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Hashes the chunks of the files of one directory on worker threads, ahead of the thread that
 * writes the CAR. SHA-256 is the cost of an export; the writer only copies bytes, so with the
 * chunk digests computed in parallel it streams at the speed of the page cache. The writer reads
 * each file a second time (from the page cache); a bounded lookahead keeps that second read a
 * cache hit and memory flat: only digests (32 bytes a chunk) are kept.
 *
 * <p>Used by one writer thread; the workers only run {@link #hashSegment}.
 */
final class ChunkHashers {
  /** Chunks hashed by one task: big files are split so both cores work on them. */
  static final int SEGMENT_CHUNKS = 16;
  /** How far, in file bytes, the hashing may run ahead of the writer. */
  private static final long WINDOW_BYTES = 64L << 20;

  private final ExecutorService workers;
  private final ThreadLocal<Worker> worker = ThreadLocal.withInitial(Worker::new);

  ChunkHashers(ExecutorService workers) {
    this.workers = workers;
  }

  /** The digests of one file's chunks, as they become available. */
  static final class FileDigests {
    private final Path file;
    private final List<Future<byte[][]>> segments;

    FileDigests(Path file, List<Future<byte[][]>> segments) {
      this.file = file;
      this.segments = segments;
    }

    /** The SHA-256 of chunk {@code index}; waits for it. */
    byte[] digest(int index) throws IOException {
      try {
        return segments.get(index / SEGMENT_CHUNKS).get()[index % SEGMENT_CHUNKS];
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        throw new IOException(file + ": " + cause, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(file + ": interrupted", e);
      }
    }

    void cancel() {
      segments.forEach(f -> f.cancel(false));
    }
  }

  /** Lookahead over the files of one directory, in the order the writer will take them. */
  final class Lookahead implements AutoCloseable {
    private final List<Path> files;
    private final List<Long> sizes;
    private final Map<Path, FileDigests> submitted = new HashMap<>();
    private int next;
    private long ahead;

    Lookahead(List<Path> files, List<Long> sizes) {
      this.files = files;
      this.sizes = sizes;
    }

    /** The digests of {@code file} (of {@code size} bytes, one of this directory's files, in order). */
    FileDigests take(Path file, long size) {
      fill();
      FileDigests d = submitted.remove(file);
      if (d == null) { // not planned (cannot happen when taken in order): hash now
        d = submit(file, size);
      } else {
        ahead -= size;
      }
      fill();
      return d;
    }

    private void fill() {
      while (next < files.size() && (ahead < WINDOW_BYTES || submitted.isEmpty())) {
        Path f = files.get(next);
        long size = sizes.get(next);
        next++;
        submitted.put(f, submit(f, size));
        ahead += size;
      }
    }

    @Override
    public void close() {
      submitted.values().forEach(FileDigests::cancel);
      submitted.clear();
    }
  }

  private FileDigests submit(Path file, long size) {
    long chunks = chunkCount(size);
    List<Future<byte[][]>> segments = new ArrayList<>();
    for (long first = 0; first < chunks; first += SEGMENT_CHUNKS) {
      long from = first;
      int count = (int) Math.min(SEGMENT_CHUNKS, chunks - first);
      segments.add(workers.submit(() -> worker.get().hashSegment(file, size, from, count)));
    }
    return new FileDigests(file, segments);
  }

  /** Number of chunks of a file: at least one (an empty file is one empty chunk). */
  static long chunkCount(long size) {
    return Math.max(1, (size + UnixFsImporter.CHUNK_SIZE - 1) / UnixFsImporter.CHUNK_SIZE);
  }

  /** Expected length of chunk {@code index} of a file of {@code size} bytes. */
  static int chunkLength(long size, long index) {
    return (int) Math.min(UnixFsImporter.CHUNK_SIZE, size - index * UnixFsImporter.CHUNK_SIZE);
  }

  /** Per-thread buffers of a hashing worker. */
  private static final class Worker {
    private final MessageDigest sha256;
    private final ByteBuffer buffer = ByteBuffer.allocate(UnixFsImporter.CHUNK_SIZE);

    Worker() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }

    byte[][] hashSegment(Path file, long size, long firstChunk, int count) throws IOException {
      byte[][] digests = new byte[count][];
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        for (int i = 0; i < count; i++) {
          long index = firstChunk + i;
          int length = chunkLength(size, index);
          buffer.clear().limit(length);
          long position = index * UnixFsImporter.CHUNK_SIZE;
          while (buffer.hasRemaining()) {
            int n = ch.read(buffer, position + buffer.position());
            if (n < 0) {
              throw UnixFsImporter.changed(file);
            }
          }
          sha256.update(buffer.array(), 0, length);
          digests[i] = new byte[32];
          try {
            sha256.digest(digests[i], 0, 32);
          } catch (DigestException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      return digests;
    }
  }
}
