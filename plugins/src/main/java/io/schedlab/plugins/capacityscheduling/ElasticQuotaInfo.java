package io.schedlab.plugins.capacityscheduling;

import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * One namespace's quota as a scheduling cycle sees it, as upstream's ElasticQuotaInfo: min, max,
 * the resources its pods use and which pods those are (by uid), so that adding or removing the
 * same pod twice counts once.
 *
 * <p>Implementation note: a cycle's copy shares the plugin's map of counted pods, read only, and
 * records its own hypothetical additions and removals (preemption's dry runs, nominated pods)
 * beside it, so taking the copy each cycle costs the number of quotas, not of pods. The shared
 * map belongs to the cycle that took the copy: the plugin changes it only in Reserve and
 * Unreserve, after the copy's last reader (PostFilter) has run.
 */
final class ElasticQuotaInfo {
  private final String namespace;
  private final long[] min;
  private final long[] max;
  private long[] used;
  private final Map<String, long[]> counted;
  private Map<String, long[]> added;
  private Map<String, long[]> removed;

  /**
   * @param min upstream's Min, missing scalars bounded by 0
   * @param max upstream's Max, missing scalars unbounded
   * @param counted the pods already counted in {@code used}, by uid, with their requests
   */
  ElasticQuotaInfo(String namespace, long[] min, long[] max, long[] used, Map<String, long[]> counted) {
    this.namespace = namespace;
    this.min = min;
    this.max = max;
    this.used = used.clone();
    this.counted = counted;
  }

  String namespace() {
    return namespace;
  }

  long[] min() {
    return min;
  }

  long[] max() {
    return max;
  }

  long[] used() {
    return used;
  }

  /** Upstream's usedOverMinWith: used + request above min in some resource. */
  boolean usedOverMinWith(QuotaVectors v, long[] request) {
    return v.over(request, used, min, 0);
  }

  /** Upstream's usedOverMaxWith: used + request above max in some resource. */
  boolean usedOverMaxWith(QuotaVectors v, long[] request) {
    return v.over(request, used, max, QuotaVectors.UNLIMITED);
  }

  /** Upstream's usedOverMin: the namespace borrows from others. */
  boolean usedOverMin(QuotaVectors v) {
    return v.over(used, QuotaVectors.NONE, min, 0);
  }

  boolean contains(String uid) {
    if (added != null && added.containsKey(uid)) {
      return true;
    }
    return counted.containsKey(uid) && (removed == null || !removed.containsKey(uid));
  }

  void addPodIfNotPresent(QuotaVectors v, PodInfo pod) {
    if (contains(pod.uid())) {
      return;
    }
    long[] req;
    if (removed != null && removed.remove(pod.uid()) != null) {
      req = counted.get(pod.uid());
    } else {
      req = v.podRequest(pod.pod());
      if (added == null) {
        added = new HashMap<>();
      }
      added.put(pod.uid(), req);
    }
    used = ResourceRegistry.fit(used, req.length);
    QuotaVectors.add(used, req);
  }

  void deletePodIfPresent(PodInfo pod) {
    if (!contains(pod.uid())) {
      return;
    }
    long[] req = added == null ? null : added.remove(pod.uid());
    if (req == null) {
      req = counted.get(pod.uid());
      if (removed == null) {
        removed = new HashMap<>();
      }
      removed.put(pod.uid(), req);
    }
    used = ResourceRegistry.fit(used, req.length);
    QuotaVectors.subtract(used, req);
  }

  ElasticQuotaInfo copy() {
    ElasticQuotaInfo c = new ElasticQuotaInfo(namespace, min, max, used, counted);
    c.added = added == null ? null : new HashMap<>(added);
    c.removed = removed == null ? null : new HashMap<>(removed);
    return c;
  }
}
