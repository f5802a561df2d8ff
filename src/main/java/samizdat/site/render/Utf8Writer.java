package samizdat.site.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A Writer that encodes straight into a growable UTF-8 byte buffer, for rendering pages: a
 * StringWriter, its String and then String.getBytes made three copies of every page (a third of
 * all the bytes a build allocated outside the search index). One per thread; {@link #reset} makes
 * it reusable. Lone surrogates become {@code ?}, as {@code String.getBytes(UTF_8)} does.
 */
public final class Utf8Writer extends Writer {
  private byte[] buf;
  private int len;
  /** A high surrogate waiting for its low half (written separately), or 0. */
  private char high;

  Utf8Writer(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Empties the buffer, keeping its memory. */
  void reset() {
    len = 0;
    high = 0;
  }

  /** The bytes written since the last reset. */
  byte[] toByteArray() {
    if (high != 0) {
      high = 0;
      put('?');
    }
    return Arrays.copyOf(buf, len);
  }

  @Override
  public void write(int c) {
    put((char) c);
  }

  @Override
  public void write(char[] chars, int off, int n) {
    encode(chars, off, n);
  }

  @Override
  public void write(String s, int off, int n) {
    // getChars copies in bulk; charAt per character costs a bounds and coder check each
    if (scratch.length < n) {
      scratch = new char[Math.max(n, 2 * scratch.length)];
    }
    s.getChars(off, off + n, scratch, 0);
    encode(scratch, 0, n);
  }

  private char[] scratch = new char[1024];

  /** Encodes {@code chars[off, off + n)}: a tight loop over the common cases, the rest via {@link #put}. */
  private void encode(char[] chars, int off, int n) {
    ensure(3 * n + 4);
    byte[] b = buf;
    int p = len;
    int end = off + n;
    for (int i = off; i < end; i++) {
      char c = chars[i];
      if (high != 0 || Character.isSurrogate(c)) {
        len = p;
        put(c);
        p = len;
        b = buf;
      } else if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    len = p;
  }

  @Override
  public Writer append(CharSequence csq) {
    String s = String.valueOf(csq);
    write(s, 0, s.length());
    return this;
  }

  private void put(char c) {
    if (high != 0) {
      char h = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(h, c);
        ensure(4);
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
        return;
      }
      put('?');
    }
    ensure(3);
    if (c < 0x80) {
      buf[len++] = (byte) c;
    } else if (c < 0x800) {
      buf[len++] = (byte) (0xC0 | (c >> 6));
      buf[len++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      buf[len++] = '?';
    } else {
      buf[len++] = (byte) (0xE0 | (c >> 12));
      buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buf[len++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
