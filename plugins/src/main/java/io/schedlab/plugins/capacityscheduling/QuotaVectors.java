package io.schedlab.plugins.capacityscheduling;

import io.schedlab.api.Pod;
import io.schedlab.framework.PodRequests;
import io.schedlab.framework.ResourceNames;
import io.schedlab.framework.ResourceRegistry;

/**
 * Upstream's quota comparisons on {@code long[]} resource vectors of the scheduler's {@link
 * ResourceRegistry}. Upstream compares its {@code framework.Resource}: cpu, memory,
 * ephemeral-storage and pods always, and the scalar resources (extended, hugepages, attachable
 * volumes) only where the left-hand side names them; a scalar the limit does not name is limited
 * by a bound (0 for min, unlimited for max). Other resource names are not part of a Resource
 * upstream, so they are not compared here either.
 *
 * <p>A vector made before a resource was registered is shorter; its missing slots read as 0, and
 * a limit's missing scalar slot as the bound. A scalar is "named" when its slot is non-zero, the
 * one point where this differs from upstream, which also compares an explicit zero.
 */
final class QuotaVectors {
  /** The fixed slots cpu, memory, ephemeral-storage and pods. */
  static final int FIXED = ResourceRegistry.PODS + 1;
  /** The zero vector. */
  static final long[] NONE = new long[0];
    /** Upstream's UpperBoundOfMax. */
  static final long UNLIMITED = Long.MAX_VALUE;

  private final ResourceRegistry registry;
  private boolean[] compared = new boolean[0];

  QuotaVectors(ResourceRegistry registry) {
    this.registry = registry;
  }

  ResourceRegistry registry() {
    return registry;
  }

  /** Whether upstream's Resource carries the resource at {@code index}. */
  boolean compared(int index) {
    if (index >= compared.length) {
      boolean[] grown = java.util.Arrays.copyOf(compared, registry.size());
      for (int i = compared.length; i < grown.length; i++) {
        grown[i] = i < FIXED || ResourceNames.isScalar(registry.name(i));
      }
      compared = grown;
    }
    return index < compared.length && compared[index];
  }

  /** {@code limit[i]}, or for a slot the vector does not have, 0 (fixed) or {@code scalarBound}. */
  static long limit(long[] limit, int i, long scalarBound) {
    if (i < limit.length) {
      return limit[i];
    }
    return i < FIXED ? 0 : scalarBound;
  }

  /** Upstream's cmp2: whether {@code x1 + x2} exceeds {@code y} in some compared resource. */
  boolean over(long[] x1, long[] x2, long[] y, long scalarBound) {
    for (int i = 0; i < FIXED; i++) {
      if (ResourceRegistry.get(x1, i) + ResourceRegistry.get(x2, i) > limit(y, i, scalarBound)) {
        return true;
      }
    }
    for (int i = FIXED; i < x1.length; i++) {
      if (x1[i] != 0 && compared(i) && x1[i] + ResourceRegistry.get(x2, i) > limit(y, i, scalarBound)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Upstream's computePodResourceRequest, which the plugin keeps apart from the scheduler's
   * requests: {@link PodRequests#withoutSidecars}.
   */
  long[] podRequest(Pod pod) {
    return PodRequests.withoutSidecars(pod, registry);
  }

  static void add(long[] into, long[] v) {
    for (int i = 0; i < v.length; i++) {
      into[i] += v[i];
    }
  }

  static void subtract(long[] into, long[] v) {
    for (int i = 0; i < v.length; i++) {
      into[i] -= v[i];
    }
  }
}
