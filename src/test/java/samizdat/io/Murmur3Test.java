package samizdat.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values: the first 8 bytes of {@code murmur3128.encode(utf8(name))} from the npm package
 * {@code @multiformats/murmur3} (what ipfs-unixfs-importer hashes HAMT names with), as hex.
 * Lengths cover the 16-byte block loop and every tail branch.
 */
class Murmur3Test {
  @ParameterizedTest
  @CsvSource({
      "'', 0000000000000000",
      "abc, b4963f3f3fad7867",
      "index.html, a06d7ec87879381d",
      "0123456789abcdef0, eb24ae8785a5c075",
      "新闻目录名称长一点的名字.html, 18abbef08f0d83b6",
  })
  void matchesTheReferenceImplementation(String name, String hex) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    assertEquals(hex, String.format("%016x", Murmur3.hash64(bytes)));
    // hash64 is the first half of hash128 (little-endian h1).
    assertEquals(Murmur3.hash64(bytes),
        java.nio.ByteBuffer.wrap(Murmur3.hash128(bytes, 0, bytes.length)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
  }
}
