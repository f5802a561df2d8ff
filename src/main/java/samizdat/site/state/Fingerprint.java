package samizdat.site.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import samizdat.content.ArticleMeta;
import samizdat.content.ImageRef;
import samizdat.content.RelatedLink;
import samizdat.content.Translation;
import samizdat.io.Murmur3;

/**
 * Hashes a page's inputs into a short digest. Every value is length-prefixed and typed, so two
 * different inputs never feed the digest the same bytes. Not thread-safe: one per page.
 *
 * <p>The digest is MurmurHash3 (x64, 128 bits), not a cryptographic hash: it only tells whether a
 * page's inputs changed since the previous build, and a build hashes some 100 MB of view models
 * and bodies, which SHA-256 in the JVM's quick (C1) compiler took over a second to do. An input
 * crafted to collide could at worst keep one stale page until its next change. Names that must
 * stay stable across versions ({@link #hex}: folder buckets, tag slugs) keep SHA-256.
 */
public final class Fingerprint {
  // Inputs are gathered in a buffer and digested once: MessageDigest.update per small value is
  // far slower than one pass over the bytes.
  private byte[] buf = new byte[512];
  private int len;

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }

  /** Lower-case hex of the SHA-256 of {@code text}, cut to {@code chars} characters. */
  public static String hex(String text, int chars) {
    byte[] hash = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash).substring(0, chars);
  }

  public Fingerprint add(String s) {
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

  public Fingerprint add(long v) {
    tag('l', v);
    return this;
  }

  public Fingerprint add(byte[] b) {
    tag('b', b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /**
   * Adds every field of an article's metadata (what {@code toString} would show, without its
   * cost: record toString goes through method handles, slow in the quick compiler).
   */
  public Fingerprint add(ArticleMeta m) {
    add(m.id()).add(m.title());
    addModel(m.url()).addModel(m.site());
    add(m.language());
    addModel(m.published().map(LocalDate::toString));
    addModel(m.authors());
    addModel(m.source());
    addModel(m.tags());
    tag('j', m.image().isPresent() ? 1 : 0);
    m.image().ifPresent(this::add);
    tag('r', m.related().size());
    for (RelatedLink r : m.related()) {
      add(r.title()).add(r.url());
    }
    tag('i', m.images().size());
    for (ImageRef i : m.images()) {
      add(i);
    }
    tag('t', m.translations().size());
    for (Translation t : m.translations()) {
      add(t.language()).add(t.url());
    }
    add(m.profile()).add(m.rawSha256());
    add(m.firstIngested().getEpochSecond()).add(m.firstIngested().getNano());
    return this;
  }

  private void add(ImageRef i) {
    addModel(i.file()).add(i.originalUrl()).add(i.alt()).add(i.caption());
  }

  /** Adds a view model: maps (sorted by key), collections, strings, numbers, booleans. */
  public Fingerprint addModel(Object value) {
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

  /** The 16-byte digest of everything added. */
  public byte[] done() {
    return hash128(buf, 0, len);
  }

  /** MurmurHash3 x64 128 (seed 0) of {@code b[off, off + n)}, as 16 bytes (h1 then h2, little-endian). */
  public static byte[] hash128(byte[] b, int off, int n) {
    return Murmur3.hash128(b, off, n);
  }
}
