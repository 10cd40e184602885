package io.schedlab.traces.text;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Events of a small trace held in memory, served in time order (a stable sort, so ties keep the
 * order they were added in). Only for formats whose files are small or not time-ordered; each
 * such format says so. Once closed it returns no more events.
 */
public final class ListSource implements TraceSource {
  private final TraceHeader header;
  private final List<TraceEvent> events;
  private final long badRows;
  private int next;

  public ListSource(TraceHeader header, List<TraceEvent> events, long badRows) {
    this.header = header;
    this.events = new ArrayList<>(events);
    this.events.sort(Comparator.comparingLong(TraceEvent::timeNanos));
    this.badRows = badRows;
  }

  @Override
  public TraceHeader header() {
    return header;
  }

  @Override
  public TraceEvent next() {
    return next < events.size() ? events.get(next++) : null;
  }

  @Override
  public long badRows() {
    return badRows;
  }

  @Override
  public void close() {
    next = events.size();
  }
}
