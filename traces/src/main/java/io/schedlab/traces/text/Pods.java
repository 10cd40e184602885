package io.schedlab.traces.text;

import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import java.util.Map;

/** Small pod and node builders shared by the recorded-trace readers. */
public final class Pods {
  private Pods() {}

  /** A pending pod with one container named {@code main} carrying the requests and limits. */
  public static Pod pod(
      ObjectMeta meta, Map<String, Quantity> requests, Map<String, Quantity> limits, PodSpec spec) {
    Container main =
        new Container(
            "main", null, null, null,
            new ResourceRequirements(
                requests == null || requests.isEmpty() ? null : requests,
                limits == null || limits.isEmpty() ? null : limits),
            null, null);
    return Pod.of(meta, spec.withContainers(java.util.List.of(main)), PodStatus.EMPTY);
  }

  /** A ready node whose allocatable equals its capacity. */
  public static Node node(ObjectMeta meta, Map<String, Quantity> capacity) {
    return node(meta, NodeSpec.EMPTY, capacity);
  }

  /** A node with {@code spec} whose allocatable equals its capacity. */
  public static Node node(ObjectMeta meta, NodeSpec spec, Map<String, Quantity> capacity) {
    return Node.of(meta, spec, NodeStatus.EMPTY.withCapacity(capacity).withAllocatable(capacity));
  }
}
