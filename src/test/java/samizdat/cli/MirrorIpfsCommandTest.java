package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.mirror.SiteFolders;
import samizdat.mirror.ipfs.CarExport;

class MirrorIpfsCommandTest {
  @TempDir Path tmp;

  @Test
  void writesTheCarAndPrintsTheCidThenHowToPublish() throws IOException {
    Path site = SiteFolders.write(tmp.resolve("site"), 3, 500, 1);
    Path car = tmp.resolve("out/site.car");

    CliRun run = CliRun.run("mirror", "ipfs", "--site", site.toString(), "--car", car.toString());

    assertEquals(0, run.exitCode(), run.err());
    String cid = run.out().lines().findFirst().orElseThrow();
    assertEquals(CarExport.rootCid(site), cid);
    assertTrue(cid.matches("bafybei[a-z2-7]{52}"), cid);
    assertTrue(Files.size(car) > 0);
    assertTrue(run.out().contains("ipfs dag import " + car), run.out());
    assertTrue(run.out().contains("/ipfs/" + cid + "/"), run.out());
    assertTrue(run.out().contains("https://" + cid + ".ipfs."), run.out());
    assertTrue(run.out().contains("_dnslink"), run.out());
    assertTrue(run.out().contains("dnslink=/ipfs/" + cid), run.out());
    assertTrue(run.out().contains("pinning services that accept CAR uploads"), run.out());
  }

  @Test
  void missingSiteOrCarOptionFail() {
    assertEquals(2, CliRun.run("mirror", "ipfs").exitCode());
    CliRun run = CliRun.run("mirror", "ipfs", "--site", tmp.resolve("none").toString(), "--car", tmp.resolve("x.car").toString());
    assertEquals(ExitCodes.REFUSED, run.exitCode());
    assertTrue(run.err().contains("none: no such folder"), run.err());
  }

  @Test
  void importsIntoAKuboNodeOverItsRpcApi() throws IOException {
    Path site = SiteFolders.write(tmp.resolve("site"), 2, 0, 1);
    String cid = CarExport.rootCid(site);
    List<byte[]> bodies = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    HttpServer kubo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    kubo.createContext("/api/v0/dag/import", exchange -> {
      queries.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getQuery());
      bodies.add(exchange.getRequestBody().readAllBytes());
      byte[] answer = ("{\"Root\":{\"Cid\":{\"/\":\"" + cid + "\"},\"PinErrorMsg\":\"\"}}\n")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    kubo.start();
    try {
      Path car = tmp.resolve("site.car");
      String api = "http://127.0.0.1:" + kubo.getAddress().getPort();

      CliRun run = CliRun.run("mirror", "ipfs", "--site", site.toString(), "--car", car.toString(), "--api", api);

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("imported into the kubo node at " + api + " and pinned " + cid), run.out());
      assertEquals(List.of("POST pin-roots=true"), queries);
      byte[] carBytes = Files.readAllBytes(car);
      byte[] body = bodies.get(0);
      String head = new String(body, 0, 200, StandardCharsets.ISO_8859_1);
      assertTrue(head.contains("Content-Disposition: form-data; name=\"file\""), head);
      int start = head.indexOf("\r\n\r\n") + 4;
      assertArrayEquals(carBytes, Arrays.copyOfRange(body, start, start + carBytes.length));
    } finally {
      kubo.stop(0);
    }
  }

  @Test
  void aNodeThatRefusesTheCarOrPinsSomethingElseIsAnError() throws IOException {
    Path site = SiteFolders.write(tmp.resolve("site"), 1, 0, 1);
    List<String> answers = new ArrayList<>(List.of(
        "500 {\"Message\":\"block was not found locally (offline)\",\"Code\":0,\"Type\":\"error\"}",
        "200 {\"Root\":{\"Cid\":{\"/\":\"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku\"},\"PinErrorMsg\":\"\"}}"));
    HttpServer kubo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    kubo.createContext("/api/v0/dag/import", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String answer = answers.remove(0);
      byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(Integer.parseInt(answer.substring(0, 3)), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    kubo.start();
    try {
      String api = "http://127.0.0.1:" + kubo.getAddress().getPort();
      String[] args = {"mirror", "ipfs", "--site", site.toString(), "--car", tmp.resolve("s.car").toString(), "--api", api};

      CliRun refused = CliRun.run(args);
      assertEquals(1, refused.exitCode());
      assertTrue(refused.err().contains("HTTP 500: block was not found locally (offline)"), refused.err());

      CliRun wrongRoot = CliRun.run(args);
      assertEquals(1, wrongRoot.exitCode());
      assertTrue(wrongRoot.err().contains("the node reported root bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"),
          wrongRoot.err());
    } finally {
      kubo.stop(0);
    }
  }

  @Test
  void aNodeThatIsDownIsAClearErrorAndTheCarIsKept() throws IOException {
    Path site = SiteFolders.write(tmp.resolve("site"), 1, 0, 1);
    Path car = tmp.resolve("site.car");
    int port;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort(); // nothing listens there once closed
    }

    CliRun run = CliRun.run("mirror", "ipfs", "--site", site.toString(), "--car", car.toString(),
        "--api", "http://127.0.0.1:" + port);

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("cannot reach the kubo RPC API"), run.err());
    assertTrue(run.err().contains("ipfs dag import " + car), run.err());
    assertTrue(Files.size(car) > 0);
  }
}
