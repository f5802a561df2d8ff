package samizdat.site.render;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.AbstractObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import samizdat.content.ControlCharacters;
import samizdat.io.RelativePaths;

/**
 * The page templates of one build: Mustache files read from a folder (or from the copy inside the
 * jar), each compiled once by one factory and shared by all render threads (compiled Mustache
 * templates are thread-safe). Mustache HTML-escapes every {@code {{value}}}, without its control
 * characters; the only unescaped value in the templates is the article body, which {@link
 * MarkdownRenderer} made safe.
 *
 * <p>In strict mode (tests) a template that names a key missing from its view model fails instead
 * of printing nothing, so a typo in a template cannot go unnoticed.
 */
public final class Templates {
  private final Path root;
  private final DefaultMustacheFactory factory;
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();
  /** One output buffer per render thread, reused page after page. */
  private final ThreadLocal<Utf8Writer> buffers = ThreadLocal.withInitial(() -> new Utf8Writer(64 * 1024));

  /** Values every template sees (the labels, {@code L}), beneath each page's own model. */
  private final Map<String, Object> globals;

  public Templates(Path root, boolean strict) {
    this(root, strict, Map.of());
  }

  public Templates(Path root, boolean strict, Map<String, Object> globals) {
    this.root = root;
    this.globals = Map.copyOf(globals);
    this.factory = new DefaultMustacheFactory(name -> {
      try {
        Path file = root.resolve(name);
        if (!file.normalize().startsWith(root.normalize()) || !Files.isRegularFile(file)) {
          return null;
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }) {
      @Override
      public void encode(String value, Writer writer) {
        // A control character in a title would make the feed ill-formed XML (see ControlCharacters).
        super.encode(ControlCharacters.strip(value), writer);
      }
    };
    factory.setObjectHandler(new MapObjectHandler(strict));
  }

  public Path root() {
    return root;
  }

  /** Renders template {@code name} (without {@code .mustache}) with {@code model}, as UTF-8. */
  byte[] render(String name, Map<String, Object> model) {
    Mustache m = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    Utf8Writer out = buffers.get();
    out.reset();
    m.execute(out, List.of(globals, model));
    return out.toByteArray();
  }

  /** Compiles every template now, so a broken one fails the build before anything is written. */
  public void check(List<String> names) {
    for (String n : names) {
      if (!Files.isRegularFile(root.resolve(n + ".mustache"))) {
        throw new MustacheException("template missing: " + root.resolve(n + ".mustache"));
      }
      compiled.computeIfAbsent(n, k -> factory.compile(k + ".mustache"));
    }
  }

  /** Every file under the templates folder (sorted, {@code /}-separated), e.g. for fingerprints. */
  public List<String> files() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(p -> names.add(relative(p)));
    }
    names.sort(null);
    return names;
  }

  String relative(Path p) {
    return RelativePaths.of(root, p);
  }

  /**
   * Looks names up in the view model's maps only, innermost scope first. Mustache.java's default
   * handler also tries fields and methods, guarded per call by class and map checks, which cost a
   * third of the time a page took to render; view models here are plain maps, lists, strings,
   * numbers and booleans. In strict mode a name that no map has fails the page.
   */
  private static final class MapObjectHandler extends AbstractObjectHandler {
    private final boolean strict;

    MapObjectHandler(boolean strict) {
      this.strict = strict;
    }

    @Override
    public Wrapper find(String name, List<Object> unused) {
      if (name == null) {
        return scopes -> null; // plain template text asks for a binding it never uses
      }
      if (name.equals(".")) {
        return scopes -> scopes.get(scopes.size() - 1);
      }
      // Dotted names (Mustache's {{a.b}}): the first part through the scopes, the rest inside it.
      String[] parts = name.split("\\.", -1);
      return scopes -> {
        for (int i = scopes.size() - 1; i >= 0; i--) {
          if (scopes.get(i) instanceof Map<?, ?> map && (map.get(parts[0]) != null || map.containsKey(parts[0]))) {
            Object value = map.get(parts[0]);
            for (int k = 1; k < parts.length; k++) {
              if (!(value instanceof Map<?, ?> inner) || !inner.containsKey(parts[k])) {
                return missing(name);
              }
              value = inner.get(parts[k]);
            }
            return value;
          }
        }
        return missing(name);
      };
    }

    private Object missing(String name) {
      if (strict) {
        throw new MustacheException("template names a key missing from the view model: " + name);
      }
      return null;
    }

    @Override
    public Binding createBinding(String name, TemplateContext tc, Code code) {
      Wrapper wrapper = find(name, List.of());
      return wrapper::call;
    }
  }
}
