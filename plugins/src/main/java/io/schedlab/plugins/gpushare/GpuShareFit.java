package io.schedlab.plugins.gpushare;

/**
 * The GPU side of the Open-Gpu-Share filter, as the FGD artifact decides it: a pod without GPU
 * milli passes; otherwise the node needs GPUs, an accepted model, and room for the pod's devices.
 * A device may host several slices of one pod when the per-GPU milli is small (the artifact packs
 * a multi-GPU request greedily onto the lowest devices), so room means the sum over devices of
 * {@code free / perGpuMilli} reaches the GPU count.
 */
public final class GpuShareFit {
  private GpuShareFit() {}

  public static boolean fits(GpuNodeState node, GpuDemand demand) {
    if (demand.gpuMilli() <= 0) {
      return true;
    }
    if (node.gpuCount() == 0 || !demand.acceptsModel(node.gpuModel())) {
      return false;
    }
    int[] free = node.devices();
    int milli = demand.gpuMilli();
    if (demand.gpuCount() <= 1) {
      for (int f : free) {
        if (f >= milli) {
          return true;
        }
      }
      return false;
    }
    int slots = 0;
    for (int f : free) {
      slots += f / milli;
      if (slots >= demand.gpuCount()) {
        return true;
      }
    }
    return false;
  }
}
