package io.schedlab.controller;

import io.schedlab.api.Lease;
import io.schedlab.api.LeaseSpec;
import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Taint;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.ClusterSettings;
import io.schedlab.cluster.EventLog;
import io.schedlab.cluster.SimEvent;
import io.schedlab.sim.Durations;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tiny simulated cluster for controller tests: store, loop, log, and hand-written objects. */
final class Harness {
  final EventLoop loop = new EventLoop();
  final ClusterStore store = ClusterStore.simulated(loop, 1);
  final EventLog.InMemory log = new EventLog.InMemory();
  final ClusterContext ctx;

  Harness() {
    this(ClusterSettings.DEFAULTS);
  }

  Harness(ClusterSettings settings) {
    ctx = new ClusterContext(store, loop, log, 1, settings);
  }

  Harness start(ClusterComponent... components) {
    for (ClusterComponent c : components) {
      c.start(ctx);
    }
    return this;
  }

  void runUntil(double seconds) {
    loop.runUntil(Durations.seconds(seconds));
  }

  String now() {
    return loop.clock().rfc3339();
  }

  /** A Ready node with the given labels. */
  Node addNode(String name, Map<String, String> labels) {
    NodeCondition ready = new NodeCondition("Ready", "True", "KubeletReady",
        "kubelet is posting ready status", now(), now());
    return store.create(Node.of(ObjectMeta.named(null, name).withLabels(labels), NodeSpec.EMPTY,
        NodeStatus.EMPTY.withConditions(List.of(ready))));
  }

  /**
   * A stand-in kubelet's heartbeat: renews the node's Lease now and every 10 s (kubelet's lease
   * renew interval, 0.25 of the 40 s lease duration) while the time is at most {@code
   * untilSeconds}.
   */
  void heartbeat(String node, double untilSeconds) {
    renew(node);
    loop.every(10 * Durations.SECOND, "heartbeat/" + node, () -> {
      if (loop.nowNanos() <= Durations.seconds(untilSeconds)) {
        renew(node);
      }
    });
  }

  void renew(String node) {
    String t = loop.clock().rfc3339Micro();
    Lease existing = store.get(Lease.class, NodeLifecycleController.NODE_LEASE_NAMESPACE, node);
    LeaseSpec spec = new LeaseSpec(node, 40, null, t, null);
    if (existing == null) {
      store.create(Lease.of(ObjectMeta.named(NodeLifecycleController.NODE_LEASE_NAMESPACE, node),
          spec));
    } else {
      store.update(existing.withSpec(spec));
    }
  }

  /** Sets the node's Ready condition as a kubelet posting status would. */
  void postReady(String node, String status) {
    store.update(Node.class, null, node, n -> {
      List<NodeCondition> next = new ArrayList<>();
      for (NodeCondition c : n.status().conditions()) {
        if (!c.type().equals("Ready")) {
          next.add(c);
        }
      }
      next.add(new NodeCondition("Ready", status, "KubeletReady", "", now(), now()));
      return n.withStatus(n.status().withConditions(next));
    });
  }

  /** A running, Ready pod bound to the node. */
  Pod addPod(String namespace, String name, String node, Map<String, String> labels) {
    PodStatus status = PodStatus.EMPTY.withPhase("Running")
        .withCondition(new PodCondition("Ready", "True", null, null, now()));
    return store.create(Pod.of(ObjectMeta.named(namespace, name).withLabels(labels),
        PodSpec.EMPTY.withNodeName(node), status));
  }

  Node node(String name) {
    return store.get(Node.class, null, name);
  }

  Pod pod(String namespace, String name) {
    return store.get(Pod.class, namespace, name);
  }

  String ready(String node) {
    NodeCondition c = ControllerSupport.condition(node(node), "Ready");
    return c == null ? null : c.status();
  }

  boolean hasTaint(String node, String key, String effect) {
    return ControllerSupport.hasTaint(node(node).spec().taints(), key, effect);
  }

  Taint taint(String node, String key, String effect) {
    for (Taint t : node(node).spec().taints()) {
      if (t.key().equals(key) && t.effect().equals(effect)) {
        return t;
      }
    }
    return null;
  }

  /** The first event of the type about the node or pod, or null. */
  SimEvent first(String type, String node, String pod) {
    for (SimEvent e : log.ofType(type)) {
      if ((node == null || node.equals(e.node())) && (pod == null || pod.equals(e.pod()))) {
        return e;
      }
    }
    return null;
  }

  List<SimEvent> events(String type, String node, String pod) {
    List<SimEvent> out = new ArrayList<>();
    for (SimEvent e : log.ofType(type)) {
      if ((node == null || node.equals(e.node())) && (pod == null || pod.equals(e.pod()))) {
        out.add(e);
      }
    }
    return out;
  }

  /** Seconds of the first matching event with detail key=value. */
  double firstSeconds(String type, String node, String key, String value) {
    for (SimEvent e : log.ofType(type)) {
      if ((node == null || node.equals(e.node())) && value.equals(e.detail().get(key))) {
        return e.seconds();
      }
    }
    return Double.NaN;
  }
}
