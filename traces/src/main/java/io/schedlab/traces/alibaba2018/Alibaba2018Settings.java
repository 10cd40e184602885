package io.schedlab.traces.alibaba2018;

import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.text.ResourceUnits;

/**
 * The reader's parameters.
 *
 * @param memoryGiB the memory of a machine whose normalised {@code mem_size} is 100; the trace
 *     hides the real size, so the default (512) is an assumption to override
 * @param maxPods the {@code pods} capacity given to every node (Kubernetes' default 110)
 */
record Alibaba2018Settings(double memoryGiB, long maxPods) {
  static final String MEMORY_GIB = "memoryGiB";
  static final String MAX_PODS = "maxPods";

  static Alibaba2018Settings from(TraceOptions options) {
    double memory = ResourceUnits.positiveParam(Alibaba2018Format.NAME, MEMORY_GIB, options.param(MEMORY_GIB, "512"));
    double pods = ResourceUnits.positiveParam(Alibaba2018Format.NAME, MAX_PODS, options.param(MAX_PODS, "110"));
    return new Alibaba2018Settings(memory, (long) pods);
  }
}
