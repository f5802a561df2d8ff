package samizdat.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.cli.CliRun;
import samizdat.ingest.TestSocksProxy;

/**
 * {@code samizdat follow --proxy}: robots.txt, feeds and articles all go through a SOCKS5 server
 * on loopback, which alone knows the site's made-up host name; a proxy that goes down stops the
 * run with one line, and what it found is fetched by the next run.
 */
class FollowProxyTest {
  private static final String NAME = "news.example.invalid";

  @TempDir Path dir;

  @Test
  void everythingGoesThroughTheProxyWhichResolvesTheName() throws Exception {
    try (TestSite site = new TestSite(5); TestSocksProxy socks = new TestSocksProxy()) {
      site.host = NAME;
      socks.map(NAME, site.port());
      CliRun r = CliRun.run("follow", "--content", dir.resolve("content").toString(), "--delay",
          "0", "--quiet", "--proxy", "socks5h://127.0.0.1:" + socks.port(), site.url("/rss.xml"));
      assertEquals(0, r.exitCode(), r.err());
      assertTrue(r.out().contains("new 5, ingested 5, failed 0"), r.out());
      assertTrue(site.requests.containsAll(List.of("GET /robots.txt", "GET /rss.xml")),
          site.requests.toString());
      assertEquals(5, site.articleRequests());
      // Every connection asked the proxy for the name (address type 3), none for an address.
      Set<String> asked = socks.connects.stream().map(c -> c.addressType() + " " + c.host())
          .collect(Collectors.toSet());
      assertEquals(Set.of("3 " + NAME), asked);
    }
  }

  @Test
  void aProxyThatGoesDownStopsTheRunWithOneLineAndTheNextRunFinishes() throws Exception {
    Path content = dir.resolve("content");
    try (TestSite site = new TestSite(5); TestSocksProxy socks = new TestSocksProxy()) {
      site.host = NAME;
      // One connection: robots.txt and the feed are read over it, then the proxy is gone.
      socks.map(NAME, site.port()).acceptOnly(1);
      String proxy = "socks5h://127.0.0.1:" + socks.port();
      CliRun r = CliRun.run("follow", "--content", content.toString(), "--delay", "0", "--quiet",
          "--proxy", proxy, site.url("/rss.xml"));
      assertEquals(5, r.exitCode(), r.out() + r.err());
      assertEquals(List.of("samizdat: proxy " + proxy + " is not reachable: connection refused; "
          + "stopped (start the proxy, or give another with --proxy, and run again)"),
          r.err().lines().toList());
      assertEquals("", r.out());
      assertEquals(0, site.articleRequests());
      assertTrue(Files.readString(Follower.stateFile(content)).contains("\"pending\""));

      // A dead proxy from the start: the same one line, nothing asked of the site.
      int dead;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        dead = s.getLocalPort();
      }
      int before = site.requests.size();
      CliRun down = CliRun.run("follow", "--content", content.toString(), "--delay", "0",
          "--quiet", "--proxy", "socks5h://127.0.0.1:" + dead, site.url("/rss.xml"));
      assertEquals(5, down.exitCode(), down.err());
      assertEquals(1, down.err().lines().count(), down.err());
      assertTrue(down.err().startsWith("samizdat: proxy socks5h://127.0.0.1:" + dead
          + " is not reachable: connection refused"), down.err());
      assertEquals(before, site.requests.size());

      // The proxy back (on a new port): the queued articles are fetched, each once.
      try (TestSocksProxy again = new TestSocksProxy().map(NAME, site.port())) {
        CliRun next = CliRun.run("follow", "--content", content.toString(), "--delay", "0",
            "--quiet", "--proxy", "socks5h://127.0.0.1:" + again.port(), site.url("/rss.xml"));
        assertEquals(0, next.exitCode(), next.err());
        assertEquals(5, site.articleRequests());
        assertEquals(5, next.out().lines().filter(l -> l.startsWith("ingested ")).count(), next.out());
      }
    }
  }
}
