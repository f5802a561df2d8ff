package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GzipTest {
  private static final Gzip GZ = new Gzip();

  @Test
  void sameBytesInSameBytesOutAndReadableByAnyGunzip() throws IOException {
    byte[] page = Fixtures.bytes("fixtures/bannedbook-sora.html");
    byte[] a = GZ.compress(page);
    assertArrayEquals(a, GZ.compress(page.clone()));
    assertTrue(a.length < page.length * 3 / 4, "it does compress");
    assertArrayEquals(page, Gzip.decompress(new ByteArrayInputStream(a), page.length));
    byte[] noise = new byte[200_000];
    new Random(1).nextBytes(noise);
    assertArrayEquals(noise, Gzip.decompress(new ByteArrayInputStream(GZ.compress(noise)), noise.length));
    assertArrayEquals(new byte[0], Gzip.decompress(new ByteArrayInputStream(GZ.compress(new byte[0])), 10));
  }

  @Test
  void decompressionStopsAtTheLimit() {
    byte[] zeros = new byte[100_000];
    IOException e = assertThrows(IOException.class,
        () -> Gzip.decompress(new ByteArrayInputStream(GZ.compress(zeros)), 1000));
    assertTrue(e.getMessage().startsWith("too large"));
  }

  @Test
  void aDeflaterUsedBeforeGivesTheBytesOfAFreshOne() {
    byte[] page = Fixtures.bytes("fixtures/bannedbook-sora.html");
    byte[] noise = new byte[70_000];
    new Random(2).nextBytes(noise);
    Gzip reused = new Gzip();
    for (byte[] input : new byte[][] {page, noise, new byte[0], page, noise}) {
      assertArrayEquals(new Gzip().compress(input), reused.compress(input));
    }
  }
}
