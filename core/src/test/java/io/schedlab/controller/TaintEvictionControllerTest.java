package io.schedlab.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaintEvictionControllerTest {
  private static final Map<String, String> ZONE_A = Map.of("topology.kubernetes.io/zone", "a");
  private final Harness h = new Harness();
  private final TaintEvictionController tec = new TaintEvictionController();

  private static Toleration tol(String key, Long seconds) {
    return new Toleration(key, "Exists", null, "NoExecute", seconds);
  }

  private Pod pod(String name, String node, List<Toleration> tolerations) {
    PodStatus status = PodStatus.EMPTY.withPhase("Running");
    return h.store.create(Pod.of(ObjectMeta.named("default", name),
        PodSpec.EMPTY.withNodeName(node).withTolerations(tolerations), status));
  }

  private void taintAt(double seconds, String node, String... keys) {
    h.loop.schedule(io.schedlab.sim.Durations.seconds(seconds), "taint", () ->
        h.store.update(Node.class, null, node, n -> {
          List<Taint> taints = new ArrayList<>();
          for (String k : keys) {
            taints.add(Taint.of(k, null, Taint.NO_EXECUTE));
          }
          return n.withSpec(n.spec().withTaints(taints));
        }));
  }

  private double evictedAt(String pod) {
    SimEvent e = h.first(SimEvent.Types.POD_EVICTED, null, "default/" + pod);
    return e == null ? Double.NaN : e.seconds();
  }

  static Stream<Arguments> tolerationCases() {
    return Stream.of(
        Arguments.of("no toleration: evicted when tainted", List.of("k"), List.of(), 10.0),
        Arguments.of("tolerated forever: never", List.of("k"), List.of(tol("k", null)),
            Double.NaN),
        Arguments.of("tolerationSeconds 30", List.of("k"), List.of(tol("k", 30L)), 40.0),
        Arguments.of("tolerationSeconds 0 is now", List.of("k"), List.of(tol("k", 0L)), 10.0),
        Arguments.of("negative tolerationSeconds is now", List.of("k"), List.of(tol("k", -5L)),
            10.0),
        Arguments.of("the smallest matching tolerationSeconds wins", List.of("k", "j"),
            List.of(tol("k", null), tol("j", 60L)), 70.0),
        Arguments.of("one untolerated taint of two: now", List.of("k", "j"),
            List.of(tol("k", 60L)), 10.0),
        Arguments.of("only the first matching toleration counts", List.of("k"),
            List.of(tol("k", 100L), tol("", 5L)), 110.0),
        Arguments.of("an empty key tolerates every NoExecute taint", List.of("k", "j"),
            List.of(tol("", 20L)), 30.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tolerationCases")
  void evictsByTheTolerationsTheTaintsMatch(String name, List<String> taints,
      List<Toleration> tolerations, double expected) {
    h.addNode("n", ZONE_A);
    pod("p", "n", tolerations);
    h.start(tec);
    taintAt(10, "n", taints.toArray(String[]::new));
    h.runUntil(500);
    if (Double.isNaN(expected)) {
      assertThat(h.pod("default", "p")).isNotNull();
      assertThat(h.events(SimEvent.Types.POD_EVICTED, null, null)).isEmpty();
    } else {
      assertThat(evictedAt("p")).isEqualTo(expected);
      assertThat(h.pod("default", "p").metadata().deletionTimestamp()).isNotNull();
    }
  }

  @Test
  void removingTheTaintCancelsTheEviction() {
    h.addNode("n", ZONE_A);
    pod("p", "n", List.of(tol("k", 30L)));
    h.start(tec);
    taintAt(10, "n", "k");
    taintAt(20, "n");
    h.runUntil(100);
    assertThat(h.pod("default", "p")).isNotNull();
    assertThat(tec.isScheduled("default/p")).isFalse();
  }

  @Test
  void aLaterTaintDoesNotPostponeAnEarlierEviction() {
    h.addNode("n", ZONE_A);
    pod("p", "n", List.of(tol("k", 30L), tol("j", 30L)));
    h.start(tec);
    taintAt(10, "n", "k");
    taintAt(20, "n", "k", "j");
    h.runUntil(100);
    assertThat(evictedAt("p")).isEqualTo(40.0);
  }

  @Test
  void aPodBoundToATaintedNodeWaitsItsTolerationFromBinding() {
    h.addNode("n", ZONE_A);
    h.start(tec);
    taintAt(10, "n", "k");
    h.loop.schedule(io.schedlab.sim.Durations.seconds(50), "bind",
        () -> pod("p", "n", List.of(tol("k", 30L))));
    h.runUntil(200);
    assertThat(evictedAt("p")).isEqualTo(80.0);
  }

  @Test
  void theEvictedPodGetsTheDisruptionTargetConditionBeforeDeletion() {
    h.addNode("n", ZONE_A);
    pod("p", "n", List.of());
    List<Pod> seen = new ArrayList<>();
    h.store.watch(Pod.class, e -> seen.add(e.object()));
    h.start(tec);
    taintAt(10, "n", "k");
    h.runUntil(11);
    Pod last = seen.get(seen.size() - 1);
    assertThat(last.status().condition("DisruptionTarget").reason())
        .isEqualTo("DeletionByTaintManager");
    assertThat(h.pod("default", "p").metadata().deletionTimestamp()).isNotNull();
  }

  @Test
  void aNodeThatStopsHeartbeatingLosesItsDefaultToleratingPodsAfterFiveMinutes() {
    h.start(new DefaultTolerationSeconds());
    h.addNode("alive", ZONE_A);
    h.addNode("dead", ZONE_A);
    h.heartbeat("alive", Double.MAX_VALUE);
    h.heartbeat("dead", 60);
    h.addPod("default", "victim", "dead", Map.of());
    h.addPod("default", "bystander", "alive", Map.of());
    h.start(new NodeLifecycleController(), tec);
    h.runUntil(410);
    assertThat(h.pod("default", "victim")).isNotNull();
    h.runUntil(411);
    // Unknown at 105, unreachable:NoExecute at 110.1, plus the default 300 s toleration.
    assertThat(evictedAt("victim")).isCloseTo(410.1, within(1e-9));
    assertThat(h.pod("default", "victim").metadata().deletionTimestamp()).isNotNull();
    assertThat(h.pod("default", "bystander")).isNotNull();
    SimEvent e = h.first(SimEvent.Types.POD_EVICTED, "dead", "default/victim");
    assertThat(e.detail()).containsEntry("taint", "node.kubernetes.io/unreachable:NoExecute");
  }
}
