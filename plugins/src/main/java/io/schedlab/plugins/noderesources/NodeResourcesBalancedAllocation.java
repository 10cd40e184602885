package io.schedlab.plugins.noderesources;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Score: favours nodes whose usage of the configured resources (default cpu and memory) would
 * be balanced with the pod added: {@code (1 - std) * 100} over the fractions requested /
 * allocatable, each capped at 1. Requests are the real ones (no non-zero defaults). PreScore
 * skips pods that request none of the resources, so best-effort pods do not pile up on one node.
 * No NormalizeScore.
 *
 * <p>Implementation note: the pod's requests for the resources are read once in PreScore; Score
 * is {@link ResourceScorer} over a few longs and a closed-form standard deviation.
 */
public final class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {
  public static final String NAME = "NodeResourcesBalancedAllocation";

  private static final CycleState.Key<PreScoreState> KEY = CycleState.Key.of("PreScore" + NAME);

  /** The pod's requests, in the order of the configured resources. */
  record PreScoreState(long[] podRequests) implements ImmutableStateData {
  }

  private final ResourceScorer scorer;

  public NodeResourcesBalancedAllocation(NodeResourcesBalancedAllocationArgs args, Handle handle) {
    validate(args);
    this.scorer = new ResourceScorer(args.resources(), handle.resources(), true, NodeResourcesBalancedAllocation::balanced);
  }

  /** Upstream's ValidateNodeResourcesBalancedAllocationArgs, with its field paths. */
  static void validate(NodeResourcesBalancedAllocationArgs args) {
    Set<String> seen = new HashSet<>();
    List<NodeResourcesFitArgs.ResourceSpec> resources = args.resources();
    for (int i = 0; i < resources.size(); i++) {
      NodeResourcesFitArgs.ResourceSpec r = resources.get(i);
      if (!seen.add(r.name())) {
        throw new PluginArgsException("resources[" + i + "].name", "Duplicate value: \"" + r.name() + "\"");
      }
      if (r.weight() != 1) {
        throw new PluginArgsException("resources[" + i + "].weight", "Invalid value: " + r.weight() + ": must be 1");
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    long[] requests = scorer.podRequests(pod);
    if (isBestEffort(requests)) {
      return Status.SKIP;
    }
    state.write(KEY, new PreScoreState(requests));
    return Status.SUCCESS;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    PreScoreState s = state.read(KEY);
    long[] requests;
    if (s != null) {
      requests = s.podRequests();
    } else {
      requests = scorer.podRequests(pod);
      if (isBestEffort(requests)) {
        return 0;
      }
    }
    return score(node, requests);
  }

  /**
   * {@link #balanced} read straight from the node when at most two resources count (cpu and
   * memory, the default), with no rows; more go through the scorer's rows.
   */
  private long score(NodeInfo node, long[] requests) {
    int count = 0;
    double first = 0;
    double second = 0;
    for (int i = 0, n = scorer.size(); i < n; i++) {
      long capacity = scorer.capacity(i, node, requests);
      if (capacity == 0) {
        continue;
      }
      if (count == 2) {
        return scorer.score(node, requests);
      }
      double f = fraction(scorer.requested(i, node, requests), capacity);
      if (count == 0) {
        first = f;
      } else {
        second = f;
      }
      count++;
    }
    return scoreOfStd(count == 2 ? stdOfTwo(first, second) : 0);
  }

  private static boolean isBestEffort(long[] requests) {
    for (long r : requests) {
      if (r != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Upstream's balancedResourceScorer: resources with zero allocatable are left out; with two
   * fractions the standard deviation is half their distance, with more the usual population
   * formula, with fewer it is 0. The result is truncated toward zero.
   */
  static long balanced(long[] requested, long[] allocatable, long[] weights, int n) {
    int count = 0;
    double total = 0;
    double first = 0;
    double second = 0;
    for (int i = 0; i < n; i++) {
      if (allocatable[i] == 0) {
        continue;
      }
      double f = fraction(requested[i], allocatable[i]);
      total += f;
      if (count == 0) {
        first = f;
      } else if (count == 1) {
        second = f;
      }
      count++;
    }
    double std = 0;
    if (count == 2) {
      std = stdOfTwo(first, second);
    } else if (count > 2) {
      double mean = total / count;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        if (allocatable[i] == 0) {
          continue;
        }
        double d = fraction(requested[i], allocatable[i]) - mean;
        sum = sum + d * d;
      }
      std = Math.sqrt(sum / count);
    }
    return scoreOfStd(std);
  }

  private static double stdOfTwo(double first, double second) {
    return Math.abs((first - second) / 2);
  }

  private static long scoreOfStd(double std) {
    return (long) ((1 - std) * (double) MAX_NODE_SCORE);
  }

  private static double fraction(long requested, long allocatable) {
    double f = (double) requested / (double) allocatable;
    return f > 1 ? 1 : f;
  }

  // Reads the cycle's requests once for the run; with cpu and memory, the default, a node is
  // four numbers of its table row and two fractions.
  @Override
  public RangeScorer rangeScorer() {
    return (state, pod, run, out) -> {
      PreScoreState s = state.read(KEY);
      if (s == null) {
        for (int i = run.from(), to = run.to(); i < to; i++) {
          out[i] = score(state, pod, run.node(i));
        }
        return;
      }
      long[] requests = s.podRequests();
      NodeTable table = run.table();
      if (table == null || !scorer.cpuThenMemory()) {
        for (int i = run.from(), to = run.to(); i < to; i++) {
          out[i] = score(run.node(i), requests);
        }
        return;
      }
      long podCpu = requests[0];
      long podMemory = requests[1];
      for (int i = run.from(), to = run.to(); i < to; i++) {
        int row = run.row(i);
        long cpuCapacity = table.allocatableCpu(row);
        long memoryCapacity = table.allocatableMemory(row);
        out[i] = cpuCapacity == 0 || memoryCapacity == 0
            ? scoreOfStd(0)
            : scoreOfStd(stdOfTwo(
                fraction(scorer.usedCpu(table, row) + podCpu, cpuCapacity),
                fraction(scorer.usedMemory(table, row) + podMemory, memoryCapacity)));
      }
    };
  }
}
