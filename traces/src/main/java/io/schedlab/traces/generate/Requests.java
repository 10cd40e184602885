package io.schedlab.traces.generate;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.framework.PodRequests;
import io.schedlab.framework.ResourceRegistry;
import java.util.Map;

/**
 * Pod and node amounts of a resource in the scheduler's units: millicores for cpu, the base unit
 * (bytes, devices) otherwise. A pod's amount is its effective request as the scheduler computes
 * it (containers, init containers, sidecars, pod-level resources, overhead).
 */
final class Requests {
  private Requests() {}

  static long podAmount(Pod pod, String resource, ResourceRegistry registry) {
    long[] v = PodRequests.of(pod, registry);
    int i = registry.find(resource);
    return i < 0 ? 0 : ResourceRegistry.get(v, i);
  }

  /** Allocatable, or capacity where the node states no allocatable. */
  static long nodeAmount(Node node, String resource) {
    Map<String, Quantity> alloc = node.status().allocatable();
    Quantity q = alloc.isEmpty() ? node.status().capacity().get(resource) : alloc.get(resource);
    return q == null ? 0 : ResourceRegistry.amount(resource, q);
  }

  /** An amount back as a quantity that prints the way people write it. */
  static Quantity toQuantity(String resource, long amount) {
    if (ResourceRegistry.CPU_NAME.equals(resource)) {
      return Quantity.ofMilli(amount);
    }
    if (ResourceRegistry.MEMORY_NAME.equals(resource)
        || ResourceRegistry.EPHEMERAL_STORAGE_NAME.equals(resource)
        || resource.startsWith("hugepages-")) {
      return Quantity.of(amount, Quantity.Format.BINARY_SI);
    }
    return Quantity.of(amount, Quantity.Format.DECIMAL_SI);
  }
}
