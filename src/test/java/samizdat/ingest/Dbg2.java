package samizdat.ingest;
import java.nio.file.*;
import org.jsoup.nodes.*;
public class Dbg2 {
  public static void main(String[] a) throws Exception {
    for (String f : a) {
      Document d = GenericDevHarness.parse(Path.of(f));
      System.out.println("=== " + f + " | " + d.title());
      BodyScorer.Scored s = BodyScorer.score(d);
      int i = 0;
      for (BodyScorer.Block b : s.ranked()) {
        if (i++ > 2) break;
        String t = b.el.text();
        System.out.printf("  %.1f u=%d %s%n     [%s ... %s]%n", b.finalScore(), b.units, Dbg.path(b.el).replaceAll("^.*?/body", "").substring(0, Math.min(200, Dbg.path(b.el).replaceAll("^.*?/body", "").length())),
          t.substring(0, Math.min(60, t.length())), t.substring(Math.max(0, t.length() - 80)));
      }
    }
  }
}
