package io.schedlab.plugins.defaultpreemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Pod;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.testing.PodBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each of pickOneNodeForPreemption's criteria deciding on its own. */
class PickOneNodeTest {
  private static final ResourceRegistry RESOURCES = new ResourceRegistry();
  private static final LabelInterner LABELS = new LabelInterner();
  private static final StartTimes START_TIMES = new StartTimes(Instant.parse("2026-01-01T00:00:00Z"));

  /** A victim "priority" or "priority@startTime"; victims are listed most important first. */
  private static Candidate candidate(String node, int pdbViolations, String... victims) {
    List<PodInfo> pods = new ArrayList<>();
    for (String v : victims) {
      String[] parts = v.split("@");
      PodBuilder b = PodBuilder.pod(node + "-" + pods.size()).priority(Integer.parseInt(parts[0]));
      Pod pod = b.build();
      if (parts.length > 1) {
        pod = pod.withStatus(pod.status().withStartTime(parts[1]));
      }
      pods.add(new PodInfo(pod, RESOURCES, LABELS));
    }
    return new Candidate(node, pods, pdbViolations);
  }

  static Stream<Arguments> cases() {
    String t1 = "2025-01-01T00:00:01Z";
    String t2 = "2025-01-01T00:00:02Z";
    return Stream.of(
        Arguments.of("fewest PDB violations", List.of(
            candidate("a", 1, "0"), candidate("b", 0, "100", "100")), "b"),
        Arguments.of("lowest highest victim priority", List.of(
            candidate("a", 0, "100"), candidate("b", 0, "50", "50", "50")), "b"),
        Arguments.of("smallest sum of shifted priorities", List.of(
            candidate("a", 0, "100", "100"), candidate("b", 0, "100", "-100")), "b"),
        Arguments.of("negative priorities do not make more victims cheaper", List.of(
            candidate("a", 0, "-100", "-100", "-100"), candidate("b", 0, "-100")), "b"),
        // Shifted sums tie (0 + 2^31 = 0 + MIN_VALUE + 2*2^31): the count decides.
        Arguments.of("fewest victims", List.of(
            candidate("a", 0, "0", String.valueOf(Integer.MIN_VALUE)), candidate("b", 0, "0")), "b"),
        // Only the highest-priority victims count: b's earlier low-priority victim does not.
        Arguments.of("latest earliest start of the highest-priority victims", List.of(
            candidate("b", 0, "100@" + t2, "0@" + t1), candidate("a", 0, "100@" + t2, "0@" + t2),
            candidate("c", 0, "100@" + t1, "0@" + t2)), "b"),
        Arguments.of("no start time counts as now", List.of(
            candidate("a", 0, "100@" + t2), candidate("b", 0, "100")), "b"),
        Arguments.of("full tie takes the first", List.of(
            candidate("a", 0, "100@" + t1), candidate("b", 0, "100@" + t1)), "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void picks(String name, List<Candidate> candidates, String want) {
    assertThat(DefaultPreemption.pickOneNodeForPreemption(candidates, START_TIMES).nodeName())
        .isEqualTo(want);
  }
}
