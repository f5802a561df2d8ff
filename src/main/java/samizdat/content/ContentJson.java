package samizdat.content;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides how metadata JSON looks: two-space indent, LF line ends, fields in
 * declared order, absent values as {@code null}, ISO dates, a final newline. Byte-identical output
 * for equal input is what keeps re-ingests from touching files.
 *
 * <p>Thread-safe.
 */
public final class ContentJson {
  // ArticleMeta's field names, in @JsonPropertyOrder order; SerializedString keeps their UTF-8.
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString TITLE = new SerializedString("title");
  private static final SerializableString URL = new SerializedString("url");
  private static final SerializableString SITE = new SerializedString("site");
  private static final SerializableString LANGUAGE = new SerializedString("language");
  private static final SerializableString PUBLISHED = new SerializedString("published");
  private static final SerializableString AUTHORS = new SerializedString("authors");
  private static final SerializableString SOURCE = new SerializedString("source");
  private static final SerializableString TAGS = new SerializedString("tags");
  private static final SerializableString IMAGE = new SerializedString("image");
  private static final SerializableString RELATED = new SerializedString("related");
  private static final SerializableString IMAGES = new SerializedString("images");
  private static final SerializableString TRANSLATIONS = new SerializedString("translations");
  private static final SerializableString PROFILE = new SerializedString("profile");
  private static final SerializableString RAW_SHA256 = new SerializedString("rawSha256");
  private static final SerializableString FIRST_INGESTED = new SerializedString("firstIngested");
  // RelatedLink's, ImageRef's and Translation's, in record component order (databind's order).
  private static final SerializableString FILE = new SerializedString("file");
  private static final SerializableString ORIGINAL_URL = new SerializedString("originalUrl");
  private static final SerializableString ALT = new SerializedString("alt");
  private static final SerializableString CAPTION = new SerializedString("caption");
  private static final SerializableString TRANSLATION_LANGUAGE = LANGUAGE;

  private final ObjectMapper mapper;
  private final ObjectWriter writer;

  public ContentJson() {
    mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(indenter);
    printer.indentArraysWith(indenter);
    writer = mapper.writer(printer);
  }

  /** The shared mapper, configured for our records (Optional, java.time). */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** Serialises any value the way content files are written. */
  public byte[] toBytes(Object value) {
    // ArticleMeta is written once per ingested page, and databind's bean serialiser (record
    // accessors by reflection, Optional unwrapping) showed up in ingest profiles, which run
    // mostly under C1; the hand-written walk skips that layer and gives the same bytes.
    return value instanceof ArticleMeta meta ? metaBytes(meta) : databindBytes(value);
  }

  /** The databind route, for every type without a hand-written one; also the tests' reference. */
  byte[] databindBytes(Object value) {
    try {
      byte[] json;
      try {
        json = writer.writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        // For an output error, e.g. a lone surrogate where a Jackson version refuses one (2.20
        // escapes it instead); the String route then writes it as '?'.
        return databindBytesViaString(value);
      }
      byte[] out = Arrays.copyOf(json, json.length + 1);
      out[json.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The String route of {@link #databindBytes}; package-private so tests can reach it. */
  byte[] databindBytesViaString(Object value) throws JsonProcessingException {
    return (writer.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Writes one JSON value to a generator, the way a hand-written serialiser does. */
  @FunctionalInterface
  public interface Walk {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * The bytes {@code walk} writes, as content files are written: generators from {@link
   * ObjectWriter#createGenerator}, so factory features, escaping and the pretty printer are the
   * ones databind uses (a walk that writes what databind would gives the same bytes), and the
   * final newline. For values written often and large, where databind's bean serialiser (record
   * accessors by reflection) shows in profiles.
   */
  public byte[] write(Walk walk) {
    try {
      try {
        return bytesUtf8(walk);
      } catch (JsonProcessingException e) {
        // Same fallback as databindBytes, for the same reason.
        return bytesViaString(walk);
      }
    } catch (IOException e) {
      // In-memory targets: only the generator itself can fail, as in databindBytes.
      throw new UncheckedIOException(e);
    }
  }

  /** What {@link #databindBytes} gives for an ArticleMeta, written field by field. */
  private byte[] metaBytes(ArticleMeta meta) {
    return write(g -> writeMeta(g, meta));
  }

  // Buffer handling as in ObjectWriter.writeValueAsBytes, plus the final newline in place.
  private byte[] bytesUtf8(Walk walk) throws IOException {
    BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
    try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator g = writer.createGenerator(out, JsonEncoding.UTF8)) {
        walk.write(g);
      }
      out.append('\n');
      return out.getClearAndRelease();
    } finally {
      recycler.releaseToPool();
    }
  }

  /** The String route of {@link #metaBytes}; package-private so tests can reach it. */
  byte[] metaBytesViaString(ArticleMeta meta) throws IOException {
    return bytesViaString(g -> writeMeta(g, meta));
  }

  private byte[] bytesViaString(Walk walk) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = writer.createGenerator(out)) {
      walk.write(g);
    }
    out.append('\n');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  // Mirrors the serialisers databind picks: absent Optionals as null (Jdk8Module's default),
  // java.time values as their toString() (JavaTimeModule with WRITE_DATES_AS_TIMESTAMPS off
  // and no mapper time zone: ISO_LOCAL_DATE, and ISO_INSTANT with 0, 3, 6 or 9 fraction digits).
  private static void writeMeta(JsonGenerator g, ArticleMeta m) throws IOException {
    g.writeStartObject();
    g.writeFieldName(ID);
    g.writeString(m.id());
    g.writeFieldName(TITLE);
    g.writeString(m.title());
    g.writeFieldName(URL);
    writeOptional(g, m.url());
    g.writeFieldName(SITE);
    writeOptional(g, m.site());
    g.writeFieldName(LANGUAGE);
    g.writeString(m.language());
    g.writeFieldName(PUBLISHED);
    if (m.published().isPresent()) {
      g.writeString(m.published().get().toString());
    } else {
      g.writeNull();
    }
    g.writeFieldName(AUTHORS);
    writeStrings(g, m.authors());
    g.writeFieldName(SOURCE);
    writeOptional(g, m.source());
    g.writeFieldName(TAGS);
    writeStrings(g, m.tags());
    g.writeFieldName(IMAGE);
    if (m.image().isPresent()) {
      writeImage(g, m.image().get());
    } else {
      g.writeNull();
    }
    g.writeFieldName(RELATED);
    g.writeStartArray();
    for (RelatedLink link : m.related()) {
      g.writeStartObject();
      g.writeFieldName(TITLE);
      g.writeString(link.title());
      g.writeFieldName(URL);
      g.writeString(link.url());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName(IMAGES);
    g.writeStartArray();
    for (ImageRef image : m.images()) {
      writeImage(g, image);
    }
    g.writeEndArray();
    g.writeFieldName(TRANSLATIONS);
    g.writeStartArray();
    for (Translation t : m.translations()) {
      g.writeStartObject();
      g.writeFieldName(TRANSLATION_LANGUAGE);
      g.writeString(t.language());
      g.writeFieldName(URL);
      g.writeString(t.url());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName(PROFILE);
    g.writeString(m.profile());
    g.writeFieldName(RAW_SHA256);
    g.writeString(m.rawSha256());
    g.writeFieldName(FIRST_INGESTED);
    g.writeString(m.firstIngested().toString());
    g.writeEndObject();
  }

  private static void writeImage(JsonGenerator g, ImageRef image) throws IOException {
    g.writeStartObject();
    g.writeFieldName(FILE);
    writeOptional(g, image.file());
    g.writeFieldName(ORIGINAL_URL);
    g.writeString(image.originalUrl());
    g.writeFieldName(ALT);
    g.writeString(image.alt());
    g.writeFieldName(CAPTION);
    g.writeString(image.caption());
    g.writeEndObject();
  }

  private static void writeOptional(JsonGenerator g, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeString(value.get());
    } else {
      g.writeNull();
    }
  }

  private static void writeStrings(JsonGenerator g, List<String> values) throws IOException {
    g.writeStartArray();
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  public ArticleMeta readMeta(byte[] json) throws IOException {
    return mapper.readValue(json, ArticleMeta.class);
  }
}
