package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReingestCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path content() {
    return tmp.resolve("content");
  }

  private static String sora() throws IOException {
    try (InputStream in = ReingestCommandTest.class.getResourceAsStream("/fixtures/bannedbook-sora.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args[0], "--quiet", "--content", content().toString()));
    all.addAll(List.of(args).subList(1, args.length));
    return CliRun.run(all.toArray(String[]::new));
  }

  private String onlyId() throws IOException {
    try (Stream<Path> s = Files.list(content().resolve("articles"))) {
      List<String> ids = s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).toList();
      assertEquals(1, ids.size(), ids.toString());
      return ids.get(0);
    }
  }

  /** Every file of the content folder with its bytes' hash code and modification time. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(content())) {
      for (Path p : s.filter(Files::isRegularFile).filter(IngestCommandTest::notTheLock).toList()) {
        out.put(content().relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p))
            + "@" + Files.getLastModifiedTime(p));
      }
    }
    return out;
  }

  @Test
  void anUnchangedExtractorRewritesNothing() throws Exception {
    Path page = tmp.resolve("saved/sora.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, sora());
    assertEquals(0, run("ingest", page.toString()).exitCode());
    Map<String, String> before = snapshot();
    CliRun r = run("reingest");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("reingested 1: updated 0, unchanged 1, failed 0", r.out().strip());
    assertEquals(before, snapshot());
  }

  @Test
  void aProfileEditChangesTheArticleUnderItsOwnIdKeepingItsFirstIngestTime() throws Exception {
    Path page = tmp.resolve("saved/sora.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, sora());
    assertEquals(0, run("ingest", page.toString()).exitCode());
    String id = onlyId();
    JsonNode before = JSON.readTree(content().resolve("articles/" + id + ".json").toFile());
    Files.setLastModifiedTime(content().resolve("articles/" + id + ".json"), FileTime.fromMillis(0));

    // The user's own bannedbook profile replaces the bundled one and drops one more paragraph.
    String bundled;
    try (InputStream in = getClass().getResourceAsStream("/profiles/bannedbook.json")) {
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(content().resolve("profiles"));
    Files.writeString(content().resolve("profiles/bannedbook.json"),
        bundled.replace("\"p.notice\",", "\"p.notice\", \"p:contains(Sora到底牛在哪里)\","));
    CliRun r = CliRun.run("reingest", "--content", content().toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("updated " + id + ": bannedbook: body",
        "reingested 1: updated 1, unchanged 0, failed 0; changed: body 1"), r.out().strip().lines().toList());
    assertEquals(id, onlyId());
    JsonNode after = JSON.readTree(content().resolve("articles/" + id + ".json").toFile());
    assertEquals(before.get("firstIngested"), after.get("firstIngested"));
    assertEquals(before.get("tags"), after.get("tags"));
    String md = Files.readString(content().resolve("articles/" + id + ".md"));
    assertFalse(md.contains("Sora到底牛在哪里"), md);
    assertTrue(md.contains("从ChatGPT到Sora"), md);
  }

  @Test
  void anArticleWithoutItsRawPageIsReportedAndLeftAsItIs() throws Exception {
    Path page = tmp.resolve("saved/sora.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, sora());
    assertEquals(0, run("ingest", page.toString()).exitCode());
    String id = onlyId();
    Files.delete(content().resolve("raw/" + id + ".html.gz"));
    Map<String, String> before = snapshot();
    CliRun r = run("reingest");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().strip().startsWith("samizdat: " + id + ": no raw page kept ("), r.err());
    assertEquals("reingested 1: updated 0, unchanged 0, failed 1", r.out().strip());
    assertEquals(before, snapshot());
  }

  @Test
  void savedImagesAreKeptThoughTheRawPageHasNoFolderBesideIt() throws Exception {
    Path page = tmp.resolve("saved/article.html");
    Files.createDirectories(tmp.resolve("saved/article_files"));
    // A real PNG: 1x1 is a tracking pixel and dropped, so 3x2.
    byte[] image = tinyPng();
    Files.write(tmp.resolve("saved/article_files/photo.png"), image);
    Files.writeString(page, sora().replace("<div class=\"entry\">",
        "<div class=\"entry\"><figure><img src=\"article_files/photo.png\" alt=\"照片\"></figure>"));
    assertEquals(0, run("ingest", page.toString()).exitCode());
    String id = onlyId();
    Map<String, String> before = snapshot();
    CliRun r = CliRun.run("reingest", "--content", content().toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err().replaceAll("(?m)^reingest.*$", "").strip(), "no image warnings");
    assertEquals(before, snapshot());
    assertFalse(JSON.readTree(content().resolve("articles/" + id + ".json").toFile())
        .get("images").get(0).get("file").isNull());
  }

  @Test
  void aFolderThatIsNotAContentFolderIsAUsageError() {
    CliRun r = CliRun.run("reingest", "--content", tmp.resolve("nothing").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("not a content folder"), r.err());
  }

  private static byte[] tinyPng() {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(3, 2,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0xff0000);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
