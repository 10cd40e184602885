package io.schedlab.framework;

import io.schedlab.api.Affinity;
import io.schedlab.api.Container;
import io.schedlab.api.ContainerPort;
import io.schedlab.api.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod compiled once, on admission to the scheduler, into the form the hot path reads.
 *
 * <p>Implementation note: requests are {@code long[]} vectors over the scheduler's {@link
 * ResourceRegistry} (millicores for cpu); labels are interned ({@link LabelSet}). Plugins read
 * these fields instead of walking the Pod object per node. The original {@link Pod} stays
 * available for anything not precomputed here.
 */
public final class PodInfo {
  private final Pod pod;
  private final String uid;
  private final String namespace;
  private final String name;
  private final String key;
  private final int priority;
  private final long[] requests;
  private final long[] nonZeroRequests;
  private final LabelSet labels;
  private final List<ContainerPort> hostPorts;
  private final boolean hasAffinity;
  private final boolean hasRequiredAntiAffinity;

  public PodInfo(Pod pod, ResourceRegistry resources, LabelInterner interner) {
    this.pod = pod;
    this.namespace = pod.metadata().namespace() == null ? "" : pod.metadata().namespace();
    this.name = pod.metadata().name() == null ? "" : pod.metadata().name();
    this.uid = uidOf(pod);
    this.key = namespace.isEmpty() ? name : namespace + "/" + name;
    this.priority = pod.spec().priority() == null ? 0 : pod.spec().priority();
    this.requests = PodRequests.of(pod, resources);
    this.nonZeroRequests = PodRequests.nonZero(pod, resources);
    this.labels = LabelSet.of(pod.metadata().labels(), interner);
    this.hostPorts = collectHostPorts(pod);
    Affinity a = pod.spec().affinity();
    this.hasAffinity =
        a != null && (a.podAffinity() != null || a.podAntiAffinity() != null);
    this.hasRequiredAntiAffinity =
        a != null
            && a.podAntiAffinity() != null
            && !a.podAntiAffinity().requiredDuringSchedulingIgnoredDuringExecution().isEmpty();
  }

  private PodInfo(PodInfo from, Pod pod) {
    this.pod = pod;
    this.namespace = from.namespace;
    this.name = from.name;
    this.uid = from.uid;
    this.key = from.key;
    this.priority = from.priority;
    this.requests = from.requests;
    this.nonZeroRequests = from.nonZeroRequests;
    this.labels = from.labels;
    this.hostPorts = from.hostPorts;
    this.hasAffinity = from.hasAffinity;
    this.hasRequiredAntiAffinity = from.hasRequiredAntiAffinity;
  }

  /**
   * This pod assumed on a node: the same compiled fields (none depends on the node), so the
   * scheduler does not compile a pod again to assume it.
   */
  public PodInfo withNodeName(String nodeName) {
    return new PodInfo(this, pod.withNodeName(nodeName));
  }

  /**
   * The identity the scheduler tracks a pod by: its uid, or {@code namespace/name} for an object
   * that never went through the API server (test fixtures, conformance cases).
   */
  public static String uidOf(Pod pod) {
    String uid = pod.metadata().uid();
    if (uid != null) {
      return uid;
    }
    String ns = pod.metadata().namespace() == null ? "" : pod.metadata().namespace();
    String name = pod.metadata().name() == null ? "" : pod.metadata().name();
    return ns + "/" + name;
  }

  private static List<ContainerPort> collectHostPorts(Pod pod) {
    List<ContainerPort> ports = new ArrayList<>(0);
    for (Container c : pod.spec().initContainers()) {
      // Only sidecars run for the pod's whole life; a plain init container's port is released
      // before the app containers start, so upstream's GetHostPorts leaves it out.
      if ("Always".equals(c.restartPolicy())) {
        addHostPorts(c, ports);
      }
    }
    for (Container c : pod.spec().containers()) {
      addHostPorts(c, ports);
    }
    return ports.isEmpty() ? List.of() : List.copyOf(ports);
  }

  private static void addHostPorts(Container c, List<ContainerPort> into) {
    for (ContainerPort p : c.ports()) {
      if (p.hostPort() != null && p.hostPort() > 0) {
        into.add(p);
      }
    }
  }

  public Pod pod() {
    return pod;
  }

  public String uid() {
    return uid;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** {@code namespace/name}. */
  public String key() {
    return key;
  }

  public int priority() {
    return priority;
  }

  /** Effective requests over the registry (do not modify). */
  public long[] requests() {
    return requests;
  }

  public long request(int resourceIndex) {
    return ResourceRegistry.get(requests, resourceIndex);
  }

  /**
   * Requests with upstream's scoring defaults for containers that state no cpu or memory
   * request (do not modify). Scoring plugins use these; Filter uses {@link #requests()}.
   */
  public long[] nonZeroRequests() {
    return nonZeroRequests;
  }

  public long nonZeroMilliCpu() {
    return nonZeroRequests[ResourceRegistry.CPU];
  }

  public long nonZeroMemory() {
    return nonZeroRequests[ResourceRegistry.MEMORY];
  }

  public LabelSet labels() {
    return labels;
  }

  /**
   * Container ports with a hostPort, sidecar (restartable) init containers first, then the app
   * containers, as upstream's GetHostPorts collects them.
   */
  public List<ContainerPort> hostPorts() {
    return hostPorts;
  }

  public boolean hasAffinity() {
    return hasAffinity;
  }

  public boolean hasRequiredAntiAffinity() {
    return hasRequiredAntiAffinity;
  }

  /** The node the pod is bound to, or null. */
  public String nodeName() {
    String n = pod.spec().nodeName();
    return n == null || n.isEmpty() ? null : n;
  }

  @Override
  public String toString() {
    return key;
  }
}
