package samizdat.site.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import samizdat.content.ContentJson;
import samizdat.site.model.SiteLayout;
import samizdat.site.model.SiteModel;

/**
 * {@code archive-info.json}: title, language, article count and date range, for tools that
 * describe the archive without parsing HTML (the mirror manifest).
 */
public final class ArchiveInfoRenderer implements PageRenderer {
  private final ContentJson json = new ContentJson();

  @Override
  public List<Page> pages(RenderContext context) {
    SiteModel site = context.site();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", site.config.title());
    info.put("language", site.config.language());
    info.put("articleCount", site.list.size());
    info.put("earliest", site.earliest.map(Object::toString).orElse(null));
    info.put("latest", site.latest.map(Object::toString).orElse(null));
    String path = SiteLayout.ARCHIVE_INFO;
    return List.of(new Page() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public byte[] fingerprint() {
        return context.fingerprint().add(path).addModel(info).done();
      }

      @Override
      public byte[] render() {
        return json.toBytes(info);
      }
    });
  }
}
