package samizdat.mirror.zim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import samizdat.mirror.ArchiveInfo;

/**
 * The text metadata Kiwix shows in its library ({@code M/Name}, {@code M/Title}, ...), from the
 * user's options or else from the site: its {@code archive-info.json}, its files and, for the
 * public URL, the {@code samizdat-base} its not-found page records. Limits follow libzim's
 * metadata checks: Title at most 30 characters, Description at most 80 (the full text then goes
 * to LongDescription), Date as YYYY-MM-DD, Language as ISO 639-3 codes.
 */
final class ZimMetadata {
  static final String TEXT = "text/plain;charset=utf-8";
  static final int MAX_TITLE = 30;
  static final int MAX_DESCRIPTION = 80;
  static final int MAX_LONG_DESCRIPTION = 4000;
  private static final Pattern ISO639_3 = Pattern.compile("[a-z]{3}(,[a-z]{3})*");
  private static final Pattern BASE = Pattern.compile("<meta\\s+name=\"samizdat-base\"\\s+content=\"([^\"]*)\"");

  private ZimMetadata() {}

  /** Metadata name -> value, sorted by name. */
  static SortedMap<String, String> resolve(Path site, ArchiveInfo info, ZimOptions options,
      SortedMap<String, Long> files, Consumer<String> warnings) throws IOException {
    SortedMap<String, String> m = new TreeMap<>();
    String title = options.title().orElse(info.title()).strip();
    if (title.codePointCount(0, title.length()) > MAX_TITLE) {
      String cut = cut(title, MAX_TITLE);
      warnings.accept("title \"" + title + "\" is longer than Kiwix allows (" + MAX_TITLE
          + " characters): the ZIM is titled \"" + cut + "\" (set one with --title)");
      title = cut;
    }
    m.put("Title", title);
    String about = info.describe();
    String description = options.description().orElse(about.isEmpty()
        ? "News archive made with samizdat" : "News archive, " + about).strip();
    if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
      m.put("LongDescription", cut(description, MAX_LONG_DESCRIPTION));
      description = cut(description, MAX_DESCRIPTION - 1) + "…";
    }
    m.put("Description", description);
    m.put("Language", language(options.language().or(info::language), warnings));
    m.put("Creator", options.creator().orElse(info.title()));
    m.put("Publisher", options.publisher().orElse("samizdat"));
    Optional<LocalDate> date = options.date().or(() -> info.latest().flatMap(ZimMetadata::date));
    m.put("Date", (date.isPresent() ? date.get() : newest(site, files)).toString());
    m.put("Name", options.name().orElseGet(() -> name(info.title(), m.get("Language"))));
    m.put("Scraper", options.scraper());
    options.source().or(() -> base(site)).ifPresent(s -> m.put("Source", s));
    boolean pictures = files.keySet().stream().anyMatch(p -> MimeTypes.of(p).startsWith("image/")
        && !p.startsWith("assets/"));
    boolean videos = files.keySet().stream().anyMatch(p -> MimeTypes.of(p).startsWith("video/"));
    m.put("Tags", "news;_category:news;_ftindex:no;_pictures:" + yesNo(pictures) + ";_videos:" + yesNo(videos)
        + ";_details:yes");
    return m;
  }

  /** ISO 639-3 for Kiwix: given as such, or converted from a BCP 47 tag ({@code zh-Hans} -> {@code zho}). */
  static String language(Optional<String> given, Consumer<String> warnings) {
    if (given.isEmpty()) {
      warnings.accept("the site does not say its language (archive-info.json); the ZIM says \"und\""
          + " (set one with --language)");
      return "und";
    }
    String v = given.get().strip().toLowerCase(Locale.ROOT);
    if (ISO639_3.matcher(v).matches()) {
      return v;
    }
    try {
      String iso3 = Locale.forLanguageTag(v).getISO3Language();
      if (iso3.length() == 3) {
        return iso3;
      }
    } catch (MissingResourceException e) {
      // no ISO 639-3 code for it: below
    }
    warnings.accept("language \"" + given.get() + "\" has no ISO 639-3 code; the ZIM says \"und\"");
    return "und";
  }

  /** {@code ascii-words-of-title_lang_all}, the shape of Kiwix's names; "samizdat" when the title has no ASCII word. */
  static String name(String title, String language) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      slug = "samizdat";
    }
    String lang = language.split(",")[0];
    for (String two : Locale.getISOLanguages()) {
      if (Locale.forLanguageTag(two).getISO3Language().equals(lang)) {
        return slug + "_" + two + "_all";
      }
    }
    return slug + "_" + lang + "_all";
  }

  private static Optional<LocalDate> date(String s) {
    try {
      return Optional.of(LocalDate.parse(s));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Without article dates: the day the newest file of the site was written (UTC), which a rerun keeps. */
  private static LocalDate newest(Path site, SortedMap<String, Long> files) throws IOException {
    long newest = 0;
    for (String f : files.keySet()) {
      newest = Math.max(newest, Files.getLastModifiedTime(site.resolve(f)).toMillis());
    }
    return LocalDate.ofInstant(Instant.ofEpochMilli(newest), ZoneOffset.UTC);
  }

  private static Optional<String> base(Path site) {
    Path page = site.resolve("404.html");
    if (!Files.isRegularFile(page)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(page)) {
      Matcher m = BASE.matcher(new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8));
      return m.find() && !m.group(1).isBlank()
          ? Optional.of(org.jsoup.parser.Parser.unescapeEntities(m.group(1), true)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String cut(String s, int codePoints) {
    return s.codePointCount(0, s.length()) <= codePoints ? s
        : s.substring(0, s.offsetByCodePoints(0, codePoints)).strip();
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
