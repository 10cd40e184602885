package io.schedlab.plugins.gpushare;

/** A node as the GPU-sharing experiment needs it: allocatable CPU, memory and pods, GPU model and count. */
public record GpuNode(String name, long cpuMilli, long memory, int maxPods, String gpuModel,
    int gpus) {
  public GpuNode {
    gpuModel = gpuModel == null ? "" : gpuModel;
    if (cpuMilli < 0 || memory < 0 || maxPods < 0 || gpus < 0) {
      throw new IllegalArgumentException("node " + name
          + ": expected non-negative cpu, memory, pods and gpus");
    }
  }
}
