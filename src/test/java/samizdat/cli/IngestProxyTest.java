package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.ingest.TestHttpProxy;
import samizdat.ingest.TestSocksProxy;

/**
 * {@code samizdat ingest} through proxies: pages and their images go through the SOCKS5 server
 * or HTTP proxy started here on loopback, the only place where {@code news.example.invalid}
 * resolves; the environment's variables are honoured (in a child JVM, which can be given an
 * environment); a dead proxy stops the run with one line and exit code 5.
 */
class IngestProxyTest {
  private static final String NAME = "news.example.invalid";

  @TempDir Path dir;
  private HttpServer server;
  private TestSocksProxy socks;
  private final List<String> served = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    byte[] photo = png();
    byte[] page = ("<html><head><title>Proxy story</title>"
        + "<meta property=\"article:published_time\" content=\"2026-03-01T08:00:00Z\"></head><body>"
        + "<article><h1>Proxy story</h1><p>The first paragraph of a story read through a proxy: "
        + "reporters in the capital said that their sources had been questioned by the police "
        + "about articles published last year.</p><p><img src=\"/img/photo.png\" alt=\"photo\">"
        + "</p><p>The second paragraph, with more words in it than a caption has: farmers in the "
        + "northern provinces protested against the compensation offered by local officials, who "
        + "denied any wrongdoing and promised an inquiry into the events of the spring.</p>"
        + "</article>"
        + "</body></html>").getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      served.add(ex.getRequestURI().getPath());
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/story")) {
        send(ex, "text/html; charset=utf-8", page);
      } else if (path.equals("/img/photo.png")) {
        send(ex, "image/png", photo);
      } else {
        ex.sendResponseHeaders(404, -1);
        ex.close();
      }
    });
    server.start();
    socks = new TestSocksProxy().map(NAME, server.getAddress().getPort());
  }

  @AfterEach
  void stop() throws IOException {
    server.stop(0);
    socks.close();
  }

  private String content() {
    return dir.resolve("content").toString();
  }

  @Test
  void thePageAndItsImagesGoThroughSocks5hByName() throws Exception {
    CliRun r = CliRun.run("ingest", "--content", content(), "--delay", "0", "--quiet",
        "--proxy", "socks5h://127.0.0.1:" + socks.port(), "http://" + NAME + "/story-1.html");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("ingested "), r.out());
    assertEquals(List.of("/story-1.html", "/img/photo.png"), served);
    assertTrue(socks.connects.stream().allMatch(c -> c.addressType() == 3 && c.host().equals(NAME)),
        socks.connects.toString());
    try (Stream<Path> media = Files.list(Path.of(content(), "media"))) {
      assertEquals(1, media.filter(p -> p.toString().endsWith(".png")).count());
    }
  }

  @Test
  void anHttpProxyWorksToo() throws Exception {
    try (TestHttpProxy http = new TestHttpProxy().map(NAME, server.getAddress().getPort())) {
      CliRun r = CliRun.run("ingest", "--content", content(), "--delay", "0", "--quiet",
          "--proxy", "http://127.0.0.1:" + http.port(), "http://" + NAME + "/story-1.html");
      assertEquals(0, r.exitCode(), r.err());
      assertEquals(List.of("GET http://" + NAME + "/story-1.html HTTP/1.1",
          "GET http://" + NAME + "/img/photo.png HTTP/1.1"), http.requests);
    }
  }

  @Test
  void aDeadProxyStopsTheRunWithOneLine() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = s.getLocalPort();
    }
    CliRun r = CliRun.run("ingest", "--content", content(), "--delay", "0", "--quiet",
        "--proxy", "socks5h://127.0.0.1:" + dead, "http://" + NAME + "/story-1.html",
        "http://" + NAME + "/story-2.html", "http://" + NAME + "/story-3.html");
    assertEquals(ExitCodes.STOPPED, r.exitCode(), r.err());
    assertEquals(List.of("samizdat: proxy socks5h://127.0.0.1:" + dead + " is not reachable: "
        + "connection refused; stopped (start the proxy, or give another with --proxy, and run "
        + "again)"), r.err().lines().toList());
    assertEquals("ingested 0, updated 0, unchanged 0, duplicates 0, failed 0; stopped, not done 3\n",
        r.out());
  }

  @Test
  void aWrongProxyUrlIsAUsageError() {
    CliRun r = CliRun.run("ingest", "--content", content(), "--proxy", "socks4://127.0.0.1:1",
        "http://" + NAME + "/story-1.html");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("samizdat: --proxy: proxies of type socks4:// are not supported"),
        r.err());
  }

  @Test
  void theEnvironmentsProxyIsUsedUnlessNoProxyNamesTheHost() throws Exception {
    Run viaEnv = samizdat(Map.of("ALL_PROXY", "socks5h://127.0.0.1:" + socks.port()),
        "ingest", "--content", content(), "--delay", "0", "--quiet", "http://" + NAME + "/story-1.html");
    assertEquals(0, viaEnv.exit(), viaEnv.err());
    assertTrue(viaEnv.out().startsWith("ingested "), viaEnv.out());
    int asked = socks.connects.size();
    assertTrue(asked > 0);
    assertTrue(socks.connects.stream().allMatch(c -> c.addressType() == 3 && c.host().equals(NAME)));

    Run bypassed = samizdat(Map.of("https_proxy", "socks5h://127.0.0.1:" + socks.port(),
        "all_proxy", "socks5h://127.0.0.1:" + socks.port(), "NO_PROXY", ".example.invalid"),
        "ingest", "--content", content(), "--delay", "0", "--retries", "0", "--quiet",
        "http://" + NAME + "/story-2.html");
    // Direct, the made-up name resolves nowhere: it fails, and the proxy was not asked.
    assertEquals(1, bypassed.exit(), bypassed.err());
    assertTrue(bypassed.err().contains(NAME), bypassed.err());
    assertEquals(asked, socks.connects.size());
  }

  private record Run(int exit, String out, String err) {}

  /** samizdat in a child JVM with these proxy variables (and no others) in its environment. */
  private Run samizdat(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
    pb.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("samizdat did not finish in 60 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] png() throws IOException {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 4, 0x336699);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
