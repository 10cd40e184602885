package io.schedlab.plugins.gpushare;

/**
 * One node as the GPU-sharing plugins see it in a scheduling cycle: its {@link GpuNodeState}
 * (free CPU and memory, model, free milli-GPU per device), its GPU pods counted by kind, and its
 * allocatable CPU. Made by {@link GpuDeviceLedger#view}; shared between threads and cycles, so
 * callers must not modify {@link #state()} or {@link #kinds()}: probes work on a copy.
 *
 * <p>Implementation note: a view lives as long as its node stays unchanged, usually for many
 * pods, and FGD's score depends only on the node, the typical pods and the pod's shape (CPU,
 * per-GPU milli, GPU count). So the view keeps the node's fragmentation amount and a small
 * open-addressing table of FGD scores by shape, as the experiment engine does per node; both are
 * dropped if the typical pods change. The table is guarded by the view's lock, which only the one
 * thread scoring this node in a cycle takes.
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

  private TypicalPods shapesFor;
  private long[] shapeKeys = new long[0];
  private int[] shapeScores = new int[0];
  private int shapeCount;

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

  /** {@link Fragmentation#fgd} of the demand here, its score remembered by the demand's shape. */
  int fgdScore(GpuDemand demand, TypicalPods pods) {
    if (demand.gpuCount() > 0xFF || demand.cpuMilli() >= 1L << 43) {
      return Fragmentation.fgd(state, demand, pods, fragmentation(pods)).score();
    }
    // Stored plus one, so that 0 marks an empty slot.
    long key = ((demand.cpuMilli() << 20) | ((long) demand.gpuMilli() << 8) | demand.gpuCount())
        + 1;
    synchronized (this) {
      if (shapesFor != pods) {
        shapesFor = pods;
        shapeKeys = new long[16];
        shapeScores = new int[16];
        shapeCount = 0;
      }
      int mask = shapeKeys.length - 1;
      int at = slot(key, mask);
      while (shapeKeys[at] != 0) {
        if (shapeKeys[at] == key) {
          return shapeScores[at];
        }
        at = (at + 1) & mask;
      }
      int score = Fragmentation.fgd(state, demand, pods, fragmentation(pods)).score();
      shapeKeys[at] = key;
      shapeScores[at] = score;
      if (++shapeCount * 2 > shapeKeys.length) {
        grow();
      }
      return score;
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private void grow() {
    long[] keys = shapeKeys;
    int[] scores = shapeScores;
    shapeKeys = new long[keys.length * 2];
    shapeScores = new int[keys.length * 2];
    int mask = shapeKeys.length - 1;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        int at = slot(keys[i], mask);
        while (shapeKeys[at] != 0) {
          at = (at + 1) & mask;
        }
        shapeKeys[at] = keys[i];
        shapeScores[at] = scores[i];
      }
    }
  }

  boolean isCurrent(long nodeGeneration, long version) {
    return generation == nodeGeneration && ledgerVersion == version;
  }
}
