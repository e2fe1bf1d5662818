package dev.nanlint.cli;

import java.io.PrintWriter;

/**
 * "nanlint: 120/2527 files" on stderr, rewritten in place, only when stderr is a terminal and the scan
 * has already taken a second: never in CI logs, never for quick runs.
 */
final class Progress {
  private static final long DELAY_NANOS = 1_000_000_000L;
  private final PrintWriter err;
  private final int total;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastPrint;
  private boolean printed;

  /** {@code err}: where progress goes, or null for none. */
  Progress(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
    this.enabled = err != null && System.console() != null && System.getenv("CI") == null;
  }

  void done(int count) {
    long now = System.nanoTime();
    if (!enabled || now - start < DELAY_NANOS || now - lastPrint < 100_000_000L) {
      return;
    }
    lastPrint = now;
    printed = true;
    err.print("\rnanlint: " + count + "/" + total + " files");
    err.flush();
  }

  void finish() {
    if (printed) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
