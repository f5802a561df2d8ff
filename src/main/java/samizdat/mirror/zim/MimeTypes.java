package samizdat.mirror.zim;

import java.util.Locale;
import java.util.Map;

/**
 * The MIME type of a site file, from its extension: a fixed table, so the same site gives the
 * same ZIM on every machine (the system's MIME database differs between them).
 */
final class MimeTypes {
  static final String DEFAULT = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", "text/html"),
      Map.entry("htm", "text/html"),
      Map.entry("css", "text/css"),
      Map.entry("js", "application/javascript"),
      Map.entry("mjs", "application/javascript"),
      Map.entry("json", "application/json"),
      Map.entry("txt", "text/plain"),
      Map.entry("md", "text/markdown"),
      Map.entry("csv", "text/csv"),
      Map.entry("xml", "application/xml"),
      Map.entry("atom", "application/atom+xml"),
      Map.entry("rss", "application/rss+xml"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("avif", "image/avif"),
      Map.entry("ico", "image/vnd.microsoft.icon"),
      Map.entry("bmp", "image/bmp"),
      Map.entry("woff", "font/woff"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("oga", "audio/ogg"),
      Map.entry("opus", "audio/ogg"),
      Map.entry("m4a", "audio/mp4"),
      Map.entry("wav", "audio/wav"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("m4v", "video/mp4"),
      Map.entry("webm", "video/webm"),
      Map.entry("ogv", "video/ogg"),
      Map.entry("vtt", "text/vtt"),
      Map.entry("wasm", "application/wasm"),
      Map.entry("zip", "application/zip"),
      Map.entry("epub", "application/epub+zip"));

  private MimeTypes() {}

  /** The type of the file at {@code path} ('/'-separated); {@link #DEFAULT} when unknown. */
  static String of(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash + 1) {
      return DEFAULT;
    }
    return BY_EXTENSION.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
  }

  /** Whether libzim would compress it: text, XML, JSON and JavaScript; not images or media. */
  static boolean compressible(String mime) {
    return mime.startsWith("text") || mime.contains("+xml") || mime.contains("+json")
        || mime.equals("application/javascript") || mime.equals("application/json")
        || mime.equals("application/xml");
  }
}
