import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a deterministic site-like folder for the mirror benchmark:
 *   java GenSite.java DIR ARTICLES IMAGES [BIG_FILES_MB]
 * ARTICLES HTML pages of 10-30 KB (articles/N.html), IMAGES images of 50-300 KB (media/N.jpg,
 * incompressible), index pages, plus optionally BIG_FILES_MB of 100 MB files (big/N.bin) to make
 * a large site for the memory test. Same arguments, same bytes.
 */
public class GenSite {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int articles = Integer.parseInt(args[1]);
    int images = Integer.parseInt(args[2]);
    long bigMb = args.length > 3 ? Long.parseLong(args[3]) : 0;
    SplittableRandom random = new SplittableRandom(42);
    Files.createDirectories(dir.resolve("articles"));
    Files.createDirectories(dir.resolve("media"));
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      words.append((char) ('\u4e00' + random.nextInt(6000)));
    }
    String text = words.toString();
    long total = 0;
    for (int i = 0; i < articles; i++) {
      int size = 10_000 + random.nextInt(20_000);
      StringBuilder page = new StringBuilder(size + 200);
      page.append("<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>文章 ")
          .append(i).append("</title><link rel=\"stylesheet\" href=\"../style.css\"></head><body><article>");
      while (page.length() * 2 < size) {
        int start = random.nextInt(text.length() - 200);
        page.append("<p>").append(text, start, start + 50 + random.nextInt(150)).append("</p>\n");
      }
      page.append("</article></body></html>\n");
      byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(dir.resolve("articles/" + i + ".html"), bytes);
      total += bytes.length;
    }
    for (int i = 0; i < images; i++) {
      byte[] image = new byte[50_000 + random.nextInt(250_000)];
      random.nextBytes(image);
      Files.write(dir.resolve("media/" + i + ".jpg"), image);
      total += image.length;
    }
    for (int p = 0; p * 50 < articles; p++) {
      Files.writeString(dir.resolve(p == 0 ? "index.html" : "page-" + (p + 1) + ".html"),
          "<!doctype html><title>自由新闻档案</title><p>page " + (p + 1) + "</p>\n");
    }
    if (bigMb > 0) {
      Files.createDirectories(dir.resolve("big"));
      byte[] block = new byte[1 << 20];
      for (int f = 0; f * 100L < bigMb; f++) {
        try (var out = Files.newOutputStream(dir.resolve("big/" + f + ".bin"))) {
          for (int mb = 0; mb < 100 && f * 100L + mb < bigMb; mb++) {
            random.nextBytes(block);
            out.write(block);
            total += block.length;
          }
        }
      }
    }
    Files.writeString(dir.resolve("archive-info.json"), "{\"title\":\"自由新闻档案\",\"language\":\"zh\","
        + "\"articleCount\":" + articles + ",\"earliest\":\"2015-01-01\",\"latest\":\"2024-12-31\"}\n");
    System.out.println(dir + ": " + articles + " articles, " + images + " images, "
        + (total / 1_000_000) + " MB");
  }
}
