package io.schedlab.traces;

import java.util.function.Consumer;

/**
 * A stream of trace events in time order, read lazily: a source never holds the whole trace.
 * Not thread safe.
 */
public interface TraceSource extends AutoCloseable {
  TraceHeader header();

  /**
   * The next event, or null at the end.
   *
   * @throws TraceFormatException for a malformed row (unless bad rows are skipped)
   */
  TraceEvent next();

  /** Rows skipped as malformed so far (only with {@link TraceOptions#skipBadRows()}). */
  default long badRows() {
    return 0;
  }

  default void forEachRemaining(Consumer<? super TraceEvent> action) {
    TraceEvent e;
    while ((e = next()) != null) {
      action.accept(e);
    }
  }

  @Override
  void close();
}
