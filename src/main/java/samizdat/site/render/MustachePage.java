package samizdat.site.render;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A page whose bytes are a template rendered with a view model. The model is built when the
 * writer first asks for the fingerprint and dropped on {@link #release}, so a large archive's
 * hundred thousand list pages never hold their models all at once.
 */
public final class MustachePage implements Page {
  private final RenderContext context;
  private final String path;
  private final String template;
  private final Supplier<Map<String, Object>> modelSupplier;
  private Map<String, Object> model;

  MustachePage(RenderContext context, String path, String template, Supplier<Map<String, Object>> model) {
    this.context = context;
    this.path = path;
    this.template = template;
    this.modelSupplier = model;
  }

  MustachePage(RenderContext context, String path, String template, Map<String, Object> model) {
    this(context, path, template, () -> model);
  }

  @Override
  public String path() {
    return path;
  }

  private Map<String, Object> model() {
    if (model == null) {
      model = modelSupplier.get();
    }
    return model;
  }

  @Override
  public byte[] fingerprint() {
    return context.fingerprint().add(template).addModel(model()).done();
  }

  @Override
  public byte[] render() {
    return context.templates().render(template, model());
  }

  @Override
  public void release() {
    model = null;
  }
}
