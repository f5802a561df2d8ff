package samizdat.mirror.zim;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import samizdat.content.ContentJson;
import samizdat.io.AtomicFiles;
import samizdat.io.Progress;
import samizdat.mirror.ArchiveInfo;
import samizdat.mirror.SiteFiles;
import samizdat.mirror.zim.ZimEntry.BytesContent;
import samizdat.mirror.zim.ZimEntry.FileContent;
import samizdat.mirror.zim.ZimEntry.Item;

/**
 * Writes a built site as one ZIM file for Kiwix: every site file an item at its own path
 * ({@code C/articles/...}) with its MIME type and its bytes unchanged, {@code index.html} the main
 * page, page titles as item titles, and the library metadata ({@link ZimMetadata}) with a 48×48
 * illustration drawn from the site's icon.
 *
 * <p>The file is written to a temporary name beside the target and renamed over it at the end,
 * so an interrupted export leaves the old file (or none), never a partial one; the same site
 * always gives the same bytes.
 */
public final class ZimExport {
  /** libzim's default: large enough for zstd to find the repetition between pages. */
  static final long CLUSTER_SIZE = 2L << 20;
  /**
   * Measured on the text of a generated 10,000-article site (140 MB in 2 MB clusters, one thread):
   * level 3 gives 36.5 MB in 0.75 s, level 9 34.0 MB in 1.9 s, and beyond that the time grows
   * much faster than the file shrinks (libzim uses 19). 9 keeps the whole export about a tenth of
   * zimwriterfs's time while making the file smaller than its.
   */
  static final int ZSTD_LEVEL = 9;
  static final String MAIN_PAGE = "index.html";

  private ZimExport() {}

  /** What an export produced. */
  public record Result(long fileBytes, int files, long contentBytes, int articles, int clusters,
      String uuid, Map<String, String> metadata, List<String> warnings) {
    public Result {
      metadata = Map.copyOf(metadata);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Writes the ZIM of {@code site} to {@code zim}.
   *
   * @param progress told the bytes written and warnings (hidden files left out, metadata guessed),
   *     which are also returned in the result
   * @throws IOException when the site cannot be read or the file written; {@code zim} is then unchanged
   */
  public static Result export(Path site, Path zim, ZimOptions options, Progress progress) throws IOException {
    if (!Files.isDirectory(site)) {
      throw new IOException(site + ": no such folder; build the site first (samizdat build)");
    }
    if (!Files.isRegularFile(site.resolve(MAIN_PAGE))) {
      throw new IOException(site + ": no " + MAIN_PAGE + "; not a built site (samizdat build makes one)");
    }
    Path abs = zim.toAbsolutePath().normalize();
    if (abs.startsWith(site.toAbsolutePath().normalize())) {
      throw new IOException(zim + ": must be outside the exported folder " + site
          + " (it would end up inside the next export)");
    }
    List<String> warnings = new ArrayList<>();
    Consumer<String> warn = w -> {
      warnings.add(w);
      progress.warn(w);
    };
    SortedMap<String, Long> files = SiteFiles.scan(site, warn);
    ArchiveInfo info = ArchiveInfo.read(site, new ContentJson(), warn);
    SortedMap<String, String> metadata = ZimMetadata.resolve(site, info, options, files, warn);
    List<ZimEntry> entries = new ArrayList<>(files.size() + metadata.size() + 1);
    long contentBytes = 0;
    for (Map.Entry<String, Long> f : files.entrySet()) {
      entries.add(new Item('C', f.getKey(), MimeTypes.of(f.getKey()),
          new FileContent(site.resolve(f.getKey()), f.getValue())));
      contentBytes += f.getValue();
    }
    metadata.forEach((name, value) -> entries.add(new Item('M', name, ZimMetadata.TEXT,
        new BytesContent(value.getBytes(StandardCharsets.UTF_8)))));
    entries.add(new Item('M', "Illustration_48x48@1", "image/png",
        new BytesContent(Illustration.png(site, MAIN_PAGE, warn))));

    Files.createDirectories(abs.getParent());
    Path tmp = AtomicFiles.newTempFile(abs.getParent(), ".zim.part");
    try {
      ZimWriter.Result r;
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        r = new ZimWriter(CLUSTER_SIZE, ZSTD_LEVEL, threads)
            .write(entries, MAIN_PAGE, new PageTitles(metadata.get("Title"), info.title(), MAIN_PAGE), ch, progress);
        ch.force(true);
      }
      AtomicFiles.move(tmp, abs);
      AtomicFiles.syncDirectory(abs.getParent()); // the rename, not only the bytes, survives a power cut
      return new Result(r.fileBytes(), files.size(), contentBytes, r.frontArticles(), r.clusterCount(),
          r.uuid(), metadata, warnings);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }
}
