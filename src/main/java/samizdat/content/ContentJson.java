package samizdat.content;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one place that decides how metadata JSON looks: two-space indent, LF line ends, fields in
 * declared order, absent values as {@code null}, ISO dates, a final newline. Byte-identical output
 * for equal input is what keeps re-ingests from touching files.
 *
 * <p>Thread-safe.
 */
public final class ContentJson {
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
    try {
      byte[] json;
      try {
        json = writer.writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        // Jackson's UTF-8 output refuses a lone surrogate; the String route writes it as '?'.
        json = writer.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
      }
      byte[] out = Arrays.copyOf(json, json.length + 1);
      out[json.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ArticleMeta readMeta(byte[] json) throws IOException {
    return mapper.readValue(json, ArticleMeta.class);
  }
}
