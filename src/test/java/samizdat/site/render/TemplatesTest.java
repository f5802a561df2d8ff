package samizdat.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  @TempDir Path dir;

  private String render(boolean strict, String template, Map<String, Object> model) throws IOException {
    Files.writeString(dir.resolve("t.mustache"), template);
    return new String(new Templates(dir, strict).render("t", model), StandardCharsets.UTF_8);
  }

  @Test
  void namesResolveInTheInnermostMapFirstAndValuesAreEscaped() throws IOException {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("lang", "zh");
    model.put("title", "<b>标题</b> & \"x\"");
    model.put("items", List.of(Map.of("lang", "en", "n", 1), Map.of("n", 2)));
    model.put("show", true);
    model.put("none", List.of());
    model.put("raw", "<i>ok</i>");
    String out = render(true,
        "{{title}}|{{#items}}{{lang}}{{n}},{{/items}}|{{#show}}{{lang}}{{/show}}|{{^none}}empty{{/none}}|{{{raw}}}",
        model);
    assertEquals("&lt;b&gt;标题&lt;/b&gt; &amp; &quot;x&quot;|en1,zh2,|zh|empty|<i>ok</i>", out);
  }

  @Test
  void dottedNamesLookInsideMaps() throws IOException {
    Map<String, Object> model = Map.of("pager", Map.of("label", "第 2 页", "older", Map.of("href", "1.html")));
    assertEquals("第 2 页 1.html", render(true, "{{pager.label}} {{pager.older.href}}", model));
  }

  @Test
  void aMissingNameFailsInStrictModeAndIsEmptyOtherwise() throws IOException {
    Map<String, Object> model = Map.of("title", "t", "pager", Map.of("label", "l"));
    MustacheException e = assertThrows(MustacheException.class, () -> render(true, "{{titel}}", model));
    assertTrue(e.getMessage().contains("titel"), e.getMessage());
    assertThrows(MustacheException.class, () -> render(true, "{{pager.lable}}", model));
    assertEquals("t||", render(false, "{{title}}|{{titel}}|{{pager.lable}}", model));
  }
}
