package io.schedlab.traces.generate;

import io.schedlab.api.Quantity;
import io.schedlab.framework.PodRequests;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits what a generator needs from a recorded trace's PodSubmitted events: per resource the
 * empirical distribution of effective requests (each distinct value and its count), a lognormal
 * of the recorded durations, and the mean arrival rate.
 *
 * <p>Memory: one counter per distinct request value per resource (traces have few: openb's 8152
 * pods have tens of cpu values), never the events. Resources are fitted independently, so a
 * generator drawing from the fit loses their correlation (e.g. GPU pods asking for more cpu).
 */
public final class TraceFit {
  private final ResourceRegistry registry = new ResourceRegistry();
  private final List<Map<Long, Long>> counts = new ArrayList<>();
  private long pods;
  private long durations;
  private double logMean;
  private double logM2;
  private double secondsSum;
  private long firstNanos = Long.MAX_VALUE;
  private long lastNanos = Long.MIN_VALUE;

  /** Reads the whole source (closing it is the caller's) and returns the fit. */
  public static FitDocument fit(TraceSource source, String sourceName) {
    TraceFit f = new TraceFit();
    TraceEvent e;
    while ((e = source.next()) != null) {
      if (e instanceof TraceEvent.PodSubmitted p) {
        f.add(p);
      }
    }
    return f.result(sourceName);
  }

  /** Counts one submission. */
  public void add(TraceEvent.PodSubmitted p) {
    pods++;
    firstNanos = Math.min(firstNanos, p.timeNanos());
    lastNanos = Math.max(lastNanos, p.timeNanos());
    long[] v = PodRequests.of(p.pod(), registry);
    while (counts.size() < v.length) {
      counts.add(new HashMap<>());
    }
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0) {
        counts.get(i).merge(v[i], 1L, Long::sum);
      }
    }
    if (p.durationNanos() > 0) {
      double seconds = p.durationNanos() / 1e9;
      double x = Math.log(seconds);
      durations++;
      // Welford's update keeps the variance accurate over millions of samples.
      double delta = x - logMean;
      logMean += delta / durations;
      logM2 += delta * (x - logMean);
      secondsSum += seconds;
    }
  }

  /** The fit of everything added so far. */
  public FitDocument result(String sourceName) {
    Map<String, GeneratorSpec.Empirical> requests = new TreeMap<>();
    for (int i = 0; i < counts.size(); i++) {
      Map<Long, Long> m = counts.get(i);
      if (m.isEmpty()) {
        continue;
      }
      String name = registry.name(i);
      long nonZero = 0;
      for (long c : m.values()) {
        nonZero += c;
      }
      List<Quantity> values = new ArrayList<>();
      List<Long> cs = new ArrayList<>();
      if (pods > nonZero) {
        values.add(Quantity.ZERO);
        cs.add(pods - nonZero);
      }
      for (long amount : new TreeSet<>(m.keySet())) {
        values.add(Requests.toQuantity(name, amount));
        cs.add(m.get(amount));
      }
      requests.put(name, new GeneratorSpec.Empirical(values, cs));
    }
    FitDocument.DurationFit duration = durations == 0 ? null
        : new FitDocument.DurationFit("lognormal", logMean, Math.sqrt(logM2 / durations), durations,
            secondsSum / durations);
    FitDocument.ArrivalFit arrivals = null;
    if (pods > 0) {
      double span = (lastNanos - firstNanos) / 1e9;
      arrivals = new FitDocument.ArrivalFit(span > 0 ? (pods - 1) / span : null, span);
    }
    return new FitDocument(FitDocument.CURRENT_VERSION, sourceName, pods, arrivals, duration, requests);
  }
}
