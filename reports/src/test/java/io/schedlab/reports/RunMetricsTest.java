package io.schedlab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.cluster.ClusterSampler;
import io.schedlab.cluster.PodMetrics;
import io.schedlab.cluster.SimEvent;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
  private static final long S = 1_000_000_000L;

  static Stream<Arguments> percentiles() {
    return Stream.of(
        Arguments.of("single value", new double[] {4}, 95.0, 4.0),
        Arguments.of("median of even count", new double[] {1, 2, 3, 4}, 50.0, 2.5),
        Arguments.of("p95 interpolates", new double[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100},
            95.0, 95.0),
        Arguments.of("p0 is the minimum", new double[] {3, 7}, 0.0, 3.0),
        Arguments.of("p100 is the maximum", new double[] {3, 7}, 100.0, 7.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("percentiles")
  void percentile(String name, double[] sorted, double p, double expected) {
    assertThat(RunMetrics.percentile(sorted, p)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void percentileOfNothingIsNaNAndOutOfRangeIsAnError() {
    assertThat(RunMetrics.percentile(new double[0], 50)).isNaN();
    assertThatThrownBy(() -> RunMetrics.percentile(new double[] {1}, 101))
        .hasMessageContaining("percentile");
  }

  @Test
  void definitionsHaveUniqueNamesAndDirections() {
    Set<String> names = new HashSet<>();
    for (Metric m : RunMetrics.DEFINITIONS) {
      assertThat(names.add(m.name())).as(m.name()).isTrue();
      assertThat(m.direction()).isNotNull();
    }
    assertThat(RunMetrics.definition("pods_scheduled").direction())
        .isEqualTo(Metric.Direction.HIGHER_IS_BETTER);
    assertThat(RunMetrics.definition("queueing_delay_p95_s").direction())
        .isEqualTo(Metric.Direction.LOWER_IS_BETTER);
    assertThatThrownBy(() -> RunMetrics.definition("nope")).hasMessageContaining("\"nope\"");
  }

  @Test
  void podTimesBecomeMetricsAndSamples() {
    PodMetrics pods = new PodMetrics();
    for (SimEvent e : new SimEvent[] {
        SimEvent.of(0, SimEvent.Types.POD_CREATED, null, "d/a"),
        SimEvent.of(0, SimEvent.Types.POD_CREATED, null, "d/b"),
        SimEvent.of(0, SimEvent.Types.POD_CREATED, null, "d/c"),
        SimEvent.of(1 * S, SimEvent.Types.POD_UNSCHEDULABLE, null, "d/b"),
        SimEvent.of(1 * S, SimEvent.Types.POD_UNSCHEDULABLE, null, "d/c"),
        SimEvent.of(2 * S, SimEvent.Types.POD_SCHEDULED, "n", "d/a"),
        SimEvent.of(3 * S, SimEvent.Types.POD_BOUND, "n", "d/a"),
        SimEvent.of(6 * S, SimEvent.Types.POD_SCHEDULED, "n", "d/b"),
        SimEvent.of(6 * S, SimEvent.Types.POD_BOUND, "n", "d/b"),
        SimEvent.of(10 * S, SimEvent.Types.POD_COMPLETED, "n", "d/a")}) {
      pods.record(e);
    }
    RunResult r = RunMetrics.of("p", 7, pods, new ClusterSampler(), null);
    assertThat(r.metrics()).containsEntry("pods_scheduled", 2.0)
        .containsEntry("pods_unschedulable", 1.0)
        .containsEntry("queueing_delay_mean_s", 4.0)
        .containsEntry("queueing_delay_p50_s", 4.0)
        .containsEntry("time_to_bind_p50_s", 4.5)
        .containsEntry("jct_mean_s", 10.0)
        .containsEntry("attempts_mean", 1.5)
        .containsEntry("preemptions", 0.0)
        .doesNotContainKey("cpu_allocation_mean_pct"); // no samples taken
    assertThat(r.samples().get(RunMetrics.QUEUEING_DELAY)).containsExactly(2.0, 6.0);
    assertThat(r.samples().get(RunMetrics.JCT)).containsExactly(10.0);
    assertThat(r.latencies()).isEmpty();
    for (String name : r.metrics().keySet()) {
      assertThat(RunMetrics.definition(name)).isNotNull();
    }
  }

  @Test
  void latenciesAreKeptPerPointAndPlugin() {
    HdrLatencyRecorder rec = new HdrLatencyRecorder();
    rec.record("Filter", "NodeResourcesFit", 1_000);
    rec.record("Filter", "NodeResourcesFit", 3_000);
    rec.record("Score", "ImageLocality", 250);
    RunResult r = RunMetrics.of("p", 1, new PodMetrics(), new ClusterSampler(), rec);
    assertThat(r.latencies()).containsOnlyKeys("Filter/NodeResourcesFit", "Score/ImageLocality");
    double[] fit = r.latencies().get("Filter/NodeResourcesFit");
    assertThat(fit).hasSize(2);
    assertThat(fit[0]).isCloseTo(1_000, within(2.0));
    assertThat(fit[1]).isCloseTo(3_000, within(4.0));
  }

  @org.junit.jupiter.api.Test
  void extendedResourcesGetAnAllocationMetricOfTheirOwn() {
    org.assertj.core.api.Assertions.assertThat(
        RunMetrics.extendedAllocationMetric("alibabacloud.com/gpu-milli"))
        .isEqualTo("alibabacloud_com_gpu_milli_allocation_mean_pct");
    RunResult run = new RunResult("p", 1, java.util.Map.of("pods_scheduled", 3.0,
        "alibabacloud_com_gpu_milli_allocation_mean_pct", 42.0), java.util.Map.of(),
        java.util.Map.of(), java.util.Map.of());
    java.util.List<Metric> defs = RunMetrics.definitionsFor(java.util.List.of(run));
    org.assertj.core.api.Assertions.assertThat(defs).hasSize(RunMetrics.DEFINITIONS.size() + 1);
    org.assertj.core.api.Assertions.assertThat(defs.get(defs.size() - 1).direction())
        .isEqualTo(Metric.Direction.HIGHER_IS_BETTER);
  }
}
