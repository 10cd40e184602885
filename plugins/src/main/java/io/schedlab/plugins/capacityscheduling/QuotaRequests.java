package io.schedlab.plugins.capacityscheduling;

import io.schedlab.framework.StateData;

/**
 * Upstream's PreFilterState of CapacityScheduling: the pod's requests, and those plus the
 * requests of the nominated pods that come before it — in its own quota, the nominated pods at
 * least as important ({@code inQuota}); over all quotas, those plus the nominated pods of other
 * quotas that do not borrow ({@code overall}). Both are null when the pod's namespace has no
 * quota. Never changed after PreFilter, so copies share it.
 */
record QuotaRequests(long[] pod, long[] inQuota, long[] overall) implements StateData {
  @Override
  public QuotaRequests copy() {
    return this;
  }
}
