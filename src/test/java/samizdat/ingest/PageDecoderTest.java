package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
  private final PageDecoder decoder = new PageDecoder();

  @Test
  void undeclaredGbkIsDetected() {
    PageDecoder.Decoded d = decoder.decode(Fixtures.bytes("ingest/bannedbook-sora.gbk.html"), Optional.empty());
    assertEquals("detected", d.how());
    assertEquals(Fixtures.sora().replace("🔥", ""), d.text());
  }

  @Test
  void undeclaredGb18030WithCharactersOutsideGbkIsDetected() {
    PageDecoder.Decoded d = decoder.decode(Fixtures.bytes("ingest/bannedbook-sora.gb18030.html"), Optional.empty());
    assertEquals(Fixtures.sora(), d.text());
  }

  @Test
  void undeclaredBig5IsDetected() {
    PageDecoder.Decoded d = decoder.decode(Fixtures.bytes("ingest/bannedbook-taiwan.big5.html"), Optional.empty());
    assertTrue(d.text().contains("台灣選舉觀察：年輕選民的新選擇"), d.text());
    assertTrue(d.text().contains("「我們這一代人面對的是高房價與低薪資"), d.text());
  }

  @Test
  void utf8WithoutDeclarationStaysUtf8() {
    PageDecoder.Decoded d = decoder.decode(Fixtures.bytes("fixtures/bannedbook-sora.html"), Optional.empty());
    assertEquals(StandardCharsets.UTF_8, d.charset());
    assertEquals(Fixtures.sora(), d.text());
  }

  @Test
  void byteOrderMarkWinsOverEverything() {
    byte[] page = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "<meta charset=gbk><p>中文</p>".getBytes(StandardCharsets.UTF_8));
    PageDecoder.Decoded d = decoder.decode(page, Optional.of("big5"));
    assertEquals("<meta charset=gbk><p>中文</p>", d.text());
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "<p>中文</p>".getBytes(StandardCharsets.UTF_16LE));
    assertEquals("<p>中文</p>", decoder.decode(utf16, Optional.empty()).text());
  }

  @Test
  void httpCharsetWinsOverMeta() {
    byte[] page = "<meta charset=utf-8><p>中文</p>".getBytes(Charset.forName("GB18030"));
    assertEquals("<meta charset=utf-8><p>中文</p>", decoder.decode(page, Optional.of("gb2312")).text());
  }

  @Test
  void metaCharsetIsHonouredAndGb2312IsReadAsGb18030() {
    String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        + "</head><body><p>镕基 𠮷</p></body></html>";
    byte[] page = html.getBytes(Charset.forName("GB18030"));
    PageDecoder.Decoded d = decoder.decode(page, Optional.empty());
    assertEquals("<meta> declaration", d.how());
    assertEquals(html, d.text());
  }

  @Test
  void unknownLabelsAreIgnored() {
    byte[] page = "<meta charset=no-such-charset><p>中文</p>".getBytes(StandardCharsets.UTF_8);
    assertEquals("<meta charset=no-such-charset><p>中文</p>", decoder.decode(page, Optional.of("bogus")).text());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void declarationsAreFoundInAnyCaseAndTheirAbsenceIsCheap() {
    byte[] upper = "<HTML><HEAD><META CHARSET=\"GBK\"></HEAD><P>中文</P>".getBytes(Charset.forName("GB18030"));
    assertEquals("<HTML><HEAD><META CHARSET=\"GBK\"></HEAD><P>中文</P>", decoder.decode(upper, Optional.empty()).text());
    byte[] xml = "<?xml version=\"1.0\" encoding=\"big5\"?><p>中文</p>".getBytes(Charset.forName("Big5"));
    assertEquals(Optional.of(Charset.forName("Big5-HKSCS")), PageDecoder.declared(xml));
    assertEquals(Optional.empty(), PageDecoder.declared("<p>charse t</p>".getBytes(StandardCharsets.UTF_8)));
    assertTrue(PageDecoder.containsAsciiIgnoreCase("x ChArSeT".getBytes(StandardCharsets.UTF_8), 9, "charset"));
    assertFalse(PageDecoder.containsAsciiIgnoreCase("x ChArSeT".getBytes(StandardCharsets.UTF_8), 8, "charset"));
  }

  /** The first implementation: a plain scan, kept as the reference for the skipping one. */
  private static boolean referenceContains(byte[] b, int n, String word) {
    int first = word.charAt(0);
    outer:
    for (int i = 0, last = n - word.length(); i <= last; i++) {
      if ((b[i] | 0x20) != first) {
        continue;
      }
      for (int k = 1; k < word.length(); k++) {
        if ((b[i + k] | 0x20) != word.charAt(k)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void charsetScanAgreesWithAPlainScan() {
    // Near misses and bytes that OR 0x20 maps onto letters (C/c/cH, '@'/'`', high bytes).
    String[] pieces = {"charset", "CHARSET", "chArSet", "charse", "harset", "encoding", "ENCODING",
        "encodin", "c", "C", "t", "T", "e", "g", "G", "@", "`", " ", "=", "<meta ", "文", "\u00e3"};
    Random random = new Random(5);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
      int n = random.nextInt(bytes.length + 1);
      for (String word : new String[] {"charset", "encoding"}) {
        assertEquals(referenceContains(bytes, n, word), PageDecoder.containsAsciiIgnoreCase(bytes, n, word),
            () -> s + " / " + n + " / " + word);
      }
    }
    byte[] all = new byte[256 * 8];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) random.nextInt(256);
    }
    for (String word : new String[] {"charset", "encoding", "ab"}) {
      assertEquals(referenceContains(all, all.length, word), PageDecoder.containsAsciiIgnoreCase(all, all.length, word));
    }
  }
}
