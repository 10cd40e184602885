package io.schedlab.plugins.gpushare;

import io.schedlab.api.Container;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import java.util.Map;

/**
 * A pod as the GPU-sharing experiment needs it: its CPU and memory requests as NodeResourcesFit
 * checks them, and its GPU demand (whose CPU is the scoring view, with kube's non-zero default).
 */
public record GpuPod(String name, long cpuRequestMilli, long memoryRequest, GpuDemand demand) {
  /** Reads a pod: its containers' CPU and memory requests, and its {@link GpuDemand}. */
  public static GpuPod of(Pod pod) {
    long cpu = 0;
    long memory = 0;
    for (Container c : pod.spec().containers()) {
      Map<String, Quantity> requests = c.resources() == null ? null : c.resources().requests();
      if (requests == null) {
        continue;
      }
      Quantity q = requests.get("cpu");
      cpu += q == null ? 0 : q.milliValue();
      q = requests.get("memory");
      memory += q == null ? 0 : q.value();
    }
    return new GpuPod(pod.metadata().name(), cpu, memory, GpuDemand.of(pod));
  }

  /** The same pod under another name (the artifact's tuned copies). */
  public GpuPod renamed(String newName) {
    return new GpuPod(newName, cpuRequestMilli, memoryRequest, demand);
  }
}
