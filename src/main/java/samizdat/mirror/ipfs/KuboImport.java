package samizdat.mirror.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Imports a CAR into a running kubo node through its RPC API ({@code POST /api/v0/dag/import},
 * the same as {@code ipfs dag import}), pinning its root. The CAR is streamed from disk.
 */
public final class KuboImport {
  private KuboImport() {}

  /**
   * @param api the node's RPC address, e.g. {@code http://127.0.0.1:5001}
   * @param car the CAR file to send
   * @param expectedRoot the root CID the node must report back
   * @throws IOException with a one-line message when the node is unreachable, refuses the CAR,
   *     or pins something else
   */
  public static void importCar(URI api, Path car, String expectedRoot) throws IOException {
    String base = api.toString().replaceAll("/+$", "");
    URI endpoint = URI.create(base + "/api/v0/dag/import?pin-roots=true");
    String boundary = "samizdat-" + expectedRoot;
    byte[] head = ("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + car.getFileName() + "\"\r\n"
        + "Content-Type: application/vnd.ipld.car\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofHours(1)) // a node that accepts but never answers must not hang us
        .POST(HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(car),
            HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(endpoint + ": interrupted", e);
    } catch (IOException e) {
      throw new IOException(base + ": cannot reach the kubo RPC API (" + e + "); is `ipfs daemon` running?", e);
    }
    ObjectMapper mapper = new ObjectMapper();
    if (response.statusCode() != 200) {
      String message = response.body();
      try {
        message = mapper.readTree(response.body()).path("Message").asText(message);
      } catch (IOException e) {
        // not JSON: keep the raw body
      }
      throw new IOException(endpoint + ": HTTP " + response.statusCode() + ": "
          + message.strip().lines().findFirst().orElse(""));
    }
    for (String line : response.body().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode root = mapper.readTree(line).path("Root");
      if (root.isMissingNode()) {
        continue;
      }
      String cid = root.path("Cid").path("/").asText("");
      String pinError = root.path("PinErrorMsg").asText("");
      if (!pinError.isEmpty()) {
        throw new IOException(base + ": imported, but pinning " + cid + " failed: " + pinError);
      }
      if (!cid.equals(expectedRoot)) {
        throw new IOException(base + ": the node reported root " + cid + ", expected " + expectedRoot);
      }
      return;
    }
    throw new IOException(endpoint + ": no root in the node's answer");
  }
}
