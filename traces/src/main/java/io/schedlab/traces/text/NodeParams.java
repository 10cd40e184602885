package io.schedlab.traces.text;

import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node parameters of readers whose traces hide machine sizes (Alibaba v2017/v2018).
 *
 * @param memoryGiB the memory of the largest machine, which normalised memory stands for; the
 *     traces hide it, so the default (512) is an assumption to override
 * @param maxPods the {@code pods} capacity given to every node (Kubernetes' default 110)
 */
public record NodeParams(double memoryGiB, long maxPods) {
  public static final String MEMORY_GIB = "memoryGiB";
  public static final String MAX_PODS = "maxPods";

  /** The parameters of {@code options}, errors naming {@code format}. */
  public static NodeParams from(String format, TraceOptions options) {
    double memory = positive(format, MEMORY_GIB, options.param(MEMORY_GIB, "512"));
    double pods = positive(format, MAX_PODS, options.param(MAX_PODS, "110"));
    return new NodeParams(memory, (long) pods);
  }

  /**
   * The capacity of a node with {@code cpus} cores and normalised memory {@code memory} (where
   * {@code full} stands for {@link #memoryGiB}; NaN leaves memory out) holding {@link #maxPods}.
   */
  public Map<String, Quantity> capacity(long cpus, double memory, double full) {
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", Quantity.of(cpus, Quantity.Format.DECIMAL_SI));
    if (!Double.isNaN(memory)) {
      capacity.put("memory", ResourceUnits.memoryBytes(memory, full, memoryGiB));
    }
    capacity.put("pods", Quantity.of(maxPods, Quantity.Format.DECIMAL_SI));
    return capacity;
  }

  private static double positive(String format, String name, String text) {
    try {
      double v = Double.parseDouble(text);
      if (v > 0 && !Double.isInfinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TraceFormatException(format, 0, "parameter " + name + ": expected a positive number, got \"" + text + "\"");
  }
}
