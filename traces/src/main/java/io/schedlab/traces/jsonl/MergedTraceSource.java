package io.schedlab.traces.jsonl;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSource;
import java.util.List;

/**
 * Several time-ordered sources as one, by time; on a tie the earlier source goes first. The
 * header is the first source's. A linear scan picks the next event: inputs are few.
 */
final class MergedTraceSource implements TraceSource {
  private final TraceSource[] sources;
  private final TraceEvent[] heads;

  MergedTraceSource(List<TraceSource> sources) {
    this.sources = sources.toArray(new TraceSource[0]);
    this.heads = new TraceEvent[this.sources.length];
    for (int i = 0; i < heads.length; i++) {
      heads[i] = this.sources[i].next();
    }
  }

  @Override
  public TraceHeader header() {
    return sources[0].header();
  }

  @Override
  public TraceEvent next() {
    int best = -1;
    for (int i = 0; i < heads.length; i++) {
      if (heads[i] != null && (best < 0 || heads[i].timeNanos() < heads[best].timeNanos())) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    TraceEvent e = heads[best];
    heads[best] = sources[best].next();
    return e;
  }

  @Override
  public long badRows() {
    long n = 0;
    for (TraceSource s : sources) {
      n += s.badRows();
    }
    return n;
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (TraceSource s : sources) {
      try {
        s.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
