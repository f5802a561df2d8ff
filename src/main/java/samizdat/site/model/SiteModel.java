package samizdat.site.model;

import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import samizdat.site.state.BuildState;
import samizdat.site.state.Fingerprint;

/**
 * The archive as the pages see it: articles in order, tags, months, neighbours. Built once per
 * build from the loaded articles; immutable afterwards, so render threads share it.
 *
 * <p>Two orders matter. The <em>list order</em> (oldest first, undated articles before all dated
 * ones, so that they come last when lists are shown newest first) numbers list pages and gives
 * previous/next. The <em>time order</em> (dated oldest first, then undated) decides which articles
 * an article's related list may use: only earlier ones. Ties break on first-ingest time, then id,
 * so a newly arrived article sorts after older ones of the same day and old pages keep their
 * content.
 */
public final class SiteModel {
  /** A tag with its display name (as first used), slug, folder and articles in list order. */
  public record Tag(String key, String name, String slug, String dir, List<Doc> docs) {}

  /** An entry of an article's related list. */
  public record Related(String title, Optional<Doc> local, Optional<String> url) {}

  public final SiteConfig config;
  public final List<Doc> list;
  final Map<String, Integer> listPosition;
  /** Tags, most used first, then by name (Chinese collation) and key. */
  public final List<Tag> tags;
  /** The same tags by name (Chinese collation), then key. */
  public final List<Tag> tagsByName;
  public final Map<String, Tag> tagsByKey;
  public final TreeMap<YearMonth, List<Doc>> months;
  public final List<Doc> undated;
  /** Which articles are editions of each other (same article, other language or script). */
  public final Editions editions;
  /** Related lists by article id; completed by {@link #relate}. */
  private final CompletableFuture<Map<String, List<Related>>> related = new CompletableFuture<>();
  private final List<Doc> docs;
  private final Comparator<Doc> byDate;
  public final Optional<LocalDate> earliest;
  public final Optional<LocalDate> latest;

  /** The model of these articles; their related lists come later, from {@link #relate}. */
  public SiteModel(SiteConfig config, List<Doc> docs) {
    this.config = config;
    this.docs = List.copyOf(docs);
    Comparator<Doc> ingestThenId = Comparator
        .comparing((Doc d) -> d.meta().firstIngested())
        .thenComparing(Doc::id);
    this.byDate = Comparator
        .comparing((Doc d) -> d.meta().published().orElse(LocalDate.MIN))
        .thenComparing(ingestThenId);
    List<Doc> listOrder = new ArrayList<>(docs);
    listOrder.sort(byDate); // undated sort as LocalDate.MIN: first
    this.list = Collections.unmodifiableList(listOrder);
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      pos.put(list.get(i).id(), i);
    }
    this.listPosition = pos;

    // Tags: display name is the form the first article (in list order) used.
    Map<String, String> names = new HashMap<>();
    Map<String, List<Doc>> tagDocs = new HashMap<>();
    Map<String, String> keyOf = new HashMap<>(); // tag as written -> key: most are written alike
    for (Doc d : list) {
      for (String key : d.tagKeys()) {
        tagDocs.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
      }
      for (String name : d.meta().tags()) {
        names.putIfAbsent(keyOf.computeIfAbsent(name, SiteLayout::tagKey), name.strip());
      }
    }
    // Names compare by collation keys, made once per tag: the collator's compare() works each
    // name out again on every call, a million calls for the 36,000 tags of 100,000 articles.
    Collator collator = Collator.getInstance(Locale.CHINESE);
    List<Tag> tagList = new ArrayList<>();
    Map<String, CollationKey> collationKeys = new HashMap<>();
    for (var e : tagDocs.entrySet()) {
      String slug = SiteLayout.tagSlug(e.getKey());
      String name = names.get(e.getKey());
      tagList.add(new Tag(e.getKey(), name, slug, SiteLayout.tagDir(slug), List.copyOf(e.getValue())));
      collationKeys.put(e.getKey(), collator.getCollationKey(name));
    }
    Comparator<Tag> byName = Comparator.comparing((Tag t) -> collationKeys.get(t.key())).thenComparing(Tag::key);
    tagList.sort(byName);
    this.tagsByName = List.copyOf(tagList);
    tagList.sort(Comparator.comparingInt((Tag t) -> -t.docs().size()).thenComparing(byName));
    this.tags = List.copyOf(tagList);
    Map<String, Tag> byKey = new HashMap<>();
    Map<String, Tag> bySlug = new HashMap<>();
    for (Tag t : tags) {
      byKey.put(t.key(), t);
      Tag clash = bySlug.put(t.slug(), t);
      if (clash != null) {
        throw new IllegalStateException("tags \"" + clash.name() + "\" and \"" + t.name()
            + "\" map to the same file name " + t.slug());
      }
    }
    this.tagsByKey = byKey;

    TreeMap<YearMonth, List<Doc>> byMonth = new TreeMap<>();
    List<Doc> noDate = new ArrayList<>();
    for (Doc d : list) {
      d.meta().published().ifPresentOrElse(
          date -> byMonth.computeIfAbsent(YearMonth.from(date), k -> new ArrayList<>()).add(d),
          () -> noDate.add(d));
    }
    this.months = byMonth;
    this.undated = List.copyOf(noDate);
    this.editions = Editions.of(list);
    this.earliest = list.stream().flatMap(d -> d.meta().published().stream()).min(Comparator.naturalOrder());
    this.latest = list.stream().flatMap(d -> d.meta().published().stream()).max(Comparator.naturalOrder());
  }

  /**
   * Works out every article's related list (the slow part of the model, done apart so that work
   * which needs only the lists, like the search index, can start before). Called once.
   *
   * @param previous the previous build's state: computed related lists are reused for articles
   *     whose older articles did not change
   * @param next receives the related lists of this build
   * @param seed digest of the code; a new version computes everything again
   */
  public void relate(int relatedLimit, BuildState previous, BuildState next, byte[] seed) {
    if (related.isDone()) {
      throw new IllegalStateException("related lists are already computed");
    }
    related.complete(computeRelated(docs, byDate, relatedLimit, previous, next, seed));
  }

  /** The related list of article {@code id} (empty if it has none); only after {@link #relate}. */
  public List<Related> related(String id) {
    if (!related.isDone()) {
      throw new IllegalStateException("related lists are not computed yet");
    }
    return related.join().getOrDefault(id, List.of());
  }


  private Map<String, List<Related>> computeRelated(List<Doc> docs, Comparator<Doc> byDate, int limit,
      BuildState previous, BuildState next, byte[] seed) {
    List<Doc> timeOrder = new ArrayList<>(docs);
    timeOrder.sort(Comparator.comparing((Doc d) -> d.meta().published().isEmpty())
        .thenComparing(byDate));
    int n = timeOrder.size();
    List<List<String>> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(timeOrder.get(i).tagKeys());
    }
    // An article's neighbours depend only on it and the articles before it in time order; a
    // running digest over those tells when a cached list is still right. Equal digests mean the
    // same articles in the same order up to this one, so the cached positions are right too.
    byte[][] prefix = new byte[n][];
    boolean[] needed = new boolean[n];
    BuildState.RelatedInfo[] kept = new BuildState.RelatedInfo[n];
    boolean anyNeeded = false;
    byte[] running = seed;
    for (int i = 0; i < n; i++) {
      Doc d = timeOrder.get(i);
      Fingerprint fp = new Fingerprint().add(running).add(d.id())
          .add(d.meta().published().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
      for (String k : d.tagKeys()) {
        fp.add(k);
      }
      for (long term : d.signature()) {
        fp.add(term);
      }
      running = fp.done();
      prefix[i] = running;
      BuildState.RelatedInfo old = previous.related.get(d.id());
      if (old != null && java.util.Arrays.equals(old.prefix(), running)) {
        kept[i] = old;
      } else {
        needed[i] = true;
        anyNeeded = true;
      }
    }
    int[][] computed = anyNeeded ? new RelatedFinder(limit).find(timeOrder, keys, needed) : new int[n][];
    if (anyNeeded) {
      next.markChanged();
    }
    for (int i = 0; i < n; i++) {
      if (needed[i]) {
        kept[i] = new BuildState.RelatedInfo(prefix[i], computed[i]);
      }
      next.related.put(timeOrder.get(i).id(), kept[i]);
    }

    Map<String, Doc> byUrl = new HashMap<>();
    for (Doc d : list) {
      d.meta().url().ifPresent(u -> byUrl.putIfAbsent(normalizeUrl(u), d));
    }
    Map<String, List<Related>> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Doc d = timeOrder.get(i);
      Map<String, Related> entries = new LinkedHashMap<>(); // key: local id or url
      int external = 0;
      for (var link : d.meta().related()) {
        if (entries.size() >= limit) {
          break;
        }
        Doc target = byUrl.get(normalizeUrl(link.url()));
        if (target != null && !target.id().equals(d.id())) {
          entries.putIfAbsent("id:" + target.id(), new Related(target.meta().title(), Optional.of(target),
              Optional.empty()));
        } else if (target == null && external < 2 && SiteLayout.isExternal(link.url())
            && !link.title().isBlank()) {
          if (entries.putIfAbsent("url:" + link.url(),
              new Related(link.title().strip(), Optional.empty(), Optional.of(link.url()))) == null) {
            external++;
          }
        }
      }
      for (int j : kept[i].positions()) {
        if (entries.size() >= limit) {
          break;
        }
        Doc near = timeOrder.get(j);
        entries.putIfAbsent("id:" + near.id(), new Related(near.meta().title(), Optional.of(near),
            Optional.empty()));
      }
      out.put(d.id(), List.copyOf(entries.values()));
    }
    return out;
  }

  /** URLs of the same page compare equal regardless of scheme, fragment and a trailing slash. */
  static String normalizeUrl(String url) {
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    // by hand: replaceFirst compiled its pattern again for every one of ~50,000 links
    if (u.regionMatches(true, 0, "https://", 0, 8)) {
      u = u.substring(8);
    } else if (u.regionMatches(true, 0, "http://", 0, 7)) {
      u = u.substring(7);
    }
    if (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
