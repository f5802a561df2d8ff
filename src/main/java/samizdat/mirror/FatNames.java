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
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) >= 0x80) {
        return path.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT); // "Straße" and "STRASSE" meet
      }
    }
    return path.toLowerCase(Locale.ROOT); // the same key for ASCII, and no copy when already lower case
  }

  /**
   * One line per problem with {@code files} (relative '/' paths and sizes): bad names, files too
   * big for FAT32, and paths that differ only in case.
   */
  static List<String> problems(Map<String, Long> files) {
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    Folders folders = new Folders();
    for (Map.Entry<String, Long> f : files.entrySet()) {
      String path = f.getKey();
      int slash = path.lastIndexOf('/');
      // Each folder is checked once, however many files it holds; each file names its folder's problem.
      Folder folder = folders.of(slash < 0 ? "" : path.substring(0, slash));
      String why = folder.nameProblem().isEmpty() ? nameProblem(path.substring(slash + 1)) : folder.nameProblem();
      if (!why.isEmpty()) {
        problems.add(path + ": " + why);
      }
      if (f.getValue() > MAX_FILE_SIZE) {
        problems.add(path + ": " + f.getValue() + " bytes; FAT32 sticks cannot hold files of 4 GiB or more");
      }
      String other = seen.putIfAbsent(caseKey(path), path);
      if (other != null) {
        problems.add(path + ": same name as " + other + " on a case-insensitive stick");
      }
      if (!folder.caseClash().isEmpty()) {
        problems.add(path + ": " + folder.caseClash());
      }
    }
    return problems;
  }

  /**
   * What is wrong with a folder of the site: the problem of the first of its names (from the top)
   * that a stick cannot hold, and the first of it and its parents that another folder of the
   * site, spelled differently, would merge with ("" for none).
   */
  private record Folder(String nameProblem, String caseClash) {
    static final Folder ROOT = new Folder("", "");
  }

  /** The folders of the site seen so far, and which spelling of each case key came first. */
  private static final class Folders {
    private final Map<String, Folder> checked = new HashMap<>();
    private final Map<String, String> firstSpelling = new HashMap<>();

    Folder of(String dir) {
      if (dir.isEmpty()) {
        return Folder.ROOT;
      }
      Folder known = checked.get(dir);
      if (known != null) {
        return known;
      }
      int slash = dir.lastIndexOf('/');
      Folder parent = of(slash < 0 ? "" : dir.substring(0, slash));
      String nameProblem = parent.nameProblem().isEmpty() ? nameProblem(dir.substring(slash + 1)) : parent.nameProblem();
      String caseClash = parent.caseClash();
      if (caseClash.isEmpty()) {
        // A folder "News" and a folder "news" would also merge.
        String prev = firstSpelling.putIfAbsent(caseKey(dir), dir);
        if (prev != null && !prev.equals(dir)) {
          caseClash = "folder " + dir + " has the same name as " + prev + " on a case-insensitive stick";
        }
      }
      Folder folder = new Folder(nameProblem, caseClash);
      checked.put(dir, folder);
      return folder;
    }
  }
}
