package io.schedlab.framework;

/**
 * Runs the profile's PreFilter extensions and Filter plugins, for plugins that evaluate "what if"
 * states themselves (preemption's dry run).
 */
public interface FilterRunner {
  /** All Filter plugins on one node, stopping at the first failure, as upstream's RunFilterPlugins. */
  Status runFilterPlugins(CycleState state, PodInfo pod, NodeInfo node);

  /** RunFilterPluginsWithNominatedPods: Filter with higher-or-equal priority nominated pods assumed present. */
  Status runFilterPluginsWithNominatedPods(CycleState state, PodInfo pod, NodeInfo node);

  Status runPreFilterExtensionAddPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node);

  Status runPreFilterExtensionRemovePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node);
}
