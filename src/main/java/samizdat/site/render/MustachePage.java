package samizdat.site.render;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import samizdat.site.state.Fingerprint;

/**
 * A page whose bytes are a template rendered with a view model. The model is built when the
 * writer first asks for the fingerprint and dropped on {@link #release}, so a large archive's
 * hundred thousand list pages never hold their models all at once. A page that can name its
 * inputs (the articles it shows by content hash, its place in a list) is fingerprinted by them
 * instead, and its model is built only when it is rendered.
 */
public final class MustachePage implements Page {
  private final RenderContext context;
  private final String path;
  private final String template;
  private final Supplier<Map<String, Object>> modelSupplier;
  private final Optional<Consumer<Fingerprint>> inputs;
  private Map<String, Object> model;

  /**
   * @param inputs adds to a fingerprint everything the model is made of, so that equal inputs
   *     give equal models; empty: the model itself is fingerprinted
   */
  MustachePage(RenderContext context, String path, String template, Supplier<Map<String, Object>> model,
      Optional<Consumer<Fingerprint>> inputs) {
    this.context = context;
    this.path = path;
    this.template = template;
    this.modelSupplier = model;
    this.inputs = inputs;
  }

  MustachePage(RenderContext context, String path, String template, Supplier<Map<String, Object>> model) {
    this(context, path, template, model, Optional.empty());
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
    Fingerprint fp = context.fingerprint().add(template);
    if (inputs.isPresent()) {
      inputs.get().accept(fp.add("inputs").add(path));
      return fp.done();
    }
    return fp.addModel(model()).done();
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
