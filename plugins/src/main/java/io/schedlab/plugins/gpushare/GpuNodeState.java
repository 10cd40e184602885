package io.schedlab.plugins.gpushare;

import java.util.Arrays;

/**
 * One node as GPU sharing sees it: free CPU milli, free memory, GPU model ("" for a CPU node) and
 * the free milli-GPU of each device. Mutable and primitive so that scoring can copy and probe it
 * cheaply.
 */
public final class GpuNodeState {
  private long cpuMilliFree;
  private long memoryFree;
  private final String gpuModel;
  private final int[] gpuMilliFree;

  public GpuNodeState(long cpuMilliFree, long memoryFree, String gpuModel, int[] gpuMilliFree) {
    this.cpuMilliFree = cpuMilliFree;
    this.memoryFree = memoryFree;
    this.gpuModel = gpuModel == null ? "" : gpuModel;
    this.gpuMilliFree = gpuMilliFree.clone();
    for (int i = 0; i < gpuMilliFree.length; i++) {
      if (gpuMilliFree[i] < 0 || gpuMilliFree[i] > GpuDemand.MILLI) {
        throw new IllegalArgumentException(
            "gpuMilliFree[" + i + "]: expected 0..1000, got " + gpuMilliFree[i]);
      }
    }
  }

  /** An idle node with {@code gpus} whole devices. */
  public static GpuNodeState idle(long cpuMilli, long memory, String gpuModel, int gpus) {
    int[] free = new int[gpus];
    Arrays.fill(free, GpuDemand.MILLI);
    return new GpuNodeState(cpuMilli, memory, gpuModel, free);
  }

  public GpuNodeState copy() {
    return new GpuNodeState(cpuMilliFree, memoryFree, gpuModel, gpuMilliFree);
  }

  public long cpuMilliFree() {
    return cpuMilliFree;
  }

  public long memoryFree() {
    return memoryFree;
  }

  public String gpuModel() {
    return gpuModel;
  }

  public int gpuCount() {
    return gpuMilliFree.length;
  }

  public int gpuMilliFree(int device) {
    return gpuMilliFree[device];
  }

  /** A copy of the per-device free milli-GPU. */
  public int[] gpuMilliFree() {
    return gpuMilliFree.clone();
  }

  public long totalGpuMilliFree() {
    long sum = 0;
    for (int m : gpuMilliFree) {
      sum += m;
    }
    return sum;
  }

  public int fullyFreeGpus() {
    int n = 0;
    for (int m : gpuMilliFree) {
      if (m == GpuDemand.MILLI) {
        n++;
      }
    }
    return n;
  }

  /** Whether at least {@code gpuCount} devices each have {@code gpuMilli} free. */
  public boolean fitsOnGpus(int gpuCount, int gpuMilli) {
    int need = gpuCount;
    if (need <= 0) {
      return true;
    }
    for (int m : gpuMilliFree) {
      if (m >= gpuMilli && --need == 0) {
        return true;
      }
    }
    return false;
  }

  /** Takes the demand's CPU, memory and, on each listed device, its per-GPU milli. */
  public void allocate(GpuDemand demand, int[] devices) {
    checkDevices(demand, devices);
    for (int d : devices) {
      if (gpuMilliFree[d] < demand.gpuMilli()) {
        throw new IllegalStateException(
            "device " + d + ": " + gpuMilliFree[d] + " milli free, " + demand.gpuMilli() + " asked");
      }
    }
    cpuMilliFree -= demand.cpuMilli();
    memoryFree -= demand.memory();
    for (int d : devices) {
      gpuMilliFree[d] -= demand.gpuMilli();
    }
  }

  /** Gives back what {@link #allocate} took. */
  public void release(GpuDemand demand, int[] devices) {
    checkDevices(demand, devices);
    for (int d : devices) {
      if (gpuMilliFree[d] + demand.gpuMilli() > GpuDemand.MILLI) {
        throw new IllegalStateException("device " + d + ": release above 1000 milli");
      }
    }
    cpuMilliFree += demand.cpuMilli();
    memoryFree += demand.memory();
    for (int d : devices) {
      gpuMilliFree[d] += demand.gpuMilli();
    }
  }

  private void checkDevices(GpuDemand demand, int[] devices) {
    if (devices.length != demand.gpuCount()) {
      throw new IllegalArgumentException(
          "devices: expected " + demand.gpuCount() + " device ids, got " + devices.length);
    }
    for (int d : devices) {
      if (d < 0 || d >= gpuMilliFree.length) {
        throw new IllegalArgumentException(
            "devices: id " + d + " out of range 0.." + (gpuMilliFree.length - 1));
      }
    }
  }

  /** Package-private raw access for the fragmentation math; callers must not keep it. */
  int[] devices() {
    return gpuMilliFree;
  }

  void addCpu(long delta) {
    cpuMilliFree += delta;
  }

  @Override
  public String toString() {
    return "GpuNodeState[cpu=" + cpuMilliFree + ", mem=" + memoryFree + ", model=" + gpuModel
        + ", gpus=" + Arrays.toString(gpuMilliFree) + "]";
  }
}
