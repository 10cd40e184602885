package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.Pod;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeletPressureTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // 8Gi - 50Mi leaves less than evictionHard memory.available 100Mi
        Arguments.of("memory over allocatable", "MemoryPressure", "memory",
            Map.of(WorkloadAnnotations.USAGE_MEMORY, String.valueOf((8L << 30) - (50L << 20))),
            "The node was low on resource: memory. Threshold quantity: 100Mi, available: "
                + "50Mi. Container main was using 8142Mi, request is 0, has larger "
                + "consumption of memory. "),
        Arguments.of("nodefs under 10 % free", "DiskPressure", "ephemeral-storage",
            Map.of(WorkloadAnnotations.USAGE_EPHEMERAL_STORAGE, String.valueOf(95L << 30)),
            null),
        Arguments.of("pids under the configured threshold", "PIDPressure", "pids",
            Map.of(WorkloadAnnotations.USAGE_PIDS, "990"),
            "The node was low on resource: pids. Threshold quantity: 20, available: 10. "));
  }

  private static String status(KubeletHarness h, String type) {
    for (NodeCondition c : h.store.get(Node.class, null, "n1").status().conditions()) {
      if (c.type().equals(type)) {
        return c.status();
      }
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hardEvictionAndPressureWithTransitionPeriod(String name, String condition,
      String resource, Map<String, String> usage, String message) {
    KubeletHarness h = new KubeletHarness();
    h.kubelet(KubeletHarness.node("n1", "4", "8Gi", List.of()),
        KubeletConfig.DEFAULTS.withPidPressure(1000, 20));
    h.store.create(KubeletHarness.pod("hog", "n1", new HashMap<>(usage)));
    h.store.create(KubeletHarness.pod("calm", "n1", Map.of()));
    h.runTo(10); // the eviction manager's first pass (monitoring period 10 s)
    assertThat(h.times(SimEvent.Types.POD_EVICTED, "default/hog")).containsExactly(10.0);
    Pod hog = h.get("hog");
    assertThat(hog.status().phase()).isEqualTo("Failed");
    assertThat(hog.status().reason()).isEqualTo("Evicted");
    if (message != null) {
      assertThat(hog.status().message()).isEqualTo(message);
    }
    assertThat(hog.status().condition("DisruptionTarget").reason())
        .isEqualTo("TerminationByKubelet");
    assertThat(h.get("calm").status().phase()).isEqualTo("Running");
    h.runTo(20.8); // the next status update (10 s + jitter) reports it
    assertThat(status(h, condition)).isEqualTo("True");
    List<String> changes = new ArrayList<>();
    for (SimEvent e : h.log.ofType(SimEvent.Types.NODE_CONDITION)) {
      changes.add(e.detail().get("condition") + "=" + e.detail().get("status"));
    }
    assertThat(changes).containsExactly(condition + "=True");
    h.runTo(305);
    assertThat(status(h, condition)).as("held for the 5-minute transition period")
        .isEqualTo("True");
    h.runTo(310 + 10.4);
    assertThat(status(h, condition)).isEqualTo("False");
    assertThat(h.log.ofType(SimEvent.Types.POD_EVICTED)).hasSize(1);
    assertThat(h.log.ofType(SimEvent.Types.POD_EVICTED).get(0).detail())
        .containsEntry("resource", resource);
  }
}
