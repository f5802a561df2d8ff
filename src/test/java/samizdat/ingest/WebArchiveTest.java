package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebArchiveTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** A page Safari saved: crouton.net, its HTML and its one image. */
  @Test
  void safarisArchiveGivesThePageItsAddressItsCharsetAndItsImage() throws Exception {
    byte[] file;
    try (InputStream in = getClass().getResourceAsStream("/ingest/webarchive/crouton.webarchive")) {
      file = in.readAllBytes();
    }
    assertTrue(WebArchive.looksLike(file));
    assertFalse(Mhtml.looksLike(file));
    SavedPage page = WebArchive.read(file);
    assertEquals(Optional.of("https://crouton.net/"), page.url());
    assertEquals(Optional.of("UTF-8"), page.charset());
    assertEquals(134, page.html().length);
    assertTrue(new String(page.html(), StandardCharsets.UTF_8).contains("crouton.png"));
    byte[] png = page.parts().get("https://crouton.net/crouton.png").orElseThrow();
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
    assertEquals(5182, png.length, "the same bytes as the image beside the archive in its repository");
    assertTrue(page.parts().get("https://crouton.net/").isEmpty(), "the page is not among its resources");
  }

  @Test
  void anHtmlPageIsNotAWebArchive() {
    assertFalse(WebArchive.looksLike("<!DOCTYPE html><p>bplist00</p>".repeat(4)
        .getBytes(StandardCharsets.US_ASCII)));
  }

  /** A property list of objects written by hand: header, objects, offset table, trailer. */
  private static byte[] plist(int top, byte[]... objects) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write("bplist00".getBytes(StandardCharsets.US_ASCII));
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = out.size();
      out.write(objects[i]);
    }
    int table = out.size();
    for (int o : offsets) {
      out.write(ByteBuffer.allocate(4).putInt(o).array());
    }
    out.write(new byte[6]);
    out.write(4); // offset size
    out.write(1); // reference size
    out.write(ByteBuffer.allocate(24).putLong(objects.length).putLong(top).putLong(table).array());
    return out.toByteArray();
  }

  private static String refusal(byte[] file) {
    return assertThrows(SourceFailure.class, () -> WebArchive.read(file)).getMessage();
  }

  @Test
  void damagedOrHostileFilesAreRefusedWithAReason() throws IOException {
    // An array that holds itself.
    assertEquals("damaged web archive: an object contains itself",
        refusal(plist(0, new byte[] {(byte) 0xA1, 0})));
    // A string said to be longer than the file.
    assertEquals("damaged web archive: an object runs past the end of the file",
        refusal(plist(0, new byte[] {0x5E, 'a', 'b'})));
    // A dictionary whose value refers to an object that is not there.
    assertEquals("damaged web archive: a reference to no object",
        refusal(plist(0, new byte[] {(byte) 0xD1, 1, 7}, new byte[] {0x51, 'k'})));
    // Cut short: the trailer is gone.
    byte[] whole = plist(0, new byte[] {0x51, 'k'});
    assertEquals("damaged web archive: its table of objects is damaged",
        refusal(Arrays.copyOf(whole, whole.length - 1)));
    // A property list of another kind.
    assertEquals("not a web archive (no WebMainResource)",
        refusal(plist(0, new byte[] {(byte) 0xD1, 1, 2}, new byte[] {0x51, 'k'}, new byte[] {0x09})));
  }

  /** A file of a million one-byte references would cost eight million bytes of heap each time. */
  @Test
  void aFileOfMoreEntriesThanAnyArchiveIsRefused() throws IOException {
    int n = (1 << 20) + 1;
    ByteArrayOutputStream array = new ByteArrayOutputStream();
    array.write(0xAF); // an array whose count follows as an integer
    array.write(0x12); // a 4-byte integer
    array.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    array.write(new byte[n]); // every entry the array itself would be a cycle; 0 is never reached
    assertEquals("damaged web archive: more than 1048576 entries",
        refusal(plist(0, array.toByteArray())));
  }
}
