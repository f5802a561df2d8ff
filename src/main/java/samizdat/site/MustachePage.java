package samizdat.site;

import java.util.Map;

/** A page whose bytes are a template rendered with a view model that is cheap to build. */
final class MustachePage implements Page {
  private final RenderContext context;
  private final String path;
  private final String template;
  private final Map<String, Object> model;

  MustachePage(RenderContext context, String path, String template, Map<String, Object> model) {
    this.context = context;
    this.path = path;
    this.template = template;
    this.model = model;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public byte[] fingerprint() {
    return context.fingerprint().add(template).addModel(model).done();
  }

  @Override
  public byte[] render() {
    return context.templates().render(template, model);
  }
}
