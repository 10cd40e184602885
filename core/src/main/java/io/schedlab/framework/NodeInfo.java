package io.schedlab.framework;

import io.schedlab.api.ContainerImage;
import io.schedlab.api.ContainerPort;
import io.schedlab.api.Node;
import io.schedlab.api.Taint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduler's aggregated view of one node: the node object and the pods on it (bound and
 * assumed), with their resources summed.
 *
 * <p>Implementation note: allocatable and requested are {@code long[]} vectors over the
 * scheduler's {@link ResourceRegistry}; pods are kept in an array list and removed by uid with a
 * linear scan, as upstream does (a node holds tens of pods, not thousands). Every mutation takes
 * a fresh {@link #generation()} from a global counter, which is what lets the {@code Snapshot}
 * copy only the nodes that changed since the last cycle.
 */
public final class NodeInfo {
  private static final AtomicLong GENERATION = new AtomicLong();

  private Node node;
  private String name;
  private LabelSet labels = LabelSet.EMPTY;
  // Read per node by Filter; kept here so a cycle does not chase Node -> spec for each node.
  private boolean unschedulable;
  private List<Taint> taints = List.of();
  private long[] allocatable = new long[0];
  private long[] requested = new long[0];
  private long nonZeroMilliCpu;
  private long nonZeroMemory;
  private List<PodInfo> pods = new ArrayList<>();
  private int podCount;
  private List<PodInfo> podsWithAffinity = new ArrayList<>();
  private List<PodInfo> podsWithRequiredAntiAffinity = new ArrayList<>();
  private List<HostPort> usedPorts = new ArrayList<>();
  private long generation;
  private int index = -1;

  public NodeInfo() {
    generation = nextGeneration();
  }

  // For copy(): fills every field itself, so allocates nothing here.
  private NodeInfo(long generation) {
    this.generation = generation;
  }

  public static long nextGeneration() {
    return GENERATION.incrementAndGet();
  }

  /** Sets (or replaces) the node object, recompiling its labels and allocatable. */
  public void setNode(Node node, ResourceRegistry resources, LabelInterner interner) {
    this.node = node;
    this.name = node.metadata().name();
    this.labels = LabelSet.of(node.metadata().labels(), interner);
    this.unschedulable = Boolean.TRUE.equals(node.spec().unschedulable());
    this.taints = node.spec().taints();
    this.allocatable = resources.vector(node.status().allocatable());
    this.requested = ResourceRegistry.fit(requested, allocatable.length);
    generation = nextGeneration();
  }

  public void removeNode() {
    node = null;
    generation = nextGeneration();
  }

  public void addPod(PodInfo p) {
    long[] r = p.requests();
    if (r.length > requested.length) {
      requested = Arrays.copyOf(requested, r.length);
    }
    for (int i = 0; i < r.length; i++) {
      requested[i] += r[i];
    }
    nonZeroMilliCpu += p.nonZeroMilliCpu();
    nonZeroMemory += p.nonZeroMemory();
    pods.add(p);
    podCount = pods.size();
    if (p.hasAffinity()) {
      podsWithAffinity.add(p);
    }
    if (p.hasRequiredAntiAffinity()) {
      podsWithRequiredAntiAffinity.add(p);
    }
    for (ContainerPort port : p.hostPorts()) {
      usedPorts.add(HostPort.of(port));
    }
    generation = nextGeneration();
  }

  /** Removes the pod with the same uid; returns false when it was not here. */
  public boolean removePod(PodInfo p) {
    String uid = p.uid();
    int at = indexOfUid(pods, uid);
    if (at < 0) {
      return false;
    }
    PodInfo stored = pods.remove(at);
    podCount = pods.size();
    removeUid(podsWithAffinity, uid);
    removeUid(podsWithRequiredAntiAffinity, uid);
    long[] r = stored.requests();
    for (int i = 0; i < r.length; i++) {
      requested[i] -= r[i];
    }
    nonZeroMilliCpu -= stored.nonZeroMilliCpu();
    nonZeroMemory -= stored.nonZeroMemory();
    for (ContainerPort port : stored.hostPorts()) {
      usedPorts.remove(HostPort.of(port));
    }
    generation = nextGeneration();
    return true;
  }

  private static int indexOfUid(List<PodInfo> list, String uid) {
    for (int i = 0, n = list.size(); i < n; i++) {
      if (list.get(i).uid().equals(uid)) {
        return i;
      }
    }
    return -1;
  }

  private static void removeUid(List<PodInfo> list, String uid) {
    int i = indexOfUid(list, uid);
    if (i >= 0) {
      list.remove(i);
    }
  }

  /**
   * A deep enough copy for a snapshot: the lists are new, the PodInfos are shared (immutable).
   * The resource vectors are allocated right after the object so that Filter and Score, which
   * read a node's fields and both vectors, find them on neighbouring cache lines.
   */
  public NodeInfo copy() {
    NodeInfo c = new NodeInfo(generation);
    c.requested = requested.clone();
    c.allocatable = allocatable.clone();
    c.node = node;
    c.name = name;
    c.labels = labels;
    c.unschedulable = unschedulable;
    c.taints = taints;
    c.nonZeroMilliCpu = nonZeroMilliCpu;
    c.nonZeroMemory = nonZeroMemory;
    c.podCount = podCount;
    c.index = index;
    c.pods = new ArrayList<>(pods);
    c.podsWithAffinity = new ArrayList<>(podsWithAffinity);
    c.podsWithRequiredAntiAffinity = new ArrayList<>(podsWithRequiredAntiAffinity);
    c.usedPorts = new ArrayList<>(usedPorts);
    return c;
  }

  /**
   * Makes this a {@link #copy()} of {@code src} in place, reusing this object's vectors and lists
   * where they are large enough: upstream's snapshot also overwrites its NodeInfos in place. A
   * snapshot that keeps its objects keeps them where they were allocated, in node order, so a
   * Filter pass over consecutive nodes reads memory in order. The index is left as it is.
   */
  public void copyFrom(NodeInfo src) {
    requested = copyInto(requested, src.requested);
    allocatable = copyInto(allocatable, src.allocatable);
    node = src.node;
    name = src.name;
    labels = src.labels;
    unschedulable = src.unschedulable;
    taints = src.taints;
    nonZeroMilliCpu = src.nonZeroMilliCpu;
    nonZeroMemory = src.nonZeroMemory;
    podCount = src.podCount;
    generation = src.generation;
    copyInto(pods, src.pods);
    copyInto(podsWithAffinity, src.podsWithAffinity);
    copyInto(podsWithRequiredAntiAffinity, src.podsWithRequiredAntiAffinity);
    copyInto(usedPorts, src.usedPorts);
  }

  private static long[] copyInto(long[] into, long[] from) {
    if (into.length != from.length) {
      return from.clone();
    }
    System.arraycopy(from, 0, into, 0, from.length);
    return into;
  }

  private static <T> void copyInto(List<T> into, List<T> from) {
    into.clear();
    into.addAll(from);
  }

  public Node node() {
    return node;
  }

  public String name() {
    return name;
  }

  public LabelSet labels() {
    return labels;
  }

  public List<Taint> taints() {
    return taints;
  }

  public boolean unschedulable() {
    return unschedulable;
  }

  public List<ContainerImage> images() {
    return node.status().images();
  }

  /** Allocatable over the registry (do not modify). */
  public long[] allocatable() {
    return allocatable;
  }

  public long allocatable(int resourceIndex) {
    return ResourceRegistry.get(allocatable, resourceIndex);
  }

  /** Sum of the pods' requests over the registry (do not modify). */
  public long[] requested() {
    return requested;
  }

  public long requested(int resourceIndex) {
    return ResourceRegistry.get(requested, resourceIndex);
  }

  public long nonZeroRequestedMilliCpu() {
    return nonZeroMilliCpu;
  }

  public long nonZeroRequestedMemory() {
    return nonZeroMemory;
  }

  public List<PodInfo> pods() {
    return pods;
  }

  public int podCount() {
    return podCount;
  }

  public List<PodInfo> podsWithAffinity() {
    return podsWithAffinity;
  }

  public List<PodInfo> podsWithRequiredAntiAffinity() {
    return podsWithRequiredAntiAffinity;
  }

  /** True when a pod here already holds that host port in a conflicting way (upstream HostPortInfo.CheckConflict). */
  public boolean hostPortConflicts(ContainerPort want) {
    HostPort w = HostPort.of(want);
    for (HostPort used : usedPorts) {
      if (used.conflictsWith(w)) {
        return true;
      }
    }
    return false;
  }

  public long generation() {
    return generation;
  }

  /** This node's position in the snapshot's node list, for per-node arrays. */
  public int index() {
    return index;
  }

  public void setIndex(int index) {
    this.index = index;
  }

  @Override
  public String toString() {
    return name;
  }
}
