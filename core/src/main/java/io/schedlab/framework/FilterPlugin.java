package io.schedlab.framework;

/**
 * Decides whether the pod can run on one node. Called for each candidate node, possibly from
 * several threads at once, so it must only read the cycle state and the node. Success means it
 * fits; Unschedulable means it may fit after a preemption; UnschedulableAndUnresolvable means
 * preemption cannot help; Error aborts the cycle.
 */
public interface FilterPlugin extends Plugin {
  Status filter(CycleState state, PodInfo pod, NodeInfo node);

  /**
   * Filters a run of nodes at once, exactly as {@link #filter} would one by one: for each node
   * of the run still {@link FilterRun#alive alive}, reject it with the status filter returns
   * when that is not Success. Optional, an optimisation the framework uses outside sampled
   * (timed) cycles. The loop must live in the plugin class, for the reason given at {@link
   * ScorePlugin.RangeScorer}. When the run has a {@link FilterRun#table() table}, a loop that
   * needs only what the rows hold can decide from them and read a NodeInfo only for the nodes
   * it rejects.
   */
  interface RangeFilter {
    void filter(CycleState state, PodInfo pod, FilterRun run);
  }

  /** This plugin's {@link RangeFilter}, or null to be called node by node. */
  default RangeFilter rangeFilter() {
    return null;
  }
}
