package samizdat.search;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/** Quick timing probe (temporary). */
final class SearchBench {
  private SearchBench() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    long t0 = System.nanoTime();
    List<SearchDocument> docs = new SyntheticDocuments(1).documents(0, n, LocalDate.of(2020, 1, 1), 1800);
    long t1 = System.nanoTime();
    Tokenizer tk = Tokenizer.standard();
    long count = 0;
    for (SearchDocument d : docs) {
      count += tk.terms(d.text()).size();
    }
    long t2 = System.nanoTime();
    SortedMap<String, byte[]> files = new SearchIndex().build(docs);
    long t3 = System.nanoTime();
    long bytes = files.values().stream().mapToLong(b -> b.length).sum();
    if (args.length > 1) {
      files.forEach((path, b) -> {
        try {
          java.nio.file.Path f = java.nio.file.Path.of(args[1]).resolve(path);
          java.nio.file.Files.createDirectories(f.getParent());
          java.nio.file.Files.write(f, b);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    System.out.printf("gen %.1fs tokenize %.1fs (%d terms) build %.1fs files %d bytes %d%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, count, (t3 - t2) / 1e9, files.size(), bytes);
  }
}
