package io.schedlab.framework;

/**
 * Incremental updates of a PreFilter plugin's cycle state when the framework evaluates "what if"
 * another pod were added to or removed from a node: nominated pods in Filter, and victims in the
 * preemption dry run. Called on a copy of the state; must not touch the snapshot.
 */
public interface PreFilterExtensions {
  Status addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node);

  Status removePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node);
}
