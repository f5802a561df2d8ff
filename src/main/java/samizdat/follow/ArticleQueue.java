package samizdat.follow;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentException;
import samizdat.ingest.Ingester;
import samizdat.ingest.Links;
import samizdat.ingest.Profiles;
import samizdat.ingest.ProxyException;

/**
 * The article links of a pass: which found links are new (not stored, not queued, not waiting
 * for a retry), handing them to {@link Ingester} host by host at each host's pace, and what
 * became of each (stored, or failed and when to try again). Every link is tried once per pass.
 */
final class ArticleQueue {
  private final Pass pass;
  private final HostRules hosts;
  private final Follower.Options options;
  /** Article URLs (canonical) handed to ingest in this run: each is tried once per run. */
  private final Set<String> triedThisRun = new HashSet<>();

  ArticleQueue(Pass pass, HostRules hosts, Follower.Options options) {
    this.pass = pass;
    this.hosts = hosts;
    this.options = options;
  }

  /**
   * The links not stored, queued or waiting yet, queued now in the state (with the source's
   * profile, when it names one).
   */
  List<FollowState.Pending> queue(Collection<String> links, Optional<String> profile) {
    FollowState state = pass.state;
    List<FollowState.Pending> queue = new ArrayList<>();
    Instant now = options.clock().instant();
    for (String link : links) {
      pass.linksFound++;
      String key = Links.canonical(link);
      if (state.stored.containsKey(key)) {
        pass.alreadyStored++;
        continue;
      }
      if (state.pending.containsKey(key) || triedThisRun.contains(key)) {
        continue;
      }
      FollowState.Failure f = state.failed.get(key);
      if (f != null && !FollowState.due(f, now)) {
        continue;
      }
      FollowState.Pending p = new FollowState.Pending(link, profile.orElse(null));
      state.pending.put(key, p);
      queue.add(p);
    }
    return queue;
  }

  /** The failed articles whose wait is over, tried again; then counts those still waiting. */
  void retryFailures() throws ProxyException, InterruptedException, IOException {
    Instant now = options.clock().instant();
    List<FollowState.Pending> due = new ArrayList<>();
    for (Map.Entry<String, FollowState.Failure> e : pass.state.failed.entrySet()) {
      FollowState.Failure f = e.getValue();
      if (!triedThisRun.contains(e.getKey()) && FollowState.due(f, now) && f.url != null) {
        FollowState.Pending p = new FollowState.Pending(f.url, f.profile);
        pass.state.pending.put(e.getKey(), p);
        due.add(p);
      }
    }
    if (!due.isEmpty()) {
      pass.save();
      ingest(due);
    }
    for (FollowState.Failure f : pass.state.failed.values()) {
      if (!f.gaveUp && !FollowState.due(f, now)) {
        pass.waiting++;
      }
    }
  }

  /** Ingests queued links, host by host (and profile by profile), each host at its own pace. */
  void ingest(List<FollowState.Pending> queue)
      throws ProxyException, InterruptedException, IOException {
    record Group(String host, String profile) {}
    Map<Group, List<FollowState.Pending>> groups = new LinkedHashMap<>();
    for (FollowState.Pending p : queue) {
      String host = Urls.host(p.url).orElse("");
      groups.computeIfAbsent(new Group(host, p.profile == null ? "" : p.profile),
          g -> new ArrayList<>()).add(p);
    }
    for (Map.Entry<Group, List<FollowState.Pending>> g : groups.entrySet()) {
      String host = g.getKey().host();
      Map<String, String> keyByUrl = new LinkedHashMap<>();
      for (FollowState.Pending p : g.getValue()) {
        String key = Links.canonical(p.url);
        URI uri;
        try {
          uri = new URI(p.url);
        } catch (URISyntaxException e) {
          pass.state.pending.remove(key);
          continue;
        }
        if (!hosts.robots(uri).allows(uri)) {
          pass.robotsSkipped++;
          pass.state.pending.remove(key);
          continue;
        }
        triedThisRun.add(key);
        keyByUrl.put(p.url, key);
        if (!pass.state.failed.containsKey(key)) {
          pass.fresh++;
        }
      }
      if (keyByUrl.isEmpty()) {
        continue;
      }
      Optional<Profiles> chosen = pass.profiles(Optional.ofNullable(g.getValue().get(0).profile));
      if (chosen.isEmpty()) {
        continue;
      }
      Duration delay = hosts.delay(host);
      Ingester ingester = new Ingester(pass.store, chosen.get(), new Ingester.Options(
          Optional.empty(), Optional.empty(), options.jobs(), options.fetch().withHostDelay(delay),
          options.ingestNow()));
      String profile = g.getKey().profile().isEmpty() ? null : g.getKey().profile();
      hosts.await(host, delay);
      try {
        ingester.run(new ArrayList<>(keyByUrl.keySet()),
            o -> outcome(o, keyByUrl.getOrDefault(o.source(), Links.canonical(o.source())), profile),
            pass.progress);
      } finally {
        hosts.used(host);
      }
      pass.save();
      // The links it did not get to stay queued in the state, for the next run.
      if (ingester.proxyDown().isPresent()) {
        throw ingester.proxyDown().get();
      }
    }
  }

  /** Records one article's outcome; called by ingest's workers, in queue order. */
  private void outcome(Ingester.Outcome o, String key, String profile) {
    synchronized (pass) {
      FollowState state = pass.state;
      state.pending.remove(key);
      switch (o.status()) {
        case INGESTED -> {
          pass.ingested++;
          remember(key, o.id().orElseThrow());
        }
        case UPDATED, UNCHANGED, DUPLICATE -> {
          pass.alreadyStored++;
          remember(key, o.id().orElseThrow());
        }
        case FAILED -> {
          pass.failed++;
          String m = o.message();
          boolean permanent = m.startsWith("not an article") || m.startsWith("not an HTML page")
              || m.startsWith("wrong content type") || m.startsWith("binary file");
          FollowState.Failure f = state.fail(key, o.source(), profile, m,
              options.clock().instant(), permanent);
          if (f.gaveUp) {
            o = new Ingester.Outcome(o.source(), o.status(), o.id(), m
                + (permanent ? "" : " (gave up after " + f.tries + " tries)"));
          } else {
            o = new Ingester.Outcome(o.source(), o.status(), o.id(), m + " (try " + f.tries
                + " of " + FollowState.MAX_TRIES + "; next after " + f.nextTry + ")");
          }
        }
        default -> throw new IllegalStateException(o.status().name());
      }
      pass.listener.article(o);
      pass.saveNowAndThen();
    }
  }

  /** The URL it was found under, and the URL the stored article says (after redirects) → id. */
  private void remember(String key, String id) {
    pass.state.failed.remove(key);
    pass.state.stored.put(key, id);
    try {
      pass.store.readMeta(id).flatMap(ArticleMeta::url)
          .ifPresent(u -> pass.state.stored.put(Links.canonical(u), id));
    } catch (ContentException e) {
      // The id is remembered under the URL it was found by; that is enough.
    }
  }
}
