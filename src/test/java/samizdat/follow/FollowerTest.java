package samizdat.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.content.ContentStore;
import samizdat.ingest.FetchSettings;
import samizdat.ingest.Ingester;
import samizdat.io.Progress;

/** follow against a generated site on loopback: what is fetched, once, and what is remembered. */
class FollowerTest {
  private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

  @TempDir Path dir;

  /** Outcomes and source failures of one run. */
  private static final class Log implements Follower.Listener {
    final List<Ingester.Outcome> articles = new ArrayList<>();
    final List<String> sourceFailures = new ArrayList<>();

    @Override
    public synchronized void article(Ingester.Outcome outcome) {
      articles.add(outcome);
    }

    @Override
    public synchronized void sourceFailed(String url, String message) {
      sourceFailures.add(url + ": " + message);
    }
  }

  private static FetchSettings fetch() {
    return FetchSettings.defaults("test").withHostDelay(Duration.ZERO)
        .withRetries(1).withBackoff(Duration.ZERO, Duration.ZERO)
        .withReadTimeout(Duration.ofSeconds(10));
  }

  private Follower.Summary run(Clock clock, Log log, FollowSource... sources) throws Exception {
    return run(fetch(), clock, log, sources);
  }

  private Follower.Summary run(FetchSettings fetch, Clock clock, Log log, FollowSource... sources)
      throws Exception {
    Follower.Options options = new Follower.Options(fetch, 2, false, NOW, clock, Duration.ofMinutes(1));
    return new Follower(new ContentStore(dir), options).run(List.of(sources), log, Progress.NONE);
  }

  private static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  private long articleFiles() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("articles"))) {
      return s.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  private static FollowSource source(TestSite site, String path) {
    return new FollowSource(site.url(path), 5, Optional.empty());
  }

  @Test
  void firstRunStoresEverythingSecondOnlyTheNewThirdNothing() throws Exception {
    try (TestSite site = new TestSite(12)) {
      FollowSource[] all = {source(site, "/rss.xml"), source(site, "/atom.xml"),
          source(site, "/feed.json"), source(site, "/sitemap_index.xml"), source(site, "/section/")};

      Log first = new Log();
      Follower.Summary s1 = run(at(NOW), first, all);
      assertEquals(List.of(), first.sourceFailures);
      assertEquals(12, s1.ingested(), s1.line());
      assertEquals(0, s1.failed(), first.articles.toString());
      assertEquals(12, articleFiles());
      // Each article fetched once although up to five sources list it.
      assertEquals(12, site.articleRequests(), site.requests.toString());
      assertEquals(1, s1.robots(), s1.line());
      assertFalse(site.requests.stream().anyMatch(r -> r.contains("/private/")), "disallowed path requested");
      assertEquals(1, site.requests.stream().filter(r -> r.equals("GET /robots.txt")).count());
      // The listing: 12 articles at 4 a page is 3 pages; page 3 has no next link.
      assertTrue(site.requests.contains("GET /section/page/3"));
      assertFalse(site.requests.contains("GET /section/page/4"));

      site.articles = 15;
      site.requests.clear();
      Log second = new Log();
      Follower.Summary s2 = run(at(NOW.plusSeconds(3600)), second, all);
      assertEquals(3, s2.ingested(), s2.line());
      assertEquals(3, site.articleRequests(), site.requests.toString());
      for (int n = 13; n <= 15; n++) {
        assertTrue(site.requests.contains("GET " + TestSite.articlePath(n)));
      }
      assertEquals(15, articleFiles());

      site.requests.clear();
      Log third = new Log();
      Follower.Summary s3 = run(at(NOW.plusSeconds(7200)), third, all);
      assertEquals(0, s3.ingested(), s3.line());
      assertEquals(0, site.articleRequests(), site.requests.toString());
      assertEquals(List.of(), third.articles);
      // Feeds and the sitemap index unchanged: 304 (conditional requests), the index's children
      // still read, since they may change while the index does not.
      assertTrue(s3.sourcesUnchanged() >= 4, s3.line());
      assertTrue(site.requests.contains("GET /sitemap-articles.xml.gz"), site.requests.toString());
      assertEquals(15, articleFiles());
      String state = Files.readString(Follower.stateFile(dir));
      assertTrue(state.contains("\"etag\""), state);
    }
  }

  @Test
  void aFailedArticleIsRetriedLaterWithAGrowingWaitAndItsLastErrorKept() throws Exception {
    try (TestSite site = new TestSite(6)) {
      String broken = TestSite.articlePath(4);
      site.failing.put(broken, 500);
      Log first = new Log();
      Follower.Summary s1 = run(at(NOW), first, source(site, "/rss.xml"));
      assertEquals(5, s1.ingested(), s1.line());
      assertEquals(1, s1.failed(), s1.line());
      // retries 1: two requests of the broken page.
      assertEquals(2, site.requests.stream().filter(r -> r.equals("GET " + broken)).count());
      String state = Files.readString(Follower.stateFile(dir));
      assertTrue(state.contains("HTTP 500"), state);

      // Ten minutes later the wait (an hour) is not over: not asked for.
      site.requests.clear();
      Follower.Summary s2 = run(at(NOW.plusSeconds(600)), new Log(), source(site, "/rss.xml"));
      assertEquals(0, site.articleRequests(), site.requests.toString());
      assertEquals(1, s2.waiting(), s2.line());

      // Still failing after the hour: tried again, and the next wait is longer (two hours).
      Instant later = NOW.plus(Duration.ofMinutes(61));
      run(at(later), new Log(), source(site, "/rss.xml"));
      assertEquals(2, site.requests.stream().filter(r -> r.equals("GET " + broken)).count());
      state = Files.readString(Follower.stateFile(dir));
      assertTrue(state.contains("\"nextTry\" : \"" + later.plus(Duration.ofHours(2)) + "\""), state);

      // Fixed: the retry comes even when no source lists it any more.
      site.failing.clear();
      site.requests.clear();
      Follower.Summary s4 = run(at(later.plus(Duration.ofHours(3))), new Log(), source(site, "/atom.xml"));
      assertEquals(1, s4.ingested(), s4.line());
      assertTrue(site.requests.contains("GET " + broken));
      assertEquals(6, articleFiles());
      assertFalse(Files.readString(Follower.stateFile(dir)).contains("HTTP 500"));
    }
  }

  @Test
  void aLinkThatRedirectsToAStoredArticleIsNotStoredTwice() throws Exception {
    try (TestSite site = new TestSite(3)) {
      run(at(NOW), new Log(), source(site, "/rss.xml"));
      assertEquals(3, articleFiles());
      site.extraRssLinks.add(site.url("/news/moved.html"));
      // Another URL of article 1 whose page names the stored URL as canonical.
      site.extraRssLinks.add(site.url("/news/amp/story-1.html"));
      site.requests.clear();
      Log log = new Log();
      Follower.Summary s = run(at(NOW.plusSeconds(60)), log, source(site, "/rss.xml"));
      assertEquals(0, s.ingested(), s.line() + " " + log.articles);
      assertEquals(2, s.alreadyStored() - 3, s.line());
      assertEquals(3, articleFiles());
      assertTrue(site.requests.contains("GET /news/moved.html"), site.requests.toString());
      assertTrue(site.requests.contains("GET /news/amp/story-1.html"), site.requests.toString());
      // Remembered under the URL it was found by: not asked for again.
      site.extraRssLinks.add(site.url("/news/2026/11/01/other-page-without-a-server-side.html"));
      site.requests.clear();
      run(at(NOW.plusSeconds(120)), new Log(), source(site, "/rss.xml"));
      assertFalse(site.requests.contains("GET /news/moved.html"), site.requests.toString());
      assertFalse(site.requests.contains("GET /news/amp/story-1.html"), site.requests.toString());
    }
  }

  @Test
  void a429AndA503WithRetryAfterAreRetriedInTheSameRunAnOversizedFeedIsOneError() throws Exception {
    try (TestSite site = new TestSite(2)) {
      site.extraRssLinks.add(site.url("/news/flaky.html"));
      site.extraRssLinks.add(site.url("/news/busy.html"));
      Log log = new Log();
      Follower.Summary s = run(fetch().withMaxPageBytes(1 << 20), at(NOW), log,
          source(site, "/huge.xml"), source(site, "/rss.xml"));
      assertEquals(4, s.ingested(), s.line() + " " + log.articles);
      assertEquals(2, site.flaky.get());
      assertEquals(2, site.busy.get());
      assertEquals(1, s.sourcesFailed(), s.line());
      assertEquals(1, log.sourceFailures.size(), log.sourceFailures.toString());
      assertTrue(log.sourceFailures.get(0).startsWith(site.url("/huge.xml") + ": "), log.sourceFailures.toString());
      assertTrue(log.sourceFailures.get(0).contains("1 MB"), log.sourceFailures.toString());
    }
  }

  @Test
  void oneRunAtATimePerContentFolder() throws Exception {
    Path lockFile = dir.resolve("follow").resolve("lock");
    StateLock held = StateLock.tryLock(lockFile).orElseThrow();
    try {
      Follower.FollowException e = assertThrows(Follower.FollowException.class,
          () -> run(at(NOW), new Log(), new FollowSource("http://127.0.0.1:9/rss.xml", 1, Optional.empty())));
      assertTrue(e.getMessage().contains("another samizdat follow is running"), e.getMessage());
    } finally {
      held.close();
    }
    // Released: the next run gets it.
    StateLock.tryLock(lockFile).orElseThrow().close();
  }
}
