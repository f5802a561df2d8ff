package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

  private static byte[] jdk(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  @Test
  void knownVectors() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HexFormat.of().formatHex(Sha256.digest(new byte[0])));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
    assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        HexFormat.of().formatHex(Sha256.digest(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void sameDigestAsTheJdkForEveryLengthAroundTheBlockAndPaddingEdges() throws Exception {
    Random random = new Random(1);
    for (int n = 0; n <= 300; n++) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      assertArrayEquals(jdk(bytes), Sha256.digest(bytes), "length " + n);
    }
  }

  @Test
  void sameDigestAsTheJdkHoweverTheInputIsSplit() throws Exception {
    Random random = new Random(2);
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(70_000)];
      random.nextBytes(bytes);
      Sha256 sha = new Sha256();
      int at = 0;
      while (at < bytes.length) {
        int n = Math.min(bytes.length - at, random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(200));
        sha.update(bytes, at, n);
        at += n;
      }
      assertArrayEquals(jdk(bytes), sha.digest(), "round " + round);
    }
  }
}
