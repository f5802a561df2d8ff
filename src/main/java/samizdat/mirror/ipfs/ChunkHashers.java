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
import java.util.Optional;
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
  /** Files up to this size are read once, by the worker, and handed to the writer in memory. */
  static final long SMALL_FILE = 4L * UnixFsImporter.CHUNK_SIZE;
  /** How far, in file bytes, the hashing may run ahead of the writer (bounds that memory too). */
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
    private final Optional<Future<byte[]>> content;

    FileDigests(Path file, List<Future<byte[][]>> segments, Optional<Future<byte[]>> content) {
      this.file = file;
      this.segments = segments;
      this.content = content;
    }

    /** The SHA-256 of chunk {@code index}; waits for it. */
    byte[] digest(int index) throws IOException {
      return await(segments.get(index / SEGMENT_CHUNKS))[index % SEGMENT_CHUNKS];
    }

    /** For small files, the bytes the worker read (so the writer need not read them again). */
    Optional<byte[]> content() throws IOException {
      return content.isPresent() ? Optional.of(await(content.get())) : Optional.empty();
    }

    private <T> T await(Future<T> future) throws IOException {
      try {
        return future.get();
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
      content.ifPresent(f -> f.cancel(false));
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
    if (size <= SMALL_FILE) {
      // One task reads the whole file once: the writer takes the bytes from memory.
      Future<Small> small = workers.submit(() -> worker.get().readSmall(file, size));
      Future<byte[][]> digests = new Derived<>(small, Small::digests);
      Future<byte[]> content = new Derived<>(small, Small::content);
      return new FileDigests(file, List.of(digests), Optional.of(content));
    }
    long chunks = chunkCount(size);
    List<Future<byte[][]>> segments = new ArrayList<>();
    for (long first = 0; first < chunks; first += SEGMENT_CHUNKS) {
      long from = first;
      int count = (int) Math.min(SEGMENT_CHUNKS, chunks - first);
      segments.add(workers.submit(() -> worker.get().hashSegment(file, size, from, count)));
    }
    return new FileDigests(file, segments, Optional.empty());
  }

  /** A small file's bytes and chunk digests. */
  private record Small(byte[] content, byte[][] digests) {}

  /** A view of one part of another future's result. */
  private static final class Derived<S, T> implements Future<T> {
    private final Future<S> source;
    private final java.util.function.Function<S, T> part;

    Derived(Future<S> source, java.util.function.Function<S, T> part) {
      this.source = source;
      this.part = part;
    }

    @Override
    public boolean cancel(boolean interrupt) {
      return source.cancel(interrupt);
    }

    @Override
    public boolean isCancelled() {
      return source.isCancelled();
    }

    @Override
    public boolean isDone() {
      return source.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      return part.apply(source.get());
    }

    @Override
    public T get(long timeout, java.util.concurrent.TimeUnit unit)
        throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
      return part.apply(source.get(timeout, unit));
    }
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

    Small readSmall(Path file, long size) throws IOException {
      byte[] content = new byte[(int) size];
      ByteBuffer in = ByteBuffer.wrap(content);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        while (in.hasRemaining()) {
          if (ch.read(in) < 0) {
            throw UnixFsImporter.changed(file);
          }
        }
        if (ch.read(ByteBuffer.allocate(1)) > 0) {
          throw UnixFsImporter.changed(file);
        }
      }
      int chunks = (int) chunkCount(size);
      byte[][] digests = new byte[chunks][];
      for (int i = 0; i < chunks; i++) {
        sha256.update(content, i * UnixFsImporter.CHUNK_SIZE, chunkLength(size, i));
        digests[i] = sha256.digest();
      }
      return new Small(content, digests);
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
