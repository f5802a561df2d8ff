package samizdat.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Site-like folders for tests: an index, article pages, images, archive-info.json. */
public final class SiteFolders {
  private SiteFolders() {}

  /**
   * Writes a small built site: index.html, {@code articles} pages of a few KB, a few images and
   * archive-info.json; content is deterministic for a given seed.
   */
  public static Path write(Path site, int articles, int imageBytes, long seed) throws IOException {
    Random random = new Random(seed);
    Files.createDirectories(site.resolve("articles"));
    Files.createDirectories(site.resolve("media"));
    Files.writeString(site.resolve("index.html"),
        "<!doctype html><html lang=\"zh\"><head><title>自由新闻档案</title></head><body>"
            + "<a href=\"articles/0.html\">first</a></body></html>\n");
    for (int i = 0; i < articles; i++) {
      StringBuilder page = new StringBuilder("<!doctype html><title>文章 " + i + "</title><p>");
      for (int j = 0; j < 200; j++) {
        page.append((char) ('一' + random.nextInt(2000)));
      }
      Files.writeString(site.resolve("articles/" + i + ".html"), page + "</p>\n");
      if (i % 3 == 0 && imageBytes > 0) {
        byte[] image = new byte[imageBytes];
        random.nextBytes(image);
        Files.write(site.resolve("media/" + i + ".jpg"), image);
      }
    }
    Files.writeString(site.resolve("archive-info.json"),
        "{\"title\":\"自由新闻档案\",\"language\":\"zh\",\"articleCount\":" + articles
            + ",\"earliest\":\"2023-01-05\",\"latest\":\"2024-06-30\"}\n", StandardCharsets.UTF_8);
    return site;
  }
}
