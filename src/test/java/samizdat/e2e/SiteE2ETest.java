package samizdat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.cli.CliRun;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.content.ImageRef;
import samizdat.content.RelatedLink;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Opens a built site the way a reader does, from {@code file://} and from a web server at an
 * IPFS-gateway-like sub-path, visits every page, and fails on any network request, console error
 * (CSP violations included), broken link or image that does not load.
 */
@ExtendWith(RequiresBrowser.class)
class SiteE2ETest {
  static Browser browser;
  @TempDir static Path work;
  static Path site;

  @BeforeAll
  static void buildSite() throws Exception {
    browser = Browser.start();
    Path content = work.resolve("content");
    writeContent(new ContentStore(content));
    site = work.resolve("site");
    CliRun r = CliRun.run("--quiet", "build", "--content", content.toString(), "--out", site.toString());
    assertEquals(0, r.exitCode(), r.err());
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** 45 articles: more than two index pages, Chinese and Latin tags, images, hostile text, one undated. */
  static void writeContent(ContentStore store) throws Exception {
    Files.createDirectories(store.mediaDir());
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    Path tmp = store.root().resolve("img.png");
    ImageIO.write(image, "png", tmp.toFile());
    byte[] png = Files.readAllBytes(tmp);
    Files.delete(tmp);
    String media = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)) + ".png";
    Files.write(store.mediaDir().resolve(media), png);
    String[] tags = {"Sora", "中国", "周鸿祎", "人工智能", "OpenAI", "百度"};
    for (int i = 0; i < 45; i++) {
      LocalDate date = LocalDate.of(2024, 1, 1).plusDays(i * 3L);
      String id = date.toString().replace("-", "") + "-20" + String.format("%05d", i);
      String title = i == 7 ? "<script>alert('x')</script> {{title}} 标题" : "文章" + i + "：AI大厂的黎明 Sora";
      List<String> t = List.of(tags[i % tags.length], tags[(i * 7 + 1) % tags.length]);
      List<RelatedLink> related = List.of(
          new RelatedLink("外部文章 " + i, "https://www.bannedbook.org/bnews/x/20240101/19" + i + ".html"),
          new RelatedLink("javascript 链接", "javascript:alert(1)"));
      List<ImageRef> images = i % 5 == 0
          ? List.of(new ImageRef(Optional.of(media), "https://example.org/a.png", "示意图", "图一"))
          : List.of();
      String body = "第一段：周鸿祎表示，科技竞争最终比拼的是人才密度。\n\n"
          + (images.isEmpty() ? "" : "![示意图](../media/" + media + ")\n\n")
          + "**Sora到底牛在哪里？** [链接](https://example.org/x) 和 [坏链接](javascript:alert(1))\n\n"
          + "\\<img src=x onerror=alert(1)\\> 与 \\{\\{mustache\\}\\}\n";
      ArticleMeta meta = new ArticleMeta(id, title,
          Optional.of("https://www.bannedbook.org/bnews/cnnews/" + id.replace("-", "/") + ".html"),
          Optional.of("www.bannedbook.org"), "zh-CN", i == 44 ? Optional.empty() : Optional.of(date),
          Optional.of("偲睿洞察"), t, related, images, "bannedbook", "00".repeat(32),
          Instant.parse("2026-01-01T00:00:00Z"));
      store.write(new Article(meta, body));
    }
  }

  static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.walk(site)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  @Test
  void everyPageFromFileLoadsNothingFromTheNetworkAndHasNoBrokenLinks() throws Exception {
    List<Path> pages = pages();
    assertTrue(pages.size() > 45, "article pages plus index, tag and archive pages: " + pages.size());
    List<String> problems = new ArrayList<>();
    for (Path page : pages) {
      Browser.PageVisit v = browser.open(page.toUri());
      String rel = site.relativize(page).toString();
      v.networkRequests().forEach(u -> problems.add(rel + ": network request " + u));
      v.consoleErrors().forEach(m -> problems.add(rel + ": console " + m));
      v.brokenImages().forEach(u -> problems.add(rel + ": broken image " + u));
      for (String link : v.links()) {
        if (link.startsWith("file:")) {
          URI u = URI.create(link);
          Path target = Path.of(new URI("file", null, u.getPath(), null));
          if (!Files.isRegularFile(target)) {
            problems.add(rel + ": broken link " + link);
          }
          if (!target.normalize().startsWith(site)) {
            problems.add(rel + ": link leaves the site " + link);
          }
        } else if (!link.startsWith("http://") && !link.startsWith("https://") && !link.startsWith("mailto:")) {
          problems.add(rel + ": unsafe link " + link);
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void hostileTextStaysInertText() throws Exception {
    Path front = site.resolve("index.html");
    browser.open(front.toUri());
    Object scripts = browser.script("return document.querySelectorAll('script:not([src])').length");
    assertEquals(0L, scripts, "no inline scripts");
    for (Path page : pages()) {
      String html = Files.readString(page);
      assertTrue(!html.contains("<script>alert") && !html.contains("href=\"javascript:"), page.toString());
    }
  }

  @Test
  void pagesWorkOverHttpUnderAGatewayPath() throws Exception {
    String prefix = "/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/";
    try (StaticServer server = new StaticServer(site, prefix)) {
      List<String> problems = new ArrayList<>();
      List<Path> pages = pages();
      for (Path page : pages.subList(0, Math.min(40, pages.size()))) {
        String rel = site.relativize(page).toString().replace('\\', '/');
        Browser.PageVisit v = browser.open(server.url(rel));
        v.consoleErrors().forEach(m -> problems.add(rel + ": console " + m));
        v.brokenImages().forEach(u -> problems.add(rel + ": broken image " + u));
        v.networkRequests().stream().filter(u -> !u.startsWith(server.url("").toString()))
            .forEach(u -> problems.add(rel + ": request outside the site " + u));
      }
      assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
  }

  /**
   * Servers and gateways show the not-found page at the missing address, however deep: its links
   * and stylesheet must still reach the site, on an IPFS path gateway and on web servers at the
   * root or at a sub-path.
   */
  @Test
  void theNotFoundPageWorksAtAnyDepth() throws Exception {
    record Host(String prefix, String page) {}
    List<Host> hosts = List.of(
        new Host("/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/", "ipfs-404.html"),
        new Host("/", "404.html"),
        new Host("/mirror/news/", "404.html"));
    List<String> problems = new ArrayList<>();
    for (Host host : hosts) {
      try (StaticServer server = new StaticServer(site, host.prefix(), java.util.Optional.of(host.page()))) {
        String root = server.url("").toString();
        for (String missing : List.of("gone.html", "a/2024/ff/gone.html", "tags/00/some-tag/page/0/9.html")) {
          String at = host.prefix() + missing;
          Browser.PageVisit v = browser.open(server.url(missing));
          v.consoleErrors().stream().filter(m -> !m.contains("status of 404"))
              .forEach(m -> problems.add(at + ": console " + m));
          Object sheets = browser.script("return Array.from(document.styleSheets)"
              + ".filter(s => s.href && s.href.endsWith('/assets/site.css') && s.cssRules.length > 0).length");
          if (!Long.valueOf(1).equals(sheets)) {
            problems.add(at + ": stylesheet not loaded");
          }
          int internal = 0;
          for (String link : v.links()) {
            if (link.startsWith("http://") && !link.startsWith(root)) {
              problems.add(at + ": link outside the site " + link);
            } else if (link.startsWith(server.url(missing) + "#")) {
              continue; // the skip link, within the page
            } else if (link.startsWith(root)) {
              internal++;
              String rel = URI.create(link).getPath().substring(host.prefix().length());
              if (!Files.isRegularFile(site.resolve(rel))) {
                problems.add(at + ": broken link " + link);
              }
            }
          }
          if (internal < 5) {
            problems.add(at + ": only " + internal + " links into the site");
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}
