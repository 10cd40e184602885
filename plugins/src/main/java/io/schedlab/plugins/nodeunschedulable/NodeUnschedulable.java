package io.schedlab.plugins.nodeunschedulable;

import io.schedlab.api.Taint;
import io.schedlab.api.match.Tolerations;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import java.util.List;

/**
 * Rejects nodes with spec.unschedulable, unless the pod tolerates the
 * node.kubernetes.io/unschedulable:NoSchedule taint that cordoning implies.
 */
public final class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  public static final String NAME = "NodeUnschedulable";
  public static final String ERR_REASON = "node(s) were unschedulable";

  private static final Taint UNSCHEDULABLE_TAINT =
      new Taint("node.kubernetes.io/unschedulable", null, "NoSchedule", null);
  private static final Status REJECT = Status.unresolvable(ERR_REASON);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    if (!node.unschedulable()) {
      return Status.SUCCESS;
    }
    if (Tolerations.toleratesAll(pod.pod().spec().tolerations(), UNSCHEDULABLE_TAINT)) {
      return Status.SUCCESS;
    }
    return REJECT;
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    return List.of(
        new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD | ClusterEvent.UPDATE_NODE_TAINT),
        new ClusterEvent(ClusterEvent.Resource.POD, ClusterEvent.UPDATE_POD_TOLERATIONS));
  }

  // Written here, not shared, so the call to filter has one receiver class and inlines.
  @Override
  public RangeFilter rangeFilter() {
    return (state, pod, run) -> {
      NodeTable table = run.table();
      for (int i = run.from(), to = run.to(); i < to; i++) {
        // A schedulable node passes without its NodeInfo being read.
        if (run.alive(i) && (table == null || table.unschedulable(run.row(i)))) {
          Status s = filter(state, pod, run.node(i));
          if (!s.isSuccess()) {
            run.reject(i, s);
          }
        }
      }
    };
  }
}
