package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  private static final String SORA_URL = "https://www.bannedbook.org/bnews/cnnews/20240307/2009999.html";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path content() {
    return tmp.resolve("content");
  }

  private static String sora() {
    try (InputStream in = IngestCommandTest.class.getResourceAsStream("/fixtures/bannedbook-sora.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  private CliRun ingest(String... args) {
    List<String> all = new ArrayList<>(List.of("ingest", "--quiet", "--content", content().toString()));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines[lines.length - 1];
  }

  private JsonNode meta(String id) throws IOException {
    return JSON.readTree(content().resolve("articles/" + id + ".json").toFile());
  }

  private String onlyId() throws IOException {
    try (Stream<Path> s = Files.list(content().resolve("articles"))) {
      List<String> ids = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).toList();
      assertEquals(1, ids.size(), ids.toString());
      return ids.get(0);
    }
  }

  /** The content folder's lock file is the runs', not the archive's. */
  static boolean notTheLock(Path p) {
    return !p.getFileName().toString().equals(samizdat.io.FolderLock.FILE_NAME);
  }

  /** Every file under content/ with its bytes and modification time. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(content())) {
      for (Path p : s.filter(Files::isRegularFile).filter(IngestCommandTest::notTheLock).toList()) {
        FileTime t = Files.getLastModifiedTime(p);
        files.put(content().relativize(p).toString(), sha(Files.readAllBytes(p)) + " " + t.toMillis());
      }
    }
    return files;
  }

  private static String sha(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void ingestsTheFixtureIntoContentFiles() throws Exception {
    Path page = write("sora.html", sora());
    CliRun r = ingest(page.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("ingested 1, updated 0, unchanged 0, duplicates 0, failed 0", lastLine(r.out()));
    String id = onlyId();
    assertTrue(id.startsWith("t-"), id);
    assertTrue(r.out().startsWith("ingested " + id + " " + page), r.out());

    JsonNode m = meta(id);
    assertEquals("中国大厂集体“屏蔽”Sora", m.get("title").asText());
    assertTrue(m.get("url").isNull());
    assertTrue(m.get("site").isNull());
    assertTrue(m.get("published").isNull(), "no date is invented");
    assertEquals("zh-Hans", m.get("language").asText());
    assertEquals("偲睿洞察", m.get("source").asText());
    assertEquals(9, m.get("tags").size());
    assertEquals(5, m.get("related").size());
    assertEquals("bannedbook", m.get("profile").asText());
    assertEquals(sha(Files.readAllBytes(page)), m.get("rawSha256").asText());
    assertFalse(m.get("firstIngested").isNull());

    String md = Files.readString(content().resolve("articles/" + id + ".md"));
    assertTrue(md.contains("有本科学生") && md.contains("并购YY中国。") && md.contains("百度们亟需推出中国Sora"));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(content().resolve("raw/" + id + ".html.gz")))) {
      assertArrayEquals(Files.readAllBytes(page), in.readAllBytes());
    }
    byte[] gz = Files.readAllBytes(content().resolve("raw/" + id + ".html.gz"));
    assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(gz, 8),
        "gzip header carries no name and no time");
  }

  @Test
  void reingestingTheSamePageChangesNoByteAndNoFile() throws Exception {
    Path page = write("sora.html", sora());
    assertEquals(0, ingest(page.toString()).exitCode());
    Map<String, String> before = snapshot();
    Thread.sleep(20);
    CliRun again = ingest(page.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertEquals("ingested 0, updated 0, unchanged 1, duplicates 0, failed 0", lastLine(again.out()));
    assertEquals(before, snapshot());
  }

  @Test
  void urlAndDateSupplyWhatASavedPageLacks() throws Exception {
    Path page = write("sora.html", sora());
    CliRun r = ingest("--url", SORA_URL + "?utm_source=x", page.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode m = meta("20240307-2009999");
    assertEquals(SORA_URL, m.get("url").asText());
    assertEquals("www.bannedbook.org", m.get("site").asText());
    assertEquals("2024-03-07", m.get("published").asText(), "the date is in the URL");

    Path other = write("other/sora.html", sora().replace("中国大厂集体", "大厂集体"));
    CliRun d = ingest("--date", "2024-03-06", other.toString());
    assertEquals(0, d.exitCode(), d.err());
    String id = d.out().split(" ")[1];
    assertEquals("2024-03-06", meta(id).get("published").asText());
  }

  @Test
  void aChangedPageIsUpdatedInPlaceAndKeepsItsFirstIngestTime() throws Exception {
    Path page = write("sora.html", sora());
    assertEquals(0, ingest("--url", SORA_URL, page.toString()).exitCode());
    String first = meta("20240307-2009999").get("firstIngested").asText();
    write("sora.html", sora().replace("答案，非短视频行业莫属。", "答案，非短视频行业莫属（更新）。"));
    Thread.sleep(1100);
    CliRun r = ingest("--url", SORA_URL, page.toString());
    assertEquals("ingested 0, updated 1, unchanged 0, duplicates 0, failed 0", lastLine(r.out()), r.err());
    assertEquals(first, meta("20240307-2009999").get("firstIngested").asText());
    assertTrue(Files.readString(content().resolve("articles/20240307-2009999.md")).contains("莫属（更新）。"));
    try (Stream<Path> s = Files.list(content().resolve("articles"))) {
      assertEquals(2, s.count(), "still one article");
    }
  }

  @Test
  void theSameArticleFromTwoSourcesIsReportedNotDuplicated() throws Exception {
    Path saved = write("saved/sora.html", sora());
    Path copy = write("copy/sora.html", sora());
    CliRun r = ingest(saved.toString(), copy.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("ingested 1, updated 0, unchanged 0, duplicates 1, failed 0", lastLine(r.out()));

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/bnews/cnnews/20240307/2009999.html", ex -> send(ex, "text/html; charset=utf-8",
        sora().getBytes(StandardCharsets.UTF_8)));
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/bnews/cnnews/20240307/2009999.html";
      CliRun live = CliRun.run("ingest", "--content", content().toString(), "--delay", "0", url);
      assertEquals(0, live.exitCode(), live.err());
      assertEquals("ingested 0, updated 0, unchanged 0, duplicates 1, failed 0", lastLine(live.out()));
      assertTrue(live.out().startsWith("duplicate t-"), live.out());
      String id = onlyId();
      assertTrue(live.err().contains("same article as " + id), live.err());
      assertEquals(url, meta(id).get("url").asText(), "the saved article learns its URL");
      assertEquals("2024-03-07", meta(id).get("published").asText());

      Map<String, String> before = snapshot();
      CliRun again = ingest(saved.toString());
      assertEquals("ingested 0, updated 0, unchanged 1, duplicates 0, failed 0", lastLine(again.out()));
      assertEquals(before, snapshot(), "a saved page without URL does not erase the known one");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void badInputsFailOneLineEachAndTheBatchGoesOn() throws Exception {
    Path dir = tmp.resolve("batch");
    write("batch/a-good.html", sora());
    write("batch/empty.html", "");
    write("batch/blank.html", "   \n\n ");
    write("batch/binary.html", png(4, 4));
    write("batch/plain.html", "just some text, no markup at all");
    write("batch/not-article.html", "<html><body><h1>Index</h1><ul><li>a</li></ul></body></html>");
    write("batch/empty-body.html", "<h2>标题</h2><div class=entry><figure id=shenyun-figure><img src=x.jpg>"
        + "</figure><p class=notice>广告</p><!-- <p>comment</p> --><p>&nbsp;</p></div>");
    byte[] big = new byte[(1 << 20) + 10];
    java.util.Arrays.fill(big, (byte) 'x');
    write("batch/huge.html", big);
    Path missing = tmp.resolve("no-such-file.html");

    CliRun r = ingest("--max-size", "1", dir.toString(), missing.toString());
    assertEquals(1, r.exitCode());
    assertEquals("ingested 1, updated 0, unchanged 0, duplicates 0, failed 8", lastLine(r.out()));
    List<String> errors = r.err().strip().lines().toList();
    assertEquals(8, errors.size(), r.err());
    assertLine(errors, "empty.html: empty file");
    assertLine(errors, "blank.html: empty file");
    assertLine(errors, "binary.html: binary file, not an HTML page");
    assertLine(errors, "plain.html: not an HTML page");
    assertLine(errors, "not-article.html: not an article: ");
    assertLine(errors, "empty-body.html: not an article: body is empty after cleaning");
    assertLine(errors, "huge.html: too large (the limit is 1 MB)");
    assertLine(errors, "no-such-file.html: no such file or directory");
    try (Stream<Path> s = Files.walk(content())) {
      List<String> files = s.filter(Files::isRegularFile).filter(IngestCommandTest::notTheLock)
          .map(p -> p.getFileName().toString()).toList();
      assertEquals(3, files.size(), "only the good page's files, no temporary leftovers: " + files);
    }
  }

  @Test
  void aFiftyMegabytePageIsRefusedWithoutBeingRead() throws Exception {
    Path huge = tmp.resolve("huge.html");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(50L << 20); // sparse: costs no disk and no time
    }
    CliRun r = ingest(huge.toString(), write("ok.html", sora()).toString());
    assertEquals(1, r.exitCode());
    assertEquals("samizdat: " + huge + ": too large (the limit is 16 MB): 50 MB", r.err().strip());
    assertEquals("ingested 1, updated 0, unchanged 0, duplicates 0, failed 1", lastLine(r.out()));
  }

  private static void assertLine(List<String> errors, String expected) {
    assertTrue(errors.stream().anyMatch(l -> l.startsWith("samizdat: ") && l.contains(expected)),
        "no line with \"" + expected + "\" in " + errors);
  }

  @Test
  void foldersAreSearchedRecursivelyForPagesIncludingGzipped() throws Exception {
    write("site/a/one.html", sora());
    write("site/b/two.htm", sora().replace("中国大厂集体", "二"));
    write("site/b/c/three.html.gz", gzip(sora().replace("中国大厂集体", "三").getBytes(StandardCharsets.UTF_8)));
    write("site/b/four.xhtml", sora().replace("中国大厂集体", "四"));
    write("site/notes.txt", "<p>not a page by name</p>");
    write("site/image.png", png(4, 4));
    CliRun r = ingest(tmp.resolve("site").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("ingested 4, updated 0, unchanged 0, duplicates 0, failed 0", lastLine(r.out()));
  }

  @Test
  void aFolderWalkSkipsTheContentFolderAndHiddenFolders() throws Exception {
    write("pages/a.html", sora());
    write("pages/.git/b.html", sora().replace("中国大厂集体", "隐藏"));
    assertEquals(0, CliRun.run("ingest", "-q", "--content", tmp.resolve("pages/content").toString(),
        tmp.resolve("pages").toString()).exitCode());
    CliRun again = CliRun.run("ingest", "-q", "--content", tmp.resolve("pages/content").toString(),
        tmp.resolve("pages").toString());
    assertEquals("ingested 0, updated 0, unchanged 1, duplicates 0, failed 0", lastLine(again.out()),
        "raw/*.html.gz of the content folder are not read as sources");
    CliRun itself = CliRun.run("ingest", "--content", tmp.resolve("pages/content").toString(),
        tmp.resolve("pages/content").toString());
    assertEquals(ExitCodes.USAGE, itself.exitCode(), "the content folder is no source");
    assertTrue(itself.err().startsWith("samizdat: ") && itself.err().contains("is the content folder itself"),
        itself.err());
  }

  @Test
  void aSavedPagesFilesFolderIsNotWalkedForSourcesButAFolderOfThatNameAloneIs() throws Exception {
    write("pages/article.html", sora());
    // What "Save page as" puts beside the page: its images and the frames of ads and buttons.
    write("pages/article_files/ad-frame.html", "<html><body><p>广告</p></body></html>");
    write("pages/article_files/share.htm", "<html><body><a href=x>分享</a></body></html>");
    write("pages/second.htm", sora().replace("中国大厂集体", "第二篇"));
    write("pages/second.files/frame.html", "<html><body><p>广告</p></body></html>");
    // A folder whose name merely ends so, with no page beside it, is searched as usual.
    write("pages/old_files/other.html", sora().replace("中国大厂集体", "另一篇"));
    CliRun r = ingest(tmp.resolve("pages").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("ingested 3, updated 0, unchanged 0, duplicates 0, failed 0", lastLine(r.out()));
    assertTrue(r.out().contains("old_files/other.html"), r.out());
    assertFalse(r.out().contains("ad-frame") || r.out().contains("frame.html"), r.out());
  }

  @Test
  void linkedFoldersAreFollowedAndEmptyFoldersWarned() throws Exception {
    write("real/a.html", sora());
    Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
    Files.createDirectories(tmp.resolve("empty"));
    CliRun r = CliRun.run("ingest", "--content", content().toString(), tmp.resolve("link").toString(),
        tmp.resolve("empty").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("ingested 1, updated 0, unchanged 0, duplicates 0, failed 0", lastLine(r.out()));
    assertTrue(r.err().contains("warning: " + tmp.resolve("empty") + ": no pages"), r.err());
  }

  @Test
  void aFolderIsReadInTheOrderOfItsPathsAsItIsWalked() throws Exception {
    // Names where the order of whole paths differs from sorting each folder's names: "a-b.html"
    // and "a.html" come before the folder "a/" ('-' and '.' sort before '/'), and a name outside
    // the Basic Multilingual Plane after one near its top (UTF-16 order would put it before).
    String[] names = {"a/x.html", "a/y/z.html", "a-b.html", "a.html", "b.html", "é.html",
        "ｚ.html", "\uD83D\uDE00.html", "a0/w.html"};
    int n = 0;
    for (String name : names) {
      write("tree/" + name, sora().replace("中国大厂集体", "第" + (n++) + "篇"));
    }
    CliRun r = ingest(tmp.resolve("tree").toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> reported = r.out().lines().filter(l -> l.startsWith("ingested t-"))
        .map(l -> l.substring(l.indexOf(' ', "ingested ".length()) + 1)).toList();
    List<String> expected;
    try (Stream<Path> files = Files.walk(tmp.resolve("tree"))) {
      // Path order is the order of the paths' bytes, as the walk promises.
      expected = files.filter(Files::isRegularFile).sorted().map(Path::toString).toList();
    }
    assertEquals(names.length, expected.size());
    assertEquals(expected, reported);
  }

  @Test
  void aLinkBackUpTheTreeIsReportedAndTheRestIsRead() throws Exception {
    write("loop/a.html", sora());
    write("loop/sub/b.html", sora().replace("中国大厂集体", "第二篇"));
    Files.createSymbolicLink(tmp.resolve("loop/sub/back"), tmp.resolve("loop"));
    CliRun r = ingest(tmp.resolve("loop").toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("ingested 2, updated 0, unchanged 0, duplicates 0, failed 1", lastLine(r.out()));
    assertLine(r.err().lines().toList(), tmp.resolve("loop/sub/back") + ": a link back to a folder it is in (a loop); not followed");
  }

  @Test
  void aListFileNamesSourcesRelativeToItself() throws Exception {
    write("lists/pages/one.html", sora());
    Path list = write("lists/sources.txt", "# pages to ingest\n\npages/one.html\n");
    CliRun r = ingest("--list", list.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("ingested 1, updated 0, unchanged 0, duplicates 0, failed 0", lastLine(r.out()));
  }

  @Test
  void anyExtensionIsFineWhenTheContentIsHtml() throws Exception {
    Path page = write("download.php", sora());
    assertEquals(0, ingest(page.toString()).exitCode());
  }

  @Test
  void undeclaredGbkGivesTheSameArticleAsUtf8() throws Exception {
    Path utf8 = write("utf8/sora.html", sora());
    Path gbk = write("gbk/sora.html", sora().replace("🔥", "").getBytes(Charset.forName("GBK")));
    assertEquals(0, ingest(utf8.toString()).exitCode());
    String id = onlyId();
    String md = Files.readString(content().resolve("articles/" + id + ".md"));
    Files.walk(content()).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    CliRun r = ingest(gbk.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(id, onlyId());
    assertEquals(md, Files.readString(content().resolve("articles/" + id + ".md")));
  }

  @Test
  void savedPageImagesAreCopiedFromTheFilesFolderAndAdsPixelsAndStrangersAreNot() throws Exception {
    byte[] photo = png(8, 6);
    write("saved/article_files/photo.png", photo);
    write("saved/article_files/pixel.png", png(1, 1));
    write("saved/article_files/v2free.jpg", png(9, 9));
    write("secret.png", png(7, 7));
    String body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title></head><body>"
        + "<h2>图片测试</h2><div class=\"entry\"><p>开头</p>"
        + "<figure><img src=\"article_files/photo.png\" alt=\"照片\"><figcaption>图说：照片</figcaption></figure>"
        + "<p><img src=\"https://cdn.example.org/x/photo.png?w=600\" alt=\"同一张\"></p>"
        + "<figure id=\"shenyun-figure\"><img src=\"article_files/v2free.jpg\"></figure>"
        + "<p><img src=\"article_files/pixel.png\" alt=\"\"></p>"
        + "<p><img src=\"../secret.png\" alt=\"外面\"></p>"
        + "<p><img src=\"https://cdn.example.org/gone.jpg\" alt=\"不见了\"></p>"
        + "<p><img src=\"//cdn.example.org/scheme.jpg\" alt=\"无协议\"></p><p>结尾</p></div></body></html>";
    Path page = write("saved/article.html", body);
    CliRun r = CliRun.run("ingest", "--content", content().toString(), "--profile", "bannedbook",
        page.toString());
    assertEquals(0, r.exitCode(), r.err());
    String id = onlyId();

    try (Stream<Path> s = Files.list(content().resolve("media"))) {
      List<Path> media = s.toList();
      assertEquals(1, media.size(), media.toString());
      assertArrayEquals(photo, Files.readAllBytes(media.get(0)));
      assertEquals(sha(photo).substring(0, 32) + ".png", media.get(0).getFileName().toString());
    }
    JsonNode images = meta(id).get("images");
    assertEquals(5, images.size(), images.toString());
    assertEquals("article_files/photo.png", images.get(0).get("originalUrl").asText());
    assertEquals("图说：照片", images.get(0).get("caption").asText());
    assertEquals("照片", images.get(0).get("alt").asText());
    assertEquals("https://cdn.example.org/x/photo.png?w=600", images.get(1).get("originalUrl").asText());
    assertEquals(images.get(0).get("file").asText(), images.get(1).get("file").asText());
    assertTrue(images.get(2).get("file").isNull(), "a file outside the page's folder is not read");
    assertEquals("https://cdn.example.org/gone.jpg", images.get(3).get("originalUrl").asText());
    assertEquals("不见了", images.get(3).get("alt").asText());
    assertTrue(images.get(3).get("file").isNull());
    assertTrue(r.err().contains("warning: " + page + ": image not found next to the page: https://cdn.example.org/gone.jpg"),
        r.err());
    // A page without its address gives no scheme for a protocol-relative one: not stored, but named.
    assertEquals("", images.get(4).get("originalUrl").asText());
    assertEquals("无协议", images.get(4).get("alt").asText());
    assertTrue(r.err().contains("warning: " + page + ": image not found next to the page: //cdn.example.org/scheme.jpg;"
        + " kept its alt text\n"), r.err());

    String md = Files.readString(content().resolve("articles/" + id + ".md"));
    String file = images.get(0).get("file").asText();
    assertEquals("开头\n\n![照片](../media/" + file + ")\n\n*图说：照片*\n\n![同一张](../media/" + file
        + ")\n\n结尾\n", md);
  }

  @Test
  void urlSourcesAreFetchedWithTheirImages() throws Exception {
    byte[] photo = png(5, 5);
    byte[] page = ("<html><head><link rel=canonical href=\"/bnews/a/20240101/1234567.html?utm_source=rss\">"
        + "<meta property=\"article:published_time\" content=\"2024-01-01T08:00:00+08:00\"></head><body>"
        + "<h2>远程</h2><div class=entry><p>正文<img src=\"/img/p.png\" alt=\"图\">"
        + "<img src=\"/img/pixel.gif\"><a href=\"/rel?fbclid=1\">链接</a></p></div></body></html>")
        .getBytes(StandardCharsets.UTF_8);
    HttpServer server = pageServer(page);
    server.createContext("/img/p.png", ex -> send(ex, "image/png", photo));
    server.createContext("/img/pixel.gif", ex -> send(ex, "image/gif", gif1x1()));
    server.createContext("/missing", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      CliRun r = ingest("--delay", "0", "--retries", "0", "--timeout", "2", "--profile", "bannedbook",
          base + "/page", base + "/missing");
      assertEquals(1, r.exitCode(), r.err());
      assertEquals("samizdat: " + base + "/missing: HTTP 404", r.err().strip());
      JsonNode m = meta("20240101-1234567");
      assertEquals(base + "/bnews/a/20240101/1234567.html", m.get("url").asText());
      assertEquals("127.0.0.1", m.get("site").asText());
      assertEquals("2024-01-01", m.get("published").asText());
      assertEquals(1, m.get("images").size());
      assertEquals(base + "/img/p.png", m.get("images").get(0).get("originalUrl").asText());
      String md = Files.readString(content().resolve("articles/20240101-1234567.md"));
      assertEquals("正文![图](../media/" + sha(photo).substring(0, 32) + ".png)[链接](" + base + "/rel)\n", md);
    } finally {
      server.stop(0);
    }
  }

  /** A lazy loader's placeholder, or no src at all: the srcset's copy of a reading column's width. */
  @Test
  void imagesNamedOnlyInASrcsetAreFetchedAtAReadersSize() throws Exception {
    byte[] medium = png(6, 4);
    byte[] single = png(3, 3);
    List<String> asked = Collections.synchronizedList(new ArrayList<>());
    byte[] page = ("<html><head><link rel=canonical href=\"/bnews/a/20240102/1234568.html\"></head><body>"
        + "<h2>远程</h2><div class=entry><p>正文</p>"
        + "<p><img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" "
        + "data-srcset=\"/img/p-300.png 300w, /img/p-1024.png 1024w, /img/p-2048.png 2048w\" alt=\"甲\"></p>"
        + "<p><img srcset=\"/img/q.png 1x, /img/q@2x.png 2x\" alt=\"乙\"></p></div></body></html>")
        .getBytes(StandardCharsets.UTF_8);
    HttpServer server = pageServer(page);
    server.createContext("/img/", ex -> {
      String path = ex.getRequestURI().getPath();
      asked.add(path);
      send(ex, "image/png", path.equals("/img/q.png") ? single : medium);
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      CliRun r = ingest("--delay", "0", "--retries", "0", "--profile", "bannedbook", base + "/page");
      assertEquals(0, r.exitCode(), r.err());
      JsonNode images = meta("20240102-1234568").get("images");
      assertEquals(2, images.size(), images.toString());
      assertEquals(base + "/img/p-1024.png", images.get(0).get("originalUrl").asText());
      assertEquals(sha(medium).substring(0, 32) + ".png", images.get(0).get("file").asText());
      assertEquals(base + "/img/q.png", images.get(1).get("originalUrl").asText());
      assertEquals(sha(single).substring(0, 32) + ".png", images.get(1).get("file").asText());
      assertEquals(List.of("/img/p-1024.png", "/img/q.png"), asked.stream().sorted().toList());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aProfileFileTeachesANewSite() throws Exception {
    Path profile = write("news.json", """
        {"name": "news", "language": "en", "hosts": ["news.example"],
         "title": ["h1.headline"], "body": "article .text", "drop": [".ad"],
         "tags": "a[rel=tag]"}
        """);
    Path page = write("story.html", "<h1 class=headline>Hello</h1><article><div class=text><p>One *two*</p>"
        + "<div class=ad>Buy!</div><p>Tagged <a rel=tag href=/t/x>X</a></p></div></article>");
    CliRun r = ingest("--profile", profile.toString(), page.toString());
    assertEquals(0, r.exitCode(), r.err());
    String id = onlyId();
    assertEquals("One \\*two\\*\n\nTagged X\n", Files.readString(content().resolve("articles/" + id + ".md")));
    assertEquals("news", meta(id).get("profile").asText());
    assertEquals("[\"X\"]", meta(id).get("tags").toString());
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    Path page = write("sora.html", sora());
    assertEquals(2, ingest().exitCode());
    assertEquals(2, ingest("--profile", "nope", page.toString()).exitCode());
    assertEquals(2, ingest("--url", SORA_URL, page.toString(), page.toString()).exitCode());
    assertEquals(2, ingest("--date", "7 March", page.toString()).exitCode());
    CliRun bad = ingest("--profile", write("bad.json", "{\"name\":\"x\",\"language\":\"en\",\"title\":[\"h1\"],"
        + "\"body\":\"div[\"}").toString(), page.toString());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("bad.json: body: bad selector \"div[\""), bad.err());
  }

  @Test
  void sourceDateEpochFixesTheIngestTime() {
    assertEquals(Instant.ofEpochSecond(1_700_000_000),
        IngestCommand.now(Map.of("SOURCE_DATE_EPOCH", "1700000000")));
    assertTrue(IngestCommand.now(Map.of()).getNano() == 0);
  }

  private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] png(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w * 1000 + h);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** A loopback server (not started) that answers {@code /page} with the page. */
  private static HttpServer pageServer(byte[] page) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/page", ex -> send(ex, "text/html; charset=utf-8", page));
    return server;
  }

  private static byte[] gif1x1() {
    return java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(data);
    }
    return b.toByteArray();
  }
}
