package samizdat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, never a browser a
 * tool downloads) that records, for each page it opens, every network request, console error and
 * image that did not load.
 *
 * <p>Launch flags follow what works on this workplace's machines: no sandbox (root), and no
 * background networking, so the only requests the browser makes are the page's own.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts a browser. Test classes that call this carry {@code @ExtendWith(RequiresBrowser.class)},
   * which skips them where Chromium is not installed; under CI a missing browser fails here.
   */
  public static Browser start() throws IOException {
    Optional<String> missing = RequiresBrowser.missing();
    if (missing.isPresent()) {
      throw new IllegalStateException(missing.get() + "; CI needs it (.ci/run installs it)");
    }
    // Selenium warns that it has no CDP bindings for this Chromium; we use none.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    Path profile = Files.createTempDirectory("samizdat-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1200,900",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL", LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Runs a script in the current page and returns its result. */
  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Opens {@code url}, waits for it to load, and reports what happened. */
  public PageVisit open(URI url) {
    drainLogs();
    driver.get(url.toString());
    return observe(url);
  }

  /** Reports on the page that is open now (after clicks or typing), and what it loaded since the last report. */
  @SuppressWarnings("unchecked")
  public PageVisit observe(URI url) {
    // Lazy images below the fold load only when scrolled to: make them eager and wait for each
    // to load or fail, so a broken image is reported wherever it sits on the page.
    List<String> broken = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const imgs = Array.from(document.images);"
            + "imgs.forEach(i => { i.loading = 'eager'; });"
            + "Promise.all(imgs.map(i => i.complete ? null : new Promise(r => {"
            + "  i.addEventListener('load', r); i.addEventListener('error', r); })))"
            + ".then(() => done(imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)));");
    List<String> requests = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode message = JSON.readTree(e.getMessage()).path("message");
        if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
          requests.add(message.path("params").path("request").path("url").asText());
        }
      } catch (IOException ex) {
        throw new UncheckedIOException("unreadable performance log entry: " + e.getMessage(), ex);
      }
    }
    List<String> console = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        console.add(e.getLevel() + " " + e.getMessage());
      }
    }
    List<String> links = (List<String>) script(
        "return Array.from(document.querySelectorAll('a[href], link[href], script[src], img[src]'))"
            + ".map(e => e.href || e.src);");
    return new PageVisit(url, requests, console, broken, links);
  }

  private void drainLogs() {
    driver.manage().logs().get(LogType.PERFORMANCE);
    driver.manage().logs().get(LogType.BROWSER);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * What one page did.
   *
   * @param requests every URL the page requested (including file: and data:)
   * @param consoleErrors console messages at warning level or above (CSP violations land here)
   * @param brokenImages images that did not load
   * @param links every href/src in the page, resolved to absolute URLs
   */
  public record PageVisit(URI url, List<String> requests, List<String> consoleErrors,
      List<String> brokenImages, List<String> links) {
    private static final Pattern BROWSER_OWN =
        Pattern.compile("(?:chrome|chrome-untrusted|chrome-extension|devtools):");

    /**
     * Requests that left the machine's files: anything but file: and data: URLs, and the
     * browser's own pages (chrome:, chrome-untrusted: and the like: its start page may still be
     * loading in the background when the first page opens, on a busy machine).
     */
    public List<String> networkRequests() {
      return requests.stream().filter(u -> !u.startsWith("file:") && !u.startsWith("data:")
          && !BROWSER_OWN.matcher(u).lookingAt()).toList();
    }
  }
}
