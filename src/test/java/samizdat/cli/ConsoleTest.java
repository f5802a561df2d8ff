package samizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import samizdat.io.Progress;

class ConsoleTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  Console console(boolean bar, boolean quiet) {
    return new Console(new PrintWriter(out, true), new PrintWriter(err, true), bar, quiet, false, bar);
  }

  /** stdout as the process has it: buffered until flushed. */
  final StringWriter shown = new StringWriter();
  final long[] clock = {0};

  Console bufferedConsole(boolean terminal) {
    return new Console(new PrintWriter(new java.io.BufferedWriter(shown), false),
        new PrintWriter(err, true), false, false, false, terminal, () -> clock[0]);
  }

  @Test
  void summaryLinesInAPipeWaitAtMostASecond() {
    Console c = bufferedConsole(false);
    c.summary("ingested a 1.html");
    clock[0] += Console.SUMMARY_FLUSH_NANOS / 2;
    c.summary("ingested b 2.html");
    assertEquals("", shown.toString(), "a pipe gets lines in blocks");
    clock[0] += Console.SUMMARY_FLUSH_NANOS / 2;
    c.summary("ingested c 3.html");
    assertEquals("ingested a 1.html\ningested b 2.html\ningested c 3.html\n", shown.toString());
    c.summary("ingested d 4.html");
    c.error("5.html: empty file");
    assertEquals("ingested a 1.html\ningested b 2.html\ningested c 3.html\ningested d 4.html\n",
        shown.toString(), "lines before an error are out before it");
  }

  @Test
  void controlCharactersFromPagesAreShownNotObeyed() {
    Console c = console(false, false);
    // A title that would clear the screen and retitle the window, a file name with a line break.
    c.summary("title:\tBad \u001b[2J\u001b]0;pwned\u0007Title \u009b1m");
    c.error("a\nb.html: empty file");
    c.progress().warn("image not found next to the page: a\u001b[31m.png");
    assertEquals("title:\tBad \\x1b[2J\\x1b]0;pwned\\x07Title \\x9b1m\n", out.toString(), "a tab stays");
    assertEquals("samizdat: a\\x0ab.html: empty file\n"
        + "samizdat: warning: image not found next to the page: a\\x1b[31m.png\n", err.toString());
    assertEquals("论文 ok", Console.printable("论文 ok"));
  }

  @Test
  void summaryLinesOnATerminalShowAtOnce() {
    Console c = bufferedConsole(true);
    c.summary("ingested a 1.html");
    assertEquals("ingested a 1.html\n", shown.toString());
  }

  @Test
  void countLinesWhenNotATerminal() {
    Progress p = console(false, false).progress();
    p.start("ingest", 3);
    p.advance(3);
    p.warn("image missing: a.jpg");
    p.finish();
    assertTrue(err.toString().startsWith("ingest: 3 to do...\n"), err.toString());
    assertTrue(err.toString().contains("samizdat: warning: image missing: a.jpg\n"), err.toString());
    assertEquals("", out.toString(), "progress never goes to stdout");
  }

  @Test
  void quietPrintsNoProgressButErrorsAndSummaryStillPrint() {
    Console c = console(false, true);
    Progress p = c.progress();
    p.start("build", 10);
    p.advance(10);
    p.warn("w");
    p.finish();
    assertEquals("", err.toString());
    c.error("x.html: empty file");
    c.summary("ingested 0, failed 1");
    assertEquals("samizdat: x.html: empty file\n", err.toString());
    assertEquals("ingested 0, failed 1\n", out.toString());
  }

  @Test
  void byteTasksShowBytesAndFiles() throws Exception {
    Progress p = console(true, false).progress();
    p.startBytes("copying", 4 * 1048576L, 8);
    Thread.sleep(150);
    p.fileDone();
    p.fileDone();
    p.advance(1048576L);
    assertTrue(err.toString().contains("1.0/4.0 MiB, 2/8 files"), err.toString());
  }

  @Test
  void barIsClearedBeforeAWarning() throws Exception {
    Progress p = console(true, false).progress();
    p.start("copy", 100);
    Thread.sleep(150);
    p.advance(50);
    p.warn("careful");
    String e = err.toString();
    assertTrue(e.contains("copy [###############               ]  50% 50/100"), e);
    assertTrue(e.indexOf("\r\u001b[K") < e.indexOf("samizdat: warning: careful"), e);
  }

  @Test
  void barIsClearedBeforeEachSummaryLineAndNothingFollowsTheLastOne() throws Exception {
    // One terminal: both streams land on the same screen, in the order written.
    StringWriter screen = new StringWriter();
    Console c = new Console(new PrintWriter(screen, true), new PrintWriter(screen, true), true,
        false, false, true);
    Progress p = c.progress();
    p.start("ingest", 100);
    Thread.sleep(150);
    p.advance(50);
    c.summary("ingested t-1 a.html");
    p.finish();
    c.summary("ingested 1, updated 0");
    String s = screen.toString();
    assertTrue(s.contains("50/100\u001b[K\r\u001b[Kingested t-1 a.html\n"), s);
    assertTrue(s.endsWith("\ningested 1, updated 0\n"), s);
  }

  @Test
  void progressLinesKeepTheirPlaceAmongSummaryLinesInOneFile() {
    // `samizdat ingest >log 2>&1`: stdout buffered, stderr not; the log must read in order.
    StringWriter log = new StringWriter();
    Console c = new Console(new PrintWriter(new java.io.BufferedWriter(log), false),
        new PrintWriter(log, true), false, false, false, false, () -> clock[0]);
    c.summary("ingested t-1 a.html");
    Progress p = c.progress();
    p.start("build", 10);
    c.summary("ingested t-2 b.html");
    p.warn("careful");
    c.out().flush();
    assertEquals("ingested t-1 a.html\nbuild: 10 to do...\ningested t-2 b.html\n"
        + "samizdat: warning: careful\n", log.toString());
  }
}
