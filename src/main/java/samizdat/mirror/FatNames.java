package samizdat.mirror;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The limits of FAT32 and exFAT, the file systems of almost every USB stick and SD card: which
 * names they can store, that they ignore case, and FAT32's 4 GiB file size limit. Checked before
 * copying, so a stick is never left half-written because of a name it cannot hold.
 */
final class FatNames {
  /** FAT32 cannot store a file of 4 GiB or more. */
  static final long MAX_FILE_SIZE = (1L << 32) - 1;
  /** Long-file-name entries hold at most 255 UTF-16 units. */
  static final int MAX_NAME_LENGTH = 255;

  private static final String FORBIDDEN = "<>:\"\\|?*";

  private FatNames() {}

  /** Why {@code name} (one path component) cannot be stored, or empty when it can. */
  static String nameProblem(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "has a control character";
      }
      if (FORBIDDEN.indexOf(c) >= 0) {
        return "has '" + c + "', which FAT/exFAT cannot store";
      }
    }
    if (name.endsWith(".") || name.endsWith(" ")) {
      return "ends with a dot or space, which FAT/exFAT drop";
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return "name is longer than " + MAX_NAME_LENGTH + " characters";
    }
    String stem = samizdat.io.PortableNames.reservedStem(name);
    if (!stem.isEmpty()) {
      return "'" + stem + "' is a reserved device name on Windows";
    }
    return "";
  }

  /** The key two names share when a case-insensitive file system sees them as the same. */
  static String caseKey(String path) {
    return path.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /**
   * One line per problem with {@code files} (relative '/' paths and sizes): bad names, files too
   * big for FAT32, and paths that differ only in case.
   */
  static List<String> problems(Map<String, Long> files) {
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    Map<String, String> seenDirs = new HashMap<>();
    for (Map.Entry<String, Long> f : files.entrySet()) {
      String path = f.getKey();
      String[] parts = path.split("/");
      for (String part : parts) {
        String why = nameProblem(part);
        if (!why.isEmpty()) {
          problems.add(path + ": " + why);
          break;
        }
      }
      if (f.getValue() > MAX_FILE_SIZE) {
        problems.add(path + ": " + f.getValue() + " bytes; FAT32 sticks cannot hold files of 4 GiB or more");
      }
      String other = seen.putIfAbsent(caseKey(path), path);
      if (other != null) {
        problems.add(path + ": same name as " + other + " on a case-insensitive stick");
      }
      // A directory "News" and a directory "news" would also merge.
      StringBuilder dir = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        if (i > 0) {
          dir.append('/');
        }
        dir.append(parts[i]);
        String d = dir.toString();
        String prev = seenDirs.putIfAbsent(caseKey(d), d);
        if (prev != null && !prev.equals(d)) {
          problems.add(path + ": folder " + d + " has the same name as " + prev + " on a case-insensitive stick");
          break;
        }
      }
    }
    return problems;
  }
}
