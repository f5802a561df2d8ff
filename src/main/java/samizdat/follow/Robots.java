package samizdat.follow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one site's robots.txt for samizdat (RFC 9309): the group naming samizdat, else
 * the {@code *} group; the longest matching Allow or Disallow wins (Allow on a tie), {@code *}
 * and {@code $} as wildcards; and the group's Crawl-delay. Immutable.
 */
final class Robots {
  /** The product token samizdat's groups are looked up by. */
  static final String AGENT = "samizdat";
  /** RFC 9309: at least 500 KiB must be parsed; past that, the rest is ignored. */
  private static final int MAX_BYTES = 512 * 1024;

  private record Rule(boolean allow, String pattern) {}

  private final List<Rule> rules;
  private final Optional<Duration> crawlDelay;
  private final boolean disallowAll;

  private Robots(List<Rule> rules, Optional<Duration> crawlDelay, boolean disallowAll) {
    this.rules = List.copyOf(rules);
    this.crawlDelay = crawlDelay;
    this.disallowAll = disallowAll;
  }

  /** Everything allowed: no robots.txt (4xx), or --ignore-robots. */
  static Robots allowAll() {
    return new Robots(List.of(), Optional.empty(), false);
  }

  /** Nothing allowed: robots.txt could not be read (5xx, no connection); RFC 9309 §2.3.1.3. */
  static Robots unreachable() {
    return new Robots(List.of(), Optional.empty(), true);
  }

  static Robots parse(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, MAX_BYTES), StandardCharsets.UTF_8);
    List<Rule> mine = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    Optional<Duration> mineDelay = Optional.empty();
    Optional<Duration> starDelay = Optional.empty();
    boolean foundMine = false;
    // The agents of the group being read; a rule line after agent lines closes the agent list.
    boolean groupMine = false;
    boolean groupStar = false;
    boolean inAgents = false;
    for (String raw : text.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (!inAgents) {
          groupMine = false;
          groupStar = false;
          inAgents = true;
        }
        String agent = value.toLowerCase(Locale.ROOT);
        if (agent.equals("*")) {
          groupStar = true;
        } else if (!agent.isEmpty() && AGENT.startsWith(agent.split("/")[0])) {
          groupMine = true;
          foundMine = true;
        }
        continue;
      }
      inAgents = false;
      if (key.equals("allow") || key.equals("disallow")) {
        if (value.isEmpty()) {
          continue;
        }
        Rule r = new Rule(key.equals("allow"), value);
        if (groupMine) {
          mine.add(r);
        }
        if (groupStar) {
          star.add(r);
        }
      } else if (key.equals("crawl-delay")) {
        Optional<Duration> d = seconds(value);
        if (groupMine) {
          mineDelay = d;
        }
        if (groupStar) {
          starDelay = d;
        }
      }
    }
    return foundMine ? new Robots(mine, mineDelay, false) : new Robots(star, starDelay, false);
  }

  private static Optional<Duration> seconds(String v) {
    try {
      double s = Double.parseDouble(v);
      if (s < 0 || Double.isNaN(s) || s > 86_400) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis((long) (s * 1000)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  Optional<Duration> crawlDelay() {
    return crawlDelay;
  }

  boolean unreachableRobots() {
    return disallowAll;
  }

  /** True when samizdat may fetch {@code url}. */
  boolean allows(URI url) {
    if (disallowAll) {
      return false;
    }
    String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    if (path.equals("/robots.txt")) {
      return true;
    }
    int best = -1;
    boolean allow = true;
    for (Rule r : rules) {
      if (matches(r.pattern(), path)) {
        int len = r.pattern().length();
        if (len > best || (len == best && r.allow())) {
          best = len;
          allow = r.allow();
        }
      }
    }
    return allow;
  }

  /**
   * Pattern matching with '*' (any run) and a final '$' (end), else a prefix. The usual greedy
   * glob with one backtrack point: linear in practice, never exponential on a hostile pattern.
   */
  static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
    int pi = 0;
    int si = 0;
    int star = -1;
    int mark = 0;
    while (si < path.length()) {
      if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = si;
      } else if (pi < p.length() && p.charAt(pi) == path.charAt(si)) {
        pi++;
        si++;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }
}
