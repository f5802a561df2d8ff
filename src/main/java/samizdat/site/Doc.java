package samizdat.site;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
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
 */
record Doc(ArticleMeta meta, String path, Path bodyFile, byte[] contentHash, long[] signature) {
  Doc {
    requireNonNull(meta, "meta");
    requireNonNull(path, "path");
    requireNonNull(bodyFile, "bodyFile");
    requireNonNull(contentHash, "contentHash");
    requireNonNull(signature, "signature");
  }

  String id() {
    return meta.id();
  }
}
