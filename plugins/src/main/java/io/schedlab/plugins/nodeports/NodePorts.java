package io.schedlab.plugins.nodeports;

import io.schedlab.api.ContainerPort;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.Status;
import java.util.List;

/**
 * Filter: rejects nodes where a pod already holds one of the host ports the pod asks for (same
 * protocol and port, overlapping host IP, 0.0.0.0 overlapping every IP). PreFilter skips the
 * plugin for pods without host ports, which is most of them.
 *
 * <p>Implementation note: the pod's host ports are compiled once, by {@link PodInfo}; Filter is
 * a scan over the node's used ports per wanted port.
 */
public final class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  public static final String NAME = "NodePorts";
  public static final String ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

  private static final Status REJECT = Status.unschedulable(ERR_REASON);
  private static final CycleState.Key<PreFilterState> KEY = CycleState.Key.of("PreFilter" + NAME);

  /** The pod's host ports; other pods never change them, so copies share it. */
  record PreFilterState(List<ContainerPort> wanted) implements ImmutableStateData {
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    List<ContainerPort> wanted = pod.hostPorts();
    if (wanted.isEmpty()) {
      return PreFilterResult.SKIP;
    }
    state.write(KEY, new PreFilterState(wanted));
    return PreFilterResult.SUCCESS;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    return fits(state.require(KEY).wanted(), node) ? Status.SUCCESS : REJECT;
  }

  /** Whether none of the pod's host ports is taken on the node (upstream's Fits). */
  public static boolean fits(PodInfo pod, NodeInfo node) {
    return fits(pod.hostPorts(), node);
  }

  private static boolean fits(List<ContainerPort> wanted, NodeInfo node) {
    for (int i = 0, n = wanted.size(); i < n; i++) {
      if (node.hostPortConflicts(wanted.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    // Upstream's set with scheduling queue hints on (the default). Ports are immutable, so pod
    // updates cannot free one; a deleted pod or a new node can.
    return List.of(
        new ClusterEvent(ClusterEvent.Resource.POD, ClusterEvent.DELETE),
        new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD));
  }
}
