package io.schedlab.traces.generate;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A trace held in a list, for fixtures. */
final class ListSource implements TraceSource {
  private final List<TraceEvent> events;
  private int next;
  boolean closed;

  ListSource(List<TraceEvent> events) {
    this.events = events;
  }

  static List<TraceEvent> drain(TraceSource s) {
    List<TraceEvent> out = new ArrayList<>();
    TraceEvent e;
    while ((e = s.next()) != null) {
      out.add(e);
    }
    s.close();
    return out;
  }

  @Override
  public TraceHeader header() {
    return new TraceHeader(TraceHeader.CURRENT_VERSION, "fixture", "list", Map.of());
  }

  @Override
  public TraceEvent next() {
    return next < events.size() ? events.get(next++) : null;
  }

  @Override
  public void close() {
    closed = true;
  }
}
