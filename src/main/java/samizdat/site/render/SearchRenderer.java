package samizdat.site.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import samizdat.search.SearchDocument;
import samizdat.search.SearchIndex;
import samizdat.site.model.Doc;
import samizdat.site.model.SiteLayout;
import samizdat.site.model.SiteModel;
import samizdat.site.state.BuildState;
import samizdat.site.state.Fingerprint;

/**
 * The offline search index files, made by {@link SearchIndex}, segment by segment. The layout is
 * planned from ids and dates alone (no body is read for that). Each segment's files get one
 * fingerprint: the index code and its documents' ids, paths and content hashes. A segment whose
 * fingerprint and files are as the previous build left them (all of them: a file whose writing
 * failed makes the segment be written again) is neither computed nor written;
 * the others are computed with bodies read from disk when asked for, and their files handed
 * straight to the writer, so neither all bodies nor the whole index (hundreds of MB at 100,000
 * articles) ever sit in memory at once. Files the index no longer lists (merged segments) are
 * removed like any stale page. The text file of each article whose body it reads is written here
 * too, from the text in hand ({@link ArticleTextRenderer}).
 */
public final class SearchRenderer {
  private final BuildState previous;
  private final byte[] searchCodeFingerprint;

  public SearchRenderer(BuildState previous, byte[] searchCodeFingerprint) {
    this.previous = previous;
    this.searchCodeFingerprint = searchCodeFingerprint;
  }

  /** Which segments the index computes and which it keeps: {@link #check}'s answer for {@link #write}. */
  public static final class Checked {
    private final List<Planned> planned;

    private Checked(List<Planned> planned) {
      this.planned = planned;
    }
  }

  /**
   * Finds which segments must be computed, and tells {@code context}'s {@link BodyTexts} which
   * bodies the index will read: the article pages, rendering meanwhile, keep those texts for it,
   * and the index writes those articles' text files ({@link ArticleTextRenderer}). Must be done
   * before the pages are listed.
   */
  public Checked check(RenderContext context, OutputWriter writer, SearchIndex.Plan plan) {
    List<Doc> docs = context.site().list;
    Map<String, List<String>> previousBySegment = new HashMap<>();
    for (String path : previous.files.keySet()) {
      int slash = path.indexOf('/', "search/".length());
      if (path.startsWith("search/") && slash > 0) {
        previousBySegment.computeIfAbsent(path.substring("search/".length(), slash), k -> new ArrayList<>()).add(path);
      }
    }
    List<Planned> planned = new ArrayList<>();
    for (SearchIndex.Segment segment : plan.segments()) {
      Fingerprint fp = new Fingerprint().add("search-segment").add(searchCodeFingerprint).add(segment.id())
          .add(segment.members().size());
      for (int i : segment.members()) {
        Doc d = docs.get(i);
        fp.add(d.id()).add(d.path()).add(d.contentHash());
      }
      byte[] fingerprint = fp.done();
      List<String> old = previousBySegment.getOrDefault(segment.id(), List.of());
      OptionalInt complete = SearchIndex.completeShards(segment, old);
      boolean reusable = complete.isPresent();
      // Every file's recorded fingerprint also names the shard count it was written for: a
      // segment whose last shards were lost from the state (a failed write) cannot pass for a
      // complete segment with fewer shards.
      byte[] expected = complete.isPresent() ? withShards(fingerprint, complete.getAsInt()) : fingerprint;
      for (String path : old) {
        BuildState.FileInfo info = previous.files.get(path);
        reusable &= Arrays.equals(info.fingerprint(), expected) && writer.isIntact(path, info);
      }
      if (!reusable) {
        for (int i : segment.members()) {
          context.bodyTexts().expect(docs.get(i).id());
        }
      }
      planned.add(new Planned(segment, fingerprint, old, complete, expected, reusable));
    }
    return new Checked(planned);
  }

  /**
   * Writes (or, for segments whose documents did not change, keeps) every index file through
   * {@code writer}, and the text files of the articles whose bodies it reads.
   *
   * @return one error line per file that could not be written
   */
  public List<String> write(RenderContext context, OutputWriter writer, SearchIndex.Plan plan, Checked checked)
      throws IOException {
    long start = System.nanoTime();
    int computed = 0;
    List<Doc> docs = context.site().list;
    SearchIndex index = new SearchIndex();
    // text files are written by the index's workers
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> shards = new HashMap<>();
    for (Planned p : checked.planned) {
      SearchIndex.Segment segment = p.segment();
      if (p.reusable()) {
        // Same documents, every file still there: the writer records them as unchanged.
        List<String> old = new ArrayList<>(p.old());
        old.sort(null);
        for (String path : old) {
          writeOne(writer, new IndexFile(path, p.expected(), null), errors);
        }
        shards.put(segment.id(), p.complete().getAsInt());
      } else {
        computed++;
        byte[][] recorded = new byte[1][];
        shards.put(segment.id(), index.writeSegment(segment, i -> document(context, docs.get(i), writer, errors),
            count -> recorded[0] = withShards(p.fingerprint(), count), (path, bytes) -> {
              SiteLayout.checkPath(path);
              if (!path.startsWith(SearchIndex.segmentDir(segment.id()))) {
                throw new IllegalStateException("search index file outside its segment: " + path);
              }
              writeOne(writer, new IndexFile(path, recorded[0], bytes), errors);
            }));
      }
    }
    byte[] manifest = index.manifest(plan, shards::get);
    writeOne(writer, new IndexFile(SearchIndex.MANIFEST, new Fingerprint().add(manifest).done(), manifest), errors);
    byte[] t2s = index.t2s();
    writeOne(writer, new IndexFile(SearchIndex.T2S, new Fingerprint().add(t2s).done(), t2s), errors);
    if (System.getenv("SAMIZDAT_TIMING") != null) {
      context.progress().warn(String.format(java.util.Locale.ROOT, "timing: search index %.3f s (%d of %d segments computed, %d bodies' text from their pages)",
          (System.nanoTime() - start) / 1e9, computed, plan.segments().size(), context.bodyTexts().given()));
    }
    return errors;
  }

  /**
   * The index's layout for the site's articles: segments, newest first, each listing its
   * articles (positions in the site's list) in the order the index reads their bodies.
   */
  public static SearchIndex.Plan plan(SiteModel site) {
    List<SearchIndex.Key> keys = new ArrayList<>(site.list.size());
    for (Doc d : site.list) {
      keys.add(new SearchIndex.Key(d.id(), d.meta().published(), filed(d), d.path()));
    }
    return new SearchIndex().plan(keys);
  }

  /** The article ids of {@code plan} in the order the index reads their bodies. */
  public static List<String> readingOrder(SiteModel site, SearchIndex.Plan plan) {
    List<String> ids = new ArrayList<>(site.list.size());
    for (SearchIndex.Segment segment : plan.segments()) {
      for (int i : segment.members()) {
        ids.add(site.list.get(i).id());
      }
    }
    return ids;
  }

  /** A segment with what was found about its files from the previous build. */
  private record Planned(SearchIndex.Segment segment, byte[] fingerprint, List<String> old,
      OptionalInt complete, byte[] expected, boolean reusable) {}

  private static byte[] withShards(byte[] segmentFingerprint, int shards) {
    return new Fingerprint().add(segmentFingerprint).add(shards).done();
  }

  /** The day the archive got the article: places undated articles in the index. */
  private static LocalDate filed(Doc d) {
    return LocalDate.ofInstant(d.meta().firstIngested(), ZoneOffset.UTC);
  }

  /**
   * The article as a search document: its body's text as its page left it, else read and
   * converted now; its text file is written from that text.
   */
  private static SearchDocument document(RenderContext context, Doc d, OutputWriter writer, List<String> errors) {
    String text;
    Optional<String> kept = context.bodyTexts().take(d.id());
    if (kept.isPresent()) {
      text = kept.get();
    } else {
      try {
        String markdown = Files.readString(d.bodyFile());
        text = context.markdown().plainText(markdown, d.path(), context.media()::contains);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    writeOne(writer, ArticleTextRenderer.page(context, d, text), errors);
    return new SearchDocument(d.id(), d.meta().title(), d.meta().published(), d.meta().tags(), text, d.path(),
        filed(d));
  }

  private static void writeOne(OutputWriter writer, Page file, List<String> errors) {
    try {
      writer.write(file);
    } catch (IOException | UncheckedIOException e) {
      String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      errors.add(file.path() + ": " + message);
    }
  }

  /** One index file; {@code bytes} is null for a file known to be unchanged. */
  private record IndexFile(String path, byte[] fingerprint, byte[] bytes) implements Page {
    @Override
    public byte[] render() {
      if (bytes == null) {
        throw new IllegalStateException("search index file " + path + " was expected unchanged");
      }
      return bytes;
    }
  }
}
