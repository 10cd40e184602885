package io.schedlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.codec.ManifestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NodeMetrics refuses, as it is read, what the load-aware scores could not use later: a
 * timestamp that is not an RFC 3339 time and a utilisation statistic that is not a number.
 */
class NodeMetricsTest {
  private static String manifest(String timestamp, String annotation) {
    return "apiVersion: metrics.k8s.io/v1beta1\nkind: NodeMetrics\nmetadata:\n  name: n1\n"
        + "  annotations: {" + annotation + "}\ntimestamp: \"" + timestamp + "\"\nwindow: 15s\n"
        + "usage: {cpu: 100m, memory: 1Gi}\n";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad timestamp | yesterday | '' | NodeMetrics n1: timestamp: expected an RFC 3339 time, got \"yesterday\"",
        "bad average | 2026-01-01T00:00:00Z | 'schedlab.io/cpu-utilization-average: lots' | NodeMetrics n1: metadata.annotations[schedlab.io/cpu-utilization-average]: expected a number, got \"lots\"",
        "bad deviation | 2026-01-01T00:00:00Z | 'schedlab.io/memory-utilization-stddev: \"\"' | NodeMetrics n1: metadata.annotations[schedlab.io/memory-utilization-stddev]: expected a number, got \"\"",
      })
  void badMetricsAreOneLineErrors(String name, String timestamp, String annotation, String expected) {
    assertThatThrownBy(() -> KubeCodec.readAllText(manifest(timestamp, annotation), "nm.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "store form | 2026-01-01T00:00:05Z | 'schedlab.io/cpu-utilization-average: \"37.5\"'",
        "with an offset | 2026-01-01T01:00:05+01:00 | 'schedlab.io/cpu-utilization-stddev: \" 2.5 \"'",
      })
  void goodMetricsRead(String name, String timestamp, String annotation) {
    NodeMetrics m = (NodeMetrics) KubeCodec.readAllText(manifest(timestamp, annotation), "nm.yaml").get(0);
    assertThat(m.timestamp()).isEqualTo(timestamp);
  }
}
