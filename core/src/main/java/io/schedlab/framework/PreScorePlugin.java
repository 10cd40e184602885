package io.schedlab.framework;

import java.util.List;

/**
 * Called once per cycle with the feasible nodes, before Score, to precompute scoring state.
 * Skip makes the framework skip this plugin's Score for the cycle; any other non-success
 * status aborts the cycle.
 */
public interface PreScorePlugin extends Plugin {
  Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes);
}
