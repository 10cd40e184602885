package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import io.schedlab.cluster.SimEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeletAdmissionTest {

  /** A 4-cpu 8Gi node with 2 example.com/gpu, already running "first" (1 cpu, 1Gi). */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("fits", Map.of("cpu", "2", "memory", "1Gi"), null, null, null),
        Arguments.of("too much cpu", Map.of("cpu", "3500m"), null, "OutOfcpu",
            "Node didn't have enough resource: cpu, requested: 3500, used: 1000, capacity: 4000"),
        Arguments.of("too much memory", Map.of("memory", "8Gi"), null, "OutOfmemory",
            "Node didn't have enough resource: memory, requested: 8589934592, used: 1073741824, "
                + "capacity: 8485076992"),
        Arguments.of("cpu is checked before memory", Map.of("cpu", "4", "memory", "8Gi"), null,
            "OutOfcpu", null),
        Arguments.of("extended resource", Map.of("example.com/gpu", "3"), null,
            "OutOfexample.com/gpu",
            "Node didn't have enough resource: example.com/gpu, requested: 3, used: 0, "
                + "capacity: 2"),
        Arguments.of("extended resource the node lacks is ignored",
            Map.of("example.com/fpga", "1"), null, null, null),
        Arguments.of("node selector mismatch", Map.of(), "selector", "NodeAffinity",
            "Predicate NodeAffinity failed: node(s) didn't match Node affinity"),
        Arguments.of("untolerated NoExecute taint", Map.of(), "noexec", "TaintToleration",
            "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate"),
        Arguments.of("tolerated NoExecute taint", Map.of(), "tolerated", null, null),
        Arguments.of("NoSchedule taints are the scheduler's business", Map.of(), "nosched", null,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void admission(String name, Map<String, String> requests, String twist, String reason,
      String message) {
    KubeletHarness h = new KubeletHarness();
    List<Taint> taints = switch (twist == null ? "" : twist) {
      case "noexec", "tolerated" -> List.of(Taint.of("dedicated", "x", Taint.NO_EXECUTE));
      case "nosched" -> List.of(Taint.of("dedicated", "x", Taint.NO_SCHEDULE));
      default -> List.of();
    };
    Node template = KubeletHarness.node("n1", "4", "8Gi", taints);
    Map<String, Quantity> cap = new LinkedHashMap<>(template.status().capacity());
    cap.put("example.com/gpu", Quantity.parse("2"));
    template = template.withStatus(template.status().withCapacity(cap));
    h.kubelet(template, KubeletConfig.DEFAULTS);
    h.store.create(KubeletHarness.pod("first", "n1", KubeletHarness.PRESENT_IMAGE,
        Map.of("cpu", "1", "memory", "1Gi"), Map.of()));
    h.runTo(1);
    Pod pod = KubeletHarness.pod("p", "n1", KubeletHarness.PRESENT_IMAGE, requests, Map.of());
    if ("selector".equals(twist)) {
      pod = pod.withSpec(pod.spec().withNodeSelector(Map.of("zone", "b")));
    }
    if ("tolerated".equals(twist)) {
      pod = pod.withSpec(pod.spec().withTolerations(List.of(
          new Toleration("dedicated", "Exists", null, "NoExecute", null))));
    }
    h.store.create(pod);
    h.runTo(2);
    Pod p = h.get("p");
    if (reason == null) {
      assertThat(p.status().phase()).isEqualTo("Running");
      assertThat(h.times(SimEvent.Types.POD_REJECTED, "default/p")).isEmpty();
      return;
    }
    assertThat(p.status().phase()).isEqualTo("Failed");
    assertThat(p.status().reason()).isEqualTo(reason);
    if (message != null) {
      assertThat(p.status().message()).isEqualTo(message);
    }
    assertThat(h.times(SimEvent.Types.POD_REJECTED, "default/p")).containsExactly(1.0);
  }

  @org.junit.jupiter.api.Test
  void podCountIsCheckedFirst() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet(KubeletHarness.node("n1", "4", "8Gi", List.of()),
        new KubeletConfig(KubeletConfig.DEFAULTS.nodeStatusUpdateFrequencyNanos(),
            KubeletConfig.DEFAULTS.nodeStatusReportFrequencyNanos(), 40, null, null,
            100L << 20, 10, 0, KubeletConfig.DEFAULTS.evictionPressureTransitionPeriodNanos(), 1,
            4_194_304L, 50_000_000L, 1_000_000_000L, 100_000_000L, true, "v1.34.0", null, null));
    h.store.create(KubeletHarness.pod("a", "n1", Map.of()));
    h.store.create(KubeletHarness.pod("b", "n1", KubeletHarness.PRESENT_IMAGE,
        Map.of("cpu", "40"), Map.of()));
    h.runTo(1);
    assertThat(h.get("a").status().phase()).isEqualTo("Running");
    assertThat(h.get("b").status().reason()).isEqualTo("OutOfpods");
    assertThat(h.get("b").status().message())
        .isEqualTo("Node didn't have enough resource: pods, requested: 1, used: 1, capacity: 1");
  }

  @org.junit.jupiter.api.Test
  void deletedPodsFreeTheirResources() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(KubeletHarness.pod("a", "n1", KubeletHarness.PRESENT_IMAGE,
        Map.of("cpu", "3"), Map.of()));
    h.runTo(1);
    h.store.delete(Pod.class, "default", "a");
    h.runTo(2);
    h.store.create(KubeletHarness.pod("b", "n1", KubeletHarness.PRESENT_IMAGE,
        Map.of("cpu", "3"), Map.of()));
    h.runTo(3);
    assertThat(h.get("b").status().phase()).isEqualTo("Running");
  }
}
