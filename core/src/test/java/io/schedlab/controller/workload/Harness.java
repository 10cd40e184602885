package io.schedlab.controller.workload;

import io.schedlab.api.Container;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodTemplateSpec;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.ClusterSettings;
import io.schedlab.cluster.EventLog;
import io.schedlab.cluster.SimEvent;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A store, a loop and an event log for one controller; pod status is set by hand. */
final class Harness {
  static final long S = 1_000_000_000L;

  final EventLoop loop = new EventLoop();
  final ClusterStore store = ClusterStore.simulated(loop, 1);
  final EventLog.InMemory log = new EventLog.InMemory();
  final ClusterContext ctx = new ClusterContext(store, loop, log, 1, ClusterSettings.DEFAULTS);

  Harness(ClusterComponent... components) {
    // Stands in for the kubelets: a pod marked for graceful deletion has no containers to stop
    // here, so it is removed at once, as a kubelet would after they exit.
    store.watch(io.schedlab.api.Pod.class, e -> {
      io.schedlab.api.Pod p = e.object();
      if (e.type() != io.schedlab.store.WatchEvent.Type.DELETED
          && p.metadata().deletionTimestamp() != null
          && store.get(io.schedlab.api.Pod.class, p.metadata().namespace(), p.metadata().name())
              != null) {
        store.delete(io.schedlab.api.Pod.class, p.metadata().namespace(), p.metadata().name());
      }
    });
    for (ClusterComponent c : components) {
      c.start(ctx);
    }
  }

  static ObjectMeta meta(String name, long generation) {
    return ObjectMeta.named("default", name).withGeneration(generation);
  }

  static PodTemplateSpec template(Map<String, String> labels) {
    return template(labels, "nginx:1");
  }

  static PodTemplateSpec template(Map<String, String> labels, String image) {
    Container c = new Container("app", image, null, null, null, null, null);
    return new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(labels),
        PodSpec.EMPTY.withContainers(List.of(c)));
  }

  static LabelSelector selector(Map<String, String> labels) {
    return LabelSelector.of(labels);
  }

  void runFor(long nanos) {
    loop.runUntil(loop.nowNanos() + nanos);
  }

  void settle() {
    runFor(0);
  }

  List<Pod> pods() {
    return store.list(Pod.class, "default");
  }

  List<Pod> podsOwnedBy(String ownerName) {
    List<Pod> out = new ArrayList<>();
    for (Pod p : pods()) {
      if (p.metadata().controllerRef() != null
          && ownerName.equals(p.metadata().controllerRef().name())) {
        out.add(p);
      }
    }
    return out;
  }

  /** Marks the pod bound to {@code node}, Running and Ready (since now). */
  Pod runReady(Pod pod, String node) {
    String now = loop.clock().rfc3339();
    return store.update(Pod.class, pod.metadata().namespace(), pod.metadata().name(),
        p -> p.withNodeName(node).withStatus(p.status().withPhase("Running")
            .withCondition(new PodCondition("Ready", "True", null, null, now))));
  }

  Pod setPhase(Pod pod, String phase) {
    return store.update(Pod.class, pod.metadata().namespace(), pod.metadata().name(),
        p -> p.withStatus(p.status().withPhase(phase)
            .withCondition(new PodCondition("Ready", "False", null, null,
                loop.clock().rfc3339()))));
  }

  List<SimEvent> actions(String action) {
    List<SimEvent> out = new ArrayList<>();
    for (SimEvent e : log.ofType(SimEvent.Types.CONTROLLER_ACTION)) {
      if (action.equals(e.detail().get("action"))) {
        out.add(e);
      }
    }
    return out;
  }
}
