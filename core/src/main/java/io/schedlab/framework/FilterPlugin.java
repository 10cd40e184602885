package io.schedlab.framework;

/**
 * Decides whether the pod can run on one node. Called for each candidate node, possibly from
 * several threads at once, so it must only read the cycle state and the node. Success means it
 * fits; Unschedulable means it may fit after a preemption; UnschedulableAndUnresolvable means
 * preemption cannot help; Error aborts the cycle.
 */
public interface FilterPlugin extends Plugin {
  Status filter(CycleState state, PodInfo pod, NodeInfo node);
}
