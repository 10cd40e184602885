package io.schedlab.plugins.gpushare;

/**
 * The FGD paper's GPU fragmentation, measured against the typical pods.
 *
 * <p>For every typical class the node's idle milli-GPU is put in one category, weighted by the
 * class's popularity: a class without GPUs sees it as XL (CPU fits) or XR (CPU lacking); a class
 * whose model the node lacks sees it as no-access; otherwise Q3 when both GPU and CPU fit (then the
 * devices with less free than the class's per-GPU milli still count as Q2), Q4 when only GPUs fit,
 * Q2 when only CPU fits, Q1 when neither. The fragmentation amount is everything but Q3.
 *
 * <p>Implementation note: hot during scoring, so everything is primitive loops, no allocation in
 * {@link #nodeAmount(GpuNodeState, TypicalPods)}.
 */
public final class Fragmentation {
  public static final int Q1_LACK_BOTH = 0;
  public static final int Q2_LACK_GPU = 1;
  public static final int Q3_SATISFIED = 2;
  public static final int Q4_LACK_CPU = 3;
  public static final int XL_SATISFIED = 4;
  public static final int XR_LACK_CPU = 5;
  public static final int NO_ACCESS = 6;
  public static final int CATEGORIES = 7;

  /** The highest node score, as kube-scheduler's MaxNodeScore. */
  public static final int MAX_NODE_SCORE = 100;

  private Fragmentation() {}

  /** The category of the node's idle GPUs for one typical class. */
  public static int category(GpuNodeState node, TypicalPods pods, int cls) {
    return category(node, pods.cpuMilli(cls), pods.gpuMilli(cls), pods.gpuCount(cls),
        pods.gpuModel(cls));
  }

  static int category(GpuNodeState node, long cpuMilli, int gpuMilli, int gpuCount, String model) {
    boolean cpuFits = node.cpuMilliFree() >= cpuMilli;
    if (gpuMilli == 0) {
      return cpuFits ? XL_SATISFIED : XR_LACK_CPU;
    }
    if (!GpuDemand.modelAccepts(model, node.gpuModel())) {
      return NO_ACCESS;
    }
    if (node.fitsOnGpus(gpuCount, gpuMilli)) {
      return cpuFits ? Q3_SATISFIED : Q4_LACK_CPU;
    }
    return cpuFits ? Q2_LACK_GPU : Q1_LACK_BOTH;
  }

  /** The node's idle milli-GPU split by category, popularity-weighted (length {@link #CATEGORIES}). */
  public static double[] nodeCategories(GpuNodeState node, TypicalPods pods) {
    double[] out = new double[CATEGORIES];
    addNodeCategories(node, pods, out);
    return out;
  }

  static void addNodeCategories(GpuNodeState node, TypicalPods pods, double[] into) {
    long idle = node.totalGpuMilliFree();
    int[] devices = node.devices();
    for (int c = 0; c < pods.size(); c++) {
      double p = pods.popularity(c);
      if (p < 0 || p > 1) {
        continue;
      }
      int cat = category(node, pods, c);
      if (cat == Q3_SATISFIED) {
        int need = pods.gpuMilli(c);
        long tooSmall = 0;
        for (int m : devices) {
          if (m < need) {
            tooSmall += m;
          }
        }
        into[Q2_LACK_GPU] += p * tooSmall;
        into[Q3_SATISFIED] += p * (idle - tooSmall);
      } else {
        into[cat] += p * idle;
      }
    }
  }

  /** The node's fragmentation amount in milli-GPU: all categories but Q3. */
  public static double nodeAmount(GpuNodeState node, TypicalPods pods) {
    long idle = node.totalGpuMilliFree();
    int[] devices = node.devices();
    double sum = 0;
    for (int c = 0; c < pods.size(); c++) {
      double p = pods.popularity(c);
      if (p < 0 || p > 1) {
        continue;
      }
      int cat = category(node, pods, c);
      if (cat == Q3_SATISFIED) {
        int need = pods.gpuMilli(c);
        long tooSmall = 0;
        for (int m : devices) {
          if (m < need) {
            tooSmall += m;
          }
        }
        sum += p * tooSmall;
      } else {
        sum += p * idle;
      }
    }
    return sum;
  }

  /** The cluster's categories: the sum of its nodes'. */
  public static double[] clusterCategories(Iterable<GpuNodeState> nodes, TypicalPods pods) {
    double[] out = new double[CATEGORIES];
    for (GpuNodeState n : nodes) {
      addNodeCategories(n, pods, out);
    }
    return out;
  }

  /** Sum of all categories but Q3. */
  public static double amount(double[] categories) {
    double s = 0;
    for (int i = 0; i < CATEGORIES; i++) {
      if (i != Q3_SATISFIED) {
        s += categories[i];
      }
    }
    return s;
  }

  /**
   * The fragmentation ratio in percent: the amount over the sum of all categories (the idle
   * milli-GPU as the typical pods see it). NaN when nothing is idle, as the artifact's division.
   */
  public static double ratioPercent(double[] categories) {
    double all = 0;
    for (double v : categories) {
      all += v;
    }
    return 100 * amount(categories) / all;
  }

  /** Outcome of scoring a demand on a node by FGD. */
  public record FgdChoice(int score, double before, double after, int[] devices) {
    /** Fragmentation increment of the placement, milli-GPU (negative: it reduces it). */
    public double increment() {
      return after - before;
    }
  }

  /**
   * FGD's score of placing {@code demand} on {@code node}: {@code
   * trunc(sigmoid((before - after) / 1000) × 100)}, and the devices FGD would use. A GPU share
   * tries every device with enough free milli and keeps the best score, lowest index on ties
   * (devices empty when none fits; score 0). Whole GPUs, or no GPU: the node after taking the CPU
   * and packing onto the fullest sufficient devices; the devices reported are the first fully free
   * ones by index. A node whose CPU or GPU count is short is scored unchanged, as the artifact does.
   * The node is not modified.
   */
  public static FgdChoice fgd(GpuNodeState node, GpuDemand demand, TypicalPods pods) {
    return fgd(node, demand, pods, nodeAmount(node, pods));
  }

  /** As {@link #fgd(GpuNodeState, GpuDemand, TypicalPods)}, with the node's amount known. */
  public static FgdChoice fgd(GpuNodeState node, GpuDemand demand, TypicalPods pods,
      double before) {
    if (demand.isShare()) {
      int best = -1;
      int bestScore = 0;
      double bestAfter = before;
      GpuNodeState probe = node.copy();
      int[] dev = probe.devices();
      probe.addCpu(-demand.cpuMilli());
      for (int i = 0; i < dev.length; i++) {
        if (dev[i] >= demand.gpuMilli()) {
          dev[i] -= demand.gpuMilli();
          double after = nodeAmount(probe, pods);
          dev[i] += demand.gpuMilli();
          int score = score(before, after);
          if (best < 0 || score > bestScore) {
            best = i;
            bestScore = score;
            bestAfter = after;
          }
        }
      }
      return new FgdChoice(bestScore, before, bestAfter, best < 0 ? new int[0] : new int[] {best});
    }
    GpuNodeState after = packed(node, demand);
    double afterAmount = nodeAmount(after, pods);
    return new FgdChoice(score(before, afterAmount), before, afterAmount,
        firstFullyFree(node, demand.gpuCount()));
  }

  static int score(double before, double after) {
    double x = (before - after) / 1000;
    return (int) (1.0 / (1.0 + Math.exp(-x)) * MAX_NODE_SCORE);
  }

  /** The node after the demand is packed onto the fullest devices that still fit it. */
  static GpuNodeState packed(GpuNodeState node, GpuDemand demand) {
    GpuNodeState out = node.copy();
    if (out.cpuMilliFree() < demand.cpuMilli() || out.gpuCount() < demand.gpuCount()) {
      return out;
    }
    out.addCpu(-demand.cpuMilli());
    int need = demand.gpuCount();
    if (need == 0) {
      return out;
    }
    int[] dev = out.devices();
    boolean[] used = new boolean[dev.length];
    while (need > 0) {
      int pick = -1;
      for (int i = 0; i < dev.length; i++) {
        if (!used[i] && dev[i] >= demand.gpuMilli() && (pick < 0 || dev[i] < dev[pick])) {
          pick = i;
        }
      }
      if (pick < 0) {
        return out;
      }
      used[pick] = true;
      dev[pick] -= demand.gpuMilli();
      need--;
    }
    return out;
  }

  private static int[] firstFullyFree(GpuNodeState node, int count) {
    int[] out = new int[count];
    int n = 0;
    for (int i = 0; i < node.gpuCount() && n < count; i++) {
      if (node.gpuMilliFree(i) == GpuDemand.MILLI) {
        out[n++] = i;
      }
    }
    if (n < count) {
      return new int[0];
    }
    return out;
  }
}
