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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages of sites no profile describes, through the whole ingest command. */
class GenericIngestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path content() {
    return tmp.resolve("content");
  }

  private CliRun ingest(String... args) {
    List<String> all = new ArrayList<>(List.of("ingest", "--quiet", "--content", content().toString()));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  private List<String> ids() throws IOException {
    try (Stream<Path> s = Files.list(content().resolve("articles"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    }
  }

  private JsonNode meta(String id) throws IOException {
    return JSON.readTree(content().resolve("articles/" + id + ".json").toFile());
  }

  private String body(String id) throws IOException {
    return Files.readString(content().resolve("articles/" + id + ".md"));
  }

  private static final String PARAGRAPHS = """
      <p>The city council voted on Tuesday to close the old river bridge to cars after engineers
      found cracks in two of its supporting piers, a decision that will reroute about 14,000
      vehicles a day through the already crowded centre.</p>
      <p>"We cannot wait for a collision or a collapse to act," said Maria Lopez, who chairs the
      transport committee. She said the bridge would stay open to pedestrians and cyclists while
      repairs are planned, and that buses would be given priority on the detour.</p>
      <h2>A bridge older than the city's charter</h2>
      <p>Built in 1887, the bridge has been repaired at least five times. An inspection report
      published last month rated its condition as poor, the lowest grade short of immediate
      closure, and recommended limiting loads to 3.5 tonnes.</p>
      <ul><li>Cars: closed from Monday</li><li>Buses: detour via Mill Street</li></ul>
      <p>Local businesses on the north bank said they feared losing customers. "Half of our
      trade comes across that bridge," said the owner of a bakery near the crossing.</p>
      """;

  private static String englishPage(String base) {
    return """
        <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
        <title>Council shuts river bridge to cars - The Riverside Post</title>
        <link rel="canonical" href="%1$s/news/2024/03/07/bridge-closed">
        <link rel="alternate" hreflang="es" href="%1$s/es/noticias/2024/03/07/puente-cerrado">
        <meta property="og:type" content="article">
        <meta property="og:site_name" content="The Riverside Post">
        <meta property="og:image" content="%1$s/img/lead.png">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"The Riverside Post"},
          {"@type":"NewsArticle","headline":"Council shuts river bridge to cars",
           "datePublished":"2024-03-07T09:30:00+00:00","author":[{"@type":"Person","name":"Jane Doe"}],
           "keywords":["Transport","Council"],"image":"%1$s/img/lead.png"}]}</script>
        </head><body>
        <header><a href="/">The Riverside Post</a><nav><a href="/news">News</a> <a href="/sport">Sport</a>
        <a href="/weather">Weather</a></nav></header>
        <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
        <main><article>
        <h1>Council shuts river bridge to cars</h1>
        <div class="byline">By Jane Doe, 7 March 2024</div>
        <div class="share-bar"><a href="https://facebook.example/share">Share on Facebook</a>
        <a href="https://twitter.example/share">Share on Twitter</a></div>
        <div class="article-body">%2$s</div>
        <div class="newsletter">Sign up for our morning newsletter and get the news first</div>
        </article>
        <aside class="most-read"><h3>Most read</h3><ul>
        <li><a href="/news/a">Mayor opens new library in the old post office</a></li>
        <li><a href="/news/b">Football club signs striker from rivals</a></li>
        <li><a href="/news/c">Rain expected all weekend across the valley</a></li></ul></aside>
        </main>
        <footer><p>© 2024 The Riverside Post. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
        </body></html>
        """.formatted(base, PARAGRAPHS);
  }

  @Test
  void anEnglishNewsPageOfAnUnknownSiteIsReadGenerically() throws Exception {
    byte[] lead = png(40, 30);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/news/2024/03/07/bridge-closed", ex -> send(ex, "text/html; charset=utf-8",
        englishPage(base).getBytes(StandardCharsets.UTF_8)));
    server.createContext("/img/lead.png", ex -> send(ex, "image/png", lead));
    server.start();
    try {
      CliRun r = ingest("--delay", "0", "--retries", "0", base + "/news/2024/03/07/bridge-closed");
      assertEquals(0, r.exitCode(), r.err());
    } finally {
      server.stop(0);
    }
    String id = ids().get(0);
    JsonNode m = meta(id);
    assertEquals("generic", m.get("profile").asText());
    assertEquals("Council shuts river bridge to cars", m.get("title").asText());
    assertEquals("2024-03-07", m.get("published").asText());
    assertEquals("en-GB", m.get("language").asText());
    assertEquals("Jane Doe", m.get("authors").get(0).asText());
    assertEquals("[\"Transport\",\"Council\"]", m.get("tags").toString());
    assertEquals(base + "/es/noticias/2024/03/07/puente-cerrado", m.get("translations").get(0).get("url").asText());
    assertEquals("es", m.get("translations").get(0).get("language").asText());
    String file = m.get("image").get("file").asText();
    assertArrayEquals(lead, Files.readAllBytes(content().resolve("media/" + file)));

    String md = body(id);
    for (String kept : List.of("The city council voted on Tuesday", "Maria Lopez",
        "## A bridge older than the city's charter", "- Cars: closed from Monday",
        "Half of our trade comes across that bridge")) {
      assertTrue(md.contains(kept), kept + " in\n" + md);
    }
    for (String junk : List.of("Sport", "cookies", "Share on", "newsletter", "Most read",
        "Mayor opens", "All rights reserved", "Privacy", "By Jane Doe")) {
      assertFalse(md.contains(junk), junk + " in\n" + md);
    }
    assertFalse(md.contains("\n\n\n"), md);
  }

  @Test
  void aChinesePageInUndeclaredGbkThatClaimsToBeEnglishIsStoredAsChinese() throws Exception {
    String html = """
        <html lang="en"><head><title>北京发布暴雨红色预警 全市停课_新闻中心</title></head><body>
        <div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/sports">体育</a></div>
        <div class="main"><h1>北京发布暴雨红色预警 全市停课</h1>
        <div class="info">2024-07-30 08:15 来源：新闻中心</div>
        <div id="content">
        <p>本报讯 北京市气象台今天早晨发布暴雨红色预警信号，预计今天白天到夜间，全市大部分地区将出现大暴雨，局地特大暴雨，累计降雨量可达二百毫米以上。</p>
        <p>市教委随即通知，全市中小学和幼儿园今天停课一天，已经到校的学生由学校妥善安排看护，待雨势减弱后由家长接回。</p>
        <p>市防汛指挥部要求，各区加强对山区、河道和地下空间的巡查，及时转移危险区域群众，地铁和公交部分线路可能临时调整运营。</p>
        <p>气象专家提醒，强降雨可能引发山洪、泥石流和城市内涝，市民应尽量减少外出，不要在桥下、涵洞等低洼处停留。</p>
        </div>
        <div class="share">分享到：微博 微信 QQ空间</div>
        <div class="editor">责任编辑：张三</div>
        </div>
        <div class="footer">关于我们 | 联系我们 | 广告服务 版权所有</div></body></html>
        """;
    Path page = tmp.resolve("saved/rain.html");
    Files.createDirectories(page.getParent());
    Files.write(page, html.getBytes(Charset.forName("GBK")));
    CliRun r = ingest(page.toString());
    assertEquals(0, r.exitCode(), r.err());
    String id = ids().get(0);
    JsonNode m = meta(id);
    assertEquals("generic", m.get("profile").asText());
    assertEquals("zh-Hans", m.get("language").asText());
    assertEquals("北京发布暴雨红色预警 全市停课", m.get("title").asText());
    assertEquals("2024-07-30", m.get("published").asText());
    String md = body(id);
    assertTrue(md.startsWith("本报讯 北京市气象台今天早晨发布暴雨红色预警信号"), md);
    assertTrue(md.contains("不要在桥下、涵洞等低洼处停留。"), md);
    for (String junk : List.of("首页", "分享到", "版权所有", "关于我们")) {
      assertFalse(md.contains(junk), junk + " in\n" + md);
    }
  }

  /** A portal of the 2000s: GB2312 undeclared, tables, the headline in bold, lines split by br. */
  @Test
  void anOldTableLayoutPortalPageGetsItsHeadlineDatelineAndBody() throws Exception {
    String p1 = "市政府周二表决通过延长图书馆开放时间的决定，此前学生、家长和教师为此奔走多时，"
        + "他们表示这座建筑是全区唯一可以安静学习的地方。";
    String p2 = "据了解，新的开放时间将从下月起实行，周末也将开放至晚上十点，图书馆还将增加自习座位三百个。";
    StringBuilder side = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      side.append("<tr><td><a href=/n/").append(i).append(".htm>本市交通新闻第").append(i)
          .append("条</a> 2005-02-0").append(i % 9 + 1).append("</td></tr>");
    }
    String html = "<html><head><title>本市延长图书馆开放时间_新闻中心_某某网</title></head><body>"
        + "<table width=760><tr><td colspan=2>今天是2005年3月9日 <a href=/>首页</a> | <a href=/news>新闻</a></td></tr>"
        + "<tr><td width=560><table><tr><td align=center><font size=4><b>本市延长图书馆开放时间</b></font></td></tr>"
        + "<tr><td align=center>2005年3月8日 10:21 来源：某某日报 作者：李在山</td></tr>"
        + "<tr><td class=content>　　" + p1 + "<br><br>　　" + p2 + "<br><br>　　" + p1.replace("市政府", "区政府")
        + "<br><br>（编辑：王丽）</td></tr></table></td><td width=200><table>" + side + "</table></td></tr>"
        + "<tr><td colspan=2>关于我们 | 联系我们 | 版权所有 某某网</td></tr></table></body></html>";
    Path page = tmp.resolve("saved/old-portal.html");
    Files.createDirectories(page.getParent());
    Files.write(page, html.getBytes(Charset.forName("GB2312")));
    CliRun r = ingest(page.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode m = meta(ids().get(0));
    assertEquals("本市延长图书馆开放时间", m.get("title").asText());
    assertEquals("2005-03-08", m.get("published").asText());
    assertEquals("[\"李在山\"]", m.get("authors").toString());
    assertEquals("zh-Hans", m.get("language").asText());
    String md = body(ids().get(0));
    assertTrue(md.contains(p2), md);
    assertTrue(md.strip().endsWith("学习的地方。"), md);
    for (String junk : List.of("王丽", "本市交通新闻", "首页", "版权所有")) {
      assertFalse(md.contains(junk), junk + " in\n" + md);
    }
  }

  @Test
  void aListingPageIsRefusedWithOneLineAndNothingIsStored() throws Exception {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      items.append("<li><a href=\"/news/2024/03/").append(10 + i % 18).append("/story-").append(i)
          .append("\">Headline number ").append(i).append(" about the council and the city budget</a>"
          + " <span>2 hours ago</span></li>");
    }
    Path page = tmp.resolve("saved/news-index.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, "<html lang=en><head><title>News - The Riverside Post</title></head><body>"
        + "<nav><a href=/>Home</a></nav><main><h1>News</h1><ul class=stories>" + items
        + "</ul></main></body></html>");
    CliRun r = ingest(page.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().strip().startsWith("samizdat: " + page + ": not an article: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(content().resolve("articles")) && !ids().isEmpty());
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
    img.setRGB(1, 1, 0x336699);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
