package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code v1.PodSpec}: the fields the scheduler, kubelet model and controllers read. {@code
 * resources} is the pod-level resources field and may be null. {@code schedulingGroup} is the
 * upstream gang-scheduling field (the PodGroup a pod joins); null for ordinary pods.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodSpec(
    List<Container> containers,
    List<Container> initContainers,
    String nodeName,
    Map<String, String> nodeSelector,
    Affinity affinity,
    List<Toleration> tolerations,
    Integer priority,
    String priorityClassName,
    String schedulerName,
    String preemptionPolicy,
    Map<String, Quantity> overhead,
    ResourceRequirements resources,
    List<PodSchedulingGate> schedulingGates,
    List<TopologySpreadConstraint> topologySpreadConstraints,
    String restartPolicy,
    Long terminationGracePeriodSeconds,
    Long activeDeadlineSeconds,
    String serviceAccountName,
    Boolean hostNetwork,
    String hostname,
    String subdomain,
    PodSchedulingGroup schedulingGroup) {

  /** An instance with nothing set. */
  public static final PodSpec EMPTY =
      new PodSpec(null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null);

  /**
   * A new spec without {@code schedulingGroup}, which only gang-scheduled pods set. It builds a
   * spec from parts; to change a field of an existing spec use a {@code with} method, which keeps
   * every other field, the group included.
   */
  public PodSpec(
      List<Container> containers,
      List<Container> initContainers,
      String nodeName,
      Map<String, String> nodeSelector,
      Affinity affinity,
      List<Toleration> tolerations,
      Integer priority,
      String priorityClassName,
      String schedulerName,
      String preemptionPolicy,
      Map<String, Quantity> overhead,
      ResourceRequirements resources,
      List<PodSchedulingGate> schedulingGates,
      List<TopologySpreadConstraint> topologySpreadConstraints,
      String restartPolicy,
      Long terminationGracePeriodSeconds,
      Long activeDeadlineSeconds,
      String serviceAccountName,
      Boolean hostNetwork,
      String hostname,
      String subdomain) {
    this(containers, initContainers, nodeName, nodeSelector, affinity, tolerations, priority,
        priorityClassName, schedulerName, preemptionPolicy, overhead, resources, schedulingGates,
        topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain, null);
  }

  @JsonCreator
  public PodSpec {
    containers = ApiCollections.list(containers);
    initContainers = ApiCollections.list(initContainers);
    nodeSelector = ApiCollections.strings(nodeSelector);
    tolerations = ApiCollections.list(tolerations);
    overhead = ApiCollections.quantities(overhead);
    schedulingGates = ApiCollections.list(schedulingGates);
    topologySpreadConstraints = ApiCollections.list(topologySpreadConstraints);
  }

  /** This spec with the pod's own hostname and subdomain, as StatefulSets and indexed Jobs set. */
  public PodSpec withIdentity(String hostname, String subdomain) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withContainers(List<Container> containers) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withInitContainers(List<Container> initContainers) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withNodeName(String nodeName) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withNodeSelector(Map<String, String> nodeSelector) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withAffinity(Affinity affinity) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withTolerations(List<Toleration> tolerations) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withPriority(Integer priority) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withPriorityClassName(String priorityClassName) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withSchedulerName(String schedulerName) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withRestartPolicy(String restartPolicy) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withPreemptionPolicy(String preemptionPolicy) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withOverhead(Map<String, Quantity> overhead) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withSchedulingGates(List<PodSchedulingGate> schedulingGates) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withSchedulingGroup(PodSchedulingGroup schedulingGroup) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }

  public PodSpec withTopologySpreadConstraints(
      List<TopologySpreadConstraint> topologySpreadConstraints) {
    return new PodSpec(containers, initContainers, nodeName, nodeSelector, affinity, tolerations,
        priority, priorityClassName, schedulerName, preemptionPolicy, overhead, resources,
        schedulingGates, topologySpreadConstraints, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, serviceAccountName, hostNetwork, hostname, subdomain,
        schedulingGroup);
  }
}
