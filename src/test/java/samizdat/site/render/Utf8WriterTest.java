package samizdat.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
  /** Whatever the text and however it is cut into writes, the bytes are String.getBytes(UTF_8)'s. */
  @Test
  void encodesLikeStringGetBytesAcrossWriteBoundaries() {
    char[] alphabet = {'a', '<', 'é', 'ß', '中', '文', '\uD83D', '\uDE00', '\uD840', '\uDC0B', '\n', '\u07FF', '\u0800'};
    Random random = new Random(11);
    Utf8Writer w = new Utf8Writer(4);
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = sb.toString();
      w.reset();
      int at = 0;
      while (at < text.length()) {
        int len = Math.min(text.length() - at, 1 + random.nextInt(5));
        switch (random.nextInt(3)) {
          case 0 -> w.write(text, at, len);
          case 1 -> w.write(text.substring(at, at + len).toCharArray(), 0, len);
          default -> {
            len = 1;
            w.write(text.charAt(at));
          }
        }
        at += len;
      }
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), w.toByteArray(), text);
    }
  }
}
