package samizdat.mirror.ipfs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixture folders of bench/mirror/ipfs-vectors.mjs, byte for byte: same paths, same
 * xorshift32 content. Keep the two in step.
 */
final class Fixtures {
  static final int C = 262_144;

  private Fixtures() {}

  /** xorshift32 bytes, as {@code pseudoRandom(seed, length)} in the .mjs script. */
  static byte[] pseudoRandom(int seed, int length) {
    byte[] out = new byte[length];
    int x = seed;
    for (int i = 0; i < length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = (byte) x;
    }
    return out;
  }

  /** Path -> content; a null content is an (empty) directory. Insertion order is irrelevant. */
  static Map<String, byte[]> fixture(String name) {
    Map<String, byte[]> f = new LinkedHashMap<>();
    switch (name) {
      case "empty-directory" -> { }
      case "zero-byte-file" -> f.put("empty.txt", new byte[0]);
      case "one-full-chunk" -> f.put("chunk.bin", pseudoRandom(1, C));
      case "one-chunk-plus-one-byte" -> f.put("two.bin", pseudoRandom(2, C + 1));
      case "two-level-tree" -> {
        f.put("full.bin", pseudoRandom(4, 174 * C));
        f.put("over.bin", pseudoRandom(3, 175 * C + 100));
      }
      case "nested-non-ascii" -> {
        f.put("index.html", utf8("<!doctype html><title>首页</title>\n"));
        f.put("新闻/2024年/文章 一.html", pseudoRandom(5, 5000));
        f.put("新闻/图片/照片.jpg", pseudoRandom(6, 300_000));
        f.put("新闻/空目录", null);
        f.put("B.txt", utf8("upper\n"));
        f.put("a.txt", utf8("lower\n"));
        f.put("\uFF21.txt", utf8("x"));
        f.put("\uD83D\uDE00.txt", utf8("x"));
        f.put("a/b/c/d.txt", utf8("deep\n"));
        f.put("same1.txt", utf8("same\n"));
        f.put("same2.txt", utf8("same\n"));
      }
      // 4854 * (18 + 36) = 262116 bytes of names and CIDs: a plain folder; 4855 * 54 > 256 KiB: a HAMT
      case "flat-below-shard-threshold" -> manyFiles(f, 4854);
      case "sharded-above-threshold" -> manyFiles(f, 4855);
      default -> throw new IllegalArgumentException(name);
    }
    return f;
  }

  private static void manyFiles(Map<String, byte[]> f, int count) {
    for (int i = 0; i < count; i++) {
      String n = String.format(java.util.Locale.ROOT, "%05d", i);
      f.put("article-" + n + ".html", utf8("<p>" + n + "</p>\n"));
    }
  }

  /** Writes fixture {@code name} under {@code dir} and returns the folder. */
  static Path write(Path dir, String name) throws IOException {
    if (name.equals("nested-non-ascii")) {
      assumeTrue(Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).equals(StandardCharsets.UTF_8),
          "file names need a UTF-8 locale (LANG=C.UTF-8)");
    }
    Path root = dir.resolve(name);
    Files.createDirectories(root);
    for (Map.Entry<String, byte[]> e : fixture(name).entrySet()) {
      Path p = root.resolve(e.getKey());
      if (e.getValue() == null) {
        Files.createDirectories(p);
      } else {
        Files.createDirectories(p.getParent());
        Files.write(p, e.getValue());
      }
    }
    return root;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
