package samizdat.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import samizdat.content.ArticleMeta;
import samizdat.content.ControlCharacters;
import samizdat.content.ImageRef;
import samizdat.io.Progress;

/**
 * The images of one article body: found, fetched (URL sources), taken from a page saved as one
 * file (MHTML, web archive) or copied from beside the saved page, checked, and named by content;
 * written to {@code media/} only once the whole article is good, so a refused page leaves no
 * images behind. One per page, on one thread.
 */
final class PageImages {
  private static final Evaluator IMAGES = QueryParser.parse("img");
  private static final Evaluator CAPTION = QueryParser.parse("figcaption");
  private static final Evaluator FIGURE = QueryParser.parse("figure");
  /** Where an image's address is, lazy loaders' attributes before {@code src}'s placeholder. */
  private static final List<String> SOURCE_ATTRIBUTES =
      List.of("data-src", "data-original", "data-lazy-src", "src");
  /**
   * A {@code data:} image shorter than this stands in for the real one (a blank pixel, an empty
   * SVG, a blurred preview) when the element names others.
   */
  private static final int PLACEHOLDER_CHARS = 4096;
  private static final List<String> SRCSET_ATTRIBUTES =
      List.of("srcset", "data-srcset", "data-lazy-srcset");
  private static final Pattern PAGE_SUFFIX = Pattern.compile("(?i)\\.(html?|xhtml)(\\.gz)?$");

  private final Source source;
  private final MediaStore media;
  private final Supplier<HttpFetcher> fetcher;
  private final FetchSettings fetch;
  /** Whether the user gave the page's URL: relative image paths then resolve against it. */
  private final boolean urlGiven;
  private final Progress progress;
  private final Map<Element, Optional<String>> files = new IdentityHashMap<>();
  private final Map<String, ImageRef> refs = new LinkedHashMap<>();
  private final Map<String, byte[]> pending = new LinkedHashMap<>();
  private Optional<ImageRef> lead = Optional.empty();
  /** Stored copies of a re-ingested article's images, by original URL. */
  private final Map<String, String> known = new HashMap<>();
  /**
   * For a page saved as one file (MHTML, web archive): the resources it holds, by the address each
   * came from; its images are looked for there alone.
   */
  private final Optional<SavedPage.Parts> saved;

  PageImages(Source source, Progress progress, Optional<ArticleMeta> stored, MediaStore media,
      Supplier<HttpFetcher> fetcher, FetchSettings fetch, boolean urlGiven,
      Optional<SavedPage.Parts> saved) {
    this.source = source;
    this.saved = saved;
    this.progress = progress;
    this.media = media;
    this.fetcher = fetcher;
    this.fetch = fetch;
    this.urlGiven = urlGiven;
    if (stored.isPresent()) {
      List<ImageRef> all = new ArrayList<>(stored.get().images());
      stored.get().image().ifPresent(all::add);
      for (ImageRef ref : all) {
        ref.file().filter(f -> Files.isRegularFile(media.dir().resolve(f)))
            .ifPresent(f -> known.putIfAbsent(ref.originalUrl(), f));
      }
    }
  }

  Optional<String> fileFor(Element img) {
    return files.getOrDefault(img, Optional.empty());
  }

  List<ImageRef> refs() {
    return List.copyOf(refs.values());
  }

  void collect(Element body) throws ProxyException, InterruptedException {
    for (Element img : body.select(IMAGES)) {
      String src = src(img);
      if (src.isEmpty()) {
        img.remove();
        continue;
      }
      String original = originalUrl(img, src);
      if (known.containsKey(original)) {
        files.put(img, Optional.of(known.get(original)));
        refs.putIfAbsent(original, new ImageRef(Optional.of(known.get(original)), original,
            alt(img), caption(img)));
        continue;
      }
      Optional<byte[]> bytes = saved.isPresent() && !src.startsWith("data:")
          ? fromSaved(saved.get(), addresses(img, src, original), original, true)
          : obtain(src, original, true);
      if (bytes.isPresent() && MediaStore.isPixel(bytes.get())) {
        img.remove();
        continue;
      }
      Optional<String> file = Optional.empty();
      if (bytes.isPresent()) {
        Optional<String> ext = MediaStore.extension(bytes.get());
        if (ext.isEmpty()) {
          warn("not an image: " + original + "; kept its alt text and URL");
        } else {
          String name = MediaStore.name(bytes.get(), ext.get());
          pending.putIfAbsent(name, bytes.get());
          file = Optional.of(name);
        }
      }
      files.put(img, file);
      refs.putIfAbsent(original, new ImageRef(file, original, alt(img), caption(img)));
    }
  }

  Optional<ImageRef> leadRef() {
    return lead;
  }

  /**
   * The lead image the page declares: the body's own copy when the body shows it, else fetched
   * (URL sources) or found in the saved page's folder; without a copy, its URL alone. An image
   * that cannot be had is no warning here: the body is complete without it.
   */
  void lead(Optional<String> url) throws ProxyException, InterruptedException {
    if (url.isEmpty()) {
      return;
    }
    // Stored and fetched as a browser sends it, like the body's images (a page's og:image may hold a '|')
    String leadUrl = Links.isHttp(url.get()) ? Links.forRequest(url.get()) : url.get();
    ImageRef inBody = refs.get(leadUrl);
    if (inBody != null) {
      lead = Optional.of(new ImageRef(inBody.file(), inBody.originalUrl(), inBody.alt(), ""));
      return;
    }
    if (known.containsKey(leadUrl)) {
      lead = Optional.of(new ImageRef(Optional.of(known.get(leadUrl)), leadUrl, "", ""));
      return;
    }
    Optional<String> file = Optional.empty();
    Optional<byte[]> bytes = obtain(leadUrl, leadUrl, false);
    if (bytes.isPresent() && !MediaStore.isPixel(bytes.get())) {
      Optional<String> ext = MediaStore.extension(bytes.get());
      if (ext.isPresent()) {
        String name = MediaStore.name(bytes.get(), ext.get());
        pending.putIfAbsent(name, bytes.get());
        file = Optional.of(name);
      }
    }
    lead = Optional.of(new ImageRef(file, leadUrl, "", ""));
  }

  private String caption(Element img) {
    Element figure = img.closest(FIGURE);
    Element caption = figure == null ? null : figure.selectFirst(CAPTION);
    return caption == null ? "" : text(caption.text());
  }

  private static String alt(Element img) {
    return text(img.attr("alt"));
  }

  private static String text(String s) {
    return ControlCharacters.strip(StringUtil.normaliseWhitespace(s)).strip();
  }

  void writeAll() throws IOException {
    for (Map.Entry<String, byte[]> e : pending.entrySet()) {
      media.store(e.getKey(), e.getValue());
    }
  }

  /**
   * The image's address: a lazy loader's, else {@code src}; when that is missing or a small
   * {@code data:} placeholder, the copy of a reader's size from its {@code srcset}s. A large
   * {@code data:} image is the picture itself (SingleFile saves pages so).
   */
  private String src(Element img) {
    String inline = "";
    for (String attr : SOURCE_ATTRIBUTES) {
      String v = img.attr(attr).strip();
      if (v.startsWith("data:") && v.length() < PLACEHOLDER_CHARS) {
        inline = inline.isEmpty() ? v : inline;
      } else if (!v.isEmpty()) {
        return v;
      }
    }
    for (String attr : SRCSET_ATTRIBUTES) {
      Optional<String> chosen = Srcset.choose(img.attr(attr));
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    return inline;
  }

  /** What the JSON records as the image's origin: an absolute URL, or the path as written. */
  private String originalUrl(Element img, String src) {
    if (src.startsWith("data:")) {
      return "data:";
    }
    if (Links.isHttp(src)) {
      return Links.forRequest(src);
    }
    if (saved.isPresent()) {
      String abs = StringUtil.resolve(img.baseUri(), src);
      return Links.isHttp(abs) ? Links.forRequest(abs) : HostileInput.storable(src);
    }
    if (source.url().isPresent() || urlGiven) {
      String abs = StringUtil.resolve(img.baseUri(), src);
      if (Links.isHttp(abs) && source.file().isEmpty()) {
        return Links.forRequest(abs);
      }
    }
    return HostileInput.storable(src); // no vbscript:, no //tracker/x.png from a page without URL
  }

  private Optional<byte[]> obtain(String src, String original, boolean loud)
      throws ProxyException, InterruptedException {
    if (src.startsWith("data:")) {
      return dataUri(src);
    }
    if (saved.isPresent()) {
      return fromSaved(saved.get(), List.of(original, src), original, loud);
    }
    long max = fetch.maxImageBytes();
    if (source.url().isPresent()) {
      // The page's own base (the final URL after redirects, or <base href>) resolves it.
      String abs = Links.isHttp(original) ? original
          : Links.forRequest(StringUtil.resolve(source.url().get().toString(), src));
      if (!Links.isHttp(abs)) {
        warnIf(loud, "image not fetched (not http): " + src);
        return Optional.empty();
      }
      try {
        return Optional.of(fetcher.get().fetch(URI.create(abs), HttpFetcher.Kind.IMAGE).body());
      } catch (FetchException | IllegalArgumentException e) {
        warnIf(loud, "image " + abs + ": " + e.getMessage() + "; kept its alt text and URL");
        return Optional.empty();
      }
    }
    Path page = source.file().orElseThrow().toAbsolutePath();
    Optional<Path> local = localImage(page, src);
    if (local.isEmpty()) {
      // A protocol-relative address on a page without one of its own is not stored (HostileInput).
      warnIf(loud, "image not found next to the page: "
          + (original.isEmpty() ? src + "; kept its alt text" : original + "; kept its alt text and URL"));
      return Optional.empty();
    }
    try {
      if (Files.size(local.get()) > max) {
        warnIf(loud, "image " + local.get().getFileName() + ": " + HttpFetcher.tooLarge(max));
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(local.get()));
    } catch (IOException e) {
      warnIf(loud, "image " + original + ": cannot read: " + Ingester.ioMessage(e));
      return Optional.empty();
    }
  }

  /**
   * An image a saved page's file holds, under the first of its addresses the browser saved: the one
   * {@link #src} chose, else another the page offered (a lazy loader's, a {@code srcset}'s: the
   * browser fetched the one it showed).
   */
  private Optional<byte[]> fromSaved(SavedPage.Parts parts, List<String> addresses, String original,
      boolean loud) {
    Optional<byte[]> bytes = Optional.empty();
    for (String address : addresses) {
      bytes = parts.get(address);
      if (bytes.isPresent()) {
        break;
      }
    }
    if (bytes.isEmpty()) {
      warnIf(loud, "image not saved in the page: " + original + "; kept its alt text and URL");
    } else if (bytes.get().length > fetch.maxImageBytes()) {
      warnIf(loud, "image " + original + ": " + HttpFetcher.tooLarge(fetch.maxImageBytes()));
      return Optional.empty();
    }
    return bytes;
  }

  /**
   * Every address an image offers, as written and made absolute against the page's base: the
   * chosen one first, then its other source attributes and its {@code srcset}s (those of the
   * {@code <picture>} around it among them: see ArticleExtractor).
   */
  private static List<String> addresses(Element img, String src, String original) {
    List<String> written = new ArrayList<>(List.of(src));
    for (String attr : SOURCE_ATTRIBUTES) {
      written.add(img.attr(attr).strip());
    }
    for (String attr : SRCSET_ATTRIBUTES) {
      written.addAll(Srcset.urls(img.attr(attr)));
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(List.of(original));
    for (String w : written) {
      if (!w.isEmpty() && !w.startsWith("data:")) {
        all.add(w);
        String abs = StringUtil.resolve(img.baseUri(), w);
        if (Links.isHttp(abs)) {
          all.add(Links.forRequest(abs));
          all.add(abs);
        }
      }
    }
    return List.copyOf(all);
  }

  /**
   * The saved copy of an image: a relative path as written in the page, or the file a
   * browser's "Save page as" put in {@code <page>_files/}. Only files inside the page's own
   * folder count, so a page cannot pull arbitrary local files into the archive.
   */
  private Optional<Path> localImage(Path page, String src) {
    Path dir = page.getParent();
    List<Path> candidates = new ArrayList<>();
    String s = src;
    int cut = indexOfAny(s, '?', '#');
    if (Links.isHttp(s)) {
      String path;
      try {
        path = URI.create(Links.forRequest(s.substring(0, cut < 0 ? s.length() : cut))).getPath();
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // no URL even once encoded (a broken host): nothing to look for
      }
      String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
      if (!name.isEmpty()) {
        String stem = PAGE_SUFFIX.matcher(page.getFileName().toString()).replaceFirst("");
        for (String folder : SourceFinder.SAVED_FILES_FOLDERS) {
          candidates.add(dir.resolve(stem + folder).resolve(name));
        }
      }
    } else if (!s.contains(":")) {
      String decoded = URLDecoder.decode(cut < 0 ? s : s.substring(0, cut), StandardCharsets.UTF_8);
      if (!decoded.startsWith("/")) {
        try {
          candidates.add(dir.resolve(decoded));
        } catch (InvalidPathException e) {
          return Optional.empty();
        }
      }
    }
    for (Path c : candidates) {
      Path n = c.normalize();
      if (n.startsWith(dir) && Files.isRegularFile(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private Optional<byte[]> dataUri(String src) {
    int comma = src.indexOf(',');
    if (comma < 0 || !src.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getMimeDecoder().decode(src.substring(comma + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void warn(String message) {
    progress.warn(source.label() + ": " + message);
  }

  private void warnIf(boolean loud, String message) {
    if (loud) {
      warn(message);
    }
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
