package io.schedlab.plugins.gpushare;

/**
 * One node as the GPU-sharing plugins see it in a scheduling cycle: its {@link GpuNodeState}
 * (free CPU and memory, model, free milli-GPU per device), its GPU pods counted by kind, and its
 * allocatable CPU. Made by {@link GpuDeviceLedger#view}; shared between threads and cycles, so
 * callers must not modify {@link #state()} or {@link #kinds()}: probes work on a copy.
 */
public final class GpuNodeView {
  /** A node's fragmentation amount for one set of typical pods. */
  private record Amount(TypicalPods pods, double value) {}

  private final long generation;
  private final long ledgerVersion;
  private final GpuNodeState state;
  private final GpuKindCounts kinds;
  private final long cpuCapacity;
  private volatile Amount amount;

  GpuNodeView(long generation, long ledgerVersion, GpuNodeState state, GpuKindCounts kinds,
      long cpuCapacity) {
    this.generation = generation;
    this.ledgerVersion = ledgerVersion;
    this.state = state;
    this.kinds = kinds;
    this.cpuCapacity = cpuCapacity;
  }

  /** Free resources and devices (do not modify). */
  public GpuNodeState state() {
    return state;
  }

  /** The node's GPU pods by kind, for GpuClustering (do not modify). */
  public GpuKindCounts kinds() {
    return kinds;
  }

  /** Allocatable CPU in milli, what DotProduct's node norm divides by. */
  public long cpuCapacity() {
    return cpuCapacity;
  }

  /**
   * The node's fragmentation amount against {@code pods}, computed once per view: FGD needs it
   * for every pod scored on an unchanged node.
   */
  public double fragmentation(TypicalPods pods) {
    Amount a = amount;
    if (a == null || a.pods() != pods) {
      a = new Amount(pods, Fragmentation.nodeAmount(state, pods));
      amount = a;
    }
    return a.value();
  }

  boolean isCurrent(long nodeGeneration, long version) {
    return generation == nodeGeneration && ledgerVersion == version;
  }
}
