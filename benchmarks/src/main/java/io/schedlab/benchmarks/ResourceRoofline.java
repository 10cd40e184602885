package io.schedlab.benchmarks;

import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.ScorePlugin;
import java.util.List;

/**
 * The floor under a scheduling cycle's per-node cost: the cheapest loop that still does the work
 * a resources-only scheduler cannot skip. For each node it checks the pod slot, then cpu and
 * memory fit against allocatable minus requested, then computes the LeastAllocated score (upstream's
 * integer formula, cpu and memory weight 1) over the node's non-zero requests plus the pod's,
 * as NodeResourcesFit scores it.
 *
 * <p>Implementation note: reads the same {@link NodeInfo} fields the plugins read, through the
 * same accessors, so the floor pays for the real data layout (one object and two vectors per
 * node), not for an idealised one. The pod's requests are read once per call. No allocation.
 */
public final class ResourceRoofline {
  /** Written to {@code scores[i]} when node {@code i} cannot take the pod. */
  public static final long INFEASIBLE = -1;

  private ResourceRoofline() {}

  /**
   * Checks and scores every node of {@code nodes} for {@code pod}: {@code scores[i]} becomes the
   * LeastAllocated score of node {@code i}, or {@link #INFEASIBLE}. Returns the feasible count.
   */
  public static int fitAndScore(List<NodeInfo> nodes, PodInfo pod, long[] scores) {
    long cpu = pod.request(ResourceRegistry.CPU);
    long memory = pod.request(ResourceRegistry.MEMORY);
    long nonZeroCpu = pod.nonZeroMilliCpu();
    long nonZeroMemory = pod.nonZeroMemory();
    int feasible = 0;
    for (int i = 0, n = nodes.size(); i < n; i++) {
      NodeInfo node = nodes.get(i);
      long cpuAlloc = node.allocatable(ResourceRegistry.CPU);
      long memoryAlloc = node.allocatable(ResourceRegistry.MEMORY);
      if (node.podCount() + 1 > node.allocatable(ResourceRegistry.PODS)
          || cpu > cpuAlloc - node.requested(ResourceRegistry.CPU)
          || memory > memoryAlloc - node.requested(ResourceRegistry.MEMORY)) {
        scores[i] = INFEASIBLE;
        continue;
      }
      feasible++;
      long sum = 0;
      long weights = 0;
      if (cpuAlloc != 0) {
        sum += leastAllocated(node.nonZeroRequestedMilliCpu() + nonZeroCpu, cpuAlloc);
        weights++;
      }
      if (memoryAlloc != 0) {
        sum += leastAllocated(node.nonZeroRequestedMemory() + nonZeroMemory, memoryAlloc);
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
