package samizdat.follow;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.TreeSet;
import samizdat.io.AtomicFiles;

/**
 * What follow remembers between runs, in {@code CONTENT/follow/state.json}: the sources' validators
 * and failures, the article URLs stored (with their ids), the links found but not yet fetched
 * (what a killed run had started), and the articles that failed with when to try them again.
 * Written atomically; used by one run at a time (see {@link StateLock}), on one thread.
 */
final class FollowState {
  static final int VERSION = 1;
  /** Tries of an article before follow gives up on it. */
  static final int MAX_TRIES = 8;
  /** Wait after an article's first failure; it doubles with each further one. */
  static final Duration FIRST_WAIT = Duration.ofHours(1);
  static final Duration LONGEST_WAIT = Duration.ofDays(7);

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_DEFAULT, JsonInclude.Include.NON_DEFAULT))
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** A feed, sitemap or listing page. */
  static final class Source {
    String etag;
    String lastModified;
    String lastRead;
    int failures;
    String lastError;
    /** A sitemap index's child sitemaps, read again when the index itself is not modified. */
    java.util.List<String> sitemaps;
  }

  /** An article link found and not yet fetched, with the profile its source forces. */
  static final class Pending {
    String url;
    String profile;

    Pending() {}

    Pending(String url, String profile) {
      this.url = url;
      this.profile = profile;
    }
  }

  /** An article that failed. */
  static final class Failure {
    String url;
    String profile;
    int tries;
    String lastError;
    String lastTry;
    String nextTry;
    /** Not tried again: too many tries, or a page that is not an article. */
    boolean gaveUp;
  }

  int version = VERSION;
  /** By source URL. */
  TreeMap<String, Source> sources = new TreeMap<>();
  /** Article URL (canonical) to the id it is stored under. */
  TreeMap<String, String> stored = new TreeMap<>();
  /** Ids of stored articles that have no URL: looked at once, nothing to remember by URL. */
  TreeSet<String> withoutUrl = new TreeSet<>();
  /** By article URL (canonical). */
  TreeMap<String, Pending> pending = new TreeMap<>();
  /** By article URL (canonical). */
  TreeMap<String, Failure> failed = new TreeMap<>();

  static FollowState load(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new FollowState();
    }
    try {
      FollowState s = MAPPER.readValue(bytes, FollowState.class);
      if (s.version > VERSION) {
        throw new IOException(file + ": written by a newer samizdat (state version " + s.version
            + "); not touched");
      }
      return s;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      String m = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
      throw new IOException(file + ": not a valid follow state: " + m.lines().findFirst().orElse(m)
          + " (move it away to start afresh: every article already stored is still known)");
    }
  }

  void save(Path file) throws IOException {
    AtomicFiles.write(file, MAPPER.writeValueAsBytes(this), true);
  }

  /** Records a failed try of an article; returns the failure as it now stands. */
  Failure fail(String key, String url, String profile, String error, Instant now, boolean permanent) {
    Failure f = failed.computeIfAbsent(key, k -> new Failure());
    f.url = url;
    f.profile = profile;
    f.tries++;
    f.lastError = error;
    f.lastTry = now.toString();
    f.gaveUp = permanent || f.tries >= MAX_TRIES;
    Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(f.tries - 1, 20));
    f.nextTry = now.plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT).toString();
    return f;
  }

  /** True when a failed article may be tried again at {@code now}. */
  static boolean due(Failure f, Instant now) {
    return !f.gaveUp && (f.nextTry == null || !Instant.parse(f.nextTry).isAfter(now));
  }
}
