package samizdat.io;

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
}
