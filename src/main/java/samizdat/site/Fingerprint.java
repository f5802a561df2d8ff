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
  // Inputs are gathered in a buffer and digested once: MessageDigest.update per small value is
  // far slower than one pass over the bytes.
  private byte[] buf = new byte[512];
  private int len;

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
    int n = s.length();
    ensure(9 + 3 * n);
    int lenAt = len + 1;
    buf[len] = 's';
    len += 9;
    int start = len;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else {
        // UTF-16 code units as three bytes each: a stable encoding, surrogates included
        buf[len++] = (byte) (0xE0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    putLong(lenAt, len - start);
    return this;
  }

  Fingerprint add(long v) {
    tag('l', v);
    return this;
  }

  Fingerprint add(byte[] b) {
    tag('b', b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** Adds a view model: maps (sorted by key), collections, strings, numbers, booleans. */
  Fingerprint addModel(Object value) {
    if (value instanceof Map<?, ?> map) {
      // Sorted keys: Map.of iteration order differs between JVM runs.
      tag('m', map.size());
      if (map.size() == 1) {
        var e = map.entrySet().iterator().next();
        add(String.valueOf(e.getKey()));
        addModel(e.getValue());
        return this;
      }
      String[] keys = new String[map.size()];
      int i = 0;
      for (Object k : map.keySet()) {
        keys[i++] = String.valueOf(k);
      }
      Arrays.sort(keys);
      for (String k : keys) {
        add(k);
        addModel(map.get(k));
      }
    } else if (value instanceof String s) {
      add(s);
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
    ensure(9);
    buf[len] = (byte) type;
    putLong(len + 1, v);
    len += 9;
  }

  private void putLong(int at, long v) {
    for (int i = 0; i < 8; i++) {
      buf[at + i] = (byte) (v >>> (8 * i));
    }
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  /** The first 16 bytes of the SHA-256 of everything added. */
  byte[] done() {
    MessageDigest digest = sha256();
    digest.update(buf, 0, len);
    return Arrays.copyOf(digest.digest(), 16);
  }
}
