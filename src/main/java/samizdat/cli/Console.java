package samizdat.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import samizdat.content.ControlCharacters;
import samizdat.io.Progress;

/**
 * Where a command prints: summaries to stdout, errors, warnings and progress to stderr. Progress
 * is a redrawn bar on a terminal, occasional count lines otherwise, and nothing with --quiet.
 */
final class Console {
  /**
   * How long a summary line may wait in the stdout buffer when stdout is not a terminal. A flush
   * per line costs a write and a wake-up of the reading process per page: on 2 cores, a tenth of
   * a 10,000-page ingest's system time. A second is still soon enough for a script that follows
   * the lines.
   */
  static final long SUMMARY_FLUSH_NANOS = 1_000_000_000L;
  private final PrintWriter out;
  private final PrintWriter err;
  /** A progress bar is drawn on the terminal's current line (guarded by this). */
  private boolean barShown;
  private final boolean bar;
  private final boolean quiet;
  private final boolean verbose;
  private final boolean flushEachLine;
  private final LongSupplier nanoTime;
  private long lastSummaryFlush;

  /**
   * @param bar a redrawn progress bar on stderr rather than count lines
   * @param flushEachLine stdout is a terminal: every summary line shows at once
   */
  Console(PrintWriter out, PrintWriter err, boolean bar, boolean quiet, boolean verbose,
      boolean flushEachLine) {
    this(out, err, bar, quiet, verbose, flushEachLine, System::nanoTime);
  }

  Console(PrintWriter out, PrintWriter err, boolean bar, boolean quiet, boolean verbose,
      boolean flushEachLine, LongSupplier nanoTime) {
    this.out = out;
    this.err = err;
    this.bar = bar;
    this.quiet = quiet;
    this.verbose = verbose;
    this.flushEachLine = flushEachLine;
    this.nanoTime = nanoTime;
    this.lastSummaryFlush = nanoTime.getAsLong();
  }

  /**
   * {@code line} with its control characters (but tab) written as {@code \x1b}: a page's title,
   * a file name or a URL can hold escape sequences that would clear or retitle the terminal,
   * hide the lines before them or split one message into two.
   */
  static String printable(String line) {
    int n = line.length();
    int i = 0;
    while (i < n && !escaped(line.charAt(i))) {
      i++;
    }
    if (i == n) {
      return line;
    }
    StringBuilder b = new StringBuilder(n + 16).append(line, 0, i);
    for (; i < n; i++) {
      char c = line.charAt(i);
      if (escaped(c)) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** What a page's text never holds (ControlCharacters), and line breaks: a message is one line. */
  private static boolean escaped(char c) {
    return c == '\n' || c == '\r' || ControlCharacters.isControl(c);
  }

  PrintWriter out() {
    return out;
  }

  boolean verbose() {
    return verbose;
  }

  /** A one-line error about one input; always printed. */
  synchronized void error(String message) {
    // Summary lines written before the error come before it where both streams go to one file.
    clearBar();
    out.flush();
    err.println("samizdat: " + printable(message));
    err.flush();
  }

  /** Like {@link #error(String)}, with the stack trace when --verbose. */
  synchronized void error(String message, Throwable cause) {
    if (verbose && cause != null) {
      cause.printStackTrace(err);
    }
    error(message);
  }

  /**
   * A line of the machine-readable summary on stdout: shown at once on a terminal, otherwise
   * buffered for at most {@link #SUMMARY_FLUSH_NANOS} (checked as lines come; the command's end
   * flushes the rest).
   */
  synchronized void summary(String line) {
    // On a terminal the bar shares the screen: cleared first, or the line would follow it; it
    // is drawn again by the next progress step.
    clearBar();
    out.println(printable(line));
    long now = nanoTime.getAsLong();
    if (flushEachLine || now - lastSummaryFlush >= SUMMARY_FLUSH_NANOS) {
      out.flush();
      lastSummaryFlush = now;
    }
  }

  Progress progress() {
    return quiet ? Progress.NONE : new StderrProgress();
  }

  private final class StderrProgress implements Progress {
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final long BAR_INTERVAL_NANOS = 100_000_000L;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private volatile String task = "";
    private volatile long total;
    private volatile long totalFiles;
    private long lastPrint;

    @Override
    public void startBytes(String task, long totalBytes, long totalFiles) {
      start(task, totalBytes);
      this.totalFiles = totalFiles;
    }

    @Override
    public void fileDone() {
      files.incrementAndGet();
    }

    @Override
    public void start(String task, long total) {
      this.task = task;
      this.total = total;
      this.totalFiles = 0;
      done.set(0);
      files.set(0);
      synchronized (Console.this) {
        lastPrint = System.nanoTime();
        if (!bar) {
          out.flush();
          err.println(task + (total > 0 ? ": " + total + " to do" : "") + "...");
          err.flush();
        }
      }
    }

    @Override
    public void total(long total) {
      this.total = total;
    }

    @Override
    public void advance(long units) {
      long now = done.addAndGet(units);
      long t = System.nanoTime();
      synchronized (Console.this) {
        long interval = bar ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
        if (t - lastPrint < interval) {
          return;
        }
        lastPrint = t;
        print(now);
      }
    }

    private void print(long now) {
      if (bar) {
        int width = 30;
        int filled = total > 0 ? (int) Math.min(width, now * width / total) : 0;
        String pct = total > 0 ? String.format(" %3d%%", now * 100 / total) : "";
        err.print("\r" + task + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "]" + pct
            + " " + counts(now) + "\u001b[K");
        barShown = true;
      } else {
        out.flush();
        err.println(task + ": " + counts(now));
      }
      err.flush();
    }

    /** "n/total", or for byte tasks with files "12.5/300.0 MiB, 40/1200 files". */
    private String counts(long now) {
      if (totalFiles <= 0) {
        return now + (total > 0 ? "/" + total : "");
      }
      return String.format(java.util.Locale.ROOT, "%.1f/%.1f MiB, %d/%d files",
          now / 1048576.0, total / 1048576.0, files.get(), totalFiles);
    }

    @Override
    public void warn(String message) {
      synchronized (Console.this) {
        clearBar();
        out.flush();
        err.println("samizdat: warning: " + printable(message));
        err.flush();
      }
    }

    @Override
    public void finish() {
      synchronized (Console.this) {
        clearBar();
      }
    }
  }

  /** Removes a drawn progress bar from the terminal line. Callers hold this object's lock. */
  private void clearBar() {
    if (barShown) {
      err.print("\r\u001b[K");
      err.flush();
      barShown = false;
    }
  }
}
