package samizdat.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A page a browser saved as one file with what it showed (MHTML, Safari's web archive): the page's
 * HTML, the charset and address the file gives it, and the other resources by address.
 */
record SavedPage(byte[] html, Optional<String> charset, Optional<String> url, Parts parts) {

  /** A saved page's resources by the address each was loaded from, each read when asked for. */
  static final class Parts {
    private final Map<String, Supplier<byte[]>> byAddress;

    Parts(Map<String, Supplier<byte[]>> byAddress) {
      this.byAddress = Map.copyOf(byAddress);
    }

    /** The bytes saved for an address ({@code https://…}, or MHTML's {@code cid:…}). */
    Optional<byte[]> get(String address) {
      Supplier<byte[]> p = byAddress.get(address);
      return p == null ? Optional.empty() : Optional.of(p.get());
    }
  }

  /** The page in a file that is one of the single-file formats; empty for any other file. */
  static Optional<SavedPage> unwrap(byte[] raw) throws SourceFailure {
    if (Mhtml.looksLike(raw)) {
      return Optional.of(Mhtml.read(raw));
    }
    if (WebArchive.looksLike(raw)) {
      return Optional.of(WebArchive.read(raw));
    }
    return Optional.empty();
  }
}
