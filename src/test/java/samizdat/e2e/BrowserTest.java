package samizdat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;

/** The harness must catch what the site tests rely on it to catch; otherwise they could not fail. */
@ExtendWith(RequiresBrowser.class)
class BrowserTest {
  static Browser browser;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void reportsNetworkRequestsConsoleErrorsAndBrokenImages() throws Exception {
    Path page = dir.resolve("bad.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><title>x</title></head><body>"
        + "<img src='http://127.0.0.1:47999/pixel.gif'><img src='missing.png'>"
        + "<script>console.error('boom')</script><a href='other.html'>o</a></body></html>");
    Browser.PageVisit v = browser.open(page.toUri());
    assertTrue(v.networkRequests().contains("http://127.0.0.1:47999/pixel.gif"), v.toString());
    assertTrue(v.consoleErrors().stream().anyMatch(m -> m.contains("boom")), v.toString());
    assertEquals(2, v.brokenImages().size(), v.toString());
    assertTrue(v.links().contains(dir.resolve("other.html").toUri().toString()), v.toString());
  }

  @Test
  void cleanLocalPageReportsNothing() throws Exception {
    Path img = dir.resolve("dot.svg");
    Files.writeString(img, "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'><rect width='4' height='4'/></svg>");
    Path page = dir.resolve("good.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' "
        + "content=\"default-src 'none'; img-src 'self'\"><title>x</title></head><body><img src='dot.svg'></body></html>");
    Browser.PageVisit v = browser.open(page.toUri());
    assertTrue(v.networkRequests().isEmpty(), v.toString());
    assertTrue(v.consoleErrors().isEmpty(), v.toString());
    assertTrue(v.brokenImages().isEmpty(), v.toString());
    assertFalse(v.requests().isEmpty(), "the page's own file: load is recorded");
  }
}
