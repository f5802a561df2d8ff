package samizdat.follow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import samizdat.content.ContentStore;
import samizdat.ingest.ProfileException;
import samizdat.ingest.Profiles;
import samizdat.io.Progress;

/**
 * What one pass of follow shares: the state and its file, the counts for the summary line, the
 * site profiles loaded so far and where events go. Saving and recording an article's outcome
 * (which ingest's workers do) both hold this object's lock, so a save never sees a half-made
 * change.
 */
final class Pass {
  private static final Duration SAVE_EVERY = Duration.ofSeconds(2);

  final ContentStore store;
  final FollowState state;
  final Follower.Listener listener;
  final Progress progress;
  private final Path stateFile;
  private final Map<String, Profiles> profiles = new HashMap<>();
  private long lastSave;

  int sources;
  int sourcesUnchanged;
  int sourcesFailed;
  int linksFound;
  int fresh;
  int ingested;
  int failed;
  int alreadyStored;
  int robotsSkipped;
  int waiting;

  Pass(ContentStore store, FollowState state, Path stateFile, Follower.Listener listener,
      Progress progress) {
    this.store = store;
    this.state = state;
    this.stateFile = stateFile;
    this.listener = listener;
    this.progress = progress;
  }

  synchronized void save() throws IOException {
    state.save(stateFile);
    lastSave = System.nanoTime();
  }

  /** Saves if the last save is a few seconds old: while a long batch of articles comes in. */
  synchronized void saveNowAndThen() {
    if (System.nanoTime() - lastSave > SAVE_EVERY.toNanos()) {
      try {
        save();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The profiles for a source's forced profile name (or the default choice); empty if unusable. */
  Optional<Profiles> profiles(Optional<String> name) {
    String key = name.orElse("");
    Profiles p = profiles.get(key);
    if (p == null) {
      try {
        p = Profiles.load(Optional.of(store.root().resolve(Profiles.USER_DIR)), name);
      } catch (ProfileException e) {
        sourcesFailed++;
        listener.sourceFailed(name.orElse("profiles"), e.getMessage());
        return Optional.empty();
      }
      profiles.put(key, p);
    }
    return Optional.of(p);
  }

  Follower.Summary summary() {
    return new Follower.Summary(sources, sourcesUnchanged, sourcesFailed, linksFound, fresh,
        ingested, failed, alreadyStored, robotsSkipped, waiting);
  }
}
