package io.schedlab.traces.text;

import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;

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
