package io.schedlab.plugins.schedulinggates;

import io.schedlab.api.PodSchedulingGate;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreEnqueuePlugin;
import io.schedlab.framework.Status;
import java.util.ArrayList;
import java.util.List;

/** Keeps a pod out of activeQ while it has scheduling gates. */
public final class SchedulingGates implements PreEnqueuePlugin, EnqueueExtensions {
  public static final String NAME = "SchedulingGates";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preEnqueue(PodInfo pod) {
    List<PodSchedulingGate> gates = pod.pod().spec().schedulingGates();
    if (gates.isEmpty()) {
      return Status.SUCCESS;
    }
    List<String> names = new ArrayList<>(gates.size());
    for (PodSchedulingGate g : gates) {
      names.add(g.name());
    }
    return Status.unresolvable("waiting for scheduling gates: [" + String.join(" ", names) + "]");
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    return List.of(
        new ClusterEvent(ClusterEvent.Resource.POD, ClusterEvent.UPDATE_POD_SCHEDULING_GATES_ELIMINATED));
  }
}
