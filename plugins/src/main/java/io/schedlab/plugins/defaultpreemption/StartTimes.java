package io.schedlab.plugins.defaultpreemption;

import io.schedlab.framework.PodInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pod start times as nanoseconds since the Unix epoch, and upstream's MoreImportantPod order
 * built on them. A pod without a parsable {@code status.startTime} counts as starting now, as
 * upstream's GetPodStartTime does for assumed pods.
 */
public final class StartTimes {
  private final long nowNanos;

  public StartTimes(Instant now) {
    this.nowNanos = epochNanos(now);
  }

  long of(PodInfo pod) {
    String s = pod.pod().status().startTime();
    if (s == null || s.isEmpty()) {
      return nowNanos;
    }
    try {
      return epochNanos(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return nowNanos;
    }
  }

  static long epochNanos(Instant t) {
    long seconds = t.getEpochSecond();
    // Instants beyond the year 2262 do not fit; they only need to stay ordered.
    if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
      return Long.MIN_VALUE;
    }
    return seconds * 1_000_000_000L + t.getNano();
  }

  private record Ranked(PodInfo pod, long start) {}

  private static final Comparator<Ranked> MORE_IMPORTANT_FIRST =
      Comparator.comparingInt((Ranked r) -> r.pod().priority())
          .reversed()
          .thenComparingLong(Ranked::start);

  /**
   * The pods ordered by descending importance: higher priority first, then the one that started
   * earlier. Stable, so equally important pods keep their order (upstream's sort is not stable;
   * its order among them is unspecified).
   */
  public List<PodInfo> mostImportantFirst(List<PodInfo> pods) {
    List<Ranked> ranked = new ArrayList<>(pods.size());
    for (PodInfo p : pods) {
      ranked.add(new Ranked(p, of(p)));
    }
    ranked.sort(MORE_IMPORTANT_FIRST);
    List<PodInfo> out = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) {
      out.add(r.pod());
    }
    return out;
  }

  /**
   * Upstream's GetEarliestPodStartTime: the earliest start among the victims that share the
   * highest priority.
   */
  long earliestStartOfHighestPriority(List<PodInfo> victims) {
    int maxPriority = victims.get(0).priority();
    long earliest = of(victims.get(0));
    for (PodInfo p : victims) {
      int priority = p.priority();
      if (priority == maxPriority) {
        earliest = Math.min(earliest, of(p));
      } else if (priority > maxPriority) {
        maxPriority = priority;
        earliest = of(p);
      }
    }
    return earliest;
  }
}
