package io.schedlab.plugins.gpushare;

/**
 * The FGD artifact's packing-style node scores, in its integer arithmetic: BestFit, GpuPacking and
 * GpuClustering, plus the min-max normalisation BestFit applies. Every score is in 0..100 before
 * the plugin weight. The node must already pass the filters (CPU fits, GPUs fit, model accepted).
 */
public final class GpuScores {
  /** The largest node the artifact normalises against: 128 cores, 8 GPUs. */
  public static final long MAX_SPEC_CPU_MILLI = 128_000;

  public static final long MAX_SPEC_GPU_MILLI = 8_000;

  public static final int MAX_NODE_SCORE = 100;

  private GpuScores() {}

  /**
   * BestFit: 100 × (1 − the mean over CPU and GPU of what would be left, relative to the largest
   * node), truncated. Tighter nodes score higher. -1 when the node cannot hold the demand.
   */
  public static long bestFit(GpuNodeState node, GpuDemand demand) {
    double cpuLeft = node.cpuMilliFree() - demand.cpuMilli();
    double gpuLeft = node.totalGpuMilliFree() - demand.totalGpuMilli();
    if (cpuLeft < 0 || gpuLeft < 0) {
      return -1;
    }
    double rest = cpuLeft / MAX_SPEC_CPU_MILLI * 0.5 + gpuLeft / MAX_SPEC_GPU_MILLI * 0.5;
    return (long) ((1.0 - rest) * MAX_NODE_SCORE);
  }

  /**
   * GpuPacking, in three bands: an untouched node scores lowest (33 − its GPUs, at least its
   * GPUs); a node where the pod would open fully free GPUs scores 34..50 (50 − GPUs opened, at
   * least 33); a node where the pod fits on partly used GPUs scores 50..100, higher the fuller
   * those GPUs are. Pods without GPU milli score 0. -1 when the devices do not fit.
   */
  public static long gpuPacking(GpuNodeState node, GpuDemand demand) {
    if (demand.gpuMilli() <= 0) {
      return 0;
    }
    int[] free = node.devices();
    int fullyFree = node.fullyFreeGpus();
    if (fullyFree == free.length) {
      return Math.max(MAX_NODE_SCORE / 3 - fullyFree, fullyFree);
    }
    int need = demand.gpuCount();
    int openedFree = 0;
    long freeRatioOnUsed = 0;
    // Fullest devices first, lowest index among equals (a stable ascending order).
    boolean[] taken = new boolean[free.length];
    while (need > 0) {
      int pick = -1;
      for (int i = 0; i < free.length; i++) {
        if (!taken[i] && (pick < 0 || free[i] < free[pick])) {
          pick = i;
        }
      }
      if (pick < 0) {
        break;
      }
      taken[pick] = true;
      if (demand.gpuMilli() <= free[pick]) {
        need--;
        if (free[pick] == GpuDemand.MILLI) {
          openedFree++;
        }
        freeRatioOnUsed += free[pick] * 100L / GpuDemand.MILLI;
      }
    }
    if (need != 0) {
      return -1;
    }
    if (openedFree > 0) {
      return Math.max(MAX_NODE_SCORE / 2 - openedFree, MAX_NODE_SCORE / 3);
    }
    return Math.max(MAX_NODE_SCORE - freeRatioOnUsed / 10, MAX_NODE_SCORE / 2);
  }

  /**
   * GpuClustering: keeps pods of one GPU kind together (kinds: a GPU share, or N whole GPUs). A
   * node already holding only this kind scores 75..100, holding it among others 50..75, holding no
   * GPU pod 25..50, holding only other kinds 0..25; within a band, fuller nodes score higher.
   * Pods without GPUs score 0.
   *
   * @param kinds the node's GPU pods counted by {@link #kindOf(GpuDemand)}
   */
  public static long gpuClustering(GpuNodeState node, GpuKindCounts kinds, GpuDemand demand) {
    int kind = kindOf(demand);
    if (kind < 0) {
      return 0;
    }
    long fill = MAX_NODE_SCORE / 4 * (MAX_SPEC_GPU_MILLI - node.totalGpuMilliFree())
        / MAX_SPEC_GPU_MILLI;
    if (kinds.count(kind) > 0) {
      return fill + (kinds.distinct() == 1 ? MAX_NODE_SCORE * 3 / 4 : MAX_NODE_SCORE * 2 / 4);
    }
    return fill + (kinds.distinct() == 0 ? MAX_NODE_SCORE / 4 : 0);
  }

  /** The pod's GPU kind: -1 no GPU, 0 a share of one GPU, N for N whole GPUs. */
  public static int kindOf(GpuDemand demand) {
    if (demand.gpuCount() == 0) {
      return -1;
    }
    return demand.isShare() ? 0 : demand.gpuCount();
  }

  /**
   * The artifact's min-max normalisation to 0..100 in integer arithmetic; all scores become 0
   * when they are equal.
   */
  public static void normalize(long[] scores, int n) {
    long hi = Long.MIN_VALUE;
    long lo = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      hi = Math.max(hi, scores[i]);
      lo = Math.min(lo, scores[i]);
    }
    long range = hi - lo;
    for (int i = 0; i < n; i++) {
      scores[i] = range == 0 ? 0 : (scores[i] - lo) * MAX_NODE_SCORE / range;
    }
  }
}
