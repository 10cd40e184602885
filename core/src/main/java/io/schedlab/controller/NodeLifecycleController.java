package io.schedlab.controller;

import io.schedlab.api.Lease;
import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.Taint;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.sim.Durations;
import io.schedlab.sim.Timer;
import io.schedlab.store.NotFoundException;
import io.schedlab.store.WatchEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * kube-controller-manager's node lifecycle controller (node-lifecycle-controller): watches node
 * heartbeats (the Ready condition's lastHeartbeatTime and the node's Lease in kube-node-lease),
 * marks silent nodes' conditions Unknown, taints nodes by condition (NoSchedule at once,
 * NoExecute through per-zone rate-limited queues), and slows or stops tainting when a zone or the
 * whole cluster looks disrupted.
 *
 * <p>Implementation note: as upstream, the probe timestamp is the controller's own clock when a
 * monitor pass first sees a newer heartbeat, not the heartbeat's value; so a node goes Unknown at
 * the first pass more than the grace period after the pass that saw its last heartbeat. The
 * NoExecute pass runs on a 100 ms grid only while some zone queue holds a node and may take
 * it, so an idle or fully disrupted cluster costs no events.
 */
public final class NodeLifecycleController implements ClusterComponent {
  public static final String NAME = "node-lifecycle-controller";

  public static final String TAINT_NOT_READY = "node.kubernetes.io/not-ready";
  public static final String TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
  public static final String TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  public static final String TAINT_MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
  public static final String TAINT_DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
  public static final String TAINT_PID_PRESSURE = "node.kubernetes.io/pid-pressure";
  public static final String TAINT_NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";

  /** The namespace kubelets keep their heartbeat Leases in. */
  public static final String NODE_LEASE_NAMESPACE = "kube-node-lease";

  static final String REASON_UNKNOWN = "NodeStatusUnknown";
  static final String MESSAGE_UNKNOWN = "Kubelet stopped posting node status.";
  static final String REASON_NEVER_UPDATED = "NodeStatusNeverUpdated";
  static final String MESSAGE_NEVER_UPDATED = "Kubelet never posted node status.";

  // The conditions the controller turns Unknown when the kubelet goes silent.
  private static final String[] KUBELET_CONDITIONS =
      {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure"};
  // scheduler.NodeEvictionPeriod: how often the NoExecute tainting pass runs.
  private static final long NODE_EVICTION_PERIOD = 100 * Durations.MILLISECOND;
  // scheduler.EvictionRateLimiterBurst.
  private static final int EVICTION_BURST = 1;
  private static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  private static final String REGION_LABEL = "topology.kubernetes.io/region";
  private static final String BETA_ZONE_LABEL = "failure-domain.beta.kubernetes.io/zone";
  private static final String BETA_REGION_LABEL = "failure-domain.beta.kubernetes.io/region";
  private static final String EXCLUDE_DISRUPTION_LABEL = "node.kubernetes.io/exclude-disruption";

  /**
   * The controller's flags.
   *
   * @param nodeMonitorPeriod --node-monitor-period, default 5s
   * @param nodeMonitorGracePeriod --node-monitor-grace-period, default 40s (Kubernetes 1.32
   *     raised it to 50s, kubernetes/kubernetes#126287; see {@link #KUBERNETES_1_32})
   * @param nodeStartupGracePeriod --node-startup-grace-period, default 1m
   * @param evictionRate --node-eviction-rate, default 0.1 nodes per second per zone
   * @param secondaryEvictionRate --secondary-node-eviction-rate, default 0.01
   * @param largeClusterSizeThreshold --large-cluster-size-threshold, default 50
   * @param unhealthyZoneThreshold --unhealthy-zone-threshold, default 0.55
   */
  public record Config(long nodeMonitorPeriod, long nodeMonitorGracePeriod,
      long nodeStartupGracePeriod, double evictionRate, double secondaryEvictionRate,
      int largeClusterSizeThreshold, double unhealthyZoneThreshold) {
    public static final Config DEFAULTS = new Config(5 * Durations.SECOND, 40 * Durations.SECOND,
        60 * Durations.SECOND, 0.1, 0.01, 50, 0.55);
    /** The defaults of Kubernetes 1.32 and later: the same, with a 50 s grace period. */
    public static final Config KUBERNETES_1_32 = new Config(5 * Durations.SECOND,
        50 * Durations.SECOND, 60 * Durations.SECOND, 0.1, 0.01, 50, 0.55);

    public Config {
      if (nodeMonitorPeriod <= 0 || nodeMonitorGracePeriod <= 0 || nodeStartupGracePeriod <= 0) {
        throw new IllegalArgumentException(
            "node lifecycle periods: expected positive durations, got monitor period "
                + Durations.format(nodeMonitorPeriod) + ", grace period "
                + Durations.format(nodeMonitorGracePeriod) + ", startup grace period "
                + Durations.format(nodeStartupGracePeriod));
      }
    }
  }

  /** A zone's state as upstream computes it from its nodes' Ready conditions. */
  public enum ZoneState { INITIAL, NORMAL, FULL_DISRUPTION, PARTIAL_DISRUPTION }

  private final Config config;
  private ClusterContext ctx;
  // Keyed by node name; sorted maps and sets keep every pass in a fixed order.
  private final Map<String, Health> health = new HashMap<>();
  private final TreeSet<String> knownNodes = new TreeSet<>();
  private final TreeMap<String, ZoneState> zoneStates = new TreeMap<>();
  private final TreeMap<String, ZoneQueue> zoneTainters = new TreeMap<>();
  private long taintPassOrigin;
  private Timer taintPass;

  public NodeLifecycleController() {
    this(Config.DEFAULTS);
  }

  public NodeLifecycleController(Config config) {
    if (config == null) {
      throw new IllegalArgumentException("NodeLifecycleController: expected a config, got null");
    }
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    this.taintPassOrigin = context.now();
    // TaintNodesByCondition runs on every node add and update.
    for (Node node : context.store().listAndWatch(Node.class, this::onNode)) {
      noScheduleTaintingPass(node);
    }
    context.loop().every(config.nodeMonitorPeriod(), NAME + "/monitor", this::monitorNodeHealth);
  }

  /** The zone's state after the last monitor pass, or null for a zone not seen. */
  public ZoneState zoneState(String zoneKey) {
    return zoneStates.get(zoneKey);
  }

  /** utilnode.GetZoneKey: region and zone from the node's topology labels, or "" for neither. */
  public static String zoneKey(Node node) {
    Map<String, String> labels = node.metadata().labels();
    String zone = labels.getOrDefault(ZONE_LABEL, labels.getOrDefault(BETA_ZONE_LABEL, ""));
    String region = labels.getOrDefault(REGION_LABEL, labels.getOrDefault(BETA_REGION_LABEL, ""));
    if (zone.isEmpty() && region.isEmpty()) {
      return "";
    }
    return region + ":\u0000:" + zone;
  }

  // ---------------------------------------------------------------- NoSchedule taints

  private void onNode(WatchEvent<Node> event) {
    if (event.type() != WatchEvent.Type.DELETED) {
      noScheduleTaintingPass(event.object());
    }
  }

  /** doNoScheduleTaintingPass: the NoSchedule taints a node's conditions and spec call for. */
  private void noScheduleTaintingPass(Node node) {
    List<Taint> wanted = new ArrayList<>(2);
    List<NodeCondition> conditions = node.status().conditions();
    for (int i = 0; i < conditions.size(); i++) {
      String key = conditionTaintKey(conditions.get(i));
      if (key != null) {
        wanted.add(Taint.of(key, null, Taint.NO_SCHEDULE));
      }
    }
    if (Boolean.TRUE.equals(node.spec().unschedulable())) {
      wanted.add(Taint.of(TAINT_UNSCHEDULABLE, null, Taint.NO_SCHEDULE));
    }
    List<Taint> current = node.spec().taints();
    List<Taint> add = new ArrayList<>();
    for (Taint t : wanted) {
      if (!ControllerSupport.hasTaint(current, t.key(), t.effect())) {
        add.add(t);
      }
    }
    List<Taint> remove = new ArrayList<>();
    for (Taint t : current) {
      if (Taint.NO_SCHEDULE.equals(t.effect()) && isConditionTaintKey(t.key())
          && !ControllerSupport.hasTaint(wanted, t.key(), t.effect())) {
        remove.add(t);
      }
    }
    if (!add.isEmpty() || !remove.isEmpty()) {
      swapTaints(node.metadata().name(), add, remove);
    }
  }

  private static String conditionTaintKey(NodeCondition c) {
    String status = c.status();
    switch (c.type() == null ? "" : c.type()) {
      case "Ready":
        return "False".equals(status) ? TAINT_NOT_READY
            : "Unknown".equals(status) ? TAINT_UNREACHABLE : null;
      case "MemoryPressure":
        return "True".equals(status) ? TAINT_MEMORY_PRESSURE : null;
      case "DiskPressure":
        return "True".equals(status) ? TAINT_DISK_PRESSURE : null;
      case "NetworkUnavailable":
        return "True".equals(status) ? TAINT_NETWORK_UNAVAILABLE : null;
      case "PIDPressure":
        return "True".equals(status) ? TAINT_PID_PRESSURE : null;
      default:
        return null;
    }
  }

  private static boolean isConditionTaintKey(String key) {
    return TAINT_NOT_READY.equals(key) || TAINT_UNREACHABLE.equals(key)
        || TAINT_MEMORY_PRESSURE.equals(key) || TAINT_DISK_PRESSURE.equals(key)
        || TAINT_NETWORK_UNAVAILABLE.equals(key) || TAINT_PID_PRESSURE.equals(key)
        || TAINT_UNSCHEDULABLE.equals(key);
  }

  /**
   * controllerutil.SwapNodeControllerTaint: adds taints stamped with timeAdded = now and removes
   * others (matched by key and effect) in one update. Returns false if the node is gone.
   */
  private boolean swapTaints(String nodeName, List<Taint> add, List<Taint> remove) {
    String now = ControllerSupport.timestamp(ctx);
    List<Taint> added = new ArrayList<>();
    List<Taint> removed = new ArrayList<>();
    try {
      ctx.store().update(Node.class, null, nodeName, node -> {
        added.clear();
        removed.clear();
        List<Taint> next = new ArrayList<>(node.spec().taints().size() + add.size());
        for (Taint t : node.spec().taints()) {
          boolean drop = false;
          for (Taint r : remove) {
            drop |= ControllerSupport.sameTaint(t, r);
          }
          if (drop) {
            removed.add(t);
          } else {
            next.add(t);
          }
        }
        for (Taint t : add) {
          if (!ControllerSupport.hasTaint(next, t.key(), t.effect())) {
            Taint stamped = new Taint(t.key(), t.value(), t.effect(), now);
            next.add(stamped);
            added.add(stamped);
          }
        }
        return added.isEmpty() && removed.isEmpty() ? node
            : node.withSpec(node.spec().withTaints(next));
      });
    } catch (NotFoundException e) {
      return false;
    }
    for (Taint t : removed) {
      ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.TAINT_REMOVED, nodeName, null)
          .with("taint", t.toString()).with("controller", NAME));
    }
    for (Taint t : added) {
      ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.TAINT_ADDED, nodeName, null)
          .with("taint", t.toString()).with("controller", NAME));
    }
    return true;
  }

  // ---------------------------------------------------------------- monitor pass

  /** monitorNodeHealth: one pass every --node-monitor-period. */
  private void monitorNodeHealth() {
    List<Node> nodes = ctx.store().list(Node.class);
    TreeSet<String> seen = new TreeSet<>();
    for (Node node : nodes) {
      String name = node.metadata().name();
      seen.add(name);
      if (knownNodes.add(name)) {
        addZone(zoneKey(node));
        markNodeAsReachable(node);
      }
    }
    for (Iterator<String> it = knownNodes.iterator(); it.hasNext(); ) {
      String name = it.next();
      if (!seen.contains(name)) {
        it.remove();
        health.remove(name);
        for (ZoneQueue q : zoneTainters.values()) {
          q.nodes.remove(name);
        }
      }
    }

    TreeMap<String, List<NodeCondition>> zoneToConditions = new TreeMap<>();
    for (Node listed : nodes) {
      Node node = ctx.store().get(Node.class, null, listed.metadata().name());
      if (node == null) {
        continue;
      }
      NodeCondition[] observedAndCurrent = tryUpdateNodeHealth(node);
      NodeCondition observed = observedAndCurrent[0];
      NodeCondition current = observedAndCurrent[1];
      node = ctx.store().get(Node.class, null, node.metadata().name());
      if (node == null) {
        continue;
      }
      if (!node.metadata().labels().containsKey(EXCLUDE_DISRUPTION_LABEL)) {
        zoneToConditions.computeIfAbsent(zoneKey(node), k -> new ArrayList<>()).add(current);
      }
      if (current != null) {
        processTaintBaseEviction(node, observed);
        if (!"True".equals(current.status()) && "True".equals(observed.status())) {
          markPodsNotReady(node.metadata().name());
        }
      }
    }
    handleDisruption(zoneToConditions, nodes);
  }

  /**
   * tryUpdateNodeHealth: refreshes the probe timestamp on a newer heartbeat or Lease renewal, and
   * past the grace period sets the kubelet's conditions Unknown. Returns {observed, current}: the
   * Ready condition as the kubelet left it (a synthetic Unknown one if it never posted) and as it
   * is after this pass (null if still never posted).
   */
  private NodeCondition[] tryUpdateNodeHealth(Node node) {
    String name = node.metadata().name();
    long now = ctx.now();
    long created = ControllerSupport.nanosOf(ctx, node.metadata().creationTimestamp(), now);
    NodeCondition currentReady = ControllerSupport.condition(node, "Ready");
    Health h = health.get(name);
    NodeCondition observed;
    long grace;
    if (currentReady == null) {
      observed = new NodeCondition("Ready", "Unknown", null, null,
          node.metadata().creationTimestamp(), node.metadata().creationTimestamp());
      grace = config.nodeStartupGracePeriod();
      if (h == null) {
        h = new Health(created, created);
        health.put(name, h);
      }
    } else {
      observed = currentReady;
      grace = config.nodeMonitorGracePeriod();
    }
    NodeCondition saved = h == null ? null : h.ready;
    if (h == null) {
      h = new Health(now, now);
      h.ready = currentReady;
      health.put(name, h);
    } else if (saved == null && currentReady != null) {
      h.ready = currentReady;
      h.probeNanos = now;
      h.readyTransitionNanos = now;
    } else if (saved != null && currentReady == null) {
      h.ready = null;
      h.probeNanos = now;
      h.readyTransitionNanos = now;
    } else if (saved != null
        && !ControllerSupport.eq(saved.lastHeartbeatTime(), currentReady.lastHeartbeatTime())) {
      if (!ControllerSupport.eq(saved.lastTransitionTime(), currentReady.lastTransitionTime())) {
        h.readyTransitionNanos = now;
      }
      h.ready = currentReady;
      h.probeNanos = now;
    }
    // Always refresh the probe time when the node's Lease was renewed.
    Lease lease = ctx.store().get(Lease.class, NODE_LEASE_NAMESPACE, name);
    if (lease != null && lease.spec().renewTime() != null) {
      Instant renewed = parseInstant(lease.spec().renewTime());
      if (renewed != null && (h.leaseRenew == null || h.leaseRenew.isBefore(renewed))) {
        h.leaseRenew = renewed;
        h.probeNanos = now;
      }
    }
    if (now <= h.probeNanos + grace) {
      return new NodeCondition[] {observed, currentReady};
    }
    String stamp = ControllerSupport.timestamp(ctx);
    List<NodeCondition> next = new ArrayList<>(node.status().conditions());
    List<NodeCondition> changed = new ArrayList<>();
    for (String type : KUBELET_CONDITIONS) {
      int at = indexOf(next, type);
      if (at < 0) {
        NodeCondition c = new NodeCondition(type, "Unknown", REASON_NEVER_UPDATED,
            MESSAGE_NEVER_UPDATED, node.metadata().creationTimestamp(), stamp);
        next.add(c);
        changed.add(c);
      } else if (!"Unknown".equals(next.get(at).status())) {
        NodeCondition old = next.get(at);
        NodeCondition c = new NodeCondition(type, "Unknown", REASON_UNKNOWN, MESSAGE_UNKNOWN,
            old.lastHeartbeatTime(), stamp);
        next.set(at, c);
        changed.add(c);
      }
    }
    if (changed.isEmpty()) {
      return new NodeCondition[] {observed, currentReady};
    }
    Node updated;
    try {
      updated = ctx.store().update(Node.class, null, name,
          n -> n.withStatus(n.status().withConditions(next)));
    } catch (NotFoundException e) {
      return new NodeCondition[] {observed, currentReady};
    }
    for (NodeCondition c : changed) {
      ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.NODE_CONDITION, name, null)
          .with("condition", c.type()).with("status", c.status()).with("reason", c.reason())
          .with("controller", NAME));
    }
    NodeCondition after = ControllerSupport.condition(updated, "Ready");
    if (!after.equals(observed)) {
      h.ready = after;
      h.readyTransitionNanos = now;
    }
    return new NodeCondition[] {observed, after};
  }

  private static int indexOf(List<NodeCondition> conditions, String type) {
    for (int i = 0; i < conditions.size(); i++) {
      if (type.equals(conditions.get(i).type())) {
        return i;
      }
    }
    return -1;
  }

  private static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** MarkPodsNotReady: the Ready condition of every pod on the node becomes False. */
  private void markPodsNotReady(String nodeName) {
    String stamp = ControllerSupport.timestamp(ctx);
    for (Pod pod : ctx.store().list(Pod.class)) {
      if (!nodeName.equals(pod.spec().nodeName())) {
        continue;
      }
      PodCondition ready = pod.status().condition("Ready");
      if (ready == null || "False".equals(ready.status())) {
        continue;
      }
      PodCondition notReady =
          new PodCondition("Ready", "False", ready.reason(), ready.message(), stamp);
      ctx.store().update(Pod.class, pod.metadata().namespace(), pod.metadata().name(),
          p -> p.withStatus(p.status().withCondition(notReady)));
      ControllerSupport.action(ctx, NAME, "mark_pod_not_ready", "pods/" + pod.key(), nodeName,
          pod.key());
    }
  }

  // ---------------------------------------------------------------- NoExecute taints

  /** processTaintBaseEviction, on the Ready condition the kubelet last posted. */
  private void processTaintBaseEviction(Node node, NodeCondition observed) {
    List<Taint> taints = node.spec().taints();
    switch (observed.status() == null ? "" : observed.status()) {
      case "False":
        if (ControllerSupport.hasTaint(taints, TAINT_UNREACHABLE, Taint.NO_EXECUTE)) {
          swapTaints(node.metadata().name(),
              List.of(Taint.of(TAINT_NOT_READY, null, Taint.NO_EXECUTE)),
              List.of(Taint.of(TAINT_UNREACHABLE, null, Taint.NO_EXECUTE)));
        } else {
          markNodeForTainting(node);
        }
        break;
      case "Unknown":
        if (ControllerSupport.hasTaint(taints, TAINT_NOT_READY, Taint.NO_EXECUTE)) {
          swapTaints(node.metadata().name(),
              List.of(Taint.of(TAINT_UNREACHABLE, null, Taint.NO_EXECUTE)),
              List.of(Taint.of(TAINT_NOT_READY, null, Taint.NO_EXECUTE)));
        } else {
          markNodeForTainting(node);
        }
        break;
      case "True":
        markNodeAsReachable(node);
        break;
      default:
        break;
    }
  }

  private void markNodeForTainting(Node node) {
    ZoneQueue q = addZone(zoneKey(node));
    q.nodes.add(node.metadata().name());
    if (q.limiter.qps() > 0) {
      ensureTaintPass();
    }
  }

  /** Removes the NoExecute not-ready and unreachable taints and drops the node from its queue. */
  private void markNodeAsReachable(Node node) {
    String name = node.metadata().name();
    List<Taint> taints = node.spec().taints();
    if (ControllerSupport.hasTaint(taints, TAINT_NOT_READY, Taint.NO_EXECUTE)
        || ControllerSupport.hasTaint(taints, TAINT_UNREACHABLE, Taint.NO_EXECUTE)) {
      swapTaints(name, List.of(), List.of(Taint.of(TAINT_NOT_READY, null, Taint.NO_EXECUTE),
          Taint.of(TAINT_UNREACHABLE, null, Taint.NO_EXECUTE)));
    }
    ZoneQueue q = zoneTainters.get(zoneKey(node));
    if (q != null) {
      q.nodes.remove(name);
    }
  }

  private void ensureTaintPass() {
    if (taintPass != null && taintPass.isPending()) {
      return;
    }
    // The pass runs on the 100 ms grid the controller started on; the next point after now.
    long now = ctx.now();
    long ticks = (now - taintPassOrigin) / NODE_EVICTION_PERIOD + 1;
    taintPass = ctx.loop().schedule(taintPassOrigin + ticks * NODE_EVICTION_PERIOD,
        NAME + "/no-execute-tainting", this::noExecuteTaintingPass);
  }

  /** doNoExecuteTaintingPass: each zone's queue, as far as its rate limiter lets it. */
  private void noExecuteTaintingPass() {
    long now = ctx.now();
    boolean more = false;
    for (ZoneQueue q : zoneTainters.values()) {
      for (Iterator<String> it = q.nodes.iterator(); it.hasNext(); ) {
        if (!q.limiter.tryAccept(now)) {
          break;
        }
        String name = it.next();
        it.remove();
        Node node = ctx.store().get(Node.class, null, name);
        NodeCondition ready = node == null ? null : ControllerSupport.condition(node, "Ready");
        if (ready == null) {
          continue;
        }
        if ("False".equals(ready.status())) {
          swapTaints(name, List.of(Taint.of(TAINT_NOT_READY, null, Taint.NO_EXECUTE)),
              List.of(Taint.of(TAINT_UNREACHABLE, null, Taint.NO_EXECUTE)));
        } else if ("Unknown".equals(ready.status())) {
          swapTaints(name, List.of(Taint.of(TAINT_UNREACHABLE, null, Taint.NO_EXECUTE)),
              List.of(Taint.of(TAINT_NOT_READY, null, Taint.NO_EXECUTE)));
        }
        // Ready again: the request is dropped.
      }
      // A zone whose limiter never accepts waits for swapLimiter to restart the pass.
      more |= !q.nodes.isEmpty() && q.limiter.qps() > 0;
    }
    taintPass = null;
    if (more) {
      ensureTaintPass();
    }
  }

  // ---------------------------------------------------------------- zones and disruption

  private ZoneQueue addZone(String zone) {
    ZoneQueue q = zoneTainters.get(zone);
    if (q == null) {
      zoneStates.put(zone, ZoneState.INITIAL);
      q = new ZoneQueue(new TokenBucket(config.evictionRate(), EVICTION_BURST, ctx.now()));
      zoneTainters.put(zone, q);
    }
    return q;
  }

  /** ComputeZoneState: full disruption if no node is Ready, partial past the threshold. */
  ZoneState computeZoneState(List<NodeCondition> readyConditions) {
    int ready = 0;
    int notReady = 0;
    for (NodeCondition c : readyConditions) {
      if (c != null && "True".equals(c.status())) {
        ready++;
      } else {
        notReady++;
      }
    }
    if (ready == 0 && notReady > 0) {
      return ZoneState.FULL_DISRUPTION;
    }
    if (notReady > 2 && (float) notReady / (float) (notReady + ready)
        >= (float) config.unhealthyZoneThreshold()) {
      return ZoneState.PARTIAL_DISRUPTION;
    }
    return ZoneState.NORMAL;
  }

  /** handleDisruption: per-zone eviction rates, and no evictions at all if every zone is down. */
  private void handleDisruption(TreeMap<String, List<NodeCondition>> zoneToConditions,
      List<Node> nodes) {
    TreeMap<String, ZoneState> newStates = new TreeMap<>();
    boolean allAreFullyDisrupted = true;
    for (Map.Entry<String, List<NodeCondition>> e : zoneToConditions.entrySet()) {
      ZoneState state = computeZoneState(e.getValue());
      if (state != ZoneState.FULL_DISRUPTION) {
        allAreFullyDisrupted = false;
      }
      newStates.put(e.getKey(), state);
      if (!zoneStates.containsKey(e.getKey())) {
        addZone(e.getKey());
      }
    }
    boolean allWasFullyDisrupted = true;
    for (Iterator<Map.Entry<String, ZoneState>> it = zoneStates.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, ZoneState> e = it.next();
      if (!zoneToConditions.containsKey(e.getKey())) {
        it.remove();
        continue;
      }
      if (e.getValue() != ZoneState.FULL_DISRUPTION) {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) {
      return;
    }
    if (allAreFullyDisrupted) {
      // Every node is not Ready: more likely the controller's own view is broken than every node,
      // so upstream stops all evictions and lifts the NoExecute taints.
      for (Node node : nodes) {
        Node fresh = ctx.store().get(Node.class, null, node.metadata().name());
        if (fresh != null) {
          markNodeAsReachable(fresh);
        }
      }
      for (String zone : zoneStates.keySet()) {
        swapLimiter(zone, 0);
        setState(zone, ZoneState.FULL_DISRUPTION);
      }
      return;
    }
    if (allWasFullyDisrupted) {
      // Leaving cluster-wide disruption: every node gets a fresh grace period.
      long now = ctx.now();
      for (Node node : nodes) {
        Health h = health.get(node.metadata().name());
        if (h != null) {
          h.probeNanos = now;
          h.readyTransitionNanos = now;
        }
      }
      for (String zone : new ArrayList<>(zoneStates.keySet())) {
        setLimiterInZone(zone, sizeOf(zoneToConditions, zone), newStates.get(zone));
        setState(zone, newStates.get(zone));
      }
      return;
    }
    for (String zone : new ArrayList<>(zoneStates.keySet())) {
      ZoneState state = newStates.get(zone);
      if (zoneStates.get(zone) == state) {
        continue;
      }
      setLimiterInZone(zone, sizeOf(zoneToConditions, zone), state);
      setState(zone, state);
    }
  }

  private static int sizeOf(Map<String, List<NodeCondition>> zones, String zone) {
    List<NodeCondition> l = zones.get(zone);
    return l == null ? 0 : l.size();
  }

  private void setState(String zone, ZoneState state) {
    ZoneState old = zoneStates.put(zone, state);
    if (old != state) {
      ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.CONTROLLER_ACTION, null, null)
          .with("controller", NAME).with("action", "zone_state")
          .with("object", "zone/" + zone.replace("\u0000", "")).with("state", state.name()));
    }
  }

  /** setLimiterInZone: the eviction rate a zone's state calls for. */
  private void setLimiterInZone(String zone, int zoneSize, ZoneState state) {
    switch (state) {
      case NORMAL, FULL_DISRUPTION -> swapLimiter(zone, config.evictionRate());
      case PARTIAL_DISRUPTION -> swapLimiter(zone,
          zoneSize > config.largeClusterSizeThreshold() ? config.secondaryEvictionRate() : 0);
      default -> { }
    }
  }

  /** RateLimitedTimedQueue.SwapLimiter. */
  private void swapLimiter(String zone, double qps) {
    ZoneQueue q = zoneTainters.get(zone);
    if (q == null || q.limiter.qps() == qps) {
      return;
    }
    long now = ctx.now();
    TokenBucket next = new TokenBucket(qps, EVICTION_BURST, now);
    // If the old limiter is out of tokens, drain the new one too (exact for burst 1).
    if (qps > 0 && !q.limiter.tryAccept(now)) {
      next.tryAccept(now);
    }
    q.limiter = next;
    if (qps > 0 && !q.nodes.isEmpty()) {
      ensureTaintPass();
    }
  }

  /** What the controller remembers of a node between passes (upstream's nodeHealthData). */
  private static final class Health {
    long probeNanos;
    long readyTransitionNanos;
    NodeCondition ready;
    Instant leaseRenew;

    Health(long probeNanos, long readyTransitionNanos) {
      this.probeNanos = probeNanos;
      this.readyTransitionNanos = readyTransitionNanos;
    }
  }

  /** A zone's NoExecute tainting queue and its rate limiter. */
  private static final class ZoneQueue {
    final LinkedHashSet<String> nodes = new LinkedHashSet<>();
    TokenBucket limiter;

    ZoneQueue(TokenBucket limiter) {
      this.limiter = limiter;
    }
  }
}
