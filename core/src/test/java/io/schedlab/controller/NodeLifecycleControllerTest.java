package io.schedlab.controller;

import static io.schedlab.controller.NodeLifecycleController.TAINT_NOT_READY;
import static io.schedlab.controller.NodeLifecycleController.TAINT_UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Taint;
import io.schedlab.cluster.SimEvent;
import io.schedlab.controller.NodeLifecycleController.ZoneState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeLifecycleControllerTest {
  private static final Map<String, String> ZONE_A = Map.of("topology.kubernetes.io/zone", "a");

  private final Harness h = new Harness();
  private final NodeLifecycleController nlc = new NodeLifecycleController();

  /** Two nodes in one zone; "dead" stops its heartbeat at 60 s, "alive" never does. */
  private void twoNodesOneStopsAt60() {
    h.addNode("alive", ZONE_A);
    h.addNode("dead", ZONE_A);
    h.heartbeat("alive", Double.MAX_VALUE);
    h.heartbeat("dead", 60);
    h.start(nlc);
  }

  @Test
  void readyBecomesUnknownAtTheFirstPassMoreThan40sAfterTheLastHeartbeat() {
    twoNodesOneStopsAt60();
    h.runUntil(104.9);
    assertThat(h.ready("dead")).isEqualTo("True");
    h.runUntil(105);
    // The pass at 60 saw the last renewal; 100 is not past 60 + 40, so the pass at 105 acts.
    assertThat(h.ready("dead")).isEqualTo("Unknown");
    assertThat(h.ready("alive")).isEqualTo("True");
    NodeCondition ready = ControllerSupport.condition(h.node("dead"), "Ready");
    assertThat(ready.reason()).isEqualTo("NodeStatusUnknown");
    assertThat(ready.message()).isEqualTo("Kubelet stopped posting node status.");
    assertThat(ready.lastTransitionTime()).isEqualTo("2026-01-01T00:01:45Z");
    assertThat(ready.lastHeartbeatTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(h.firstSeconds(SimEvent.Types.NODE_CONDITION, "dead", "condition", "Ready"))
        .isEqualTo(105.0);
  }

  @Test
  void theKubernetes132GracePeriodOf50sMovesUnknownTo115() {
    h.addNode("alive", ZONE_A);
    h.addNode("dead", ZONE_A);
    h.heartbeat("alive", Double.MAX_VALUE);
    h.heartbeat("dead", 60);
    h.start(new NodeLifecycleController(NodeLifecycleController.Config.KUBERNETES_1_32));
    h.runUntil(110);
    assertThat(h.ready("dead")).isEqualTo("True");
    h.runUntil(115);
    assertThat(h.ready("dead")).isEqualTo("Unknown");
  }

  @ParameterizedTest(name = "{0}={1} taints {2}")
  @CsvSource({
      "MemoryPressure, True, node.kubernetes.io/memory-pressure",
      "DiskPressure, True, node.kubernetes.io/disk-pressure",
      "PIDPressure, True, node.kubernetes.io/pid-pressure",
      "NetworkUnavailable, True, node.kubernetes.io/network-unavailable",
      "Ready, False, node.kubernetes.io/not-ready",
      "Ready, Unknown, node.kubernetes.io/unreachable",
  })
  void conditionsTaintNoScheduleAtOnceAndUntaintWhenTheyClear(String type, String status,
      String key) {
    h.addNode("n", ZONE_A);
    h.start(nlc);
    h.loop.after(0, "condition", () -> h.store.update(Node.class, null, "n", n -> {
      List<NodeCondition> next = new ArrayList<>();
      for (NodeCondition c : n.status().conditions()) {
        if (!c.type().equals(type)) {
          next.add(c);
        }
      }
      next.add(new NodeCondition(type, status, null, null, h.now(), h.now()));
      return n.withStatus(n.status().withConditions(next));
    }));
    h.runUntil(0.001);
    assertThat(h.taint("n", key, Taint.NO_SCHEDULE).timeAdded())
        .isEqualTo("2026-01-01T00:00:00Z");
    h.loop.after(0, "clear", () -> h.postReady("n", "True"));
    h.loop.after(0, "clear", () -> h.store.update(Node.class, null, "n", n -> {
      List<NodeCondition> next = new ArrayList<>();
      for (NodeCondition c : n.status().conditions()) {
        if (c.type().equals("Ready") || !c.type().equals(type)) {
          next.add(c);
        }
      }
      return n.withStatus(n.status().withConditions(next));
    }));
    h.runUntil(0.002);
    assertThat(h.hasTaint("n", key, Taint.NO_SCHEDULE)).isFalse();
  }

  @Test
  void unschedulableNodesAreTaintedUnschedulable() {
    h.addNode("n", ZONE_A);
    h.start(nlc);
    h.loop.after(0, "cordon", () -> h.store.update(Node.class, null, "n",
        n -> n.withSpec(n.spec().withUnschedulable(true))));
    h.runUntil(0.001);
    assertThat(h.hasTaint("n", NodeLifecycleController.TAINT_UNSCHEDULABLE, Taint.NO_SCHEDULE))
        .isTrue();
    h.loop.after(0, "uncordon", () -> h.store.update(Node.class, null, "n",
        n -> n.withSpec(n.spec().withUnschedulable(null))));
    h.runUntil(0.002);
    assertThat(h.node("n").spec().taints()).isEmpty();
  }

  @ParameterizedTest(name = "{0} never posted becomes Unknown, {1}")
  @CsvSource({"MemoryPressure", "DiskPressure", "PIDPressure"})
  void conditionsTheKubeletNeverPostedAreAddedAsNeverUpdated(String type) {
    twoNodesOneStopsAt60();
    h.runUntil(105);
    NodeCondition c = ControllerSupport.condition(h.node("dead"), type);
    assertThat(c.status()).isEqualTo("Unknown");
    assertThat(c.reason()).isEqualTo("NodeStatusNeverUpdated");
    assertThat(c.message()).isEqualTo("Kubelet never posted node status.");
  }

  @Test
  void aNodeThatNeverPostsStatusGetsTheOneMinuteStartupGrace() {
    h.addNode("alive", ZONE_A);
    h.heartbeat("alive", Double.MAX_VALUE);
    h.store.create(Node.of(ObjectMeta.named(null, "silent").withLabels(ZONE_A), NodeSpec.EMPTY,
        NodeStatus.EMPTY));
    h.start(nlc);
    h.runUntil(60);
    assertThat(h.ready("silent")).isNull();
    h.runUntil(65);
    NodeCondition c = ControllerSupport.condition(h.node("silent"), "Ready");
    assertThat(c.status()).isEqualTo("Unknown");
    assertThat(c.reason()).isEqualTo("NodeStatusNeverUpdated");
  }

  @Test
  void unreachableTaintsNoScheduleAtOnceAndNoExecuteAtTheNextPass() {
    twoNodesOneStopsAt60();
    h.runUntil(105);
    assertThat(h.hasTaint("dead", TAINT_UNREACHABLE, Taint.NO_SCHEDULE)).isTrue();
    assertThat(h.hasTaint("dead", TAINT_UNREACHABLE, Taint.NO_EXECUTE)).isFalse();
    // processTaintBaseEviction acts on the Ready status observed before the pass's own update, so
    // the node joins the zone's queue at 110 and the 100 ms tainting pass taints it at 110.1.
    h.runUntil(110.05);
    assertThat(h.hasTaint("dead", TAINT_UNREACHABLE, Taint.NO_EXECUTE)).isFalse();
    h.runUntil(110.1);
    Taint t = h.taint("dead", TAINT_UNREACHABLE, Taint.NO_EXECUTE);
    assertThat(t).isNotNull();
    assertThat(t.timeAdded()).isEqualTo("2026-01-01T00:01:50Z");
    assertThat(h.firstSeconds(SimEvent.Types.TAINT_ADDED, "dead", "taint",
        TAINT_UNREACHABLE + ":NoExecute")).isCloseTo(110.1, within(1e-9));
    assertThat(h.node("alive").spec().taints()).isEmpty();
  }

  @Test
  void recoveryRemovesTheTaints() {
    twoNodesOneStopsAt60();
    h.runUntil(200);
    assertThat(h.hasTaint("dead", TAINT_UNREACHABLE, Taint.NO_EXECUTE)).isTrue();
    h.loop.after(0, "kubelet back", () -> {
      h.renew("dead");
      h.postReady("dead", "True");
    });
    h.runUntil(200.001);
    // The NoSchedule taint follows the condition at once; NoExecute waits for the monitor pass.
    assertThat(h.hasTaint("dead", TAINT_UNREACHABLE, Taint.NO_SCHEDULE)).isFalse();
    assertThat(h.hasTaint("dead", TAINT_UNREACHABLE, Taint.NO_EXECUTE)).isTrue();
    h.runUntil(205);
    assertThat(h.node("dead").spec().taints()).isEmpty();
    assertThat(h.events(SimEvent.Types.TAINT_REMOVED, "dead", null)).hasSize(2);
  }

  @Test
  void notReadyPostedByTheKubeletTaintsNotReady() {
    twoNodesOneStopsAt60();
    h.runUntil(30);
    h.loop.after(0, "kubelet reports NotReady", () -> h.postReady("alive", "False"));
    h.runUntil(30.001);
    assertThat(h.hasTaint("alive", TAINT_NOT_READY, Taint.NO_SCHEDULE)).isTrue();
    h.runUntil(35.1);
    assertThat(h.hasTaint("alive", TAINT_NOT_READY, Taint.NO_EXECUTE)).isTrue();
  }

  @Test
  void unreachableSwapsToNotReadyAtOnce() {
    twoNodesOneStopsAt60();
    h.runUntil(111);
    assertThat(h.hasTaint("dead", TAINT_UNREACHABLE, Taint.NO_EXECUTE)).isTrue();
    h.loop.after(0, "kubelet reports NotReady", () -> {
      h.renew("dead");
      h.postReady("dead", "False");
    });
    h.runUntil(115);
    assertThat(h.hasTaint("dead", TAINT_NOT_READY, Taint.NO_EXECUTE)).isTrue();
    assertThat(h.hasTaint("dead", TAINT_UNREACHABLE, Taint.NO_EXECUTE)).isFalse();
  }

  @Test
  void podsOnANodeThatGoesUnknownAreMarkedNotReady() {
    twoNodesOneStopsAt60();
    h.addPod("default", "p", "dead", Map.of());
    h.addPod("default", "q", "alive", Map.of());
    h.runUntil(105);
    assertThat(h.pod("default", "p").status().condition("Ready").status()).isEqualTo("False");
    assertThat(h.pod("default", "q").status().condition("Ready").status()).isEqualTo("True");
  }

  @Test
  void noExecuteTaintsAreRateLimitedToOneNodePerTenSecondsPerZone() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String name = "n" + i;
      names.add(name);
      h.addNode(name, ZONE_A);
      h.heartbeat(name, i < 3 ? 60 : Double.MAX_VALUE);
    }
    h.start(nlc);
    h.runUntil(140);
    List<Double> times = new ArrayList<>();
    for (SimEvent e : h.log.ofType(SimEvent.Types.TAINT_ADDED)) {
      if (e.detail().get("taint").equals(TAINT_UNREACHABLE + ":NoExecute")) {
        times.add(e.seconds());
      }
    }
    // --node-eviction-rate 0.1 with burst 1: 3 of 10 down is a normal zone.
    assertThat(times).containsExactly(110.1, 120.1, 130.1);
    assertThat(nlc.zoneState(NodeLifecycleController.zoneKey(h.node("n0"))))
        .isEqualTo(ZoneState.NORMAL);
  }

  @ParameterizedTest(name = "{0} of {1} nodes down: {2}, {3} NoExecute taints by 300 s")
  @CsvSource({
      // 6 of 10 is >= 0.55 and more than 2: partial disruption; a small cluster stops tainting.
      "6, 10, PARTIAL_DISRUPTION, 0",
      // 2 of 3 is past the threshold but not more than 2 nodes: still normal.
      "2, 3, NORMAL, 2",
      // 60 of 100: partial disruption in a large cluster, --secondary-node-eviction-rate 0.01.
      "60, 100, PARTIAL_DISRUPTION, 2",
  })
  void zoneStatesSetTheEvictionRate(int down, int total, ZoneState state, int taints) {
    for (int i = 0; i < total; i++) {
      h.addNode(String.format("n%03d", i), ZONE_A);
      h.heartbeat(String.format("n%03d", i), i < down ? 60 : Double.MAX_VALUE);
    }
    h.start(nlc);
    h.runUntil(300);
    assertThat(nlc.zoneState(NodeLifecycleController.zoneKey(h.node("n000"))))
        .isEqualTo(state);
    int count = 0;
    for (SimEvent e : h.log.ofType(SimEvent.Types.TAINT_ADDED)) {
      count += e.detail().get("taint").endsWith(":NoExecute") ? 1 : 0;
    }
    assertThat(count).isEqualTo(taints);
  }

  @Test
  void whenEveryNodeIsDownNoNodeIsTaintedNoExecute() {
    h.addNode("only", ZONE_A);
    h.heartbeat("only", 60);
    h.start(nlc);
    h.runUntil(300);
    assertThat(h.ready("only")).isEqualTo("Unknown");
    assertThat(h.hasTaint("only", TAINT_UNREACHABLE, Taint.NO_EXECUTE)).isFalse();
    assertThat(h.hasTaint("only", TAINT_UNREACHABLE, Taint.NO_SCHEDULE)).isTrue();
    assertThat(nlc.zoneState(NodeLifecycleController.zoneKey(h.node("only"))))
        .isEqualTo(ZoneState.FULL_DISRUPTION);
    // The stopped tainting pass does not keep ticking every 100 ms (that would be ~1900 events).
    assertThat(h.loop.eventsRun()).isLessThan(300);
  }

  @Test
  void aStatusHeartbeatWithoutALeaseAlsoCounts() {
    h.addNode("alive", ZONE_A);
    h.heartbeat("alive", Double.MAX_VALUE);
    h.addNode("posting", ZONE_A);
    // --node-status-update-frequency 10s, posting a fresh lastHeartbeatTime, until 60 s.
    h.loop.every(10 * io.schedlab.sim.Durations.SECOND, "status", () -> {
      if (h.loop.nowNanos() <= 60 * io.schedlab.sim.Durations.SECOND) {
        h.postReady("posting", "True");
      }
    });
    h.start(nlc);
    h.runUntil(104.9);
    assertThat(h.ready("posting")).isEqualTo("True");
    h.runUntil(105);
    assertThat(h.ready("posting")).isEqualTo("Unknown");
  }

  @Test
  void leavingClusterWideDisruptionResumesTaintingWithADrainedLimiter() {
    h.addNode("a", ZONE_A);
    h.addNode("b", ZONE_A);
    h.heartbeat("a", 60);
    h.heartbeat("b", 60);
    h.start(nlc);
    h.runUntil(200);
    assertThat(h.ready("a")).isEqualTo("Unknown");
    assertThat(h.ready("b")).isEqualTo("Unknown");
    assertThat(h.log.ofType(SimEvent.Types.TAINT_ADDED)).allSatisfy(
        e -> assertThat(e.detail().get("taint")).endsWith(":NoSchedule"));
    h.loop.after(0, "a is back", () -> {
      h.renew("a");
      h.postReady("a", "True");
    });
    h.runUntil(230);
    // At 205 the zone is normal again; the new 0.1 qps limiter starts drained because the
    // never-accepting one it replaces had no token, so b (queued all along, the 100 ms pass
    // running) is tainted by the pass exactly 10 s later.
    assertThat(h.firstSeconds(SimEvent.Types.TAINT_ADDED, "b", "taint",
        TAINT_UNREACHABLE + ":NoExecute")).isCloseTo(215.0, within(1e-9));
    assertThat(h.hasTaint("a", TAINT_UNREACHABLE, Taint.NO_EXECUTE)).isFalse();
  }

  @Test
  void zonesAreKeyedByRegionAndZone() {
    Node n = Node.of(ObjectMeta.named(null, "n").withLabels(Map.of(
        "topology.kubernetes.io/region", "r", "topology.kubernetes.io/zone", "z")), null, null);
    assertThat(NodeLifecycleController.zoneKey(n)).isEqualTo("r:\u0000:z");
    assertThat(NodeLifecycleController.zoneKey(Node.of(ObjectMeta.named(null, "m"), null, null)))
        .isEmpty();
  }
}
