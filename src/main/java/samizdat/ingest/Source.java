package samizdat.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import samizdat.content.ArticleMeta;

/**
 * One page to ingest: a file (label = as named) or a URL; for a re-ingest, a stored article's
 * raw page (label = its id) with its stored metadata.
 */
record Source(String label, Optional<Path> file, Optional<URI> url,
    Optional<ArticleMeta> stored) {
  Source(String label, Optional<Path> file, Optional<URI> url) {
    this(label, file, url, Optional.empty());
  }
}
