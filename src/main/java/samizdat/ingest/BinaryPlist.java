package samizdat.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apple's binary property list ({@code bplist00}), as Safari writes a web archive: read into
 * maps, lists, strings, byte arrays, longs, doubles and booleans ({@link #NONE} for a null).
 * Every offset and count is checked against the file, and an object that contains itself is
 * refused, so a damaged or hostile file gives one clear failure.
 */
final class BinaryPlist {
  /** What a plist's null (and fill) byte reads as. */
  static final Object NONE = new Object();
  private static final int TRAILER = 32;
  /** Deeper nesting than any real archive: a cycle or a hostile file. */
  private static final int MAX_DEPTH = 64;
  /**
   * More objects and entries than any real archive (a page with hundreds of resources has a few
   * thousand): each one-byte reference would cost a heap reference of eight.
   */
  private static final int MAX_ENTRIES = 1 << 20;

  private final byte[] b;
  /** Where the objects end: the offset table's start. */
  private final int limit;
  private final int refSize;
  private final long[] offsets;
  private final Object[] decoded;
  private final boolean[] open;
  private int entries;

  private BinaryPlist(byte[] b, int limit, int refSize, long[] offsets) {
    this.b = b;
    this.limit = limit;
    this.refSize = refSize;
    this.offsets = offsets;
    this.decoded = new Object[offsets.length];
    this.open = new boolean[offsets.length];
  }

  static boolean looksLike(byte[] raw) {
    return raw.length >= 8 + TRAILER
        && new String(raw, 0, 7, StandardCharsets.ISO_8859_1).equals("bplist0");
  }

  /** The top object. */
  static Object parse(byte[] raw) throws SourceFailure {
    if (!looksLike(raw)) {
      throw bad("not a binary property list");
    }
    int t = raw.length - TRAILER;
    int offsetSize = raw[t + 6] & 0xff;
    int refSize = raw[t + 7] & 0xff;
    long count = be(raw, t + 8, 8);
    long top = be(raw, t + 16, 8);
    long table = be(raw, t + 24, 8);
    if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8 || count < 1
        || top < 0 || top >= count || table < 8 || count > t || table + count * offsetSize > t) {
      throw bad("its table of objects is damaged");
    }
    if (count > MAX_ENTRIES) {
      throw bad("more than " + MAX_ENTRIES + " objects");
    }
    long[] offsets = new long[(int) count];
    for (int i = 0; i < count; i++) {
      offsets[i] = be(raw, (int) table + i * offsetSize, offsetSize);
      if (offsets[i] < 8 || offsets[i] >= table) {
        throw bad("an object lies outside the file");
      }
    }
    return new BinaryPlist(raw, (int) table, refSize, offsets).object((int) top, 0);
  }

  private Object object(int index, int depth) throws SourceFailure {
    if (index < 0 || index >= offsets.length) {
      throw bad("a reference to no object");
    }
    if (decoded[index] != null) {
      return decoded[index];
    }
    if (open[index] || depth > MAX_DEPTH) {
      throw bad("an object contains itself");
    }
    open[index] = true;
    Object o = read((int) offsets[index], depth);
    open[index] = false;
    decoded[index] = o;
    return o;
  }

  private Object read(int at, int depth) throws SourceFailure {
    int marker = b[at] & 0xff;
    int type = marker >> 4;
    int info = marker & 0x0f;
    switch (type) {
      case 0x0:
        return info == 0x8 ? Boolean.FALSE : info == 0x9 ? Boolean.TRUE : NONE;
      case 0x1:
        return be(b, need(at + 1, 1 << info), Math.min(8, 1 << info));
      case 0x2:
      case 0x3:
        long bits = be(b, need(at + 1, 1 << info), 1 << info);
        return info == 2 ? (double) Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
      default:
        break;
    }
    int[] len = length(at, info);
    int start = len[1];
    int n = len[0];
    if ((type == 0xA || type == 0xC || type == 0xD) && (entries += n) > MAX_ENTRIES) {
      throw bad("more than " + MAX_ENTRIES + " entries");
    }
    switch (type) {
      case 0x4:
        return Arrays.copyOfRange(b, need(start, n), start + n);
      case 0x5:
        return new String(b, need(start, n), n, StandardCharsets.ISO_8859_1);
      case 0x6:
        return new String(b, need(start, 2 * n), 2 * n, StandardCharsets.UTF_16BE);
      case 0x8:
        return be(b, need(at + 1, info + 1), Math.min(8, info + 1));
      case 0xA:
      case 0xC: {
        need(start, n * refSize);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(object((int) be(b, start + i * refSize, refSize), depth + 1));
        }
        return list;
      }
      case 0xD: {
        need(start, 2 * n * refSize);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          Object key = object((int) be(b, start + i * refSize, refSize), depth + 1);
          Object value = object((int) be(b, start + (n + i) * refSize, refSize), depth + 1);
          map.putIfAbsent(String.valueOf(key), value);
        }
        return map;
      }
      default:
        throw bad("an object of unknown type 0x" + Integer.toHexString(marker));
    }
  }

  /** An object's count and where its content starts: in the marker, or in an integer after it. */
  private int[] length(int at, int info) throws SourceFailure {
    if (info != 0x0f) {
      return new int[] {info, at + 1};
    }
    int intMarker = b[need(at + 1, 1)] & 0xff;
    if (intMarker >> 4 != 0x1 || (intMarker & 0x0f) > 3) {
      throw bad("a length that is not an integer");
    }
    int size = 1 << (intMarker & 0x0f);
    long n = be(b, need(at + 2, size), size);
    if (n < 0 || n > limit) {
      throw bad("a length larger than the file");
    }
    return new int[] {(int) n, at + 2 + size};
  }

  /** {@code at}, once {@code n} bytes from it are known to be among the objects. */
  private int need(int at, long n) throws SourceFailure {
    if (at < 0 || n < 0 || at + n > limit) {
      throw bad("an object runs past the end of the file");
    }
    return at;
  }

  private static long be(byte[] b, int at, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = v << 8 | (b[at + i] & 0xff);
    }
    return v;
  }

  private static SourceFailure bad(String what) {
    return new SourceFailure("damaged web archive: " + what);
  }
}
