package samizdat.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A page Safari saved as a web archive ({@code .webarchive}: "Save As… Web Archive" on a Mac, "Save
 * to Files" on an iPhone): a binary property list holding the page ({@code WebMainResource}), its
 * images and style sheets ({@code WebSubresources}) and its frames ({@code WebSubframeArchives}),
 * each with the address it was loaded from.
 */
final class WebArchive {
  private WebArchive() {}

  static boolean looksLike(byte[] raw) {
    return BinaryPlist.looksLike(raw);
  }

  static SavedPage read(byte[] raw) throws SourceFailure {
    Map<?, ?> archive = dict(BinaryPlist.parse(raw))
        .orElseThrow(() -> new SourceFailure("not a web archive (a property list of another kind)"));
    Map<?, ?> main = dict(archive.get("WebMainResource"))
        .orElseThrow(() -> new SourceFailure("not a web archive (no WebMainResource)"));
    byte[] html = data(main.get("WebResourceData"))
        .orElseThrow(() -> new SourceFailure("web archive without its page's data"));
    Map<String, Supplier<byte[]>> parts = new HashMap<>();
    collect(archive, parts, 0);
    Optional<String> url = string(main.get("WebResourceURL"));
    url.ifPresent(parts::remove);
    return new SavedPage(html, string(main.get("WebResourceTextEncodingName")),
        url.filter(Links::isHttp), new SavedPage.Parts(parts));
  }

  /** The resources of an archive and of its frames' archives, the first for an address kept. */
  private static void collect(Map<?, ?> archive, Map<String, Supplier<byte[]>> parts, int depth) {
    if (depth > 16) {
      return;
    }
    if (archive.get("WebSubresources") instanceof List<?> resources) {
      for (Object r : resources) {
        dict(r).ifPresent(res -> add(res, parts));
      }
    }
    if (archive.get("WebSubframeArchives") instanceof List<?> frames) {
      for (Object f : frames) {
        dict(f).ifPresent(frame -> {
          dict(frame.get("WebMainResource")).ifPresent(res -> add(res, parts));
          collect(frame, parts, depth + 1);
        });
      }
    }
  }

  private static void add(Map<?, ?> resource, Map<String, Supplier<byte[]>> parts) {
    Optional<String> url = string(resource.get("WebResourceURL"));
    Optional<byte[]> data = data(resource.get("WebResourceData"));
    if (url.isPresent() && data.isPresent()) {
      byte[] bytes = data.get();
      parts.putIfAbsent(url.get(), () -> bytes);
    }
  }

  private static Optional<Map<?, ?>> dict(Object o) {
    return o instanceof Map<?, ?> m ? Optional.of(m) : Optional.empty();
  }

  private static Optional<byte[]> data(Object o) {
    return o instanceof byte[] bytes ? Optional.of(bytes) : Optional.empty();
  }

  private static Optional<String> string(Object o) {
    return o instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
  }
}
