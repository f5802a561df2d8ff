package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class MhtmlTest {
  private static final String PAGE = "https://money.163.com/15/0704/04/ATLE256Q00253B0H.html";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** The GBK NetEase page as Chromium saves it ("Webpage, Single File"). */
  static byte[] chromeSaved() {
    try (InputStream in = new GZIPInputStream(
        MhtmlTest.class.getResourceAsStream("/ingest/mhtml/netease-54.mhtml.gz"))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void chromesFileGivesThePageItsAddressAndItsImages() throws SourceFailure {
    byte[] file = chromeSaved();
    assertTrue(Mhtml.looksLike(file));
    SavedPage page = Mhtml.read(file);
    assertEquals(Optional.of(PAGE), page.url());
    assertEquals(Optional.empty(), page.charset(), "Chrome names the charset in the page, not the part");
    String html = new String(page.html(), Charset.forName("GBK"));
    assertTrue(html.startsWith("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" "
        + "content=\"text/html; charset=GBK\">"), html.substring(0, 120));
    assertTrue(html.contains("清水源澄清声明"), "quoted-printable GBK decoded byte for byte");
    assertFalse(html.contains("=3D") || html.contains("MultipartBoundary"));
    byte[] image = page.parts()
        .get("http://img2.cache.netease.com/stock/2015/7/4/2015070408414899b7d_550.jpg").orElseThrow();
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(image, 8));
    assertEquals(3045, image.length);
    assertTrue(page.parts().get("http://img2.cache.netease.com/none.jpg").isEmpty());
    assertTrue(page.parts().get(PAGE).isEmpty(), "the page is not among its own parts");
  }

  @Test
  void anHtmlPageOrAnotherKindOfMessageIsNotMhtml() {
    assertFalse(Mhtml.looksLike("<!DOCTYPE html><html><body><p>Content-Type: multipart/related</p>"
        .getBytes(StandardCharsets.UTF_8)));
    assertFalse(Mhtml.looksLike("From: someone\nSubject: hi\nContent-Type: text/plain\n\nhello"
        .getBytes(StandardCharsets.UTF_8)));
    assertFalse(Mhtml.looksLike("Title: A page\n\nContent-Type: multipart/related; boundary=x\n"
        .getBytes(StandardCharsets.UTF_8)), "the header ends at the first blank line");
    assertFalse(Mhtml.looksLike(new byte[0]));
  }

  /**
   * The other writers' ways: Internet Explorer's CRLF and {@code charset} on the part, the HTML in
   * base64, an image named by {@code cid:}, a long address folded over two lines, a {@code start}
   * parameter pointing past a first HTML part (a frame), a byte-order mark and blank lines first.
   */
  @Test
  void internetExplorersWaysAreReadToo() throws SourceFailure {
    String html = "<html><head><title>測試</title></head><body><p>正文</p>"
        + "<img src=\"cid:photo1@saved\"><img src=\"pics/a.png\"></body></html>";
    String pngB64 = Base64.getMimeEncoder(20, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(PNG_SIGNATURE);
    String mht = "\uFEFF\r\n"
        + "From: <Saved by Windows Internet Explorer 8>\r\n"
        + "Subject: =?big5?B?tPrF5w==?=\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/related;\r\n"
        + "\ttype=\"text/html\";\r\n"
        + "\tboundary=\"----=_NextPart_000_0000_01D2F1A9.5E4B7C60\"; start=\"<main@saved>\"\r\n"
        + "\r\n"
        + "This is a multi-part message in MIME format.\r\n"
        + "\r\n"
        + "------=_NextPart_000_0000_01D2F1A9.5E4B7C60\r\n"
        + "Content-Type: text/html\r\n"
        + "Content-Location: https://www.example.com.tw/ad-frame.html\r\n"
        + "\r\n"
        + "<html><body>an advertisement</body></html>\r\n"
        + "------=_NextPart_000_0000_01D2F1A9.5E4B7C60\r\n"
        + "Content-Type: text/html;\r\n"
        + "\tcharset=\"big5\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "Content-ID: <main@saved>\r\n"
        + "Content-Location: https://www.example.com.tw/news/2017/\r\n"
        + " 07/story.html\r\n"
        + "\r\n"
        + Base64.getMimeEncoder().encodeToString(html.getBytes(Charset.forName("Big5"))) + "\r\n"
        + "------=_NextPart_000_0000_01D2F1A9.5E4B7C60\r\n"
        + "Content-Type: image/png\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "Content-ID: <photo1@saved>\r\n"
        + "\r\n"
        + pngB64 + "\r\n"
        + "------=_NextPart_000_0000_01D2F1A9.5E4B7C60\r\n"
        + "Content-Type: image/png\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "Content-Location: https://www.example.com.tw/news/2017/07/pics/a.png\r\n"
        + "\r\n"
        + pngB64 + "\r\n"
        + "------=_NextPart_000_0000_01D2F1A9.5E4B7C60--\r\n";
    byte[] file = mht.getBytes(StandardCharsets.UTF_8);
    assertTrue(Mhtml.looksLike(file));
    SavedPage page = Mhtml.read(file);
    assertEquals(html, new String(page.html(), Charset.forName("Big5")));
    assertEquals(Optional.of("big5"), page.charset());
    assertEquals(Optional.of("https://www.example.com.tw/news/2017/07/story.html"), page.url());
    assertArrayEquals(PNG_SIGNATURE, page.parts().get("cid:photo1@saved").orElseThrow());
    assertArrayEquals(PNG_SIGNATURE,
        page.parts().get("https://www.example.com.tw/news/2017/07/pics/a.png").orElseThrow());
  }

  @Test
  void quotedPrintableSoftBreaksEscapesAndStrayEqualsSigns() {
    String qp = "caf=C3=A9 =3D ok=\r\nstill one line=  \nx = y=\n=E4=B8=AD=e6=96=87=";
    byte[] in = qp.getBytes(StandardCharsets.US_ASCII);
    assertEquals("café = okstill one linex = y中文",
        new String(Mhtml.quotedPrintable(in, 0, in.length), StandardCharsets.UTF_8));
  }

  @Test
  void aFileWithoutBoundaryOrWithoutPageIsRefusedWithAReason() {
    SourceFailure noBoundary = assertThrows(SourceFailure.class, () -> Mhtml.read(
        "MIME-Version: 1.0\nContent-Type: multipart/related; type=\"text/html\"\n\n<p>x</p>\n"
            .getBytes(StandardCharsets.US_ASCII)));
    assertEquals("MHTML file without the boundary between its parts", noBoundary.getMessage());
    SourceFailure noPage = assertThrows(SourceFailure.class, () -> Mhtml.read(
        ("Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n"
            + "Content-Location: https://example.org/a.png\n\nxx\n--b--\n")
            .getBytes(StandardCharsets.US_ASCII)));
    assertEquals("MHTML file with no HTML page in it", noPage.getMessage());
  }

  @Test
  void aFileOfMorePartsThanAnyPageIsRefused() {
    StringBuilder mime = new StringBuilder("Content-Type: multipart/related; boundary=b\r\n\r\n");
    mime.append("--b\r\nContent-Type: text/html\r\n\r\n<p>page</p>\r\n");
    for (int i = 0; i < 10_000; i++) {
      mime.append("--b\r\n\r\nx\r\n");
    }
    mime.append("--b--\r\n");
    SourceFailure e = assertThrows(SourceFailure.class,
        () -> Mhtml.read(mime.toString().getBytes(StandardCharsets.US_ASCII)));
    assertEquals("MHTML file of more than 10000 parts", e.getMessage());
  }
}
