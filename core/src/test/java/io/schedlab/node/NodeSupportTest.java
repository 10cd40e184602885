package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.ContainerState;
import io.schedlab.api.ContainerStateTerminated;
import io.schedlab.api.ContainerStatus;
import io.schedlab.api.Pod;
import io.schedlab.api.PodStatus;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.sim.Durations;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeSupportTest {

  @Test
  void addressesComeInOrderSkippingTheNetworkAddress() {
    Ipv4Range r = new Ipv4Range("10.1.2.0/30");
    assertThat(r.next()).isEqualTo("10.1.2.1");
    assertThat(r.next()).isEqualTo("10.1.2.2");
    assertThatThrownBy(r::next).hasMessageContaining("no addresses left");
  }

  static Stream<Arguments> subnets() {
    return Stream.of(
        Arguments.of("10.244.0.0/16", 24, 0L, "10.244.0.0/24"),
        Arguments.of("10.244.0.0/16", 24, 7L, "10.244.7.0/24"),
        Arguments.of("10.0.0.0/8", 20, 17L, "10.1.16.0/20"));
  }

  @ParameterizedTest(name = "{0} /{1} #{2}")
  @MethodSource("subnets")
  void subnetsOfACidr(String cidr, int mask, long index, String expected) {
    assertThat(Ipv4Range.subnet(cidr, mask, index)).isEqualTo(expected);
  }

  @Test
  void releasedAddressesAreReusedRoundRobin() {
    Ipv4Range r = new Ipv4Range("10.1.2.0/29"); // .1 to .6
    for (int i = 1; i <= 6; i++) {
      assertThat(r.next()).isEqualTo("10.1.2." + i);
    }
    r.release("10.1.2.3");
    r.release("10.1.2.5");
    assertThat(r.next()).isEqualTo("10.1.2.3");
    assertThat(r.next()).isEqualTo("10.1.2.5");
    assertThatThrownBy(r::next).hasMessageContaining("no addresses left");
  }

  @Test
  void badCidrIsNamed() {
    assertThatThrownBy(() -> new Ipv4Range("10.0.0.0")).hasMessageContaining("a.b.c.d/n");
    assertThatThrownBy(() -> new Ipv4Range("10.0.300.0/8")).hasMessageContaining("300");
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("90s", 90 * Durations.SECOND),
        Arguments.of("1h30m", 90 * Durations.MINUTE),
        Arguments.of("2.5", Durations.seconds(2.5)),
        Arguments.of("0", 0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durations")
  void durationAnnotationTakesGoDurationsOrSeconds(String text, long nanos) {
    Pod pod = KubeletHarness.pod("p", "n", Map.of(WorkloadAnnotations.DURATION, text));
    assertThat(WorkloadAnnotations.duration(pod, WorkloadAnnotations.DURATION, -1))
        .isEqualTo(nanos);
  }

  @Test
  void traceDurationAndUsageBecomeAnnotations() {
    Pod pod = WorkloadAnnotations.annotate(KubeletHarness.pod("p", "n", Map.of()),
        Durations.seconds(90.5), Map.of("memory", io.schedlab.api.Quantity.parse("1Gi"),
            "cpu", io.schedlab.api.Quantity.parse("2")));
    assertThat(WorkloadAnnotations.duration(pod, WorkloadAnnotations.DURATION, -1))
        .isEqualTo(Durations.seconds(90.5));
    assertThat(WorkloadAnnotations.number(pod, WorkloadAnnotations.USAGE_MEMORY, 0))
        .isEqualTo(1L << 30);
    assertThat(pod.metadata().annotations().get(WorkloadAnnotations.USAGE_CPU)).isEqualTo("2000");
    assertThat(pod.metadata().annotations()).hasSize(3);
    Pod forever = WorkloadAnnotations.annotate(KubeletHarness.pod("p", "n", Map.of()), -1, null);
    assertThat(forever.metadata().annotations()).isEmpty();
  }

  @Test
  void badAnnotationsAreNamed() {
    Pod pod = KubeletHarness.pod("p", "n", Map.of(WorkloadAnnotations.DURATION, "soon",
        WorkloadAnnotations.EXIT_CODE, "300"));
    assertThatThrownBy(() -> WorkloadAnnotations.duration(pod, WorkloadAnnotations.DURATION, -1))
        .hasMessage("pod default/p annotation schedlab.io/duration: expected a duration like "
            + "\"90s\" or seconds, got \"soon\"");
    assertThatThrownBy(() -> WorkloadAnnotations.exitCode(pod))
        .hasMessageContaining("expected an exit code 0..255, got 300");
  }

  @Test
  void containerStatusesSurviveTheCodec() {
    ContainerStatus cs = new ContainerStatus("main", "img", null, true, 3, true,
        ContainerState.running("2026-01-01T00:00:05Z"),
        ContainerState.terminated(new ContainerStateTerminated(0, "Completed", null,
            "2026-01-01T00:00:00Z", "2026-01-01T00:00:04Z")));
    PodStatus status = PodStatus.EMPTY.withPhase("Running").withContainerStatuses(List.of(cs));
    Pod pod = KubeletHarness.pod("p", "n", Map.of()).withStatus(status);
    String json = KubeCodec.toJson(pod);
    assertThat(json).contains("\"exitCode\":0").contains("\"restartCount\":3");
    Pod back = KubeCodec.read(json, Pod.class);
    assertThat(back.status().containerStatuses()).containsExactly(cs);
    assertThat(back.status().withPhase("Failed").containerStatuses()).containsExactly(cs);
  }

  @Test
  void podDeletionGracePeriodFollowsThePodStrategy() {
    Pod bound = KubeletHarness.pod("p", "n", Map.of());
    assertThat(PodDeletion.gracePeriod(bound, null)).isEqualTo(30);
    assertThat(PodDeletion.gracePeriod(bound, 7L)).isEqualTo(7);
    assertThat(PodDeletion.gracePeriod(bound.withNodeName(null), null)).isZero();
    assertThat(PodDeletion.gracePeriod(bound.withStatus(PodStatus.EMPTY.withPhase("Succeeded")),
        null)).isZero();
  }
}
