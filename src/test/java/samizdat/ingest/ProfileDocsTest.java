package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The profile examples in docs/profiles.md are valid profiles that do what their comments say. */
class ProfileDocsTest {
  private static List<String> examples() throws Exception {
    String doc = Files.readString(Path.of("docs/profiles.md"));
    Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theCompleteExampleParsesAndItsPatternsDoWhatItsCommentsSay() throws Exception {
    List<String> examples = examples();
    assertEquals(2, examples.size());
    SiteProfile full = SiteProfile.parse(examples.get(0).getBytes(StandardCharsets.UTF_8), "docs");
    assertEquals("example-news", full.name());
    assertEquals(Optional.of("2024-0307-123456"),
        full.idFromUrl("https://example.com/news/2024/0307/123456.html"));
    assertTrue(full.coversHost("www.example.com"));
    assertEquals(List.of("https://example.com/zh-tw/news/2024/0307/123456.html"),
        full.editions().get(0).urlFor("https://example.com/news/2024/0307/123456.html").stream().toList());
    SiteProfile.Listing listing = full.listing().orElseThrow();
    assertEquals("div.post-list h2 a", listing.links().orElseThrow().css());
    assertEquals("a.next-page", listing.next().orElseThrow().css());
    SiteProfile small = SiteProfile.parse(examples.get(1).getBytes(StandardCharsets.UTF_8), "docs");
    assertEquals(Optional.empty(), small.body());
  }
}
