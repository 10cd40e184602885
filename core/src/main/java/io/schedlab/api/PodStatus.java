package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** {@code v1.PodStatus}: the fields a simulated kubelet and the scheduler write. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodStatus(
    String phase,
    String nominatedNodeName,
    List<PodCondition> conditions,
    String hostIP,
    String podIP,
    String startTime,
    String reason,
    String message,
    String qosClass,
    List<ContainerStatus> containerStatuses) {

  /** An instance with nothing set. */
  public static final PodStatus EMPTY =
      new PodStatus(null, null, null, null, null, null, null, null, null, null);

  public PodStatus {
    conditions = ApiCollections.list(conditions);
    containerStatuses = ApiCollections.list(containerStatuses);
  }

  /** The status without container statuses (the record's shape before they were added). */
  public PodStatus(String phase, String nominatedNodeName, List<PodCondition> conditions,
      String hostIP, String podIP, String startTime, String reason, String message,
      String qosClass) {
    this(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason, message,
        qosClass, null);
  }

  public PodStatus withPhase(String phase) {
    return new PodStatus(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason,
        message, qosClass, containerStatuses);
  }

  public PodStatus withNominatedNodeName(String nominatedNodeName) {
    return new PodStatus(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason,
        message, qosClass, containerStatuses);
  }

  public PodStatus withConditions(List<PodCondition> conditions) {
    return new PodStatus(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason,
        message, qosClass, containerStatuses);
  }

  public PodStatus withHostIP(String hostIP) {
    return new PodStatus(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason,
        message, qosClass, containerStatuses);
  }

  public PodStatus withStartTime(String startTime) {
    return new PodStatus(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason,
        message, qosClass, containerStatuses);
  }

  public PodStatus withPodIP(String podIP) {
    return new PodStatus(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason,
        message, qosClass, containerStatuses);
  }
  /** A copy with phase-level reason and message, as a kubelet rejection or eviction sets them. */
  public PodStatus withReason(String reason, String message) {
    return new PodStatus(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason,
        message, qosClass, containerStatuses);
  }
  public PodStatus withContainerStatuses(List<ContainerStatus> containerStatuses) {
    return new PodStatus(phase, nominatedNodeName, conditions, hostIP, podIP, startTime, reason,
        message, qosClass, containerStatuses);
  }
  /** A copy with the condition of the same type replaced, or added. */
  public PodStatus withCondition(PodCondition condition) {
    List<PodCondition> next = new ArrayList<>(conditions.size() + 1);
    boolean replaced = false;
    for (PodCondition c : conditions) {
      if (c.type() != null && c.type().equals(condition.type())) {
        next.add(condition);
        replaced = true;
      } else {
        next.add(c);
      }
    }
    if (!replaced) {
      next.add(condition);
    }
    return withConditions(next);
  }

  /** The condition of the given type, or null. */
  public PodCondition condition(String type) {
    for (PodCondition c : conditions) {
      if (type.equals(c.type())) {
        return c;
      }
    }
    return null;
  }

  /** {@code podutil.IsPodReady}: the Ready condition is True. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isReady() {
    PodCondition c = condition("Ready");
    return c != null && "True".equals(c.status());
  }
}
