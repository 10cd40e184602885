package io.schedlab.plugins.gpushare;

import io.schedlab.api.Node;
import io.schedlab.api.Quantity;
import java.util.Map;

/** A node as the GPU-sharing experiment needs it: allocatable CPU, memory and pods, GPU model and count. */
public record GpuNode(String name, long cpuMilli, long memory, int maxPods, String gpuModel,
    int gpus) {
  /** Kubernetes' default pod capacity when a node states none. */
  public static final int DEFAULT_MAX_PODS = 110;

  /**
   * Reads a node as the artifact does: allocatable CPU, memory and pods, the GPU count from its
   * capacity ({@value GpuDemand#GPU_COUNT_ANNOTATION}) and the model from its label.
   */
  public static GpuNode of(Node node) {
    Map<String, Quantity> alloc = node.status() == null ? Map.of() : node.status().allocatable();
    Map<String, Quantity> cap = node.status() == null ? Map.of() : node.status().capacity();
    alloc = alloc == null ? Map.of() : alloc;
    cap = cap == null ? Map.of() : cap;
    Quantity cpu = alloc.get("cpu");
    Quantity memory = alloc.get("memory");
    Quantity pods = alloc.get("pods");
    Quantity gpus = cap.get(GpuDemand.GPU_COUNT_ANNOTATION);
    String model = node.metadata().labels().get(GpuDemand.GPU_MODEL_KEY);
    return new GpuNode(node.metadata().name(), cpu == null ? 0 : cpu.milliValue(),
        memory == null ? 0 : memory.value(), pods == null ? DEFAULT_MAX_PODS : (int) pods.value(),
        model, gpus == null ? 0 : (int) gpus.value());
  }

  public GpuNode {
    gpuModel = gpuModel == null ? "" : gpuModel;
    if (cpuMilli < 0 || memory < 0 || maxPods < 0 || gpus < 0) {
      throw new IllegalArgumentException("node " + name
          + ": expected non-negative cpu, memory, pods and gpus");
    }
  }
}
