package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages saved as one file (MHTML, Safari's web archive), ingested as a phone or browser left them. */
class IngestSingleFilePagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAGE = "https://money.163.com/15/0704/04/ATLE256Q00253B0H.html";
  private static final String BODY_IMAGE =
      "http://img2.cache.netease.com/stock/2015/7/4/2015070408414899b7d_550.jpg";

  @TempDir Path tmp;

  private Path saved() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("Download"));
    try (InputStream in = new GZIPInputStream(
        getClass().getResourceAsStream("/ingest/mhtml/netease-54.mhtml.gz"))) {
      Files.write(dir.resolve("清水源澄清声明.mhtml"), in.readAllBytes());
    }
    return dir;
  }

  private CliRun run(String... args) {
    return CliRun.run(Stream.concat(Stream.of(args[0], "--quiet", "--content",
        tmp.resolve("content").toString()), Stream.of(args).skip(1)).toArray(String[]::new));
  }

  private Path only(String folder) throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("content").resolve(folder))) {
      List<Path> all = s.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  @Test
  void aSavedMhtmlFileIsReadWithItsAddressAndItsOwnImages() throws Exception {
    Path folder = saved();
    CliRun r = run("ingest", folder.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("ingested "), r.out());

    Path json;
    try (Stream<Path> s = Files.list(tmp.resolve("content/articles"))) {
      json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    JsonNode meta = JSON.readTree(json.toFile());
    assertEquals("清水源澄清声明：仅少数新发行产品触及止损线", meta.get("title").asText());
    assertEquals(PAGE, meta.get("url").asText(), "the address Chrome saved it from");
    assertEquals("zh-Hans", meta.get("language").asText());
    assertEquals("2015-07-04", meta.get("published").asText());

    // The body's image comes out of the file, with no network: the PNG Chrome saved for it.
    JsonNode image = meta.get("images").get(0);
    assertEquals(BODY_IMAGE, image.get("originalUrl").asText());
    Path media = only("media");
    assertEquals(image.get("file").asText(), media.getFileName().toString());
    byte[] png = Files.readAllBytes(media);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    String id = meta.get("id").asText();
    String markdown = Files.readString(tmp.resolve("content/articles/" + id + ".md"));
    assertTrue(markdown.contains(media.getFileName().toString()), markdown);
    assertTrue(markdown.contains("对于种种传言，清水源今日发布澄清声明称"), markdown);
    assertFalse(markdown.contains("=3D") || markdown.contains("MultipartBoundary"));

    // What is kept as the raw page is the page itself, not the MIME file around it.
    String raw;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(only("raw")))) {
      raw = new String(in.readAllBytes(), Charset.forName("GBK"));
    }
    assertTrue(raw.startsWith("<!DOCTYPE html>"), raw.substring(0, 60));
    assertTrue(raw.contains("清水源澄清声明"));

    // Again, and read again from the kept page: nothing changes.
    CliRun again = run("ingest", folder.toString());
    assertTrue(again.out().startsWith("unchanged "), again.out());
    CliRun reread = run("reingest");
    assertEquals("reingested 1: updated 0, unchanged 1, failed 0", reread.out().strip());
  }

  /**
   * A browser saves the image it showed: after its lazy loader swapped in a sized address, or the
   * {@code <picture>} source it chose. The article keeps the address the page names, with the bytes.
   */
  @Test
  void theImageTheBrowserShowedIsFoundUnderAnyOfItsAddresses() throws Exception {
    String png = Base64.getMimeEncoder().encodeToString(png());
    String para = "<p>" + "The river rose through the night and the town watched the water climb "
        .repeat(6) + "the old stone steps.</p>";
    String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Flood reaches the old town</title></head><body><article>"
        + "<h1>Flood reaches the old town</h1>" + para
        + "<figure><img data-src=\"https://cdn.example.org/photos/steps.jpg\" "
        + "src=\"https://cdn.example.org/photos/steps.jpg?w=750\" alt=\"The steps under water\">"
        + "<figcaption>The steps at dawn</figcaption></figure>" + para
        + "<picture><source type=\"image/webp\" srcset=\"/img/bridge-400.webp 400w, "
        + "/img/bridge-800.webp 800w\"><img src=\"/img/bridge.jpg\" alt=\"The bridge\"></picture>"
        + para + para + "</article></body></html>";
    String b = "----MultipartBoundary--x----";
    String mhtml = "From: <Saved by Blink>\r\n"
        + "Snapshot-Content-Location: https://news.example.org/2026/12/flood.html\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
        + "\tboundary=\"" + b + "\"\r\n\r\n\r\n"
        + "--" + b + "\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: binary\r\n"
        + "Content-Location: https://news.example.org/2026/12/flood.html\r\n\r\n" + html + "\r\n"
        + "--" + b + "\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Location: https://cdn.example.org/photos/steps.jpg?w=750\r\n\r\n" + png + "\r\n"
        + "--" + b + "\r\nContent-Type: image/webp\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Location: https://news.example.org/img/bridge-800.webp\r\n\r\n" + png + "\r\n"
        + "--" + b + "--\r\n";
    Path folder = Files.createDirectories(tmp.resolve("flood"));
    Files.writeString(folder.resolve("flood.mht"), mhtml, StandardCharsets.UTF_8);
    CliRun r = CliRun.run("ingest", "--content", tmp.resolve("flood-content").toString(),
        folder.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("not saved"), r.err());
    Path json;
    try (Stream<Path> s = Files.list(tmp.resolve("flood-content/articles"))) {
      json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    JsonNode images = JSON.readTree(json.toFile()).get("images");
    assertEquals(2, images.size(), images.toString());
    assertEquals("https://cdn.example.org/photos/steps.jpg", images.get(0).get("originalUrl").asText());
    assertEquals("https://news.example.org/img/bridge.jpg", images.get(1).get("originalUrl").asText());
    for (JsonNode image : images) {
      assertTrue(Files.isRegularFile(tmp.resolve("flood-content/media").resolve(image.get("file").asText())),
          image.toString());
    }
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 48; x++) {
      image.setRGB(x, x % 32, 0x3366cc);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** Safari's web archive of the same page, as an iPhone's "Save to Files" leaves it. */
  @Test
  void aSafariWebArchiveIsReadWithItsAddressCharsetAndImages() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("iCloud Drive"));
    try (InputStream in = new GZIPInputStream(
        getClass().getResourceAsStream("/ingest/webarchive/netease-54.webarchive.gz"))) {
      Files.write(folder.resolve("清水源.webarchive"), in.readAllBytes());
    }
    CliRun r = run("ingest", folder.toString());
    assertEquals(0, r.exitCode(), r.err());
    Path json;
    try (Stream<Path> s = Files.list(tmp.resolve("content/articles"))) {
      json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    JsonNode meta = JSON.readTree(json.toFile());
    assertEquals("清水源澄清声明：仅少数新发行产品触及止损线", meta.get("title").asText());
    assertEquals(PAGE, meta.get("url").asText());
    assertEquals("zh-Hans", meta.get("language").asText());
    JsonNode image = meta.get("images").get(0);
    assertEquals(BODY_IMAGE, image.get("originalUrl").asText());
    assertEquals(image.get("file").asText(), only("media").getFileName().toString());
    try (InputStream in = new GZIPInputStream(Files.newInputStream(only("raw")))) {
      assertTrue(new String(in.readAllBytes(), Charset.forName("GBK")).contains("清水源澄清声明"));
    }
    assertEquals("reingested 1: updated 0, unchanged 1, failed 0", run("reingest").out().strip());
  }

  /** A saved page carries its photos: it may pass the page-size limit, as long as its page does not. */
  @Test
  void aSingleFilePageMayBeLargerThanAPageButNotItsPage() throws Exception {
    byte[] photo = new byte[1_500_000];
    new java.util.Random(7).nextBytes(photo);
    System.arraycopy(png(), 0, photo, 0, 8);
    String b = "----MultipartBoundary--big----";
    String page = "<html lang=en><head><title>Big</title></head><body><article><h1>Big</h1>"
        + ("<p>" + "A long paragraph of a story that goes on and on about the weather. ".repeat(8)
        + "</p>").repeat(6) + "<img src=\"https://example.org/big.png\" alt=\"big\"></article></body></html>";
    String mhtml = "Snapshot-Content-Location: https://example.org/2026/big.html\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/related; type=\"text/html\"; boundary=\"" + b + "\"\r\n\r\n"
        + "--" + b + "\r\nContent-Type: text/html\r\nContent-Location: https://example.org/2026/big.html"
        + "\r\n\r\n" + page + "\r\n--" + b + "\r\nContent-Type: image/png\r\n"
        + "Content-Transfer-Encoding: base64\r\nContent-Location: https://example.org/big.png\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(photo) + "\r\n--" + b + "--\r\n";
    Path folder = Files.createDirectories(tmp.resolve("big"));
    Files.writeString(folder.resolve("big.mhtml"), mhtml, StandardCharsets.US_ASCII);
    assertTrue(Files.size(folder.resolve("big.mhtml")) > 1 << 20);
    CliRun r = run("ingest", "--max-size", "1", folder.resolve("big.mhtml").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1_500_000, Files.size(only("media")));
    // The same file under a page's name is held to a page's limit.
    Files.move(folder.resolve("big.mhtml"), folder.resolve("big.html"));
    CliRun asPage = run("ingest", "--max-size", "1", folder.resolve("big.html").toString());
    assertEquals(1, asPage.exitCode());
    assertTrue(asPage.err().contains("big.html: too large (the limit is 1 MB): 2 MB"), asPage.err());
  }

  /**
   * A single-file page whose images the browser had not loaded holds the page alone: its images
   * are still named by their full address and looked for in the file, not beside it.
   */
  @Test
  void aSingleFilePageWithoutResourcesStillNamesItsImagesByAddress() throws Exception {
    String page = "<html lang=en><head><title>Alone</title></head><body><article><h1>Alone</h1>"
        + ("<p>" + "A long paragraph of a story that goes on and on about the weather. ".repeat(8)
        + "</p>").repeat(4) + "<img src=\"/img/later.jpg\" alt=\"later\"></article></body></html>";
    String mhtml = "Snapshot-Content-Location: https://example.org/2026/alone.html\r\n"
        + "Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: text/html\r\nContent-Location: https://example.org/2026/alone.html"
        + "\r\n\r\n" + page + "\r\n--b--\r\n";
    Path folder = Files.createDirectories(tmp.resolve("alone"));
    Files.writeString(folder.resolve("alone.mhtml"), mhtml, StandardCharsets.US_ASCII);
    Files.createDirectories(folder.resolve("img"));
    Files.write(folder.resolve("img/later.jpg"), png()); // beside the file: not the page's
    CliRun r = CliRun.run("ingest", "--content", tmp.resolve("content").toString(),
        folder.resolve("alone.mhtml").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("image not saved in the page: https://example.org/img/later.jpg"), r.err());
    Path json;
    try (Stream<Path> s = Files.list(tmp.resolve("content/articles"))) {
      json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    JsonNode image = JSON.readTree(json.toFile()).get("images").get(0);
    assertEquals("https://example.org/img/later.jpg", image.get("originalUrl").asText());
    assertTrue(image.get("file").isNull(), image.toString());
  }

  @Test
  void profileTestReadsAnMhtmlFileToo() throws Exception {
    Path file = saved().resolve("清水源澄清声明.mhtml");
    CliRun r = CliRun.run("profile", "test", "generic", file.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("title:     清水源澄清声明：仅少数新发行产品触及止损线"), r.out());
    assertTrue(r.out().contains("url:       " + PAGE), r.out());
  }

  @Test
  void anMhtmlFileWithoutItsPageIsOneFailedSourceAndTheRestGoesOn() throws Exception {
    Path folder = saved();
    Files.writeString(folder.resolve("broken.mht"), "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n"
        + "\r\nxx\r\n--b--\r\n", StandardCharsets.US_ASCII);
    CliRun r = run("ingest", folder.toString());
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.out().contains("ingested "), r.out());
    assertTrue(r.err().contains("broken.mht: MHTML file with no HTML page in it"), r.err());
  }
}
