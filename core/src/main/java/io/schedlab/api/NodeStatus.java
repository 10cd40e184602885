package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code v1.NodeStatus}. {@code nodeInfo} is never null. The scheduler fits pods against {@code
 * allocatable}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeStatus(
    Map<String, Quantity> capacity,
    Map<String, Quantity> allocatable,
    List<NodeCondition> conditions,
    List<NodeAddress> addresses,
    List<ContainerImage> images,
    NodeSystemInfo nodeInfo,
    String phase) {

  /** An instance with nothing set. */
  public static final NodeStatus EMPTY = new NodeStatus(null, null, null, null, null, null, null);

  public NodeStatus {
    capacity = ApiCollections.quantities(capacity);
    allocatable = ApiCollections.quantities(allocatable);
    conditions = ApiCollections.list(conditions);
    addresses = ApiCollections.list(addresses);
    images = ApiCollections.list(images);
    nodeInfo = nodeInfo == null ? NodeSystemInfo.EMPTY : nodeInfo;
  }

  public NodeStatus withCapacity(Map<String, Quantity> capacity) {
    return new NodeStatus(capacity, allocatable, conditions, addresses, images, nodeInfo, phase);
  }

  public NodeStatus withAllocatable(Map<String, Quantity> allocatable) {
    return new NodeStatus(capacity, allocatable, conditions, addresses, images, nodeInfo, phase);
  }

  public NodeStatus withConditions(List<NodeCondition> conditions) {
    return new NodeStatus(capacity, allocatable, conditions, addresses, images, nodeInfo, phase);
  }

  public NodeStatus withImages(List<ContainerImage> images) {
    return new NodeStatus(capacity, allocatable, conditions, addresses, images, nodeInfo, phase);
  }

  /** The condition of the given type, or null. */
  public NodeCondition condition(String type) {
    for (NodeCondition c : conditions) {
      if (type.equals(c.type())) {
        return c;
      }
    }
    return null;
  }

  /** {@code nodeutil.IsNodeReady}: the Ready condition is True. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isReady() {
    NodeCondition c = condition("Ready");
    return c != null && "True".equals(c.status());
  }
}
