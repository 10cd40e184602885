package io.schedlab.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a simulation's components write what happened. Components call {@link #record} in the
 * event loop's thread, in virtual-time order, so a log is deterministic for a seed.
 */
public interface EventLog {
  void record(SimEvent event);

  /** A log that keeps nothing. */
  EventLog NONE = e -> {};

  /** A log that keeps every event in memory, for tests and for writing at the end. */
  final class InMemory implements EventLog {
    private final List<SimEvent> events = new ArrayList<>();

    @Override
    public void record(SimEvent event) {
      events.add(event);
    }

    public List<SimEvent> events() {
      return List.copyOf(events);
    }

    /** The events of one type, in order. */
    public List<SimEvent> ofType(String type) {
      List<SimEvent> out = new ArrayList<>();
      for (SimEvent e : events) {
        if (e.type().equals(type)) {
          out.add(e);
        }
      }
      return out;
    }
  }

  /** Sends every event to both logs. */
  static EventLog both(EventLog a, EventLog b) {
    return e -> {
      a.record(e);
      b.record(e);
    };
  }
}
