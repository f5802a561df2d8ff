package samizdat.site.render;

import java.util.Set;
import samizdat.io.Progress;
import samizdat.site.model.SiteModel;
import samizdat.site.state.Fingerprint;

/**
 * What renderers share during one build.
 *
 * @param site the archive model
 * @param templates compiled templates
 * @param markdown the body renderer
 * @param media names of the files in {@code content/media} that are copied into the site
 * @param globalFingerprint digest of the code, templates and settings; part of every page's
 * @param progress where warnings go
 */
public record RenderContext(SiteModel site, Templates templates, MarkdownRenderer markdown, Set<String> media,
    byte[] globalFingerprint, Progress progress, BodyTexts bodyTexts) {

  Fingerprint fingerprint() {
    return new Fingerprint().add(globalFingerprint);
  }
}
