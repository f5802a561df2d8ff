package samizdat.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Realistic-shaped Chinese news documents for tests and the benchmark: a Zipf-distributed
 * vocabulary of one- to four-character words over the common Han range, some Latin words and
 * numbers, punctuation, Zipf-distributed tags, dates spread over the given years.
 */
final class SyntheticDocuments {
  private final long seed;
  private final String[] words;
  private final double[] wordCdf;
  private final String[] tags;
  private final double[] tagCdf;
  private static final String[] LATIN = {"AI", "OpenAI", "Gemini", "ChatGPT", "GPU", "iPhone", "Meta",
      "Google", "Tesla", "5G", "COVID-19", "NASA", "WHO", "Twitter", "TikTok", "Nvidia", "A100", "LLM"};
  private static final String PUNCT = "，，，。。、；：！？";

  SyntheticDocuments(long seed) {
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    words = new String[30_000];
    for (int i = 0; i < words.length; i++) {
      int len = 1 + (i % 7 == 0 ? 0 : i % 5 == 0 ? 2 : i % 11 == 0 ? 3 : 1);
      StringBuilder w = new StringBuilder();
      for (int k = 0; k < len; k++) {
        // Common characters cluster in the lower part of the block, like real frequency lists.
        w.appendCodePoint(0x4E00 + (int) Math.min(20_900, Math.abs(random.nextGaussian()) * 2500));
      }
      words[i] = w.toString();
    }
    wordCdf = zipf(words.length, 1.05);
    tags = new String[800];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = i % 9 == 0 ? LATIN[i % LATIN.length] + i : words[(i * 37) % 3000] + words[(i * 11 + 5) % 5000];
    }
    tagCdf = zipf(tags.length, 1.1);
  }

  private static double[] zipf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  private static int draw(SplittableRandom random, double[] cdf) {
    double x = random.nextDouble();
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private String text(SplittableRandom random, int chars) {
    StringBuilder t = new StringBuilder(chars + 16);
    while (t.length() < chars) {
      int r = random.nextInt(100);
      if (r < 3) {
        t.append(' ').append(LATIN[random.nextInt(LATIN.length)]).append(' ');
      } else if (r < 5) {
        t.append(random.nextInt(2030));
      } else if (r < 18) {
        t.append(PUNCT.charAt(random.nextInt(PUNCT.length())));
      } else {
        t.append(words[draw(random, wordCdf)]);
      }
      if (random.nextInt(400) == 0) {
        t.append("\n\n");
      }
    }
    return t.toString();
  }

  /**
   * Documents numbered from {@code first}, dated evenly from {@code from} over {@code days}. The
   * list makes each document when asked (the same one every time), like the site build's lazy
   * document list, so 100,000 of them need not sit in memory.
   */
  List<SearchDocument> documents(int first, int count, LocalDate from, int days) {
    return new java.util.AbstractList<>() {
      @Override
      public SearchDocument get(int index) {
        return document(first + index, from.plusDays((long) index * days / Math.max(1, count)));
      }

      @Override
      public int size() {
        return count;
      }
    };
  }

  SearchDocument document(int i, LocalDate date) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    List<String> docTags = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int k = 0; k < n; k++) {
      String tag = tags[draw(r, tagCdf)];
      if (!docTags.contains(tag)) {
        docTags.add(tag);
      }
    }
    String id = String.format("%s-%06d", date.toString().replace("-", ""), i);
    return new SearchDocument(id, text(r, 12 + r.nextInt(20)).strip(), Optional.of(date), docTags,
        text(r, 800 + r.nextInt(2400)),
        String.format("a/%04d/%02d/%s/index.html", date.getYear(), date.getMonthValue(), id));
  }
}
