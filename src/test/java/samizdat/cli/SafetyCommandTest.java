package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.io.AtomicFiles;
import samizdat.io.FolderLock;
import samizdat.site.BuildOptions;
import samizdat.site.TestContent;

/**
 * Runs at once, wrong folders and litter, through the command line (docs/safety.md): two ingests
 * into one content folder, locks held by a live and by a killed process, a build or mirror of the
 * wrong thing, and what killed runs leave behind.
 */
class SafetyCommandTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String sora() throws IOException {
    try (InputStream in = SafetyCommandTest.class.getResourceAsStream("/fixtures/bannedbook-sora.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code n} articles, version {@code v}: the same ids in every version, different text. */
  private Path pages(String name, int n, int v) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve(name));
    String sora = sora();
    for (int k = 0; k < n; k++) {
      String page = "<link rel=\"canonical\" href=\"https://www.bannedbook.org/bnews/itnews/20240307/"
          + (2009000 + k) + ".html\">" + sora.replace("<h2>中国大厂集体“屏蔽”Sora</h2>",
          "<h2>第" + k + "篇 中国大厂集体“屏蔽”Sora</h2>").replace("<p>在AI的长河里，", "<p>第" + v + "版：在AI的长河里，");
      Files.writeString(folder.resolve(String.format("p%03d.html", k)), page, StandardCharsets.UTF_8);
    }
    return folder;
  }

  private Process child(String log, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "samizdat.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve(log).toFile()).start();
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /**
   * Page {@code k} of version {@code v}, as a news site serves it: the same URL (so the same id)
   * in every version, different text. No images: nothing may be fetched but from this test.
   */
  private static String page(String sora, int k, int v) {
    String more = ("<p>第" + v + "版：" + "中国大厂集体“屏蔽”Sora，消息人士称，这是第" + k + "篇报道的补充段落。</p>").repeat(40);
    return "<link rel=\"canonical\" href=\"https://www.bannedbook.org/bnews/itnews/20240307/"
        + (2009000 + k) + ".html\">" + sora.replaceAll("<img[^>]*>", "")
        .replace("<h2>中国大厂集体“屏蔽”Sora</h2>", "<h2>第" + k + "篇 中国大厂集体“屏蔽”Sora</h2>")
        .replace("<p>在AI的长河里，", more + "<p>第" + v + "版：在AI的长河里，");
  }

  /**
   * Two ingests at once into one content folder, one with a newer version of the same pages:
   * what issue 14 found (articles left with body, raw page and {@code rawSha256} of different
   * versions). The pages come from a local server that hands page {@code k} to the two runs in
   * lockstep (each request waits for the other run's request for the same page), so that without
   * the lock the two runs write the same article at the same moment: with the lock disabled this
   * test saw mixed articles in every run. With the lock, the second run waits; the server gives up
   * lockstep after the first wait of 3 s.
   */
  @Test
  void twoIngestsAtOnceLeaveEveryArticleOfOneVersion() throws Exception {
    int n = 100;
    String sora = sora();
    java.util.concurrent.ConcurrentHashMap<Integer, CountDownLatch> both = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicBoolean lockstep = new java.util.concurrent.atomic.AtomicBoolean(true);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("/v(\\d)/p(\\d+)\\.html")
          .matcher(exchange.getRequestURI().getPath());
      if (!m.matches()) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      int k = Integer.parseInt(m.group(2));
      CountDownLatch latch = both.computeIfAbsent(k, x -> new CountDownLatch(2));
      latch.countDown();
      try {
        if (lockstep.get() && !latch.await(3, TimeUnit.SECONDS)) {
          lockstep.set(false); // the other run is not running: it waits for the lock
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = page(sora, k, Integer.parseInt(m.group(1))).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path content = tmp.resolve("content");
      Process[] runs = new Process[2];
      for (int v = 1; v <= 2; v++) {
        StringBuilder list = new StringBuilder();
        for (int k = 0; k < n; k++) {
          list.append(base).append("/v").append(v).append("/p").append(k).append(".html\n");
        }
        Path file = Files.writeString(tmp.resolve("v" + v + ".txt"), list);
        runs[v - 1] = child("v" + v + ".log", "ingest", "-q", "--jobs", "1", "--delay", "0",
            "--lock-wait", "300", "--content", content.toString(), "--list", file.toString());
      }
      for (int v = 1; v <= 2; v++) {
        assertTrue(runs[v - 1].waitFor(300, TimeUnit.SECONDS), "run " + v + " finished");
        assertEquals(0, runs[v - 1].exitValue(), Files.readString(tmp.resolve("v" + v + ".log")));
      }
      assertConsistent(content, n);
    } finally {
      server.stop(0);
    }
    CliRun again = CliRun.run("reingest", "-q", "--content", tmp.resolve("content").toString());
    assertEquals("reingested " + n + ": updated 0, unchanged " + n + ", failed 0", again.out().strip(),
        "every body is what its raw page gives");
  }

  /** Every article's raw page, body and metadata are of one version. */
  private static void assertConsistent(Path content, int n) throws Exception {
    List<Path> metas;
    try (Stream<Path> s = Files.list(content.resolve("articles"))) {
      metas = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertEquals(n, metas.size());
    List<String> mixed = new java.util.ArrayList<>();
    for (Path meta : metas) {
      String id = meta.getFileName().toString().replace(".json", "");
      byte[] raw;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(content.resolve("raw/" + id + ".html.gz")))) {
        raw = in.readAllBytes();
      }
      String version = new String(raw, StandardCharsets.UTF_8).contains("第1版：") ? "第1版：" : "第2版：";
      if (!JSON.readTree(meta.toFile()).get("rawSha256").asText().equals(sha256(raw))
          || !Files.readString(content.resolve("articles/" + id + ".md")).contains(version)) {
        mixed.add(id);
      }
    }
    assertEquals(List.of(), mixed, "articles whose raw page, body and rawSha256 are of different versions");
  }

  @Test
  void aSecondRunWaitsForTheLockThenNamesItsHolder() throws Exception {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 5, 1);
    Path page = pages("pages", 1, 1);
    try (FolderLock held = FolderLock.acquire(content.resolve(FolderLock.FILE_NAME), "content", FolderLock.Mode.EXCLUSIVE,
        "samizdat ingest (test)", Duration.ZERO)) {
      assertTrue(held.held());
      long start = System.nanoTime();
      CliRun r = CliRun.run("ingest", "-q", "--lock-wait", "0.5", "--content", content.toString(), page.toString());
      assertTrue(System.nanoTime() - start >= 400_000_000L, "it waited");
      assertEquals(ExitCodes.BUSY, r.exitCode(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().contains("content folder " + content + " is in use by another samizdat run (pid "
          + ProcessHandle.current().pid() + ", samizdat ingest (test), since "), r.err());
      CliRun build = CliRun.run("build", "-q", "--lock-wait", "0", "--content", content.toString(),
          "--out", tmp.resolve("site").toString());
      assertEquals(ExitCodes.BUSY, build.exitCode(), build.err());
      // follow writes the same files as ingest: it waits for the same lock (nothing is fetched)
      CliRun follow = CliRun.run("follow", "-q", "--lock-wait", "0", "--content", content.toString(),
          "http://127.0.0.1:9/feed.xml");
      assertEquals(ExitCodes.BUSY, follow.exitCode(), follow.err());
      assertTrue(follow.err().contains("content folder " + content + " is in use by another samizdat run (pid "),
          follow.err());
    }
    Path site = tmp.resolve("site");
    assertEquals(0, CliRun.run("build", "-q", "--content", content.toString(), "--out", site.toString()).exitCode());
    Path siteLock = BuildOptions.defaultCache(site).resolveSibling("site.lock");
    try (FolderLock held = FolderLock.acquire(siteLock, "site", FolderLock.Mode.EXCLUSIVE, "samizdat build",
        Duration.ZERO)) {
      assertTrue(held.held());
      CliRun second = CliRun.run("build", "-q", "--lock-wait", "0", "--title", "Other", "--content",
          content.toString(), "--out", site.toString());
      assertEquals(ExitCodes.BUSY, second.exitCode(), "two builds of one site never run at once");
      assertTrue(second.err().contains("site " + site + " is in use by another samizdat run"), second.err());
      CliRun mirror = CliRun.run("mirror", "usb", "-q", "--lock-wait", "0", "--site", site.toString(),
          tmp.resolve("stick").toString());
      assertEquals(ExitCodes.BUSY, mirror.exitCode(), "no copy of a site being built");
    }
  }

  @Test
  void aLockLeftByAKilledRunIsTakenOver() throws Exception {
    // An ingest that hangs on a page that never comes holds the content folder; then it is killed.
    CountDownLatch asked = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      asked.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    Path content = tmp.resolve("content");
    Process child = child("child.log", "ingest", "-q", "--timeout", "120", "--content", content.toString(),
        "http://127.0.0.1:" + server.getAddress().getPort() + "/news/1.html");
    try {
      assertTrue(asked.await(60, TimeUnit.SECONDS), "the child started: " + Files.readString(tmp.resolve("child.log")));
      Path page = pages("pages", 1, 1);
      CliRun blocked = CliRun.run("ingest", "-q", "--lock-wait", "0", "--content", content.toString(), page.toString());
      assertEquals(ExitCodes.BUSY, blocked.exitCode(), blocked.err());
      assertTrue(blocked.err().contains("(pid " + child.pid() + ", samizdat ingest, since "), blocked.err());

      child.destroyForcibly().waitFor();
      CliRun after = CliRun.run("ingest", "-q", "--lock-wait", "0", "--content", content.toString(), page.toString());
      assertEquals(0, after.exitCode(), after.err());
      assertEquals("ingested 1, updated 0, unchanged 0, duplicates 0, failed 0", after.out().strip().lines()
          .reduce((x, y) -> y).orElse(""));
    } finally {
      child.destroyForcibly();
      server.stop(0);
    }
  }

  private static TreeMap<String, String> snapshot(Path dir) throws IOException {
    TreeMap<String, String> map = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).filter(IngestCommandTest::notTheLock).toList()) {
        map.put(dir.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)) + "@"
            + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return map;
  }

  @Test
  void aWrongContentFolderLeavesTheSiteAndTheStickAlone() throws Exception {
    Path content = tmp.resolve("content");
    TestContent.generate(content, 30, 1);
    Path site = tmp.resolve("site");
    Path stick = tmp.resolve("stick");
    assertEquals(0, CliRun.run("build", "-q", "--content", content.toString(), "--out", site.toString()).exitCode());
    assertEquals(0, CliRun.run("mirror", "usb", "-q", "--site", site.toString(), stick.toString()).exitCode());
    TreeMap<String, String> siteBefore = snapshot(site);
    TreeMap<String, String> stickBefore = snapshot(stick);

    Path unmounted = Files.createDirectories(tmp.resolve("media/usb0"));
    for (Path wrong : List.of(unmounted, content.resolve("articles"))) {
      CliRun r = CliRun.run("build", "-q", "--content", wrong.toString(), "--out", site.toString());
      assertEquals(ExitCodes.REFUSED, r.exitCode(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().contains(wrong + ": not a content folder (no articles/ in it); nothing was changed"), r.err());
    }
    Path few = tmp.resolve("few");
    TestContent.generate(few, 2, 1);
    CliRun shrink = CliRun.run("build", "-q", "--content", few.toString(), "--out", site.toString());
    assertEquals(ExitCodes.REFUSED, shrink.exitCode(), shrink.err());
    assertEquals(siteBefore, snapshot(site), "the site is untouched");

    // A site that did shrink (on purpose) is still not mirrored over the full copy by default.
    Path small = tmp.resolve("small");
    assertEquals(0, CliRun.run("build", "-q", "--content", few.toString(), "--out", small.toString()).exitCode());
    CliRun mirror = CliRun.run("mirror", "usb", "-q", "--site", small.toString(), stick.toString());
    assertEquals(ExitCodes.REFUSED, mirror.exitCode(), mirror.err());
    assertTrue(mirror.err().contains("2 article pages, but the copy in " + stick + " has 30"), mirror.err());
    assertEquals(stickBefore, snapshot(stick), "the stick is untouched");
    assertEquals(0, CliRun.run("mirror", "usb", "-q", "--allow-shrink", "--site", small.toString(),
        stick.toString()).exitCode());
    assertEquals(0, CliRun.run("build", "-q", "--allow-shrink", "--content", few.toString(), "--out",
        site.toString()).exitCode());
  }

  @Test
  void temporaryFilesOfKilledRunsAreRemovedByTheNextRun() throws Exception {
    Path content = tmp.resolve("content");
    Path page = pages("pages", 1, 1);
    assertEquals(0, CliRun.run("ingest", "-q", "--content", content.toString(), page.toString()).exitCode());
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    List<Path> litter = List.of(content.resolve("articles/" + AtomicFiles.TEMP_PREFIX + "k1.part"),
        content.resolve("raw/" + AtomicFiles.TEMP_PREFIX + "k2.part"));
    for (Path p : litter) {
      Files.writeString(p, "half an article");
      Files.setLastModifiedTime(p, hourAgo);
    }
    assertEquals(0, CliRun.run("ingest", "-q", "--content", content.toString(), page.toString()).exitCode());
    for (Path p : litter) {
      assertFalse(Files.exists(p), p + " removed");
    }

    Path site = tmp.resolve("site");
    assertEquals(0, CliRun.run("build", "-q", "--content", content.toString(), "--out", site.toString()).exitCode());
    Path part = tmp.resolve(AtomicFiles.TEMP_PREFIX + "5g2k.car.part");
    Files.write(part, new byte[100_000]); // what a killed `mirror ipfs` left beside the CAR
    CliRun car = CliRun.run("mirror", "ipfs", "-q", "--site", site.toString(), "--car", tmp.resolve("site.car").toString());
    assertEquals(0, car.exitCode(), car.err());
    assertFalse(Files.exists(part), "the killed export's part is removed");
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList());
    }
  }

  /**
   * Makes a file named with the bytes {@code name} (octal escapes for printf, e.g. caf\\351.html)
   * in {@code dir}: Java cannot name such a file, the shell can. Skipped where that fails.
   */
  private static void createNamed(Path dir, String octalName) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "cd \"$1\" && printf '<p>x</p>' > \"$(printf \"$2\")\"", "sh",
        dir.toString(), octalName).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0,
        "this file system does not take a file name that is not UTF-8: " + out);
  }

  @Test
  void aFileNameThatIsNotUtf8IsNamedOnOneLineAndTheRestIsCopied() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"),
        "Windows names are UTF-16: no name there is invalid UTF-8");
    org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")),
        "file names are read as " + System.getProperty("sun.jnu.encoding") + ", not UTF-8 (the launcher sets a UTF-8 locale)");
    Path content = tmp.resolve("content");
    TestContent.generate(content, 5, 1);
    Path site = tmp.resolve("site");
    assertEquals(0, CliRun.run("build", "-q", "--content", content.toString(), "--out", site.toString()).exitCode());
    Path notes = Files.createDirectories(site.resolve("notes"));
    createNamed(notes, "caf\\351.html"); // Latin-1 é
    createNamed(notes, "\\326\\320\\316\\304.txt"); // GBK 中文
    Files.writeString(notes.resolve("中文.txt"), "a valid name"); // UTF-8: copied

    Path stick = tmp.resolve("stick");
    CliRun r = CliRun.run("mirror", "usb", "-q", "--site", site.toString(), stick.toString());
    assertEquals(ExitCodes.FAILED, r.exitCode(), r.err());
    assertEquals(List.of(
        site + "/notes/\\xD6\\xD0\\xCE\\xC4.txt: file name is not valid UTF-8; not copied (rename it to copy it)",
        site + "/notes/caf\\xE9.html: file name is not valid UTF-8; not copied (rename it to copy it)"),
        r.err().lines().map(l -> l.replaceFirst("^samizdat: ", "")).sorted().toList(), r.err());
    assertFalse(r.err().contains("removed since"), r.err());
    assertTrue(r.out().contains(", 2 not copied (named below)"), r.out());
    assertEquals("a valid name", Files.readString(stick.resolve("notes/中文.txt")));
    CliRun verify = CliRun.run("verify", "-q", stick.toString());
    assertEquals(0, verify.exitCode(), "the rest is a complete copy: " + verify.out() + verify.err());
    assertEquals(ExitCodes.FAILED, CliRun.run("mirror", "usb", "-q", "--site", site.toString(), stick.toString())
        .exitCode(), "and every run says so again");

    // A stick that gained such a file inside the archive's folders: verify names it.
    createNamed(stick.resolve("notes"), "caf\\351.html");
    CliRun tampered = CliRun.run("verify", "-q", stick.toString());
    assertEquals(ExitCodes.FAILED, tampered.exitCode());
    assertTrue(tampered.out().contains("notes/caf\\xE9.html: not in the manifest"), tampered.out());
  }
}
