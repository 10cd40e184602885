package io.schedlab.plugins.gpushare;

/**
 * A pod as the GPU-sharing experiment needs it: its CPU and memory requests as NodeResourcesFit
 * checks them, and its GPU demand (whose CPU is the scoring view, with kube's non-zero default).
 */
public record GpuPod(String name, long cpuRequestMilli, long memoryRequest, GpuDemand demand) {
  /** The same pod under another name (the artifact's tuned copies). */
  public GpuPod renamed(String newName) {
    return new GpuPod(newName, cpuRequestMilli, memoryRequest, demand);
  }
}
