package io.schedlab.controller.workload;

import io.schedlab.api.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code ActivePodsWithRanks}: the order in which a ReplicaSet prefers to delete its
 * pods, most deletable first. Unassigned before assigned; Pending before Unknown before Running;
 * not ready before ready; lower {@code controller.kubernetes.io/pod-deletion-cost} first; pods
 * on nodes with more related pods first; then more recently ready, then more recently created,
 * both compared in log2 buckets of their age (LogarithmicScaleDown, on by default since 1.22)
 * with ties broken by uid. Container restart counts are not modelled (pods carry no container
 * statuses here), so that rule is skipped.
 */
final class DeletionRanking {
  static final String DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";

  private DeletionRanking() {}

  /**
   * The {@code diff} pods to delete from {@code pods}; {@code related} are the active pods whose
   * node placement ranks them (upstream: the pods of every ReplicaSet of the same owner).
   */
  static List<Pod> podsToDelete(List<Pod> pods, List<Pod> related, int diff, long nowNanos,
      Instant epoch) {
    if (diff >= pods.size()) {
      return pods;
    }
    Map<String, Integer> onNode = new HashMap<>();
    for (Pod p : related) {
      if (PodStates.isActive(p)) {
        onNode.merge(nodeOf(p), 1, Integer::sum);
      }
    }
    List<Pod> sorted = new ArrayList<>(pods);
    sorted.sort(comparator(onNode, nowNanos, epoch));
    return sorted.subList(0, diff);
  }

  static Comparator<Pod> comparator(Map<String, Integer> onNode, long now, Instant epoch) {
    return (a, b) -> {
      String na = nodeOf(a);
      String nb = nodeOf(b);
      if (!na.equals(nb) && (na.isEmpty() || nb.isEmpty())) {
        return na.isEmpty() ? -1 : 1;
      }
      int pa = phaseOrdinal(a.status().phase());
      int pb = phaseOrdinal(b.status().phase());
      if (pa != pb) {
        return Integer.compare(pa, pb);
      }
      boolean ra = PodStates.isReady(a);
      boolean rb = PodStates.isReady(b);
      if (ra != rb) {
        return ra ? 1 : -1;
      }
      int ca = deletionCost(a);
      int cb = deletionCost(b);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      int ka = onNode.getOrDefault(na, 0);
      int kb = onNode.getOrDefault(nb, 0);
      if (ka != kb) {
        return Integer.compare(kb, ka); // more colocated pods first
      }
      if (ra) {
        int c = newerFirst(PodStates.readySince(a, epoch), PodStates.readySince(b, epoch), now,
            a, b);
        if (c != 0) {
          return c;
        }
      }
      return newerFirst(PodStates.nanos(a.metadata().creationTimestamp(), epoch),
          PodStates.nanos(b.metadata().creationTimestamp(), epoch), now, a, b);
    };
  }

  /**
   * The more recent time first, an unset time first of all; with both set, in log2 buckets of
   * age, ties broken by uid. 0 when the times are equal.
   */
  private static int newerFirst(long ta, long tb, long now, Pod a, Pod b) {
    if (ta == tb) {
      return 0;
    }
    if (ta == Long.MIN_VALUE || tb == Long.MIN_VALUE) {
      return ta == Long.MIN_VALUE ? -1 : 1;
    }
    long diff = log2Age(now - ta) - log2Age(now - tb);
    if (diff == 0) {
      String ua = a.metadata().uid() == null ? "" : a.metadata().uid();
      String ub = b.metadata().uid() == null ? "" : b.metadata().uid();
      return ua.compareTo(ub);
    }
    return diff < 0 ? -1 : 1;
  }

  private static long log2Age(long ageNanos) {
    // floor(log2(age)), exactly; Go's int64(math.Log2(float64(d))) for durations in nanoseconds.
    return ageNanos > 0 ? 63 - Long.numberOfLeadingZeros(ageNanos) : -1;
  }

  private static int phaseOrdinal(String phase) {
    if (PodStates.UNKNOWN.equals(phase)) {
      return 1;
    }
    if (PodStates.RUNNING.equals(phase)) {
      return 2;
    }
    return 0; // Pending, and (as a Go map's zero value) anything else
  }

  private static int deletionCost(Pod pod) {
    String v = pod.metadata().annotations().get(DELETION_COST_ANNOTATION);
    if (v == null) {
      return 0;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return 0; // upstream ignores an invalid cost here (validation rejects it on write)
    }
  }

  static String nodeOf(Pod pod) {
    String n = pod.spec().nodeName();
    return n == null ? "" : n;
  }
}
