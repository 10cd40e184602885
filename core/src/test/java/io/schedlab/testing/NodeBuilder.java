package io.schedlab.testing;

import io.schedlab.api.ContainerImage;
import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Quantity;
import io.schedlab.api.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fluent nodes for tests, in the spirit of upstream's {@code st.MakeNode()}.
 *
 * <p>Allocatable defaults to the capacity when no {@link #allocatable} call is made. A node gets
 * {@code pods: 110} (the kubelet default) unless the capacity names {@code pods}, because the
 * resource-fit filter refuses every pod on a node that allows none.
 *
 * <pre>{@code
 * Node n = NodeBuilder.node("n1").label("zone", "a").capacity("cpu", "4")
 *     .capacity("memory", "8Gi").taint("dedicated", "gpu", "NoSchedule").build();
 * }</pre>
 */
public final class NodeBuilder {
  private final String name;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private final Map<String, Quantity> capacity = new LinkedHashMap<>();
  private Map<String, Quantity> allocatable;
  private final List<Taint> taints = new ArrayList<>();
  private final List<ContainerImage> images = new ArrayList<>();
  private final List<NodeCondition> conditions = new ArrayList<>();
  private Boolean unschedulable;

  private NodeBuilder(String name) {
    this.name = name;
  }

  public static NodeBuilder node(String name) {
    return new NodeBuilder(name);
  }

  public NodeBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  public NodeBuilder annotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  public NodeBuilder capacity(String resource, String quantity) {
    capacity.put(resource, Quantity.parse(quantity));
    return this;
  }

  /** Capacity given as {@code "cpu", "4", "memory", "8Gi"}. */
  public NodeBuilder capacity(String... resourceQuantityPairs) {
    for (int i = 0; i + 1 < resourceQuantityPairs.length; i += 2) {
      capacity(resourceQuantityPairs[i], resourceQuantityPairs[i + 1]);
    }
    return this;
  }

  public NodeBuilder allocatable(String resource, String quantity) {
    if (allocatable == null) {
      allocatable = new LinkedHashMap<>();
    }
    allocatable.put(resource, Quantity.parse(quantity));
    return this;
  }

  public NodeBuilder taint(String key, String value, String effect) {
    taints.add(Taint.of(key, value, effect));
    return this;
  }

  public NodeBuilder unschedulable() {
    this.unschedulable = true;
    return this;
  }

  public NodeBuilder image(String imageName, long sizeBytes) {
    images.add(new ContainerImage(List.of(imageName), sizeBytes));
    return this;
  }

  public NodeBuilder condition(String type, String status) {
    conditions.add(new NodeCondition(type, status, null, null, null, null));
    return this;
  }

  public Node build() {
    Map<String, Quantity> cap = new LinkedHashMap<>(capacity);
    cap.putIfAbsent("pods", Quantity.of(110, Quantity.Format.DECIMAL_SI));
    Map<String, Quantity> alloc;
    if (allocatable == null) {
      alloc = cap;
    } else {
      alloc = new LinkedHashMap<>(allocatable);
      alloc.putIfAbsent("pods", cap.get("pods"));
    }
    ObjectMeta meta = new ObjectMeta(name, null, null, name, null, null, null, null, null, labels,
        annotations, null, null);
    NodeSpec spec = new NodeSpec(unschedulable, taints, null, null, null);
    NodeStatus status = new NodeStatus(cap, alloc, conditions, null, images, null, null);
    return Node.of(meta, spec, status);
  }
}
