package samizdat.ingest;
import java.nio.file.*;
import org.jsoup.nodes.*;
public class Dbg {
  public static void main(String[] a) throws Exception {
    Document d = GenericDevHarness.parse(Path.of(a[0]));
    BodyScorer.Scored s = BodyScorer.score(d);
    int i = 0;
    for (BodyScorer.Block b : s.ranked()) {
      if (i++ > 8) break;
      System.out.printf("%.1f score=%.1f units=%d ld=%.2f paras=%d %s%n", b.finalScore(), b.score, b.units, b.linkDensity(), b.paras, path(b.el));
    }
    // unlikely roots
    for (BodyScorer.Block b : s.blocks().values()) {
      if (b.unlikely && (b.parent == null || !b.parent.unlikely) && b.units > 600)
        System.out.println("UNLIKELY units=" + b.units + " " + path(b.el));
    }
    GenericBody.Hints h = GenericDevHarness.hints(d);
    System.out.println(h);
  }
  static String path(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Element x = e; x != null && !x.nameIs("#root"); x = x.parent()) {
      sb.insert(0, "/" + x.normalName() + (x.id().isEmpty() ? "" : "#" + x.id()) + (x.className().isEmpty() ? "" : "." + x.className().replace(' ', '.')));
    }
    return sb.length() > 300 ? "..." + sb.substring(sb.length() - 300) : sb.toString();
  }
}
