package io.schedlab.framework;

/**
 * Called, in order, only when Filter found no feasible node, until one returns Success (or
 * UnschedulableAndUnresolvable, which stops the chain). The canonical use is preemption.
 */
public interface PostFilterPlugin extends Plugin {
  PostFilterResult postFilter(CycleState state, PodInfo pod, NodeToStatus filteredNodeStatuses);
}
