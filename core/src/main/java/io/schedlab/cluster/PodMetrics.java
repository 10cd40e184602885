package io.schedlab.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event log that follows each pod from {@code pod_created} to its end and keeps its times:
 * queueing delay (created to first scheduled), attempts, time to bind, job completion time; and
 * the run's totals (scheduled, still unschedulable, evictions, preemptions).
 *
 * <p>Implementation note: one mutable record per pod incarnation, found by namespace/name in a
 * hash map; a pod created again under a name already followed (a StatefulSet's replacement)
 * starts a new incarnation, so {@link #pods()} lists every incarnation in creation order.
 * Preemption victims are the deletions {@link StoreEventRecorder} marks with
 * {@code reason=PreemptionByScheduler}, the condition upstream's preemption sets before deleting.
 */
public final class PodMetrics implements EventLog {
  /** The detail a pod_deleted event carries when the scheduler preempted the pod. */
  public static final String PREEMPTION_REASON = "PreemptionByScheduler";

  private static final long NONE = -1;

  private final Map<String, Tracked> live = new HashMap<>();
  private final List<Tracked> all = new ArrayList<>();
  private final List<Long> evictionTimes = new ArrayList<>();
  private final List<Long> preemptionTimes = new ArrayList<>();

  @Override
  public void record(SimEvent e) {
    if (e.pod() == null) {
      return;
    }
    switch (e.type()) {
      case SimEvent.Types.POD_CREATED -> {
        Tracked t = new Tracked(e.pod(), e.tNanos(), e.node() != null);
        live.put(e.pod(), t);
        all.add(t);
      }
      case SimEvent.Types.POD_UNSCHEDULABLE -> {
        Tracked t = live.get(e.pod());
        if (t != null) {
          t.unschedulable++;
        }
      }
      case SimEvent.Types.POD_SCHEDULED -> {
        Tracked t = live.get(e.pod());
        if (t != null && t.scheduled == NONE) {
          t.scheduled = e.tNanos();
        }
      }
      case SimEvent.Types.POD_BOUND -> {
        Tracked t = live.get(e.pod());
        if (t != null && t.bound == NONE) {
          t.bound = e.tNanos();
        }
      }
      case SimEvent.Types.POD_COMPLETED, SimEvent.Types.POD_FAILED -> {
        Tracked t = live.get(e.pod());
        if (t != null && t.finished == NONE) {
          t.finished = e.tNanos();
        }
      }
      case SimEvent.Types.POD_EVICTED -> evictionTimes.add(e.tNanos());
      case SimEvent.Types.POD_DELETED -> {
        Tracked t = live.remove(e.pod());
        if (t != null) {
          t.deleted = true;
        }
        if (PREEMPTION_REASON.equals(e.detail().get("reason"))) {
          preemptionTimes.add(e.tNanos());
          if (t != null) {
            t.preempted = true;
          }
        }
      }
      default -> {
      }
    }
  }

  /**
   * One pod incarnation's times in virtual nanoseconds since the run's start; {@code -1} where
   * the pod never got there.
   *
   * @param prebound created with a node already set (static or mirror pods), so never scheduled
   * @param unschedulableAttempts scheduling attempts that failed
   */
  public record PodTimes(String pod, long createdNanos, boolean prebound,
      long firstScheduledNanos, long boundNanos, long finishedNanos,
      int unschedulableAttempts, boolean deleted, boolean preempted) {

    public boolean scheduled() {
      return firstScheduledNanos != NONE;
    }

    /** Failed attempts plus the one that succeeded, if any. */
    public int attempts() {
      return unschedulableAttempts + (scheduled() ? 1 : 0);
    }

    /** Created to first scheduled, or -1. */
    public long queueingDelayNanos() {
      return firstScheduledNanos == NONE ? NONE : firstScheduledNanos - createdNanos;
    }

    /** Created to bound, or -1. */
    public long timeToBindNanos() {
      return boundNanos == NONE ? NONE : boundNanos - createdNanos;
    }

    /** Created to completed or failed (job completion time), or -1. */
    public long completionNanos() {
      return finishedNanos == NONE ? NONE : finishedNanos - createdNanos;
    }
  }

  /** Every pod incarnation seen, in creation order. */
  public List<PodTimes> pods() {
    List<PodTimes> out = new ArrayList<>(all.size());
    for (Tracked t : all) {
      out.add(t.times());
    }
    return out;
  }

  /** Pod incarnations the scheduler placed. */
  public int scheduled() {
    int n = 0;
    for (Tracked t : all) {
      if (t.scheduled != NONE) {
        n++;
      }
    }
    return n;
  }

  /** Pods still present, never scheduled, with at least one failed attempt. */
  public int unschedulableAtEnd() {
    int n = 0;
    for (Tracked t : all) {
      if (!t.deleted && t.scheduled == NONE && t.unschedulable > 0) {
        n++;
      }
    }
    return n;
  }

  /** pod_evicted events (kubelet pressure and taint eviction). */
  public int evictions() {
    return evictionTimes.size();
  }

  /** Pods the scheduler deleted to make room for another (preemption's victims). */
  public int preemptions() {
    return preemptionTimes.size();
  }

  /** How many evictions happened at or before each time, for times in ascending order. */
  public double[] evictionsBy(double[] timesSeconds) {
    return countsBy(evictionTimes, timesSeconds);
  }

  /** How many preemptions happened at or before each time, for times in ascending order. */
  public double[] preemptionsBy(double[] timesSeconds) {
    return countsBy(preemptionTimes, timesSeconds);
  }

  // Event times are recorded in order, since the log follows the one virtual clock.
  private static double[] countsBy(List<Long> events, double[] timesSeconds) {
    double[] out = new double[timesSeconds.length];
    int k = 0;
    for (int i = 0; i < timesSeconds.length; i++) {
      long t = Math.round(timesSeconds[i] * 1e9);
      while (k < events.size() && events.get(k) <= t) {
        k++;
      }
      out[i] = k;
    }
    return out;
  }

  private static final class Tracked {
    final String pod;
    final long created;
    final boolean prebound;
    long scheduled = NONE;
    long bound = NONE;
    long finished = NONE;
    int unschedulable;
    boolean deleted;
    boolean preempted;

    Tracked(String pod, long created, boolean prebound) {
      this.pod = pod;
      this.created = created;
      this.prebound = prebound;
    }

    PodTimes times() {
      return new PodTimes(pod, created, prebound, scheduled, bound, finished, unschedulable,
          deleted, preempted);
    }
  }
}
