package io.schedlab.controller.workload;

import static io.schedlab.controller.workload.Harness.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodStatus;
import io.schedlab.sim.VirtualClock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeletionRankingTest {
  private static final Instant EPOCH = VirtualClock.DEFAULT_EPOCH;
  private static final long NOW = 1000 * S;

  private static Pod pod(String uid, String node, String phase, Long readyAt, long createdAt,
      String cost) {
    ObjectMeta m = ObjectMeta.named("default", uid).withUid(uid)
        .withCreationTimestamp(VirtualClock.rfc3339(EPOCH, createdAt));
    if (cost != null) {
      m = m.withAnnotations(Map.of(DeletionRanking.DELETION_COST_ANNOTATION, cost));
    }
    PodStatus st = PodStatus.EMPTY.withPhase(phase);
    if (readyAt != null) {
      st = st.withCondition(new PodCondition("Ready", "True", null, null,
          VirtualClock.rfc3339(EPOCH, readyAt)));
    }
    return Pod.of(m, null, st).withNodeName(node);
  }

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("unassigned before assigned",
            pod("a", null, "Running", null, 0, null), pod("b", "n1", "Pending", null, 0, null)),
        Arguments.of("pending before running",
            pod("a", "n1", "Pending", null, 0, null), pod("b", "n1", "Running", null, 0, null)),
        Arguments.of("unknown before running",
            pod("a", "n1", "Unknown", null, 0, null), pod("b", "n1", "Running", null, 0, null)),
        Arguments.of("not ready before ready",
            pod("a", "n1", "Running", null, 0, null), pod("b", "n1", "Running", 0L, 0, null)),
        Arguments.of("lower deletion cost first",
            pod("a", "n1", "Running", 0L, 0, "-5"), pod("b", "n1", "Running", 0L, 0, null)),
        Arguments.of("doubled-up node first",
            pod("a", "n2", "Running", 0L, 0, null), pod("b", "n1", "Running", 0L, 0, null)),
        Arguments.of("more recently ready first (other log2 bucket)",
            pod("a", "n1", "Running", 900 * S, 0, null),
            pod("b", "n1", "Running", 100 * S, 0, null)),
        Arguments.of("same log2 bucket of ready age: by uid",
            pod("a", "n1", "Running", 100 * S, 0, null),
            pod("b", "n1", "Running", 101 * S, 0, null)),
        Arguments.of("newer creation first",
            pod("a", "n1", "Running", 0L, 800 * S, null),
            pod("b", "n1", "Running", 0L, 10 * S, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void firstIsDeletedFirst(String name, Pod first, Pod second) {
    // n2 carries two related pods, n1 one.
    Map<String, Integer> onNode = Map.of("n1", 1, "n2", 2);
    var cmp = DeletionRanking.comparator(onNode, NOW, EPOCH);
    assertThat(cmp.compare(first, second)).isNegative();
    assertThat(cmp.compare(second, first)).isPositive();
  }
}
