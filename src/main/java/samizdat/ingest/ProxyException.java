package samizdat.ingest;

/**
 * The proxy cannot be used: it is not reachable, does not answer as the kind of proxy its URL
 * names, or refuses to forward. Nothing would get through it, so a run stops on the first one with
 * this one line ("proxy socks5h://127.0.0.1:1080 is not reachable: connection refused") instead
 * of failing each URL in turn.
 */
public final class ProxyException extends Exception {
  private static final long serialVersionUID = 1L;

  ProxyException(ProxyUrl proxy, String problem) {
    super("proxy " + proxy.display() + " " + problem);
  }
}
