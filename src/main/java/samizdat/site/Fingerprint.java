package samizdat.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Hashes a page's inputs into a short digest. Every value is length-prefixed and typed, so two
 * different inputs never feed the digest the same bytes. Not thread-safe: one per page.
 */
final class Fingerprint {
  private final MessageDigest digest;

  Fingerprint() {
    digest = sha256();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }

  /** Lower-case hex of the SHA-256 of {@code text}, cut to {@code chars} characters. */
  static String hex(String text, int chars) {
    byte[] hash = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash).substring(0, chars);
  }

  Fingerprint add(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    tag('s', b.length);
    digest.update(b);
    return this;
  }

  Fingerprint add(long v) {
    tag('l', v);
    return this;
  }

  Fingerprint add(byte[] b) {
    tag('b', b.length);
    digest.update(b);
    return this;
  }

  /** Adds a view model: maps (in their iteration order), collections, strings, numbers, booleans. */
  Fingerprint addModel(Object value) {
    if (value instanceof Map<?, ?> map) {
      // Sorted keys: Map.of iteration order differs between JVM runs.
      tag('m', map.size());
      java.util.List<String> keys = new java.util.ArrayList<>(map.size());
      for (Object k : map.keySet()) {
        keys.add(String.valueOf(k));
      }
      keys.sort(null);
      for (String k : keys) {
        add(k);
        addModel(map.get(k));
      }
    } else if (value instanceof Collection<?> list) {
      tag('c', list.size());
      for (Object o : list) {
        addModel(o);
      }
    } else if (value instanceof Optional<?> opt) {
      tag('o', opt.isPresent() ? 1 : 0);
      opt.ifPresent(this::addModel);
    } else if (value instanceof Boolean b) {
      tag('z', b ? 1 : 0);
    } else if (value instanceof Number n) {
      add(n.toString());
    } else if (value == null) {
      tag('n', 0);
    } else {
      add(value.toString());
    }
    return this;
  }

  private void tag(char type, long v) {
    digest.update((byte) type);
    for (int i = 0; i < 8; i++) {
      digest.update((byte) (v >>> (8 * i)));
    }
  }

  /** The first 16 bytes of the digest; the fingerprint is then spent. */
  byte[] done() {
    return Arrays.copyOf(digest.digest(), 16);
  }
}
