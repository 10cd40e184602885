package io.schedlab.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr for a fixed number of steps: {@code [#####.....] 12/30 what}. On a
 * terminal it redraws one line; elsewhere (a file, a CI log) it prints a line per tenth.
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final String what;
  private final boolean interactive;
  private int done;
  private int lastTenth = -1;

  ProgressBar(PrintWriter err, int total, String what) {
    this.err = err;
    this.total = Math.max(total, 1);
    this.what = what;
    this.interactive = System.console() != null;
  }

  synchronized void step(String detail) {
    done++;
    int tenth = done * 10 / total;
    if (!interactive && tenth == lastTenth && done < total) {
      return;
    }
    lastTenth = tenth;
    int filled = done * WIDTH / total;
    String line = String.format(Locale.ROOT, "[%s%s] %d/%d %s%s", "#".repeat(filled),
        ".".repeat(WIDTH - filled), done, total, what, detail == null ? "" : " (" + detail + ")");
    if (interactive) {
      err.print("\r" + line + (done == total ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }
}
