package io.schedlab.plugins.capacityscheduling;

import io.schedlab.framework.StateData;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every namespace's quota for one scheduling cycle, as upstream's ElasticQuotaSnapshotState: the
 * PreFilter extensions and preemption's dry runs change a copy of it, never the plugin's own
 * usage.
 */
final class ElasticQuotaInfos implements StateData {
  private final Map<String, ElasticQuotaInfo> byNamespace;

  ElasticQuotaInfos(Map<String, ElasticQuotaInfo> byNamespace) {
    this.byNamespace = byNamespace;
  }

  /** The namespace's quota, or null when it has none. */
  ElasticQuotaInfo get(String namespace) {
    return byNamespace.get(namespace);
  }

  int size() {
    return byNamespace.size();
  }

  /**
   * Upstream's aggregatedUsedOverMinWith: whether the sum of every quota's used plus {@code
   * request} exceeds the sum of their mins — that is, whether admitting the request would borrow
   * beyond what the quotas guarantee altogether.
   */
  boolean aggregatedUsedOverMinWith(QuotaVectors v, long[] request) {
    int size = Math.max(v.registry().size(), request.length);
    long[] used = new long[size];
    long[] min = new long[size];
    for (ElasticQuotaInfo info : byNamespace.values()) {
      QuotaVectors.add(used, info.used());
      QuotaVectors.add(min, info.min());
    }
    QuotaVectors.add(used, request);
    return v.over(used, QuotaVectors.NONE, min, 0);
  }

  @Override
  public ElasticQuotaInfos copy() {
    Map<String, ElasticQuotaInfo> c = new LinkedHashMap<>();
    for (Map.Entry<String, ElasticQuotaInfo> e : byNamespace.entrySet()) {
      c.put(e.getKey(), e.getValue().copy());
    }
    return new ElasticQuotaInfos(c);
  }
}
