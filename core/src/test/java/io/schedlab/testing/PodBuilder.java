package io.schedlab.testing;

import io.schedlab.api.Affinity;
import io.schedlab.api.Container;
import io.schedlab.api.ContainerPort;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodAffinity;
import io.schedlab.api.PodAffinityTerm;
import io.schedlab.api.PodAntiAffinity;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodSchedulingGate;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.PreferredSchedulingTerm;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.api.Toleration;
import io.schedlab.api.TopologySpreadConstraint;
import io.schedlab.api.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fluent pods for tests, in the spirit of upstream's {@code st.MakePod()}.
 *
 * <p>{@code pod("p")} is namespace "default" with uid "p". Resource calls ({@link #req}, {@link
 * #limit}, {@link #hostPort}) apply to the container added last; without one, a container named
 * "c0" is added first. {@link #container} and {@link #initContainer} start a new container.
 * Required node affinity requirements are ANDed into one term; {@link #nodeAffinityTerm} adds
 * another, ORed term.
 *
 * <pre>{@code
 * Pod p = PodBuilder.pod("web").namespace("shop").label("app", "web")
 *     .req("cpu", "100m").req("memory", "1Gi")
 *     .toleration("dedicated", "Equal", "gpu", "NoSchedule")
 *     .nodeAffinityRequired("zone", "In", "a", "b").priority(10).build();
 * }</pre>
 */
public final class PodBuilder {
  private String name;
  private String namespace = "default";
  private String uid;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private final List<OwnerReference> ownerReferences = new ArrayList<>();
  private String creationTimestamp;
  private String deletionTimestamp;

  private final List<ContainerDraft> containers = new ArrayList<>();
  private final List<ContainerDraft> initContainers = new ArrayList<>();
  private ContainerDraft current;
  private final Map<String, Quantity> overhead = new LinkedHashMap<>();
  private final Map<String, Quantity> podRequests = new LinkedHashMap<>();
  private final Map<String, Quantity> podLimits = new LinkedHashMap<>();
  private String nodeName;
  private final Map<String, String> nodeSelector = new LinkedHashMap<>();
  private final List<Toleration> tolerations = new ArrayList<>();
  private Integer priority;
  private String priorityClassName;
  private String schedulerName;
  private String preemptionPolicy;
  private final List<PodSchedulingGate> gates = new ArrayList<>();
  private final List<TopologySpreadConstraint> spread = new ArrayList<>();
  private final List<List<NodeSelectorRequirement>> requiredTerms = new ArrayList<>();
  private final List<PreferredSchedulingTerm> preferredNodeTerms = new ArrayList<>();
  private final List<PodAffinityTerm> podAffinityRequired = new ArrayList<>();
  private final List<WeightedPodAffinityTerm> podAffinityPreferred = new ArrayList<>();
  private final List<PodAffinityTerm> antiAffinityRequired = new ArrayList<>();
  private final List<WeightedPodAffinityTerm> antiAffinityPreferred = new ArrayList<>();
  private boolean hostNetwork;

  private String phase;
  private String nominatedNodeName;
  private String startTime;
  private final List<PodCondition> conditions = new ArrayList<>();

  private PodBuilder(String name) {
    this.name = name;
    this.uid = name;
  }

  public static PodBuilder pod(String name) {
    return new PodBuilder(name);
  }

  /** A {@code matchLabels} selector of one label, for affinity and spread terms. */
  public static LabelSelector selector(String key, String value) {
    return LabelSelector.of(Map.of(key, value));
  }

  /** A pod (anti-)affinity term selecting pods labelled {@code key=value} in its namespace. */
  public static PodAffinityTerm term(String topologyKey, String key, String value) {
    return new PodAffinityTerm(selector(key, value), null, topologyKey, null, null, null);
  }

  public PodBuilder name(String n) {
    this.name = n;
    return this;
  }

  public PodBuilder namespace(String ns) {
    this.namespace = ns;
    return this;
  }

  public PodBuilder uid(String u) {
    this.uid = u;
    return this;
  }

  public PodBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  public PodBuilder annotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  /** A controller owner reference, e.g. {@code owner("ReplicaSet", "rs-1")}. */
  public PodBuilder owner(String kind, String ownerName) {
    String apiVersion = switch (kind) {
      case "ReplicationController" -> "v1";
      case "Job" -> "batch/v1";
      default -> "apps/v1";
    };
    ownerReferences.add(new OwnerReference(apiVersion, kind, ownerName, ownerName, true, true));
    return this;
  }

  public PodBuilder creationTimestamp(String ts) {
    this.creationTimestamp = ts;
    return this;
  }

  public PodBuilder deletionTimestamp(String ts) {
    this.deletionTimestamp = ts;
    return this;
  }

  /** Starts a new container; following resource and port calls apply to it. */
  public PodBuilder container(String containerName) {
    current = new ContainerDraft(containerName, null);
    containers.add(current);
    return this;
  }

  /** Starts a new container with requests given as {@code "cpu", "100m", "memory", "1Gi"}. */
  public PodBuilder container(String containerName, String... requests) {
    container(containerName);
    for (int i = 0; i + 1 < requests.length; i += 2) {
      req(requests[i], requests[i + 1]);
    }
    return this;
  }

  /** Starts a new init container; restartable means a sidecar ({@code restartPolicy: Always}). */
  public PodBuilder initContainer(String containerName, boolean restartable) {
    current = new ContainerDraft(containerName, restartable ? "Always" : null);
    initContainers.add(current);
    return this;
  }

  /** A request on the current container. */
  public PodBuilder req(String resource, String quantity) {
    current().requests.put(resource, Quantity.parse(quantity));
    return this;
  }

  /** A limit on the current container. */
  public PodBuilder limit(String resource, String quantity) {
    current().limits.put(resource, Quantity.parse(quantity));
    return this;
  }

  /** A host port on the current container; protocol null means TCP. */
  public PodBuilder hostPort(int port, String protocol) {
    current().ports.add(new ContainerPort(null, port, port, protocol == null ? "TCP" : protocol,
        null));
    return this;
  }

  public PodBuilder overhead(String resource, String quantity) {
    overhead.put(resource, Quantity.parse(quantity));
    return this;
  }

  /** A pod-level request ({@code spec.resources.requests}). */
  public PodBuilder podReq(String resource, String quantity) {
    podRequests.put(resource, Quantity.parse(quantity));
    return this;
  }

  /** A pod-level limit ({@code spec.resources.limits}). */
  public PodBuilder podLimit(String resource, String quantity) {
    podLimits.put(resource, Quantity.parse(quantity));
    return this;
  }

  public PodBuilder nodeName(String n) {
    this.nodeName = n;
    return this;
  }

  public PodBuilder priority(int p) {
    this.priority = p;
    return this;
  }

  public PodBuilder priorityClassName(String n) {
    this.priorityClassName = n;
    return this;
  }

  public PodBuilder schedulerName(String n) {
    this.schedulerName = n;
    return this;
  }

  public PodBuilder preemptionPolicy(String p) {
    this.preemptionPolicy = p;
    return this;
  }

  public PodBuilder hostNetwork() {
    this.hostNetwork = true;
    return this;
  }

  public PodBuilder toleration(String key, String operator, String value, String effect) {
    tolerations.add(new Toleration(key, operator, value, effect, null));
    return this;
  }

  public PodBuilder toleration(Toleration t) {
    tolerations.add(t);
    return this;
  }

  public PodBuilder nodeSelector(String key, String value) {
    nodeSelector.put(key, value);
    return this;
  }

  /** A required node affinity requirement, ANDed into the first term. */
  public PodBuilder nodeAffinityRequired(String key, String operator, String... values) {
    if (requiredTerms.isEmpty()) {
      requiredTerms.add(new ArrayList<>());
    }
    requiredTerms.get(0).add(new NodeSelectorRequirement(key, operator, List.of(values)));
    return this;
  }

  /** Another required node selector term, ORed with the others. */
  public PodBuilder nodeAffinityTerm(NodeSelectorRequirement... requirements) {
    requiredTerms.add(new ArrayList<>(List.of(requirements)));
    return this;
  }

  public PodBuilder nodeAffinityPreferred(int weight, String key, String operator,
      String... values) {
    NodeSelectorTerm t = new NodeSelectorTerm(
        List.of(new NodeSelectorRequirement(key, operator, List.of(values))), null);
    preferredNodeTerms.add(new PreferredSchedulingTerm(weight, t));
    return this;
  }

  public PodBuilder podAffinityRequired(PodAffinityTerm t) {
    podAffinityRequired.add(t);
    return this;
  }

  public PodBuilder podAffinityPreferred(int weight, PodAffinityTerm t) {
    podAffinityPreferred.add(new WeightedPodAffinityTerm(weight, t));
    return this;
  }

  public PodBuilder podAntiAffinityRequired(PodAffinityTerm t) {
    antiAffinityRequired.add(t);
    return this;
  }

  public PodBuilder podAntiAffinityPreferred(int weight, PodAffinityTerm t) {
    antiAffinityPreferred.add(new WeightedPodAffinityTerm(weight, t));
    return this;
  }

  public PodBuilder spreadConstraint(int maxSkew, String topologyKey, String whenUnsatisfiable,
      LabelSelector selector) {
    spread.add(new TopologySpreadConstraint(maxSkew, topologyKey, whenUnsatisfiable, selector,
        null, null, null, null));
    return this;
  }

  public PodBuilder spreadConstraint(TopologySpreadConstraint c) {
    spread.add(c);
    return this;
  }

  public PodBuilder schedulingGate(String gate) {
    gates.add(new PodSchedulingGate(gate));
    return this;
  }

  public PodBuilder phase(String p) {
    this.phase = p;
    return this;
  }

  public PodBuilder nominatedNodeName(String n) {
    this.nominatedNodeName = n;
    return this;
  }

  public PodBuilder startTime(String ts) {
    this.startTime = ts;
    return this;
  }

  public PodBuilder condition(String type, String status) {
    conditions.add(new PodCondition(type, status, null, null, null));
    return this;
  }

  public Pod build() {
    ObjectMeta meta = new ObjectMeta(name, null, namespace, uid, null, null, creationTimestamp,
        deletionTimestamp, null, labels, annotations, ownerReferences, null);
    ResourceRequirements podResources = podRequests.isEmpty() && podLimits.isEmpty()
        ? null
        : new ResourceRequirements(podRequests, podLimits);
    PodSpec spec = new PodSpec(built(containers), built(initContainers), nodeName, nodeSelector,
        affinity(), tolerations, priority, priorityClassName, schedulerName, preemptionPolicy,
        overhead, podResources, gates, spread, null, null, null, null,
        hostNetwork ? Boolean.TRUE : null, null, null);
    PodStatus status = new PodStatus(phase, nominatedNodeName, conditions, null, null, startTime,
        null, null, null);
    return Pod.of(meta, spec, status);
  }

  private Affinity affinity() {
    NodeAffinity nodeAffinity = null;
    if (!requiredTerms.isEmpty() || !preferredNodeTerms.isEmpty()) {
      NodeSelector required = null;
      if (!requiredTerms.isEmpty()) {
        List<NodeSelectorTerm> terms = new ArrayList<>();
        for (List<NodeSelectorRequirement> t : requiredTerms) {
          terms.add(new NodeSelectorTerm(t, null));
        }
        required = new NodeSelector(terms);
      }
      nodeAffinity = new NodeAffinity(required, preferredNodeTerms);
    }
    PodAffinity podAffinity = podAffinityRequired.isEmpty() && podAffinityPreferred.isEmpty()
        ? null
        : new PodAffinity(podAffinityRequired, podAffinityPreferred);
    PodAntiAffinity anti = antiAffinityRequired.isEmpty() && antiAffinityPreferred.isEmpty()
        ? null
        : new PodAntiAffinity(antiAffinityRequired, antiAffinityPreferred);
    if (nodeAffinity == null && podAffinity == null && anti == null) {
      return null;
    }
    return new Affinity(nodeAffinity, podAffinity, anti);
  }

  private ContainerDraft current() {
    if (current == null) {
      container("c" + containers.size());
    }
    return current;
  }

  private static List<Container> built(List<ContainerDraft> drafts) {
    List<Container> out = new ArrayList<>(drafts.size());
    for (ContainerDraft d : drafts) {
      out.add(d.build());
    }
    return out;
  }

  private static final class ContainerDraft {
    final String name;
    final String restartPolicy;
    final Map<String, Quantity> requests = new LinkedHashMap<>();
    final Map<String, Quantity> limits = new LinkedHashMap<>();
    final List<ContainerPort> ports = new ArrayList<>();

    ContainerDraft(String name, String restartPolicy) {
      this.name = name;
      this.restartPolicy = restartPolicy;
    }

    Container build() {
      return new Container(name, "registry.k8s.io/pause:3.9", null, null,
          new ResourceRequirements(requests, limits), ports, restartPolicy);
    }
  }
}
