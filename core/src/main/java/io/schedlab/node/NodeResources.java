package io.schedlab.node;

import io.schedlab.api.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node allocatable as the kubelet's container manager computes it: capacity minus kube-reserved,
 * system-reserved and the hard eviction thresholds for memory and nodefs, never below zero.
 */
public final class NodeResources {
  private NodeResources() {}

  public static Map<String, Quantity> allocatable(Map<String, Quantity> capacity,
      KubeletConfig config) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    for (Map.Entry<String, Quantity> e : capacity.entrySet()) {
      String name = e.getKey();
      Quantity value = e.getValue();
      Quantity reserved = Quantity.ZERO;
      Quantity k = config.kubeReserved().get(name);
      Quantity s = config.systemReserved().get(name);
      if (k != null) {
        reserved = reserved.add(k);
      }
      if (s != null) {
        reserved = reserved.add(s);
      }
      if (name.equals("memory")) {
        reserved = reserved.add(Quantity.of(config.evictionHardMemoryBytes(),
            Quantity.Format.BINARY_SI));
      } else if (name.equals("ephemeral-storage")) {
        reserved = reserved.add(Quantity.of(
            percentOf(value.value(), config.evictionHardNodefsPercent()),
            Quantity.Format.BINARY_SI));
      }
      Quantity left = value.subtract(reserved);
      out.put(name, left.signum() < 0 ? Quantity.of(0, value.format()) : left);
    }
    return out;
  }

  /**
   * A percentage threshold of a capacity, as evictionapi.GetThresholdQuantity computes it: the
   * percentage is a float32 (so 10 % is 0.100000001...), the product truncated to whole units.
   */
  static long percentOf(long capacity, int percent) {
    float fraction = percent / 100f;
    return (long) (capacity * (double) fraction);
  }
}
