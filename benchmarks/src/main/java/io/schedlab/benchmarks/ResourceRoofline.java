package io.schedlab.benchmarks;

import io.schedlab.framework.NodeTable;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.ScorePlugin;

/**
 * The floor under a scheduling cycle's per-node cost: the cheapest loop that still does the work
 * a resources-only scheduler cannot skip. For each node it checks the pod slot, then cpu and
 * memory fit against allocatable minus requested, then computes the LeastAllocated score (upstream's
 * integer formula, cpu and memory weight 1) over the node's non-zero requests plus the pod's,
 * as NodeResourcesFit scores it.
 *
 * <p>Implementation note: reads the snapshot's {@link NodeTable}, the cheapest form of the node
 * data the plugins read (one row of longs per node, in node order), so the floor is the
 * arithmetic and the streaming of those rows, nothing the data's layout adds. The pod's requests
 * are read once per call. No allocation.
 */
public final class ResourceRoofline {
  /** Written to {@code scores[i]} when node {@code i} cannot take the pod. */
  public static final long INFEASIBLE = -1;

  private ResourceRoofline() {}

  /**
   * Checks and scores every node of {@code table} for {@code pod}: {@code scores[i]} becomes the
   * LeastAllocated score of row {@code i}, or {@link #INFEASIBLE}. Returns the feasible count.
   */
  public static int fitAndScore(NodeTable table, PodInfo pod, long[] scores) {
    long cpu = pod.request(ResourceRegistry.CPU);
    long memory = pod.request(ResourceRegistry.MEMORY);
    long nonZeroCpu = pod.nonZeroMilliCpu();
    long nonZeroMemory = pod.nonZeroMemory();
    int feasible = 0;
    for (int i = 0, n = table.size(); i < n; i++) {
      long cpuAlloc = table.allocatableCpu(i);
      long memoryAlloc = table.allocatableMemory(i);
      if (table.podCount(i) + 1 > table.allocatablePods(i)
          || cpu > cpuAlloc - table.requestedCpu(i)
          || memory > memoryAlloc - table.requestedMemory(i)) {
        scores[i] = INFEASIBLE;
        continue;
      }
      feasible++;
      long sum = 0;
      long weights = 0;
      if (cpuAlloc != 0) {
        sum += leastAllocated(table.nonZeroCpu(i) + nonZeroCpu, cpuAlloc);
        weights++;
      }
      if (memoryAlloc != 0) {
        sum += leastAllocated(table.nonZeroMemory(i) + nonZeroMemory, memoryAlloc);
        weights++;
      }
      scores[i] = weights == 0 ? 0 : sum / weights;
    }
    return feasible;
  }

  private static long leastAllocated(long requested, long capacity) {
    return requested > capacity ? 0 : (capacity - requested) * ScorePlugin.MAX_NODE_SCORE / capacity;
  }
}
