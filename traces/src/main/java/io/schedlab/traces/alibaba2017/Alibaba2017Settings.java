package io.schedlab.traces.alibaba2017;

import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.text.ResourceUnits;

/**
 * The reader's parameters.
 *
 * @param memoryGiB the memory that normalised memory 1.0 stands for (the largest machine); the
 *     trace hides it, so the default (512) is an assumption to override
 * @param maxPods the {@code pods} capacity given to every node (Kubernetes' default 110)
 */
record Alibaba2017Settings(double memoryGiB, long maxPods) {
  static final String MEMORY_GIB = "memoryGiB";
  static final String MAX_PODS = "maxPods";

  static Alibaba2017Settings from(TraceOptions options) {
    double memory = ResourceUnits.positiveParam(Alibaba2017Format.NAME, MEMORY_GIB, options.param(MEMORY_GIB, "512"));
    double pods = ResourceUnits.positiveParam(Alibaba2017Format.NAME, MAX_PODS, options.param(MAX_PODS, "110"));
    return new Alibaba2017Settings(memory, (long) pods);
  }
}
