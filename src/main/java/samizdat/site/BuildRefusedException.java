package samizdat.site;

import java.io.IOException;

/**
 * A build refused before writing anything, because it would have destroyed the site: the content
 * folder is not one, or the site would lose most of its articles (an unmounted drive, a wrong
 * {@code --content}). {@link SiteBuilder#allowShrink} lets a real shrink through.
 */
public final class BuildRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  BuildRefusedException(String message) {
    super(message);
  }
}
