package io.schedlab.traces;

/** Writes trace events, in the order given, to some output. */
public interface TraceSink extends AutoCloseable {
  void write(TraceEvent event);

  @Override
  void close();
}
