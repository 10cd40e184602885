package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeletPressureTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("memory over allocatable", "MemoryPressure",
            // 8Gi - 50Mi leaves less than evictionHard memory.available 100Mi
            Map.of(WorkloadAnnotations.USAGE_MEMORY, String.valueOf((8L << 30) - (50L << 20)))),
        Arguments.of("nodefs under 10 % free", "DiskPressure",
            Map.of(WorkloadAnnotations.USAGE_EPHEMERAL_STORAGE, String.valueOf(95L << 30))),
        Arguments.of("pids under the configured threshold", "PIDPressure",
            Map.of(WorkloadAnnotations.USAGE_PIDS, "990")));
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
  void pressureFollowsUsageWithTransitionPeriod(String name, String condition,
      Map<String, String> usage) {
    KubeletHarness h = new KubeletHarness();
    h.kubelet(KubeletHarness.node("n1", "4", "8Gi", List.of()),
        KubeletConfig.DEFAULTS.withPidPressure(1000, 20));
    Map<String, String> ann = new java.util.HashMap<>(usage);
    ann.put(WorkloadAnnotations.DURATION, "60s");
    ann.put(WorkloadAnnotations.EXIT_CODE, "0");
    h.store.create(KubeletHarness.pod("hog", "n1", ann));
    h.store.create(KubeletHarness.pod("calm", "n1", Map.of()));
    h.runTo(10.4); // one status period (10 s + jitter)
    assertThat(status(h, condition)).isEqualTo("True");
    List<String> changes = new ArrayList<>();
    for (SimEvent e : h.log.ofType(SimEvent.Types.NODE_CONDITION)) {
      changes.add(e.detail().get("condition") + "=" + e.detail().get("status"));
    }
    assertThat(changes).containsExactly(condition + "=True");
    // The hog is restarted (Always) so usage continues; delete it at 100 s.
    h.runTo(100);
    h.store.delete(io.schedlab.api.Pod.class, "default", "hog");
    h.runTo(100 + 290);
    assertThat(status(h, condition)).as("held for the 5-minute transition period")
        .isEqualTo("True");
    h.runTo(100 + 300 + 10.4 + 10.4);
    assertThat(status(h, condition)).isEqualTo("False");
  }
}
