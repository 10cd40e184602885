package io.schedlab.benchmarks;

import io.schedlab.config.ProfileConfig;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeSubset;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Registry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.Status;
import io.schedlab.framework.runtime.Framework;
import io.schedlab.framework.runtime.Parallelizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Filter and Score half of one scheduling cycle, through a real profile, over every node of
 * a fixed list: PreFilter once, Filter (with nominated pods) on each node in one wave, PreScore once over the
 * feasible nodes, Score with NormalizeScore and weights, then the per-node totals. This is what
 * the scheduler's schedulePod does for a pod, without its early stop at numFeasibleNodesToFind
 * and without selectHost, so the cost divides evenly by the node count.
 *
 * <p>Implementation note: the feasible list, the totals and the score rows are kept from run to
 * run while the feasible count holds, as the scheduler keeps its score rows, so a run allocates
 * what the plugins allocate and little else.
 */
public final class FilterScoreCycle {
  private final Framework profile;
  private final List<NodeInfo> nodes;
  private final NodeSubset feasible;
  private final Set<String> pluginsWithNodes = new HashSet<>();
  private long[][] scoreRows = new long[0][];
  private long[] totals = new long[0];
  private Status[] outcomes = new Status[0];

  public FilterScoreCycle(Framework profile, List<NodeInfo> nodes) {
    this.profile = profile;
    this.nodes = nodes;
    this.feasible = new NodeSubset(nodes, nodes.size());
  }

  /**
   * The first profile of {@code config} over {@code handle}, with Filter and Score on the calling
   * thread only, so its cost per node compares with a single-threaded loop. The handle's filter
   * runner is set to it.
   */
  public static Framework framework(SchedulerConfig config, Registry registry, StaticHandle handle) {
    ProfileConfig first = config.profiles().get(0);
    Framework f = new Framework(first, registry, handle, new Parallelizer(1));
    handle.setFilterRunner(f);
    return f;
  }

  /**
   * Runs the cycle for {@code pod}; returns how many nodes passed Filter.
   *
   * @throws IllegalStateException if PreFilter, PreScore or Score fail, or PreFilter narrows the
   *     node set (the cycle measures every node)
   */
  public int run(PodInfo pod) {
    return runWindow(pod, 0, nodes.size());
  }

  /**
   * Runs one cycle per window of {@code waveSize} consecutive nodes, as many as cover the list:
   * the scheduler's pattern, where a cycle filters about numFeasibleNodesToFind nodes from a
   * rotating start and scores those it found, while they are still in the CPU's caches. Returns
   * how many nodes passed Filter over all windows.
   */
  public int runInWaves(PodInfo pod, int waveSize) {
    int passed = 0;
    for (int from = 0, n = nodes.size(); from < n; from += waveSize) {
      passed += runWindow(pod, from, Math.min(n, from + waveSize));
    }
    return passed;
  }

  private int runWindow(PodInfo pod, int from, int to) {
    CycleState state = new CycleState();
    pluginsWithNodes.clear();
    PreFilterResult pre = profile.runPreFilterPlugins(state, pod, nodes, pluginsWithNodes);
    check("PreFilter", pre.status());
    if (!pre.allNodes()) {
      throw new IllegalStateException(
          "PreFilter: expected every node to stay a candidate, plugins " + pluginsWithNodes + " narrowed them");
    }
    feasible.clear();
    int n = nodes.size();
    if (outcomes.length != n) {
      outcomes = new Status[n];
    }
    // Positions are node indexes (the wave starts at node 0), as the scheduler filters a wave.
    profile.runFilterPluginsOnWave(state, pod, nodes, 0, from, to, outcomes);
    for (int i = from; i < to; i++) {
      if (outcomes[i] == null || outcomes[i].isSuccess()) {
        feasible.addRow(i);
      }
    }
    int count = feasible.size();
    if (totals.length != count) {
      totals = new long[count];
    } else {
      Arrays.fill(totals, 0);
    }
    if (count == 0 || !profile.hasScorePlugins()) {
      return count;
    }
    check("PreScore", profile.runPreScorePlugins(state, pod, feasible));
    int plugins = profile.scorePluginCount();
    if (scoreRows.length != plugins || scoreRows[0].length != count) {
      scoreRows = new long[plugins][count];
    }
    check("Score", profile.runScorePlugins(state, pod, feasible, scoreRows));
    for (int p = 0; p < plugins; p++) {
      if (state.skipScore(p)) {
        continue;
      }
      long[] row = scoreRows[p];
      for (int i = 0; i < count; i++) {
        totals[i] += row[i];
      }
    }
    return count;
  }

  /** The nodes that passed Filter in the last run, in node order. */
  public List<NodeInfo> feasible() {
    return feasible;
  }

  /** The last run's summed weighted score of each feasible node, in {@link #feasible()} order. */
  public long[] totals() {
    return totals;
  }

  private static void check(String stage, Status s) {
    if (!s.isSuccess()) {
      throw new IllegalStateException(stage + ": expected success, got " + s.code() + ": " + s.message());
    }
  }
}
