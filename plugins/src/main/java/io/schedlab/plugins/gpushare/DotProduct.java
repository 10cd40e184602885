package io.schedlab.plugins.gpushare;

import java.util.Locale;

/**
 * The FGD artifact's DotProduct score: 100 × (1 − the best normalised dot product between what
 * the node has left and what the pod asks), so that a pod goes where it matches the leftovers
 * least. How GPUs become vector dimensions ({@link DimExt}) and what the vectors are divided by
 * ({@link Norm}) are the plugin's args {@code dimExtMethod} and {@code normMethod}; the match
 * with the best score also names the devices, which Open-Gpu-Share uses when DotProduct is its
 * selection method.
 */
public final class DotProduct {
  /** How the node's GPUs are turned into vector dimensions. */
  public enum DimExt {
    /** All free GPU milli as one dimension. */
    MERGE,
    /** One candidate per usable partly used device and one for the fully free devices, each with all the node's CPU. */
    SHARE,
    /** As SHARE, with the CPU divided in proportion to the candidate's GPU milli. */
    DIVIDE,
    /** One dimension per partly used device plus one for the fully free devices; the pod is placed in each dimension that fits it. */
    EXTEND;

    public static DimExt parse(String field, String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "merge" -> MERGE;
        case "share" -> SHARE;
        case "divide" -> DIVIDE;
        case "extend" -> EXTEND;
        default -> throw new IllegalArgumentException(
            field + ": expected merge, share, divide or extend, got '" + text + "'");
      };
    }
  }

  /** What both vectors are divided by. */
  public enum Norm {
    /** The node's capacity. */
    NODE,
    /** The pod's request (then squashed by tanh). */
    POD,
    /** The largest node: 128 cores, 8 GPUs. */
    MAX;

    public static Norm parse(String field, String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "node" -> NODE;
        case "pod" -> POD;
        case "max" -> MAX;
        default -> throw new IllegalArgumentException(
            field + ": expected node, pod or max, got '" + text + "'");
      };
    }
  }

  /** A score and the devices its best match would use (empty: none named). */
  public record Choice(long score, int[] devices) {}

  private static final int[] NONE = new int[0];

  private DotProduct() {}

  public static long score(GpuNodeState node, long cpuCapacity, GpuDemand demand, DimExt dim,
      Norm norm) {
    return choose(node, cpuCapacity, demand, dim, norm).score();
  }

  public static Choice choose(GpuNodeState node, long cpuCapacity, GpuDemand demand, DimExt dim,
      Norm norm) {
    if (node.cpuMilliFree() < demand.cpuMilli()) {
      return new Choice(0, NONE);
    }
    long podGpu = demand.totalGpuMilli();
    long cpuLeft = node.cpuMilliFree();
    long gpuLeft = node.totalGpuMilliFree();
    int[] free = node.devices();
    Best best = new Best();
    switch (dim) {
      case MERGE -> best.offer(
          match2(cpuLeft, gpuLeft, demand, cpuCapacity, node.gpuCount(), norm), NONE);
      case SHARE, DIVIDE -> {
        if (podGpu < GpuDemand.MILLI) {
          for (int i = 0; i < free.length; i++) {
            if (free[i] >= GpuDemand.MILLI || free[i] < podGpu) {
              continue;
            }
            double cpu = dim == DimExt.SHARE ? cpuLeft : (double) (cpuLeft * free[i]) / gpuLeft;
            best.offer(match2(cpu, free[i], demand, cpuCapacity, node.gpuCount(), norm),
                new int[] {i});
          }
        }
        int idle = node.fullyFreeGpus();
        if (podGpu <= (long) idle * GpuDemand.MILLI) {
          long idleMilli = (long) idle * GpuDemand.MILLI;
          double cpu = dim == DimExt.SHARE ? cpuLeft : (double) (cpuLeft * idleMilli) / gpuLeft;
          best.offer(match2(cpu, idleMilli, demand, cpuCapacity, node.gpuCount(), norm),
              exclusive(free, podGpu));
        }
      }
      case EXTEND -> extend(node, cpuCapacity, demand, norm, best);
    }
    if (best.score == -1) {
      return new Choice(0, NONE);
    }
    return new Choice((long) (GpuScores.MAX_NODE_SCORE * best.score), best.devices);
  }

  /** A two-dimensional match (CPU, GPU): the score 1 − normalised dot product / 2. */
  private static double match2(double nodeCpu, double nodeGpu, GpuDemand demand, long cpuCapacity,
      int gpus, Norm norm) {
    double podCpu = demand.cpuMilli();
    double podGpu = demand.totalGpuMilli();
    double[] by = divisors(norm, demand, cpuCapacity, gpus);
    double dot = scaled(nodeCpu, by[0]) * scaled(podCpu, by[0])
        + scaled(nodeGpu, by[1]) * scaled(podGpu, by[1]);
    return finish(dot, 2, norm);
  }

  /** What the CPU and each GPU dimension are divided by. */
  private static double[] divisors(Norm norm, GpuDemand demand, long cpuCapacity, int gpus) {
    return switch (norm) {
      case NODE -> new double[] {cpuCapacity, (double) gpus * GpuDemand.MILLI};
      case POD -> new double[] {demand.cpuMilli(), demand.totalGpuMilli()};
      case MAX -> new double[] {GpuScores.MAX_SPEC_CPU_MILLI, GpuScores.MAX_SPEC_GPU_MILLI};
    };
  }

  private static double finish(double dot, int dims, Norm norm) {
    double v = dot / dims;
    if (norm == Norm.POD) {
      v = Math.tanh(v / 10);
    }
    return 1 - v;
  }

  private static double scaled(double v, double by) {
    return by > 0 ? v / by : 0;
  }

  private static void extend(GpuNodeState node, long cpuCapacity, GpuDemand demand, Norm norm,
      Best best) {
    int[] free = node.devices();
    // The node's GPU dimensions: each partly used device with something left, then all fully
    // free devices as one.
    int parts = 0;
    int idle = 0;
    for (int f : free) {
      if (f == GpuDemand.MILLI) {
        idle++;
      } else if (f > 0) {
        parts++;
      }
    }
    int dims = parts + (idle > 0 ? 1 : 0);
    long[] dimMilli = new long[dims];
    int[] dimDevice = new int[dims];
    int k = 0;
    for (int i = 0; i < free.length; i++) {
      if (free[i] > 0 && free[i] < GpuDemand.MILLI) {
        dimMilli[k] = free[i];
        dimDevice[k++] = i;
      }
    }
    if (idle > 0) {
      dimMilli[k] = (long) idle * GpuDemand.MILLI;
      dimDevice[k] = -1;
    }
    long podGpu = demand.totalGpuMilli();
    double podCpu = demand.cpuMilli();
    double[] by = divisors(norm, demand, cpuCapacity, node.gpuCount());
    double normGpu = by[1];
    double cpuTerm = scaled(node.cpuMilliFree(), by[0]) * scaled(podCpu, by[0]);
    for (int i = 0; i < dims; i++) {
      if (dimMilli[i] < podGpu) {
        continue;
      }
      double dot = cpuTerm + scaled(dimMilli[i], normGpu) * scaled(podGpu, normGpu);
      int[] devices = dimMilli[i] < GpuDemand.MILLI ? new int[] {dimDevice[i]}
          : exclusive(free, podGpu);
      best.offer(finish(dot, 1 + dims, norm), devices);
    }
  }

  /** The lowest-index fully free devices covering {@code podGpu} milli. */
  static int[] exclusive(int[] free, long podGpu) {
    int n = 0;
    long left = podGpu;
    for (int f : free) {
      if (left <= 0) {
        break;
      }
      if (f == GpuDemand.MILLI) {
        n++;
        left -= GpuDemand.MILLI;
      }
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < free.length && k < n; i++) {
      if (free[i] == GpuDemand.MILLI) {
        out[k++] = i;
      }
    }
    return out;
  }

  private static final class Best {
    double score = -1;
    int[] devices = NONE;

    void offer(double s, int[] d) {
      if (score < s) {
        score = s;
        devices = d;
      }
    }
  }
}
