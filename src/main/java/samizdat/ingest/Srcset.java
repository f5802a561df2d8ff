package samizdat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image's {@code srcset} (HTML's list of the same picture at several sizes): its addresses, and
 * the one an archive keeps when the page gives no other.
 */
final class Srcset {
  /**
   * The widest copy worth keeping: a reading column of about 700 CSS pixels on a screen of two
   * device pixels to one. Wider copies cost a stick's space and show nothing more.
   */
  static final int KEEP_WIDTH = 1400;

  private Srcset() {}

  /** One candidate: its address and descriptor ({@code 800w}: width; {@code 2x}: density). */
  record Candidate(String url, int width, double density) {}

  /** The candidates in the order written; a candidate without a descriptor counts as {@code 1x}. */
  static List<Candidate> parse(String srcset) {
    List<Candidate> candidates = new ArrayList<>();
    int i = 0;
    int n = srcset.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(srcset.charAt(i))) {
        i++;
      }
      String url = srcset.substring(start, i);
      boolean ended = url.endsWith(",");
      while (url.endsWith(",")) {
        url = url.substring(0, url.length() - 1);
      }
      int descriptorStart = i;
      while (!ended && i < n && srcset.charAt(i) != ',') {
        i++;
      }
      if (!url.isEmpty()) {
        candidates.add(candidate(url, srcset.substring(descriptorStart, i).strip()));
      }
    }
    return candidates;
  }

  /** The addresses alone. */
  static List<String> urls(String srcset) {
    return parse(srcset).stream().map(Candidate::url).toList();
  }

  /**
   * The copy to keep: the widest up to {@link #KEEP_WIDTH}, else the narrowest; among densities
   * the one closest to {@code 1x}; else the first.
   */
  static Optional<String> choose(String srcset) {
    Candidate best = null;
    for (Candidate c : parse(srcset)) {
      if (c.url().startsWith("data:")) {
        continue;
      }
      if (best == null || better(c, best)) {
        best = c;
      }
    }
    return Optional.ofNullable(best).map(Candidate::url);
  }

  private static boolean better(Candidate c, Candidate best) {
    if (c.width() > 0 && best.width() > 0) {
      boolean fits = c.width() <= KEEP_WIDTH;
      boolean bestFits = best.width() <= KEEP_WIDTH;
      if (fits != bestFits) {
        return fits;
      }
      return fits ? c.width() > best.width() : c.width() < best.width();
    }
    if (c.width() == 0 && best.width() == 0) {
      return Math.abs(c.density() - 1) < Math.abs(best.density() - 1);
    }
    return false; // widths and densities mixed (invalid HTML): the first stands
  }

  private static Candidate candidate(String url, String descriptor) {
    String number = descriptor.isEmpty() ? "" : descriptor.substring(0, descriptor.length() - 1).strip();
    try {
      if (descriptor.endsWith("w")) {
        return new Candidate(url, Integer.parseInt(number), 0);
      }
      if (descriptor.endsWith("x")) {
        return new Candidate(url, 0, Double.parseDouble(number));
      }
    } catch (NumberFormatException e) {
      // a descriptor no browser reads either: the address still counts
    }
    return new Candidate(url, 0, 1);
  }
}
