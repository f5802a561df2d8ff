package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MojibakeTest {
  private static final String TEXT = "To help you get started, we’ve narrowed down the top four — "
      + "with “ease of use” in mind. L’été à Montréal, 5 °C, 北京 😀.";

  /** What a page shows when its UTF-8 was read as {@code charset} and written as UTF-8 again. */
  private static String doubleEncoded(String text, Charset charset) {
    return new String(text.getBytes(StandardCharsets.UTF_8), charset);
  }

  @Test
  void textReadAsWindows1252IsRepairedWhole() {
    String page = doubleEncoded(TEXT, Charset.forName("windows-1252"));
    assertEquals("To help you get started, weâ€™ve", page.substring(0, 32));
    assertEquals(TEXT, Mojibake.repair(page));
  }

  @Test
  void textReadAsLatin1WithItsControlCharactersIsRepaired() {
    String page = doubleEncoded(TEXT, StandardCharsets.ISO_8859_1);
    assertEquals("we\u00e2\u0080\u0099ve", page.substring(25, 32));
    assertEquals(TEXT, Mojibake.repair(page));
  }

  @Test
  void textWithoutProofIsLeftAlone() {
    // Meant as written, or one stray sequence only: nothing changes.
    String meant = "Ã©cole is how the file name came out; the rest is fine: we’ve “quoted” it – once.";
    assertSame(meant, Mojibake.repair(meant));
    String oneStray = "One weâ€™ve in a page of good text: café, naïve, 北京.";
    assertSame(oneStray, Mojibake.repair(oneStray));
    assertSame(TEXT, Mojibake.repair(TEXT));
    // Czech capitals before š and Š read as combining marks (CD 9A, DA 8A): no proof.
    String czech = "PRAHA – VÍŠE DANÍ A DOJÍŠŤOVÁNÍ: ÚŠKLEBEK, VÝŠKA, ÍŠ.";
    assertSame(czech, Mojibake.repair(czech));
  }

  @Test
  void textEncodedTwiceOverIsReadBackTwice() {
    Charset cp1252 = Charset.forName("windows-1252");
    String page = doubleEncoded(doubleEncoded(TEXT, cp1252), StandardCharsets.ISO_8859_1);
    assertEquals(TEXT, Mojibake.repair(page));
  }

  @Test
  void windows1252TextReadAsLatin1GetsItsSignsBack() {
    String page = new String("We’re “open” – late.".getBytes(Charset.forName("windows-1252")),
        StandardCharsets.ISO_8859_1);
    assertEquals("We\u0092re \u0093open\u0094 \u0096 late.", page);
    assertEquals("We’re “open” – late.", Mojibake.repair(page));
  }

  /** A page saved as UTF-8 after its text had been read as Latin-1 (9 of WCXB's 711 pages). */
  @Test
  void aDoubleEncodedPageIsParsedRepaired() throws Exception {
    String page = "<!doctype html><meta charset=utf-8><title>Builders</title><p>"
        + doubleEncoded(TEXT, StandardCharsets.ISO_8859_1) + "</p>";
    String html = PageReader.html(page.getBytes(StandardCharsets.UTF_8), Optional.empty());
    assertTrue(html.contains("<p>" + TEXT + "</p>"), html);
  }

  @Test
  void sequencesThatAreNoUtf8Stay() {
    // Two proofs, then an overlong form (Ã€ = C3 80 is fine, but À€ = C0 80 is not UTF-8), a
    // cut sequence at the end, and a lead byte followed by no continuation.
    String page = "weâ€™ve and theyâ€™re; À€ stays; Ãx stays; cut â€";
    assertEquals("we’ve and they’re; À€ stays; Ãx stays; cut â€", Mojibake.repair(page));
  }
}
