package io.schedlab.benchmarks.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.Namespace;
import io.schedlab.api.NamespaceStatus;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.Scheduler;
import io.schedlab.scheduler.SchedulerListener;
import io.schedlab.scheduler.Snapshot;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster of upstream scheduler_perf default nodes ({@code node-default.yaml}: 4 cpu, 32Gi,
 * 110 pods) already running {@code pod-default.yaml} pods (100m cpu, 500Mi), ingested by a real
 * scheduler through the store's list and watch, as the scheduler would find a running cluster.
 *
 * <p>Implementation note: nodes are named {@code scheduler-perf-<i>} and the running pods
 * {@code running-<node>-<k>}, so a cluster is the same at every build; pods are spread round-robin,
 * {@code podsPerNode} each. All objects are written before the scheduler starts, so its informers
 * ingest them through the initial list; the pods carry {@code spec.nodeName}, so they go to the
 * scheduler's cache, never to its queue. The running pods share the template's containers, as the
 * scheduler_perf workloads' pods do, but each has its own metadata and spec; with
 * {@code decodeEach} every node and pod is instead decoded from its own JSON, sharing nothing with
 * the others, as objects arriving from an API server do, so a memory figure is not flattered by
 * shared templates.
 */
public final class BoundCluster implements AutoCloseable {
  /** The namespace of every pod this class creates. */
  public static final String NAMESPACE = "bound";
  public static final String NODE_TEMPLATE = "node-default.yaml";
  public static final String POD_TEMPLATE = "pod-default.yaml";
  private static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

  private final EventLoop loop = new EventLoop();
  private final ClusterStore store;
  private final Scheduler scheduler;
  private final Pod podTemplate;
  private final int nodeCount;
  private final int podsPerNode;
  private String lastBound;
  private ObjectMapper mapper;

  /**
   * Creates {@code nodes} nodes and {@code nodes * podsPerNode} bound pods, starts a scheduler
   * with {@code config} on them and runs it until it is idle.
   *
   * @throws IllegalArgumentException if {@code nodes} is not positive or {@code podsPerNode} is negative
   */
  public BoundCluster(int nodes, int podsPerNode, SchedulerConfig config, Registry registry, long seed) {
    this(nodes, podsPerNode, false, config, registry, seed);
  }

  /**
   * As {@link #BoundCluster(int, int, SchedulerConfig, Registry, long)}; with {@code decodeEach}
   * every node and pod is decoded from its own JSON text.
   */
  public BoundCluster(
      int nodes, int podsPerNode, boolean decodeEach, SchedulerConfig config, Registry registry, long seed) {
    if (nodes <= 0) {
      throw new IllegalArgumentException("nodes: expected a positive count, got " + nodes);
    }
    if (podsPerNode < 0) {
      throw new IllegalArgumentException("podsPerNode: expected zero or more, got " + podsPerNode);
    }
    this.nodeCount = nodes;
    this.podsPerNode = podsPerNode;
    this.store = ClusterStore.simulated(loop, seed);
    this.podTemplate = Templates.pod(POD_TEMPLATE);
    store.create(Namespace.of(ObjectMeta.named(null, NAMESPACE), NamespaceStatus.EMPTY));
    Node node = Templates.node(NODE_TEMPLATE);
    // The API server defaults allocatable to capacity; the template sets capacity only.
    Node base = node.status().allocatable().isEmpty()
        ? node.withStatus(node.status().withAllocatable(node.status().capacity()))
        : node;
    for (int i = 0; i < nodes; i++) {
      String name = nodeName(i);
      Map<String, String> labels = new LinkedHashMap<>(base.metadata().labels());
      labels.put(HOSTNAME_LABEL, name);
      Node n = base.withMetadata(base.metadata().withName(name).withLabels(labels));
      store.create(decodeEach ? decode(KubeCodec.toJson(n), Node.class) : n);
    }
    String podJson = decodeEach ? KubeCodec.toJson(pod("template")) : null;
    for (int k = 0; k < podsPerNode; k++) {
      for (int i = 0; i < nodes; i++) {
        Pod p = decodeEach ? decode(podJson, Pod.class) : podTemplate;
        p = p.withMetadata(p.metadata().withNamespace(NAMESPACE).withName("running-" + i + "-" + k));
        store.create(p.withNodeName(nodeName(i)));
      }
    }
    SchedulerListener listener =
        new SchedulerListener() {
          @Override
          public void onBound(PodInfo pod, String nodeName, long nowNanos) {
            lastBound = pod.name();
          }
        };
    this.scheduler =
        new Scheduler(config, registry, store, loop, Scheduler.Options.seeded(seed), listener);
    scheduler.start();
    runUntilIdle();
  }

  /** The cluster with the default profile. */
  public static BoundCluster withDefaultProfile(int nodes, int podsPerNode, long seed) {
    Registry registry = InTreeRegistry.create();
    return new BoundCluster(nodes, podsPerNode, SchedulerConfig.defaults(registry), registry, seed);
  }

  private <T> T decode(String json, Class<T> type) {
    try {
      return mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("decoding a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private ObjectMapper mapper() {
    if (mapper == null) {
      mapper = KubeCodec.jsonMapper();
    }
    return mapper;
  }

  /** The name of node {@code i}. */
  public static String nodeName(int i) {
    return "scheduler-perf-" + i;
  }

  /** A {@code pod-default.yaml} pod named {@code name} in {@link #NAMESPACE}, not bound. */
  public Pod pod(String name) {
    return podTemplate.withMetadata(
        podTemplate.metadata().withNamespace(NAMESPACE).withName(name));
  }

  /**
   * Creates one pending pod and runs the scheduler until it is bound; its scheduling cycle brings
   * the scheduler's own snapshot up to date with everything ingested so far. Returns the node.
   *
   * @throws IllegalStateException if the scheduler goes idle without binding it
   */
  public String scheduleOne(String podName) {
    store.create(pod(podName));
    runUntilIdle();
    Pod bound = store.get(Pod.class, NAMESPACE, podName);
    if (!podName.equals(lastBound) || bound.spec().nodeName() == null) {
      throw new IllegalStateException(
          "scheduleOne: pod " + NAMESPACE + "/" + podName + " was not bound; the scheduler went idle");
    }
    return bound.spec().nodeName();
  }

  /**
   * A snapshot of the scheduler's cache as it is now: a copy of every node's {@code NodeInfo},
   * made as the scheduler's own snapshot update makes them, in node order. The scheduler's own
   * snapshot is private to it; this one leaves the cache's change tracking alone.
   */
  public Snapshot snapshot() {
    List<NodeInfo> copies = new ArrayList<>(nodeCount);
    for (int i = 0; i < nodeCount; i++) {
      copies.add(scheduler.cache().node(nodeName(i)).copy());
    }
    return Snapshot.of(copies);
  }

  /** {@code pod} compiled with the scheduler's resource and label registries. */
  public PodInfo compile(Pod pod) {
    return new PodInfo(pod, scheduler.resources(), scheduler.labels());
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public ClusterStore store() {
    return store;
  }

  public int nodeCount() {
    return nodeCount;
  }

  public int podsPerNode() {
    return podsPerNode;
  }

  /** Runs what is due now and whatever the scheduler still has to do; stops at periodic timers. */
  private void runUntilIdle() {
    while (loop.nextEventNanos() <= loop.nowNanos() || scheduler.busy()) {
      if (!loop.step()) {
        return;
      }
    }
  }

  @Override
  public void close() {
    scheduler.close();
  }
}
