package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyChoiceTest {
  private static Optional<String> via(ProxyChoice c, String url) {
    return c.forUri(URI.create(url)).map(ProxyUrl::display);
  }

  @Test
  void proxyUrlsAreReadAsCurlReadsThem() {
    assertEquals("socks5h://127.0.0.1:9050", ProxyUrl.parse("socks5h://127.0.0.1:9050").display());
    assertEquals("http://proxy.lan:1080", ProxyUrl.parse("proxy.lan").display());
    assertEquals("http://127.0.0.1:7890", ProxyUrl.parse("http://127.0.0.1:7890/").display());
    assertEquals("socks5://[::1]:1080", ProxyUrl.parse("SOCKS5://[::1]:1080").display());
    ProxyUrl login = ProxyUrl.parse("http://me:p%40ss@proxy:3128");
    assertEquals(Optional.of("p@ss"), login.password());
    assertFalse(login.toString().contains("p@ss"), "no password in messages: " + login);
  }

  @Test
  void wrongProxyUrlsSayWhatIsWrong() {
    assertEquals("proxies of type https:// are not supported (give http://, socks5:// or "
        + "socks5h://): https://proxy:443",
        assertThrows(IllegalArgumentException.class, () -> ProxyUrl.parse("https://proxy:443")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ProxyUrl.parse("socks5://me:pw@proxy:1080")).getMessage()
        .startsWith("a user name and password are supported for http:// proxies only"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ProxyUrl.parse("http://proxy:8080/path")).getMessage().contains("without a path"));
    assertEquals("ALL_PROXY: proxies of type socks4:// are not supported (give http://, socks5:// "
        + "or socks5h://): socks4://x:1",
        assertThrows(IllegalArgumentException.class,
            () -> ProxyChoice.of(Optional.empty(), Map.of("ALL_PROXY", "socks4://x:1"))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ProxyChoice.of(Optional.of("ftp://x"), Map.of())).getMessage().startsWith("--proxy: "));
  }

  @Test
  void theEnvironmentGivesAProxyPerSchemeAndTheOptionWins() {
    Map<String, String> env = Map.of("https_proxy", "http://127.0.0.1:7890",
        "HTTPS_PROXY", "http://ignored:1", "all_proxy", "socks5h://127.0.0.1:1080",
        "HTTP_PROXY", "http://not-read:1");
    ProxyChoice c = ProxyChoice.of(Optional.empty(), env);
    assertEquals(Optional.of("http://127.0.0.1:7890"), via(c, "https://example.org/a"));
    // http_proxy is not set; HTTP_PROXY in capitals is not read (curl does not either).
    assertEquals(Optional.of("socks5h://127.0.0.1:1080"), via(c, "http://example.org/a"));
    assertEquals(Optional.of("http://ignored:1"),
        via(ProxyChoice.of(Optional.empty(), Map.of("HTTPS_PROXY", "http://ignored:1")), "https://a.org/"));
    ProxyChoice option = ProxyChoice.of(Optional.of("socks5h://127.0.0.1:9050"), env);
    assertEquals(Optional.of("socks5h://127.0.0.1:9050"), via(option, "http://example.org/"));
    assertEquals(Optional.of("socks5h://127.0.0.1:9050"), via(option, "https://example.org/"));
    assertEquals(Optional.empty(), via(ProxyChoice.of(Optional.empty(), Map.of("ALL_PROXY", " ")),
        "https://example.org/"));
  }

  @Test
  void noProxyNamesHostsSuffixesAddressesAndRanges() {
    ProxyChoice c = ProxyChoice.of(Optional.of("socks5h://127.0.0.1:1080"),
        Map.of("NO_PROXY", "intranet.lan .corp.example,example.net:8080 10.0.0.0/8 [fd00::1] 192.168.1.5"));
    assertEquals(Optional.empty(), via(c, "http://intranet.lan/"));
    assertEquals(Optional.empty(), via(c, "http://wiki.intranet.lan/"));
    assertEquals(Optional.empty(), via(c, "http://corp.example/"));
    assertEquals(Optional.empty(), via(c, "https://mail.corp.example/"));
    assertEquals(Optional.empty(), via(c, "https://example.net/"));
    assertEquals(Optional.empty(), via(c, "http://10.1.2.3/"));
    assertEquals(Optional.empty(), via(c, "http://[fd00::1]/"));
    assertEquals(Optional.empty(), via(c, "http://192.168.1.5/"));
    assertTrue(via(c, "http://notintranet.lan/").isPresent());
    assertTrue(via(c, "http://corp.example.org/").isPresent());
    assertTrue(via(c, "http://11.1.2.3/").isPresent());
    assertTrue(via(c, "http://192.168.1.6/").isPresent());
    // Loopback goes through a proxy given with --proxy, not through one from the environment.
    assertTrue(via(c, "http://localhost:8000/").isPresent());
    ProxyChoice env = ProxyChoice.of(Optional.empty(), Map.of("all_proxy", "socks5h://127.0.0.1:1080"));
    assertEquals(Optional.empty(), via(env, "http://localhost:8000/"));
    assertEquals(Optional.empty(), via(env, "http://127.0.0.2/"));
    assertEquals(Optional.empty(), via(env, "http://[::1]:8000/"));
    assertTrue(via(env, "http://localhost.example.org/").isPresent());
    assertEquals(Optional.empty(), via(ProxyChoice.of(Optional.of("http://p:1"),
        Map.of("no_proxy", "*")), "https://example.org/"));
  }
}
