package samizdat.mirror.zim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.cli.CliRun;
import samizdat.io.Progress;

class ZimExportTest {
  @TempDir Path dir;

  static final String ARCHIVE = "测试档案";

  /**
   * A site shaped like samizdat's: an index with an SVG icon, article pages titled "Headline —
   * Archive" holding {@code <article>}, tag pages without, CSS and JS, 3 MB of images (more than
   * one 2 MB cluster), a non-ASCII file name, an empty file, a hidden file and archive-info.json.
   */
  static Path site(Path site, long seed) throws IOException {
    Random random = new Random(seed);
    write(site, "index.html", page(ARCHIVE, "<link rel=\"icon\" href=\"assets/icon.svg\" type=\"image/svg+xml\">",
        "<a href=\"a/2024/0.html\">first</a>"));
    write(site, "assets/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
        + "<rect width=\"32\" height=\"32\" fill=\"#123456\"/></svg>\n");
    write(site, "assets/site.css", "body { color: #222; }\n".repeat(50));
    write(site, "assets/search.js", "function search(q) { return q; }\n".repeat(40));
    String[] headlines = {"Sora 的黎明", "周鸿祎谈人工智能", "Banned &amp; back", "中国大厂集体“屏蔽”Sora", "百度回应"};
    for (int i = 0; i < headlines.length; i++) {
      StringBuilder body = new StringBuilder("<article class=\"article\"><h1>" + headlines[i] + "</h1>");
      for (int j = 0; j < 300; j++) {
        body.append((char) ('一' + random.nextInt(3000)));
      }
      write(site, "a/2024/" + i + ".html", page(headlines[i] + " — " + ARCHIVE, "", body + "</article>"));
    }
    write(site, "tags/sora/index.html", page("Sora — " + ARCHIVE, "", "<ul><li>list</li></ul>"));
    Files.createDirectories(site.resolve("media"));
    Files.createDirectories(site.resolve("media"));
    for (int i = 0; i < 6; i++) {
      byte[] image = new byte[500_000 + i];
      random.nextBytes(image);
      Files.write(site.resolve("media").resolve(i + ".jpg"), image);
    }
    write(site, "media/图片 1.png", "not really a png");
    write(site, "empty.txt", "");
    write(site, ".hidden", "secret");
    write(site, "archive-info.json", "{\"title\":\"" + ARCHIVE + "\",\"language\":\"zh-Hant\",\"articleCount\":5,"
        + "\"earliest\":\"2024-01-02\",\"latest\":\"2024-03-04\"}\n");
    return site;
  }

  static String page(String title, String head, String body) {
    return "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n"
        + head + "\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
  }

  static void write(Path site, String path, String text) throws IOException {
    Path f = site.resolve(path);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }

  static ZimExport.Result export(Path site, Path zim) throws IOException {
    return ZimExport.export(site, zim, ZimOptions.defaults("samizdat test"), Progress.NONE);
  }

  static Map<String, byte[]> siteFiles(Path site) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = site.relativize(p).toString().replace('\\', '/');
        if (!p.getFileName().toString().startsWith(".")) {
          files.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  @Test
  void everySiteFileIsAnItemAtItsPathByteForByteWithItsMimeType() throws Exception {
    Path site = site(dir.resolve("site"), 1);
    Path zim = dir.resolve("out/archive.zim");
    ZimExport.Result r = export(site, zim);
    ZimReader z = new ZimReader(zim);
    assertEquals(6, z.major);
    assertEquals(1, z.minor);
    assertTrue(z.checksumMatches(), "MD5 at the end matches the file");
    Map<String, byte[]> files = siteFiles(site);
    List<String> items = z.dirents.stream().filter(d -> d.namespace() == 'C').map(ZimReader.Dirent::path).toList();
    assertEquals(new ArrayList<>(files.keySet()), items.stream().sorted().toList(), "exactly the site's files, hidden ones left out");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      assertArrayEquals(f.getValue(), z.content('C', f.getKey()), f.getKey());
    }
    assertEquals(files.size(), r.files());
    assertEquals("text/html", z.mimeOf(z.find('C', "a/2024/0.html").orElseThrow()));
    assertEquals("image/jpeg", z.mimeOf(z.find('C', "media/0.jpg").orElseThrow()));
    assertEquals("image/svg+xml", z.mimeOf(z.find('C', "assets/icon.svg").orElseThrow()));
    assertEquals("application/javascript", z.mimeOf(z.find('C', "assets/search.js").orElseThrow()));
    assertEquals("application/json", z.mimeOf(z.find('C', "archive-info.json").orElseThrow()));
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains(".hidden")), r.warnings().toString());
    // entries sorted by namespace and path bytes, strictly
    for (int i = 1; i < z.dirents.size(); i++) {
      byte[] a = (z.dirents.get(i - 1).namespace() + z.dirents.get(i - 1).path()).getBytes(StandardCharsets.UTF_8);
      byte[] b = (z.dirents.get(i).namespace() + z.dirents.get(i).path()).getBytes(StandardCharsets.UTF_8);
      assertTrue(Arrays.compareUnsigned(a, b) < 0, "order at " + i);
    }
  }

  @Test
  void textIsCompressedWithZstdAndImagesAreStoredInClustersOfAboutTwoMegabytes() throws Exception {
    Path zim = dir.resolve("archive.zim");
    export(site(dir.resolve("site"), 2), zim);
    ZimReader z = new ZimReader(zim);
    int html = z.find('C', "a/2024/1.html").orElseThrow().cluster();
    assertEquals(5, z.clusterInfo(html), "zstd");
    List<Integer> imageClusters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int c = z.find('C', "media/" + i + ".jpg").orElseThrow().cluster();
      assertEquals(1, z.clusterInfo(c), "stored");
      if (!imageClusters.contains(c)) {
        imageClusters.add(c);
      }
    }
    assertEquals(2, imageClusters.size(), "3 MB of images: one full 2 MB cluster and the rest");
    assertTrue(Files.size(zim) < 3_200_000, "compressed text, stored images: " + Files.size(zim));
  }

  @Test
  void mainPageTitlesAndTheListingsKiwixSearches() throws Exception {
    Path zim = dir.resolve("archive.zim");
    ZimExport.Result r = export(site(dir.resolve("site"), 3), zim);
    ZimReader z = new ZimReader(zim);
    ZimReader.Dirent main = z.find('W', "mainPage").orElseThrow();
    assertTrue(main.isRedirect());
    assertEquals("index.html", z.dirents.get(main.redirect()).path());
    assertEquals(main.index(), z.mainPage, "the header names W/mainPage");
    assertEquals(0xFFFFFFFF, z.layoutPage);
    assertEquals("中国大厂集体“屏蔽”Sora", z.find('C', "a/2024/3.html").orElseThrow().title(),
        "page title without the archive's name");
    assertEquals("Banned & back", z.find('C', "a/2024/2.html").orElseThrow().title(), "entities decoded");
    assertEquals("", z.find('C', "media/0.jpg").orElseThrow().title(), "no title: the path is the title");

    int[] all = z.headerTitleListing();
    assertArrayEquals(all, z.listing("listing/titleOrdered/v0"), "the header points into X/listing/titleOrdered/v0");
    assertEquals(z.entryCount, all.length);
    assertEquals(z.entryCount, Arrays.stream(all).distinct().count());
    Comparator<ZimReader.Dirent> byTitle = Comparator.comparing(
        d -> (d.namespace() + d.shownTitle()).getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);
    for (int i = 1; i < all.length; i++) {
      assertTrue(byTitle.compare(z.dirents.get(all[i - 1]), z.dirents.get(all[i])) <= 0, "v0 order at " + i);
    }
    List<String> front = Arrays.stream(z.listing("listing/titleOrdered/v1"))
        .mapToObj(i -> z.dirents.get(i).shownTitle()).toList();
    List<String> expected = new ArrayList<>(List.of("Sora 的黎明", "周鸿祎谈人工智能", "Banned & back",
        "中国大厂集体“屏蔽”Sora", "百度回应", ARCHIVE));
    expected.sort(Comparator.comparing(s -> s.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
    assertEquals(expected, front, "articles and the main page, by title; not the tag page");
    assertEquals(6, r.articles());
  }

  @Test
  void metadataForTheKiwixLibraryComesFromTheSite() throws Exception {
    Path zim = dir.resolve("archive.zim");
    export(site(dir.resolve("site"), 4), zim);
    ZimReader z = new ZimReader(zim);
    assertEquals(ARCHIVE, text(z, "Title"));
    assertEquals("zho", text(z, "Language"), "ISO 639-3 from zh-Hant");
    assertEquals("2024-03-04", text(z, "Date"), "the newest article's date");
    assertEquals("samizdat_zh_all", text(z, "Name"), "no ASCII word in the title");
    assertEquals("News archive, 5 articles, 2024-01-02 to 2024-03-04", text(z, "Description"));
    assertEquals(ARCHIVE, text(z, "Creator"));
    assertEquals("samizdat", text(z, "Publisher"));
    assertEquals("samizdat test", text(z, "Scraper"));
    assertTrue(text(z, "Tags").contains("_pictures:yes") && text(z, "Tags").contains("_ftindex:no"), text(z, "Tags"));
    assertEquals("application/javascript=1;application/json=1;image/jpeg=6;"
        + "image/png=1;image/svg+xml=1;text/css=1;text/html=7;text/plain=1", text(z, "Counter"));
    assertEquals("text/plain;charset=utf-8", z.mimeOf(z.find('M', "Title").orElseThrow()));
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(z.content('M', "Illustration_48x48@1")));
    assertEquals(48, png.getWidth());
    assertEquals(48, png.getHeight());
    assertEquals(0xff123456, png.getRGB(24, 24), "drawn from the site's SVG icon");
  }

  static String text(ZimReader z, String name) throws IOException {
    return new String(z.content('M', name), StandardCharsets.UTF_8);
  }

  @Test
  void optionsOverrideTheSiteAndLimitsAreKept() throws Exception {
    Path zim = dir.resolve("archive.zim");
    String longDescription = "A description that is much longer than the eighty characters Kiwix shows in its library list.";
    ZimOptions options = new ZimOptions("samizdat test", Optional.of("my-news_en_all"),
        Optional.of("An archive title far longer than thirty characters"), Optional.of(longDescription),
        Optional.of("en"), Optional.of("Reporters"), Optional.of("Friends"), Optional.of(LocalDate.of(2025, 5, 6)),
        Optional.of("https://example.org/news/"));
    ZimExport.Result r = ZimExport.export(site(dir.resolve("site"), 5), zim, options, Progress.NONE);
    ZimReader z = new ZimReader(zim);
    assertEquals("An archive title far longer th", text(z, "Title"));
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("--title")), r.warnings().toString());
    assertEquals(80, text(z, "Description").codePointCount(0, text(z, "Description").length()));
    assertEquals(longDescription, text(z, "LongDescription"));
    assertEquals("eng", text(z, "Language"));
    assertEquals("my-news_en_all", text(z, "Name"));
    assertEquals("Reporters", text(z, "Creator"));
    assertEquals("Friends", text(z, "Publisher"));
    assertEquals("2025-05-06", text(z, "Date"));
    assertEquals("https://example.org/news/", text(z, "Source"));
  }

  @Test
  void languagesBecomeIso639Part3() {
    List<String> warnings = new ArrayList<>();
    assertEquals("zho", ZimMetadata.language(Optional.of("zh-Hans"), warnings::add));
    assertEquals("eng", ZimMetadata.language(Optional.of("en-GB"), warnings::add));
    assertEquals("deu", ZimMetadata.language(Optional.of("de"), warnings::add));
    assertEquals("fra,eng", ZimMetadata.language(Optional.of("fra,eng"), warnings::add));
    assertEquals(List.of(), warnings);
    assertEquals("und", ZimMetadata.language(Optional.empty(), warnings::add));
    assertEquals(1, warnings.size());
    assertEquals("free-news_zh_all", ZimMetadata.name("Free News!", "zho"));
  }

  @Test
  void theSameSiteGivesTheSameBytesAndAnotherSiteAnotherUuid() throws Exception {
    Path site = site(dir.resolve("site"), 6);
    ZimExport.Result first = export(site, dir.resolve("one.zim"));
    ZimExport.Result second = export(site, dir.resolve("two.zim"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("one.zim")), Files.readAllBytes(dir.resolve("two.zim")));
    assertEquals(first.uuid(), second.uuid());
    Files.writeString(site.resolve("a/2024/4.html"), page("百度回应 — " + ARCHIVE, "", "<article>changed</article>"));
    ZimExport.Result third = export(site, dir.resolve("three.zim"));
    assertNotEquals(first.uuid(), third.uuid());
    assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("one.zim")), Files.readAllBytes(dir.resolve("three.zim"))));
  }

  @Test
  void aFailedExportLeavesTheOldFileAndNoLitter() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path zim = out.resolve("archive.zim");
    Files.writeString(zim, "the old file");
    Path notASite = Files.createDirectories(dir.resolve("empty-folder"));
    IOException e = assertThrows(IOException.class, () -> export(notASite, zim));
    assertTrue(e.getMessage().contains("no index.html"), e.getMessage());
    Path site = site(dir.resolve("site"), 7);
    e = assertThrows(IOException.class, () -> export(site, site.resolve("inside.zim")));
    assertTrue(e.getMessage().contains("outside"), e.getMessage());
    // A file that vanishes once the site has been scanned, when writing starts.
    Progress deleting = new Progress() {
      @Override
      public void start(String task, long total) {
        try {
          Files.delete(site.resolve("media/3.jpg"));
        } catch (IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      }

      @Override
      public void advance(long done) {}

      @Override
      public void warn(String message) {}

      @Override
      public void finish() {}
    };
    e = assertThrows(IOException.class, () -> ZimExport.export(site, zim, ZimOptions.defaults("t"), deleting));
    assertTrue(e.getMessage().contains("3.jpg"), e.getMessage());
    assertEquals("the old file", Files.readString(zim));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(zim), files.toList(), "no temporary file left");
    }
  }

  @Test
  void theCommandWritesTheFileAndNamesProblemsInOneLine() throws Exception {
    Path site = site(dir.resolve("site"), 8);
    Path zim = dir.resolve("archive.zim");
    CliRun r = CliRun.run("--quiet", "mirror", "zim", "--site", site.toString(), "--zim", zim.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("wrote " + zim), r.out());
    assertTrue(r.out().contains("language zho"), r.out());
    assertTrue(new ZimReader(zim).checksumMatches());
    CliRun missing = CliRun.run("--quiet", "mirror", "zim", "--site", dir.resolve("nope").toString(), "--zim", zim.toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("nope: no such folder"), missing.err());
  }
}
