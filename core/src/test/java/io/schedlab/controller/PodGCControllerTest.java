package io.schedlab.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Taint;
import io.schedlab.cluster.SimEvent;
import io.schedlab.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodGCControllerTest {
  private final Harness h = new Harness();

  private void at(double seconds, Runnable action) {
    h.loop.schedule(Durations.seconds(seconds), "test", action);
  }

  private double deletedAt(String pod) {
    for (SimEvent e : h.log.ofType(SimEvent.Types.CONTROLLER_ACTION)) {
      if (("default/" + pod).equals(e.pod()) && "delete".equals(e.detail().get("action"))) {
        return e.seconds();
      }
    }
    return Double.NaN;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // gc passes at 0, 20, 40, ...; a node found missing is deleted 40 s later.
      "'pod on a node that never existed, created at 5: found at 20, deleted at 60', -1, -1, 60",
      "'node deleted at 30: found at 40, deleted at 80', 30, -1, 80",
      "'node deleted at 30 and back at 50: kept', 30, 50, -1",
  })
  void orphanedPodsAreDeletedAfterTheQuarantine(String name, double nodeDeletedAt,
      double nodeBackAt, double expected) {
    if (nodeDeletedAt >= 0) {
      h.addNode("n", Map.of());
      at(nodeDeletedAt, () -> h.store.delete(Node.class, null, "n"));
    }
    if (nodeBackAt >= 0) {
      at(nodeBackAt, () -> h.addNode("n", Map.of()));
    }
    at(5, () -> h.addPod("default", "p", "n", Map.of()));
    List<Pod> seen = new ArrayList<>();
    h.store.watch(Pod.class, e -> seen.add(e.object()));
    h.start(new PodGCController());
    h.runUntil(200);
    if (expected < 0) {
      assertThat(h.pod("default", "p")).isNotNull();
      return;
    }
    assertThat(deletedAt("p")).isEqualTo(expected);
    assertThat(h.pod("default", "p")).isNull();
    Pod last = seen.get(seen.size() - 1);
    assertThat(last.status().phase()).isEqualTo("Failed");
    assertThat(last.status().condition("DisruptionTarget").reason()).isEqualTo("DeletionByPodGC");
  }

  @Test
  void terminatedPodsBeyondTheThresholdGoEvictedFirstThenOldest() {
    h.addNode("n", Map.of());
    String[][] pods = {
        {"old", "Succeeded", "", "2025-01-01T00:00:01Z"},
        {"mid", "Failed", "", "2025-01-01T00:00:02Z"},
        {"new", "Succeeded", "", "2025-01-01T00:00:03Z"},
        {"newest-evicted", "Failed", "Evicted", "2025-01-01T00:00:04Z"},
        {"also-old", "Succeeded", "", "2025-01-01T00:00:01Z"},
        {"running", "Running", "", "2024-01-01T00:00:00Z"},
    };
    for (String[] p : pods) {
      PodStatus status = new PodStatus(p[1], null, null, null, null, null,
          p[2].isEmpty() ? null : p[2], null, null);
      h.store.create(Pod.of(ObjectMeta.named("default", p[0]).withCreationTimestamp(p[3]),
          PodSpec.EMPTY.withNodeName("n"), status));
    }
    h.start(new PodGCController(3));
    h.runUntil(1);
    // Five terminated, threshold three: the evicted one, then the oldest (name breaks the tie).
    assertThat(h.pod("default", "newest-evicted")).isNull();
    assertThat(h.pod("default", "also-old")).isNull();
    for (String kept : List.of("old", "mid", "new", "running")) {
      assertThat(h.pod("default", kept)).as(kept).isNotNull();
    }
  }

  @Test
  void theDefaultThresholdKeepsTwelveThousandFiveHundredTerminatedPods() {
    assertThat(PodGCController.DEFAULT_TERMINATED_POD_THRESHOLD).isEqualTo(12500);
    h.addNode("n", Map.of());
    for (int i = 0; i < 3; i++) {
      h.store.create(Pod.of(ObjectMeta.named("default", "p" + i),
          PodSpec.EMPTY.withNodeName("n"), PodStatus.EMPTY.withPhase("Succeeded")));
    }
    h.start(new PodGCController());
    h.runUntil(100);
    assertThat(h.store.count(Pod.class)).isEqualTo(3);
  }

  @Test
  void terminatingPodsOnOutOfServiceNotReadyNodesAreMarkedFailed() {
    Node n = h.addNode("n", Map.of());
    h.postReady("n", "False");
    h.store.update(Node.class, null, "n", x -> x.withSpec(x.spec().withTaints(
        List.of(Taint.of("node.kubernetes.io/out-of-service", "nodeshutdown", "NoExecute")))));
    for (String name : List.of("stuck", "unscheduled")) {
      h.store.create(Pod.of(ObjectMeta.named("default", name).withFinalizers(List.of("test/hold")),
          PodSpec.EMPTY.withNodeName(name.equals("stuck") ? n.metadata().name() : null),
          PodStatus.EMPTY.withPhase("Running")));
      h.store.delete(Pod.class, "default", name);
    }
    h.start(new PodGCController());
    h.runUntil(1);
    // Deletion with grace 0 still waits for finalizers; the pods are Failed and terminating.
    for (String name : List.of("stuck", "unscheduled")) {
      assertThat(h.pod("default", name).status().phase()).as(name).isEqualTo("Failed");
      assertThat(deletedAt(name)).as(name).isEqualTo(0.0);
    }
  }
}
