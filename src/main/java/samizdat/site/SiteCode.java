package samizdat.site;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import samizdat.content.ContentStore;
import samizdat.io.Murmur3;
import samizdat.search.SearchIndex;
import samizdat.site.render.ClasspathDir;
import samizdat.site.state.Fingerprint;

/**
 * The code a built site depends on, as one fingerprint in the build state: a new samizdat that
 * changes any of it renders every page again, one that does not keeps the site. It covers our
 * packages the build runs (each with its subpackages) and the versions of the libraries they call.
 */
final class SiteCode {
  /** A class of each samizdat package the build's code uses: its folder tree is hashed. */
  static final List<Class<?>> PACKAGES =
      List.of(SiteBuilder.class, SearchIndex.class, ContentStore.class, Murmur3.class);

  /** The libraries the build's code imports: package prefix → Maven group and artifact. */
  static final Map<String, String> LIBRARIES = Map.of(
      "org.commonmark", "org.commonmark/commonmark",
      "com.github.mustachejava", "com.github.spullara.mustache.java/compiler",
      "com.fasterxml.jackson.core", "com.fasterxml.jackson.core/jackson-core",
      "com.fasterxml.jackson.databind", "com.fasterxml.jackson.core/jackson-databind",
      "com.fasterxml.jackson.annotation", "com.fasterxml.jackson.core/jackson-annotations",
      "com.fasterxml.jackson.datatype.jdk8", "com.fasterxml.jackson.datatype/jackson-datatype-jdk8",
      "com.fasterxml.jackson.datatype.jsr310", "com.fasterxml.jackson.datatype/jackson-datatype-jsr310");

  private SiteCode() {}

  static byte[] fingerprint() throws IOException {
    Fingerprint fp = new Fingerprint().add("site-code");
    for (Class<?> c : PACKAGES) {
      fp.add(c.getPackageName()).add(ClasspathDir.fingerprintOf(c));
    }
    for (String library : LIBRARIES.values().stream().sorted().toList()) {
      fp.add(library).add(version(library).orElse("?"));
    }
    return fp.done();
  }

  /**
   * A library's version from the {@code pom.properties} Maven puts in its jar (kept in ours by the
   * shade plugin); empty when it is not on the class path.
   */
  static Optional<String> version(String groupAndArtifact) throws IOException {
    String resource = "/META-INF/maven/" + groupAndArtifact + "/pom.properties";
    try (InputStream in = SiteCode.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.ofNullable(p.getProperty("version"));
    }
  }
}
