package io.schedlab.framework;

/**
 * Cycle state that no AddPod/RemovePod extension mutates (the pod's own requests, its
 * tolerations, a per-cycle score table): a copy can share it.
 */
public interface ImmutableStateData extends StateData {
  @Override
  default StateData copy() {
    return this;
  }
}
