package io.schedlab.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Namespace;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.ServiceAccount;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeControllerManagerTest {

  /** Nodes, pods and a node failure with every controller running; returns the event log. */
  private static List<String> scenario() {
    Harness h = new Harness();
    h.start(new DefaultTolerationSeconds(), new KubeControllerManager());
    h.store.create(Namespace.of(ObjectMeta.named(null, "default"), null));
    for (int i = 0; i < 4; i++) {
      String node = "n" + i;
      h.addNode(node, Map.of("topology.kubernetes.io/zone", i % 2 == 0 ? "a" : "b"));
      h.heartbeat(node, i == 1 ? 60 : Double.MAX_VALUE);
      h.addPod("default", "p" + i, node, Map.of("app", "x"));
    }
    h.runUntil(600);
    List<String> lines = new ArrayList<>();
    for (SimEvent e : h.log.events()) {
      lines.add(e.toJson());
    }
    assertThat(h.store.get(ServiceAccount.class, "default", "default")).isNotNull();
    assertThat(h.node("n3").spec().podCIDR()).isEqualTo("10.244.3.0/24");
    // Evicted gracefully: with its kubelet gone the pod stays Terminating, as upstream.
    assertThat(h.pod("default", "p1").metadata().deletionTimestamp()).isNotNull();
    assertThat(h.pod("default", "p0")).isNotNull();
    return lines;
  }

  @Test
  void theSameSeedGivesTheSameEventLog() {
    List<String> first = scenario();
    assertThat(first).isNotEmpty();
    assertThat(scenario()).containsExactlyElementsOf(first);
  }

  @Test
  void startsEveryClusterControllerUnderItsUpstreamName() {
    List<String> names = new ArrayList<>();
    for (ClusterComponent c : new KubeControllerManager().controllers()) {
      names.add(c.name());
    }
    assertThat(names).containsExactly("namespace-controller", "serviceaccount-controller",
        "node-ipam-controller", "node-lifecycle-controller", "taint-eviction-controller",
        "pod-garbage-collector", "disruption-controller");
  }
}
