package samizdat.site.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The words of the site's own pages (navigation, headings, buttons) in one or more languages, read
 * from {@code labels/<language>.properties} in the templates folder (UTF-8; a translator adds one
 * file). With one language every label is that language's; with several ({@code --lang
 * zh-Hans,en}) a label is their words side by side ("最新 Latest"). {@code en.properties} is the
 * reference: a key a translation lacks falls back to it.
 */
public final class Labels {
  public static final String FOLDER = "labels";
  public static final String REFERENCE = "en";

  private final List<String> languages;
  private final List<Map<String, String>> tables;
  private final Map<String, String> combined;

  private Labels(List<String> languages, List<Map<String, String>> tables) {
    this.languages = List.copyOf(languages);
    this.tables = List.copyOf(tables);
    Map<String, String> c = new TreeMap<>();
    for (String key : tables.get(0).keySet()) {
      c.put(key, join(key));
    }
    this.combined = Collections.unmodifiableMap(c);
  }

  /**
   * The labels for {@code requested} language tags (first = main), each matched to a labels file:
   * the exact tag, then Chinese by script ({@code zh}, {@code zh-CN} → {@code zh-Hans}; {@code
   * zh-TW}, {@code zh-HK} → {@code zh-Hant}), then the tag's language alone.
   *
   * @throws IOException naming the folder and the language when no file matches one of them, or
   *     a file cannot be read
   */
  public static Labels load(Path templateRoot, List<String> requested) throws IOException {
    Path dir = templateRoot.resolve(FOLDER);
    Map<String, String> reference = read(dir.resolve(REFERENCE + ".properties"));
    List<String> resolved = new ArrayList<>();
    List<Map<String, String>> tables = new ArrayList<>();
    for (String tag : requested) {
      String file = match(dir, tag).orElseThrow(() -> new IOException(dir + ": no labels for language "
          + tag + " (add " + FOLDER + "/" + tag + ".properties, a copy of " + REFERENCE + ".properties)"));
      if (resolved.contains(file)) {
        continue;
      }
      Map<String, String> table = new TreeMap<>(reference);
      table.putAll(read(dir.resolve(file + ".properties")));
      resolved.add(file);
      tables.add(table);
    }
    if (tables.isEmpty()) {
      throw new IOException("no language given for the site's labels");
    }
    return new Labels(resolved, tables);
  }

  /** The labels file (without extension) for a language tag, if there is one. */
  public static java.util.Optional<String> match(Path dir, String tag) {
    List<String> candidates = new ArrayList<>();
    candidates.add(tag);
    String lower = tag.toLowerCase(Locale.ROOT);
    if (lower.equals("zh") || lower.startsWith("zh-cn") || lower.startsWith("zh-sg") || lower.startsWith("zh-hans")
        || lower.startsWith("zh-my")) {
      candidates.add("zh-Hans");
    } else if (lower.startsWith("zh-tw") || lower.startsWith("zh-hk") || lower.startsWith("zh-mo")
        || lower.startsWith("zh-hant")) {
      candidates.add("zh-Hant");
    } else if (lower.startsWith("zh-")) {
      candidates.add("zh-Hans");
    }
    int dash = tag.indexOf('-');
    if (dash > 0) {
      candidates.add(tag.substring(0, dash));
    }
    for (String c : candidates) {
      if (c.matches("[A-Za-z0-9-]+") && Files.isRegularFile(dir.resolve(c + ".properties"))) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  private static Map<String, String> read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IOException(file + ": cannot read labels: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": not a labels file: " + e.getMessage(), e);
    }
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k).strip());
    }
    return m;
  }

  /** The labels files used, main language first (e.g. {@code [zh-Hans, en]}). */
  List<String> languages() {
    return languages;
  }

  boolean bilingual() {
    return tables.size() > 1;
  }

  /** Every label, in all languages side by side: the templates' {@code {{L.key}}}. */
  public Map<String, String> all() {
    return combined;
  }

  /** One label in all languages. */
  public String get(String key) {
    String v = combined.get(key);
    if (v == null) {
      throw new IllegalStateException("no label " + key + " in " + FOLDER + "/" + REFERENCE + ".properties");
    }
    return v;
  }

  /** One label with its {@code {name}} parts filled in ({@code name, value, name, value...}). */
  public String format(String key, Object... values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tables.size(); i++) {
      String v = fill(tables.get(i).getOrDefault(key, ""), values);
      if (!v.isEmpty()) {
        sb.append(sb.length() > 0 ? " " : "").append(v);
      }
    }
    return sb.toString();
  }

  /**
   * Per language, the labels as a map with {@code lang} (its tag) added, for text that is shown
   * once per language (the About page's paragraphs); {@code values} fill every label's parts.
   */
  public List<Map<String, String>> perLanguage(Map<String, String> values) {
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      Map<String, String> m = new LinkedHashMap<>();
      for (var e : tables.get(i).entrySet()) {
        String v = e.getValue();
        for (var f : values.entrySet()) {
          v = v.replace("{" + f.getKey() + "}", f.getValue());
        }
        m.put(e.getKey(), v);
      }
      m.put("lang", languages.get(i));
      out.add(m);
    }
    return out;
  }

  private String join(String key) {
    StringBuilder sb = new StringBuilder();
    for (Map<String, String> t : tables) {
      String v = t.getOrDefault(key, "");
      if (!v.isEmpty() && sb.indexOf(v) < 0) {
        sb.append(sb.length() > 0 ? " " : "").append(v);
      }
    }
    return sb.toString();
  }

  private static String fill(String template, Object... values) {
    String v = template;
    for (int i = 0; i + 1 < values.length; i += 2) {
      v = v.replace("{" + values[i] + "}", String.valueOf(values[i + 1]));
    }
    return v;
  }
}
