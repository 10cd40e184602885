package io.schedlab.plugins.noderesources;

import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.ResourceNames;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.ScoreRun;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ScorePlugin;
import java.util.List;

/**
 * Upstream's resourceAllocationScorer: per scored resource, the node's allocatable and what would
 * be requested with the pod added, fed to a strategy. Resources the pod does not request among
 * the scalar ones, resources the node does not have, and names the scheduler does not account
 * per node (neither cpu, memory, ephemeral-storage nor a scalar resource, e.g. pods) are left
 * out of the weighted mean.
 *
 * <p>Implementation note: the scored resources are resolved to registry indexes once, when the
 * plugin is built; a score call is then a loop over a few longs into per-thread scratch rows,
 * with no allocation.
 */
public final class ResourceScorer {
  /** Turns requested and allocatable per resource into a 0..100 score. */
  @FunctionalInterface
  public interface Strategy {
    /** Scores the first {@code n} entries; the arrays may be longer. */
    long score(long[] requested, long[] allocatable, long[] weights, int n);
  }

  /**
   * A strategy that scores each resource alone and takes the integer weighted mean over the
   * resources the node has; scored straight from the node, with no rows at all.
   */
  @FunctionalInterface
  public interface PerResource {
    long score(long requested, long capacity);
  }

  /** LeastAllocated: (capacity - requested) * 100 / capacity, 0 when over capacity. */
  public static final PerResource LEAST_ALLOCATED =
      (r, capacity) -> r > capacity ? 0 : (capacity - r) * ScorePlugin.MAX_NODE_SCORE / capacity;

  /** MostAllocated: requested * 100 / capacity, requested capped at capacity. */
  public static final PerResource MOST_ALLOCATED =
      (r, capacity) -> Math.min(r, capacity) * ScorePlugin.MAX_NODE_SCORE / capacity;

  /** Two rows of per-thread scratch, so a score call allocates nothing (Score runs on the
   * parallelizer's threads, hence one pair per thread). */
  private static final ThreadLocal<long[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new long[][] {new long[8], new long[8]});

  private final int[] indexes;
  private final boolean[] scalar;
  private final boolean[] accounted;
  private final long[] weights;
  private final boolean useRequested;
  private final Strategy strategy;
  private final PerResource perResource;
  // The default and by far the commonest configuration: cpu then memory, both always counted
  // whatever the pod, so a range is scored with no per-resource bookkeeping.
  private final boolean cpuThenMemory;

  public ResourceScorer(
      List<NodeResourcesFitArgs.ResourceSpec> resources,
      ResourceRegistry registry,
      boolean useRequested,
      Strategy strategy) {
    this(resources, registry, useRequested, strategy, null);
  }

  public ResourceScorer(
      List<NodeResourcesFitArgs.ResourceSpec> resources,
      ResourceRegistry registry,
      boolean useRequested,
      PerResource perResource) {
    this(resources, registry, useRequested, null, perResource);
  }

  private ResourceScorer(
      List<NodeResourcesFitArgs.ResourceSpec> resources,
      ResourceRegistry registry,
      boolean useRequested,
      Strategy strategy,
      PerResource perResource) {
    int n = resources.size();
    this.indexes = new int[n];
    this.scalar = new boolean[n];
    this.accounted = new boolean[n];
    this.weights = new long[n];
    for (int i = 0; i < n; i++) {
      String name = resources.get(i).name();
      indexes[i] = registry.indexOf(name);
      scalar[i] = ResourceNames.isScalar(name);
      accounted[i] = indexes[i] == ResourceRegistry.CPU
          || indexes[i] == ResourceRegistry.MEMORY
          || indexes[i] == ResourceRegistry.EPHEMERAL_STORAGE
          || scalar[i];
      weights[i] = resources.get(i).weight();
    }
    this.useRequested = useRequested;
    this.strategy = strategy;
    this.perResource = perResource;
    this.cpuThenMemory =
        n == 2 && indexes[0] == ResourceRegistry.CPU && indexes[1] == ResourceRegistry.MEMORY;
  }

  /** Whether the scored resources are exactly cpu then memory. */
  boolean cpuThenMemory() {
    return cpuThenMemory;
  }

  /** What the row's node has requested of cpu: the non-zero sum, or the real one with useRequested. */
  long usedCpu(NodeTable table, int row) {
    return useRequested ? table.requestedCpu(row) : table.nonZeroCpu(row);
  }

  /** What the row's node has requested of memory, as {@link #usedCpu}. */
  long usedMemory(NodeTable table, int row) {
    return useRequested ? table.requestedMemory(row) : table.nonZeroMemory(row);
  }

  /**
   * {@link #score} of the run's nodes into {@code out}, the same figures; with cpu then memory
   * and a per-resource strategy it reads each node's four numbers from its table row.
   */
  public void scoreRange(ScoreRun run, long[] podRequests, long[] out) {
    NodeTable table = run.table();
    if (table == null || !cpuThenMemory || perResource == null) {
      for (int i = run.from(), to = run.to(); i < to; i++) {
        out[i] = score(run.node(i), podRequests);
      }
      return;
    }
    long podCpu = podRequests[0];
    long podMemory = podRequests[1];
    long cpuWeight = weights[0];
    long memoryWeight = weights[1];
    PerResource strategy = perResource;
    for (int i = run.from(), to = run.to(); i < to; i++) {
      int row = run.row(i);
      long cpuCapacity = table.allocatableCpu(row);
      long memoryCapacity = table.allocatableMemory(row);
      long sum = 0;
      long weightSum = 0;
      if (cpuCapacity != 0) {
        sum += strategy.score(usedCpu(table, row) + podCpu, cpuCapacity) * cpuWeight;
        weightSum += cpuWeight;
      }
      if (memoryCapacity != 0) {
        sum += strategy.score(usedMemory(table, row) + podMemory, memoryCapacity) * memoryWeight;
        weightSum += memoryWeight;
      }
      out[i] = weightSum == 0 ? 0 : sum / weightSum;
    }
  }

  /** The pod's requests for the scored resources, as upstream's calculatePodResourceRequestList. */
  public long[] podRequests(PodInfo pod) {
    long[] source = useRequested ? pod.requests() : pod.nonZeroRequests();
    long[] out = new long[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = ResourceRegistry.get(source, indexes[i]);
    }
    return out;
  }

  public long score(NodeInfo node, long[] podRequests) {
    int n = indexes.length;
    if (perResource != null) {
      long nodeScore = 0;
      long weightSum = 0;
      for (int i = 0; i < n; i++) {
        long capacity = capacity(i, node, podRequests);
        if (capacity != 0) {
          nodeScore += perResource.score(requested(i, node, podRequests), capacity) * weights[i];
          weightSum += weights[i];
        }
      }
      return weightSum == 0 ? 0 : nodeScore / weightSum;
    }
    long[][] scratch = SCRATCH.get();
    if (scratch[0].length < n) {
      scratch[0] = new long[n];
      scratch[1] = new long[n];
    }
    long[] requested = scratch[0];
    long[] allocatable = scratch[1];
    for (int i = 0; i < n; i++) {
      long capacity = capacity(i, node, podRequests);
      allocatable[i] = capacity;
      requested[i] = capacity == 0 ? 0 : requested(i, node, podRequests);
    }
    return strategy.score(requested, allocatable, weights, n);
  }

  /** How many resources are scored. */
  int size() {
    return indexes.length;
  }

  /**
   * The node's allocatable of scored resource {@code i}, or 0 when the resource is left out
   * (not requested among the scalar ones, not accounted per node, or absent on the node).
   */
  long capacity(int i, NodeInfo node, long[] podRequests) {
    if ((podRequests[i] == 0 && scalar[i]) || !accounted[i]) {
      return 0;
    }
    return node.allocatable(indexes[i]);
  }

  /** What would be requested of resource {@code i} on the node with the pod added. */
  long requested(int i, NodeInfo node, long[] podRequests) {
    int r = indexes[i];
    long used;
    if (!useRequested && r == ResourceRegistry.CPU) {
      used = node.nonZeroRequestedMilliCpu();
    } else if (!useRequested && r == ResourceRegistry.MEMORY) {
      used = node.nonZeroRequestedMemory();
    } else {
      used = node.requested(r);
    }
    return used + podRequests[i];
  }

  /**
   * RequestedToCapacityRatio: a broken linear function of utilization given by the shape
   * (scores scaled from 0..10 to 0..100); only resources with a positive score count in the
   * weighted mean, which is rounded half away from zero.
   */
  public static Strategy requestedToCapacityRatio(List<NodeResourcesFitArgs.UtilizationShapePoint> shape) {
    int n = shape.size();
    long[] util = new long[n];
    long[] score = new long[n];
    for (int i = 0; i < n; i++) {
      util[i] = shape.get(i).utilization();
      score[i] = shape.get(i).score() * (ScorePlugin.MAX_NODE_SCORE / 10);
    }
    return (requested, allocatable, weights, count) -> {
      long nodeScore = 0;
      long weightSum = 0;
      for (int i = 0; i < count; i++) {
        long capacity = allocatable[i];
        if (capacity == 0) {
          continue;
        }
        long p = requested[i] > capacity ? 100 : requested[i] * 100 / capacity;
        long s = brokenLinear(util, score, p);
        if (s > 0) {
          nodeScore += s * weights[i];
          weightSum += weights[i];
        }
      }
      return weightSum == 0 ? 0 : Math.round((double) nodeScore / (double) weightSum);
    };
  }

  static long brokenLinear(long[] util, long[] score, long p) {
    for (int i = 0; i < util.length; i++) {
      if (p <= util[i]) {
        if (i == 0) {
          return score[0];
        }
        return score[i - 1] + (score[i] - score[i - 1]) * (p - util[i - 1]) / (util[i] - util[i - 1]);
      }
    }
    return score[util.length - 1];
  }
}
