package io.schedlab.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JmhResultTest {
  @Test
  void secondaryMetricsAreResultsOfTheirOwn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.json");
    Files.writeString(file, """
        [{"benchmark": "io.schedlab.benchmarks.perf.SchedulerPerfBenchmark.measuredOp",
          "mode": "ss", "params": {"workload": "SchedulingBasic/5000Nodes_10000Pods"},
          "primaryMetric": {"score": 450.5, "scoreError": 20.1, "scoreUnit": "ms/op"},
          "secondaryMetrics": {
            "pods_per_s": {"score": 22367.6, "scoreError": 999.9, "scoreUnit": "pods/s"},
            "attempt_p99_us": {"score": 142.5, "scoreError": 11.5, "scoreUnit": "us"},
            "gc.alloc.rate": {"score": 300.0, "scoreError": 5.0, "scoreUnit": "MB/sec"}}}]
        """);
    List<JmhResult> rs = JmhResult.read(file);
    assertThat(rs).extracting(JmhResult::key).containsExactly(
        "SchedulerPerfBenchmark.measuredOp {workload=SchedulingBasic/5000Nodes_10000Pods}",
        "SchedulerPerfBenchmark.measuredOp:pods_per_s {workload=SchedulingBasic/5000Nodes_10000Pods}",
        "SchedulerPerfBenchmark.measuredOp:attempt_p99_us {workload=SchedulingBasic/5000Nodes_10000Pods}",
        "SchedulerPerfBenchmark.measuredOp:gc.alloc.rate {workload=SchedulingBasic/5000Nodes_10000Pods}");
    assertThat(rs.get(1).score()).isEqualTo(22367.6);
    assertThat(rs.get(1).unit()).isEqualTo("pods/s");
    assertThat(rs.get(1).higherIsBetter()).isTrue();
    assertThat(rs.get(2).higherIsBetter()).isFalse();
    assertThat(rs.get(3).higherIsBetter()).as("allocation rate").isFalse();
  }

  @ParameterizedTest
  @CsvSource({"pods_per_s, pods/s, thrpt", "attempt_p50_us, us, avgt", "gc.alloc.rate, MB/sec, avgt",
      "gc.alloc.rate.norm, B/op, avgt", "events, ops/s, thrpt"})
  void secondaryMetricDirection(String name, String unit, String mode) {
    assertThat(JmhResult.secondaryMode(name, unit)).isEqualTo(mode);
  }
}
