package io.schedlab.traces.text;

import io.schedlab.traces.TraceFormatException;

/** Counts the malformed rows a reader skipped, or rethrows the first one when not skipping. */
public final class BadRows {
  private final boolean skip;
  private long count;

  public BadRows(boolean skip) {
    this.skip = skip;
  }

  /** Skips the row that failed (counting it) or throws its error. */
  public void handle(TraceFormatException e) {
    if (!skip) {
      throw e;
    }
    count++;
  }

  public long count() {
    return count;
  }
}
