package io.schedlab.framework;

import java.util.List;

/**
 * Called once per scheduling cycle, before Filter, to precompute state into the {@link
 * CycleState}. Success continues; Skip makes the framework skip this plugin's Filter for the
 * cycle; Unschedulable/UnschedulableAndUnresolvable reject the pod on every node at once; Error
 * aborts the cycle.
 */
public interface PreFilterPlugin extends Plugin {
  PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes);

  /** The AddPod/RemovePod extensions, or null when the plugin's state does not depend on other pods. */
  default PreFilterExtensions preFilterExtensions() {
    return null;
  }
}
