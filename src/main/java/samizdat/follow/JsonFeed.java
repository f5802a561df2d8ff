package samizdat.follow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the item links of a JSON Feed (jsonfeed.org, versions 1 and 1.1). Thread-safe. */
final class JsonFeed {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFeed() {}

  /**
   * The links of the feed at {@code url}: each item's {@code url} (else its {@code id} when that
   * is a URL), resolved against the feed's URL; {@code next_url} as the next page.
   */
  static Found read(String url, byte[] json) throws SourceException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      String m = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
      throw new SourceException("not valid JSON: " + m.lines().findFirst().orElse(m)
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    } catch (java.io.IOException e) {
      throw new SourceException("not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("items").isArray()
        || !root.path("version").asText("").contains("jsonfeed.org")) {
      throw new SourceException("JSON but not a JSON Feed (no \"version\" of jsonfeed.org and "
          + "\"items\" list)");
    }
    Found found = new Found(Found.Kind.JSON_FEED);
    for (JsonNode item : root.get("items")) {
      String link = item.path("url").asText("");
      if (link.isBlank() && Urls.scheme(item.path("id").asText("")).isPresent()) {
        link = item.path("id").asText("");
      }
      if (!link.isBlank()) {
        found.resolveInto(url, link).ifPresent(found::articleResolved);
      }
    }
    String next = root.path("next_url").asText("");
    if (!next.isBlank()) {
      found.next(url, next);
    }
    found.summarizeRefused();
    return found;
  }
}
