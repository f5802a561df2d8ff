package samizdat.site.model;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import samizdat.content.ArticleMeta;

/**
 * One article as the build holds it in memory: metadata, where its page goes, a hash of its
 * content files and its text signature. The body itself is read again when its page is rendered,
 * so memory stays small for large archives.
 *
 * @param meta the article's metadata
 * @param path the article page, relative to the site root
 * @param bodyFile the Markdown body on disk
 * @param contentHash hash of metadata and body; changes whenever the article does
 * @param signature {@link TextSignature} of title and body
 * @param tagKeys the article's tags as keys ({@link SiteLayout#tagKey}), de-duplicated, in order
 * @param excerpt the start of the body's first paragraph of text ({@link Excerpts}), for lists
 */
public record Doc(ArticleMeta meta, String path, Path bodyFile, byte[] contentHash, long[] signature,
    List<String> tagKeys, String excerpt) {
  public Doc {
    requireNonNull(meta, "meta");
    requireNonNull(path, "path");
    requireNonNull(bodyFile, "bodyFile");
    requireNonNull(contentHash, "contentHash");
    requireNonNull(signature, "signature");
    tagKeys = List.copyOf(tagKeys);
    requireNonNull(excerpt, "excerpt");
  }

  /** A Doc for this metadata, with tag keys worked out. */
  static Doc of(ArticleMeta meta, String path, Path bodyFile, byte[] contentHash, long[] signature) {
    return of(meta, path, bodyFile, contentHash, signature, "");
  }

  /** A Doc for this metadata and excerpt, with tag keys worked out. */
  static Doc of(ArticleMeta meta, String path, Path bodyFile, byte[] contentHash, long[] signature,
      String excerpt) {
    java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
    for (String t : meta.tags()) {
      String k = SiteLayout.tagKey(t);
      if (!k.isEmpty()) {
        keys.add(k);
      }
    }
    return new Doc(meta, path, bodyFile, contentHash, signature, List.copyOf(keys), excerpt);
  }

  public String id() {
    return meta.id();
  }
}
