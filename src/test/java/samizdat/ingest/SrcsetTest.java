package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SrcsetTest {
  @Test
  void candidatesAreTheirAddressesWithoutDescriptors() {
    assertEquals(List.of("/a-400.jpg", "/a-800.jpg", "https://cdn.example.org/c_fill,w_900/a.jpg"),
        Srcset.urls(" /a-400.jpg 400w,/a-800.jpg 800w ,\n"
            + "https://cdn.example.org/c_fill,w_900/a.jpg 2x"));
    assertEquals(List.of("a.jpg", "b.jpg"), Srcset.urls("a.jpg, b.jpg"));
    assertEquals(List.of(), Srcset.urls(" "));
  }

  @Test
  void theCopyKeptIsTheWidestThatAReadingColumnUses() {
    // WordPress's set: 1536w and 2048w are wider than a column on a 2x screen.
    assertEquals(Optional.of("https://example.org/p-1024x683.jpg"), Srcset.choose(
        "https://example.org/p-300x200.jpg 300w, https://example.org/p-1024x683.jpg 1024w, "
            + "https://example.org/p-768x512.jpg 768w, https://example.org/p-1536x1024.jpg 1536w, "
            + "https://example.org/p-2048x1365.jpg 2048w"));
    assertEquals(Optional.of("/p-1800.jpg"), Srcset.choose("/p-2400.jpg 2400w, /p-1800.jpg 1800w"),
        "all wider: the narrowest");
    assertEquals(Optional.of("/p.jpg"), Srcset.choose("/p@2x.jpg 2x, /p.jpg 1x, /p@3x.jpg 3x"));
    assertEquals(Optional.of("/only.jpg"), Srcset.choose("/only.jpg"));
    assertEquals(Optional.of("/p-800.jpg"), Srcset.choose("data:image/gif;base64,R0lG 10w, /p-800.jpg 800w"));
    assertEquals(Optional.empty(), Srcset.choose(""));
  }
}
