package samizdat.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The one test of whether a file name can be stored everywhere an archive goes: Windows, FAT and
 * exFAT sticks refuse device names ({@code CON}, {@code nul.html}, {@code com1}: any case, any
 * extension) and silently drop a trailing dot or space, which makes two names one.
 */
public final class PortableNames {
  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
      "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
      "COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3");

  private PortableNames() {}

  /** The device name {@code name} (one path component) stands for on Windows, or "" for none. */
  public static String reservedStem(String name) {
    int dot = name.indexOf('.');
    String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
    return RESERVED.contains(stem) ? stem : "";
  }

  /** True when {@code name} cannot be stored as it is on Windows, FAT or exFAT. */
  public static boolean isUnportable(String name) {
    return !reservedStem(name).isEmpty() || name.endsWith(".") || name.endsWith(" ");
  }

  /**
   * True when the name of {@code file}, as listed from its folder, is valid UTF-8: its bytes and
   * the name Java shows for them are the same. A name that is not (written by a tool that used
   * Latin-1 or GBK) cannot be held by a FAT or exFAT stick, a manifest, a ZIM or a URL, and
   * Java finds the file again only through the very {@code Path} it was listed as.
   */
  public static boolean isUtf8(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return true;
    }
    String shown = name.toString();
    if (shown.chars().allMatch(c -> c < 0x80)) {
      return true; // ASCII: the same bytes in UTF-8 and in any encoding Java could have read them with
    }
    try {
      return file.resolveSibling(shown).equals(file);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * The name of {@code file} for a message: as it is when valid UTF-8, else with each byte that
   * is not part of a valid UTF-8 character shown as {@code \xNN} ("caf\xE9.html").
   */
  public static String shown(Path file) {
    Path name = file.getFileName();
    if (name == null || isUtf8(file)) {
      return name == null ? file.toString() : name.toString();
    }
    // A file URI keeps the name's own bytes, percent-encoded; its last segment is the name.
    String raw = file.toAbsolutePath().toUri().getRawPath();
    if (raw.endsWith("/")) {
      raw = raw.substring(0, raw.length() - 1);
    }
    raw = raw.substring(raw.lastIndexOf('/') + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    byte[] b = bytes.toByteArray();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < b.length) {
      int len = validLength(b, i);
      if (len > 0) {
        out.append(new String(b, i, len, StandardCharsets.UTF_8));
        i += len;
      } else {
        out.append(String.format(Locale.ROOT, "\\x%02X", b[i] & 0xff));
        i++;
      }
    }
    return out.toString();
  }

  /** The length of the valid UTF-8 character at {@code b[i]}, or 0 when there is none. */
  private static int validLength(byte[] b, int i) {
    int lead = b[i] & 0xff;
    int len = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
        : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (len == 0 || i + len > b.length) {
      return 0;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, i, len));
      return len;
    } catch (CharacterCodingException e) {
      return 0;
    }
  }
}
