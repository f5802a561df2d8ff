package samizdat.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bytes of one source: fetched (a URL) or read (a file, gunzipped when it ends in .gz), never
 * more than the page-size limit, the HTML taken out of an MHTML file or a web archive; refused
 * when they are empty or not text.
 */
final class PageLoader {
  /** Names of the files that hold a page with its images (MHTML, Safari's web archive). */
  private static final List<String> SINGLE_FILE_SUFFIXES = List.of(".mhtml", ".mht", ".webarchive");
  /** How many times the page-size limit such a file may be. */
  private static final int SINGLE_FILE_FACTOR = 4;

  private final Supplier<HttpFetcher> fetcher;
  private final long max;

  /** {@code fetcher} is asked only for URL sources; {@code maxPageBytes} bounds files too. */
  PageLoader(Supplier<HttpFetcher> fetcher, long maxPageBytes) {
    this.fetcher = fetcher;
    this.max = maxPageBytes;
  }

  /**
   * The bytes of a page and what its transport said about them: the charset and URL that HTTP or
   * a saved page's file gave ({@code savedUrl}: the address a browser saved the page from), and
   * for such a file, the resources it holds beside the page (present even when it holds none).
   */
  record Loaded(byte[] raw, Optional<String> httpCharset, Optional<String> fetchedUrl,
      Optional<String> savedUrl, Optional<SavedPage.Parts> parts) {
    Loaded(byte[] raw, Optional<String> httpCharset, Optional<String> fetchedUrl) {
      this(raw, httpCharset, fetchedUrl, Optional.empty(), Optional.empty());
    }

    /** A page saved as one file (MHTML, a web archive) is its HTML, with the rest kept aside. */
    Loaded unwrapped() throws SourceFailure {
      Optional<SavedPage> saved = SavedPage.unwrap(raw);
      if (saved.isEmpty()) {
        return this;
      }
      SavedPage page = saved.get();
      return new Loaded(page.html(), page.charset(), fetchedUrl, page.url(),
          Optional.of(page.parts()));
    }
  }

  Loaded load(Source source) throws SourceFailure, ProxyException, InterruptedException {
    if (source.url().isPresent()) {
      try {
        HttpFetcher.Response r = fetcher.get().fetch(source.url().get(), HttpFetcher.Kind.PAGE);
        return new Loaded(r.body(), r.charset(), Optional.of(r.uri().toString())).unwrapped();
      } catch (FetchException e) {
        throw new SourceFailure(e.getMessage());
      }
    }
    Path file = source.file().orElseThrow();
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    // A page saved as one file carries its images: it may be larger than a page, its page not.
    long limit = SINGLE_FILE_SUFFIXES.stream().anyMatch(name::endsWith)
        ? max * SINGLE_FILE_FACTOR : max;
    try {
      byte[] bytes;
      // One open for size and bytes (a stat of the path first cost a tenth of reading).
      try (SeekableByteChannel channel = Files.newByteChannel(file)) {
        long size = channel.size();
        if (size > limit) {
          throw new SourceFailure(HttpFetcher.tooLarge(limit) + ": " + HttpFetcher.megabytes(size));
        }
        bytes = readAll(channel, (int) size);
      }
      if (name.endsWith(".gz")) {
        bytes = Gzip.decompress(new ByteArrayInputStream(bytes), max);
      }
      Loaded loaded = new Loaded(bytes, Optional.empty(), Optional.empty()).unwrapped();
      if (loaded.raw().length > max) {
        throw new SourceFailure("its page is " + HttpFetcher.tooLarge(max) + ": "
            + HttpFetcher.megabytes(loaded.raw().length));
      }
      return loaded;
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new SourceFailure("is a directory");
      }
      throw new SourceFailure("cannot read: " + Ingester.ioMessage(e));
    }
  }

  /**
   * All bytes of an open file whose size was {@code size}: read into an array of that size, then
   * on to the end, as {@link Files#readAllBytes} does (a file may change while it is read).
   */
  static byte[] readAll(SeekableByteChannel channel, int size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(size);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // reading
    }
    byte[] read = buffer.position() == size ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    // The end is where it should be in all but a file that grew meanwhile: one byte tells, where
    // reading "the rest" as a stream took an 8 KB buffer per page to learn the same.
    ByteBuffer probe = ByteBuffer.allocate(1);
    if (read.length < size || channel.read(probe) < 0) {
      return read;
    }
    byte[] rest = Channels.newInputStream(channel).readAllBytes();
    byte[] all = Arrays.copyOf(read, read.length + 1 + rest.length);
    all[read.length] = probe.get(0);
    System.arraycopy(rest, 0, all, read.length + 1, rest.length);
    return all;
  }

  static void checkNotBinary(byte[] raw) throws SourceFailure {
    if (raw.length == 0) {
      throw new SourceFailure("empty file");
    }
    if (looksBinary(raw)) {
      throw new SourceFailure("binary file, not an HTML page");
    }
  }

  /**
   * What each byte counts for in {@link #looksBinary}: 1 for a control character that text does
   * not use, NUL past any count of those (a NUL alone makes a file binary), 0 otherwise.
   */
  private static final int[] BINARY_WEIGHT = new int[256];
  /** More than 8192 bytes can add up to, and 8192 of it still fit an int. */
  private static final int NUL_WEIGHT = 1 << 14;

  static {
    for (int b = 1; b < 0x20; b++) {
      BINARY_WEIGHT[b] = b < 0x09 || (b > 0x0d && b != 0x1b) ? 1 : 0;
    }
    BINARY_WEIGHT[0] = NUL_WEIGHT;
  }

  /**
   * True for bytes that are not a text file: a NUL, or more than one in twenty control
   * characters, in the first 8 KB (UTF-16 with a byte-order mark is text). One table lookup per
   * byte.
   */
  static boolean looksBinary(byte[] raw) {
    if (raw.length >= 2 && ((raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF)
        || (raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE))) {
      return false;
    }
    int n = Math.min(raw.length, 8192);
    int weight = 0;
    for (int i = 0; i < n; i++) {
      weight += BINARY_WEIGHT[raw[i] & 0xff];
    }
    return weight >= NUL_WEIGHT || weight * 20 > n;
  }
}
