package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import samizdat.content.ArticleMeta;

/**
 * Says what changed between a stored article and what its page gives now, in words for the
 * report of {@code reingest} and {@code ingest}: which profile read it, whether the body changed,
 * and which metadata fields did.
 */
final class Changes {
  private record Field(String name, Function<ArticleMeta, Object> value) {}

  /** The metadata fields a reader sees, in the JSON's order. */
  private static final List<Field> FIELDS = List.of(
      new Field("title", ArticleMeta::title),
      new Field("url", ArticleMeta::url),
      new Field("language", ArticleMeta::language),
      new Field("date", ArticleMeta::published),
      new Field("authors", ArticleMeta::authors),
      new Field("source", ArticleMeta::source),
      new Field("tags", ArticleMeta::tags),
      new Field("lead image", ArticleMeta::image),
      new Field("related", ArticleMeta::related),
      new Field("images", ArticleMeta::images),
      new Field("translations", ArticleMeta::translations),
      new Field("raw page", ArticleMeta::rawSha256));

  private Changes() {}

  /**
   * For example {@code "profile bannedbook → generic: body, title"}, {@code "generic: body"} or
   * {@code "bannedbook: tags, lead image"}: the profile that read the page (and the one before,
   * when it is another), then what changed.
   */
  static String describe(ArticleMeta before, ArticleMeta after, boolean bodyChanged) {
    List<String> what = new ArrayList<>();
    if (bodyChanged) {
      what.add("body");
    }
    for (Field f : FIELDS) {
      if (!Objects.equals(f.value().apply(before), f.value().apply(after))) {
        what.add(f.name());
      }
    }
    String by = before.profile().equals(after.profile()) ? after.profile()
        : "profile " + before.profile() + " → " + after.profile();
    return by + ": " + (what.isEmpty() ? "metadata layout" : String.join(", ", what));
  }
}
