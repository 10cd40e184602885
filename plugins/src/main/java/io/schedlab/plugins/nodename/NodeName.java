package io.schedlab.plugins.nodename;

import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import java.util.List;

/** A pod that names a node in spec.nodeName fits only that node. */
public final class NodeName implements FilterPlugin, EnqueueExtensions {
  public static final String NAME = "NodeName";
  public static final String ERR_REASON = "node(s) didn't match the requested node name";

  private static final Status REJECT = Status.unresolvable(ERR_REASON);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    String wanted = pod.pod().spec().nodeName();
    if (wanted == null || wanted.isEmpty() || wanted.equals(node.name())) {
      return Status.SUCCESS;
    }
    return REJECT;
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    return List.of(new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD | ClusterEvent.UPDATE));
  }

  // Written here, not shared, so the call to filter has one receiver class and inlines. A pod
  // that names no node passes every node, so the run is left as it is.
  @Override
  public RangeFilter rangeFilter() {
    return (state, pod, run) -> {
      String wanted = pod.pod().spec().nodeName();
      if (wanted == null || wanted.isEmpty()) {
        return;
      }
      for (int i = run.from(), to = run.to(); i < to; i++) {
        if (run.alive(i)) {
          Status s = filter(state, pod, run.node(i));
          if (!s.isSuccess()) {
            run.reject(i, s);
          }
        }
      }
    };
  }
}
