package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image and link URLs with characters a URI may not hold, as pages write them and browsers
 * accept them ({@code <img src="/img/a|b.jpg">}, spaces, {@code ^ { } \}, non-ASCII): the image
 * is fetched, or found beside a saved page, and kept like any other; every stored URL is one
 * {@link URI} takes. Before, a saved page with such an image ended in "internal error: Illegal
 * character in path", and a fetched page lost those images with a warning each.
 */
class UrlCharactersTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The image paths as written in the page, and the path a browser asks the server for. */
  private static final Map<String, String> IMAGES = new TreeMap<>(Map.of(
      "/img/a|b.png", "/img/a|b.png",
      "/img/sp ace.png", "/img/sp ace.png",
      "/img/c^d.png", "/img/c^d.png",
      "/img/e{f}.png", "/img/e{f}.png",
      "/img/g\\h.png", "/img/g/h.png", // a backslash is a slash to a browser
      "/img/中文 图.png", "/img/中文 图.png",
      "/img/q.png?size=1|2", "/img/q.png"));

  private static byte[] png(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0x336699);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static String page(String canonical, String imagePrefix) {
    String para = "<p>" + "The city council met on Tuesday to discuss the new budget, and residents "
        .repeat(6) + "asked questions about schools.</p>";
    StringBuilder figures = new StringBuilder();
    int k = 0;
    for (String src : IMAGES.keySet()) {
      figures.append("<figure><img src=\"").append(imagePrefix).append(src.replace("\"", "&quot;"))
          .append("\" alt=\"picture ").append(k).append("\" width=\"600\"><figcaption>Caption ").append(k++)
          .append("</figcaption></figure>").append(para);
    }
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council budget | City News</title>"
        + "<link rel=\"canonical\" href=\"" + canonical + "\">"
        + "<meta property=\"og:image\" content=\"" + canonical.replace("/news/budget.html", "/img/lead|1.png") + "\">"
        + "<meta property=\"article:published_time\" content=\"2024-03-01T10:00:00Z\"></head><body>"
        + "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>"
        + "<article><h1>Council budget</h1>" + para + figures
        + "<p>Read <a href=\"/news/other|page.html\">the other page</a>, <a href=\"/news/x y^z{1}.html\">this</a>, "
        + "<a href=\"/news/中文.html\">中文</a>, <a href=\"/a\\b.html\">that</a> and "
        + "<a href=\"/q?a=1|2#top#x\">the list</a>.</p>" + para + "</article>"
        + "<footer>© City News</footer></body></html>";
  }

  private static List<String> links(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)").matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static JsonNode onlyArticle(Path content) throws IOException {
    try (Stream<Path> s = Files.list(content.resolve("articles"))) {
      List<Path> metas = s.filter(p -> p.toString().endsWith(".json")).toList();
      assertEquals(1, metas.size(), metas.toString());
      return JSON.readTree(metas.get(0).toFile());
    }
  }

  @Test
  void imagesAndLinksWithCharactersAUriMayNotHoldAreFetchedAndKept() throws Exception {
    Map<String, byte[]> served = new ConcurrentHashMap<>();
    Set<String> asked = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath(); // decoded, as a server reads it
      asked.add(path);
      byte[] body = served.get(path);
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
      } else {
        ex.getResponseHeaders().set("Content-Type", path.endsWith(".png") ? "image/png" : "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      int k = 0;
      for (String requested : IMAGES.values()) {
        served.put(requested, png(40 + k, 30 + k++));
      }
      served.put("/img/lead|1.png", png(90, 60));
      served.put("/news/budget.html", page(base + "/news/budget.html", "").getBytes(StandardCharsets.UTF_8));

      Path content = tmp.resolve("content");
      CliRun r = CliRun.run("ingest", "--delay", "0", "--content", content.toString(), base + "/news/budget.html");
      assertEquals(0, r.exitCode(), r.err());
      assertFalse(r.err().contains("Illegal character") || r.err().contains("image"), r.err());
      assertTrue(asked.containsAll(IMAGES.values()), "asked for " + asked);

      JsonNode meta = onlyArticle(content);
      Set<String> files = new TreeSet<>();
      for (JsonNode image : meta.get("images")) {
        String original = image.get("originalUrl").asText();
        URI.create(original); // every stored URL is a URI
        assertTrue(image.hasNonNull("file"), "kept a copy of " + original);
        files.add(image.get("file").asText());
      }
      assertEquals(IMAGES.size(), files.size(), "one copy per image: " + meta.get("images"));
      JsonNode lead = meta.get("image");
      assertEquals(base + "/img/lead%7C1.png", lead.get("originalUrl").asText(), "the page's og:image");
      assertTrue(lead.hasNonNull("file"), "the lead image is kept: " + lead);
      files.add(lead.get("file").asText());
      for (String f : files) {
        assertTrue(Files.isRegularFile(content.resolve("media").resolve(f)), f);
      }
      String markdown = Files.readString(content.resolve("articles/" + meta.get("id").asText() + ".md"));
      List<String> links = links(markdown);
      assertEquals(5, links.size(), markdown);
      for (String link : links) {
        URI.create(link); // a link a reader can follow, and one a later `follow` can compare
      }
      assertTrue(links.contains(base + "/news/other%7Cpage.html"), links.toString());
      assertTrue(links.contains(base + "/news/中文.html"), "readable non-ASCII text is kept: " + links);

      // The built site shows every image from its own copy.
      Path site = tmp.resolve("site");
      CliRun build = CliRun.run("build", "-q", "--content", content.toString(), "--out", site.toString());
      assertEquals(0, build.exitCode(), build.err());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aSavedPageWithSuchAnImageIsStoredWithItsImage() throws Exception {
    // As a browser's "Save page as" leaves it: absolute image URLs, the files in NAME_files/.
    Path saved = Files.createDirectories(tmp.resolve("saved"));
    Path files = Files.createDirectories(saved.resolve("budget_files"));
    String site = "https://news.example.org";
    Files.writeString(saved.resolve("budget.html"), page(site + "/news/budget.html", site), StandardCharsets.UTF_8);
    Files.write(files.resolve("a|b.png"), png(50, 40));

    Path content = tmp.resolve("content");
    CliRun r = CliRun.run("ingest", "-q", "--content", content.toString(), saved.resolve("budget.html").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    JsonNode meta = onlyArticle(content);
    JsonNode pipe = null;
    for (JsonNode image : meta.get("images")) {
      URI.create(image.get("originalUrl").asText());
      if (image.get("originalUrl").asText().equals(site + "/img/a%7Cb.png")) {
        pipe = image;
      }
    }
    assertTrue(pipe != null && pipe.hasNonNull("file"), "the saved copy of a|b.png is kept: " + meta.get("images"));
  }
}
