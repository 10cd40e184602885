package io.schedlab.framework;

/**
 * Data a plugin keeps in {@link CycleState} for one scheduling cycle. {@link #copy()} is called
 * when the framework clones the state to try a hypothesis (nominated pods, preemption dry runs),
 * so anything the AddPod/RemovePod extensions mutate must be copied deeply.
 */
public interface StateData {
  StateData copy();
}
