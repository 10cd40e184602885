package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.NodeMetrics;
import io.schedlab.api.codec.KubeKinds;
import io.schedlab.sim.Durations;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** metrics-server over kubelets: NodeMetrics from recorded usage, window statistics, staleness. */
class MetricsServerTest {

  private static Map<String, String> usage(long cpuMilli, long memBytes) {
    return Map.of(WorkloadAnnotations.USAGE_CPU, Long.toString(cpuMilli),
        WorkloadAnnotations.USAGE_MEMORY, Long.toString(memBytes));
  }

  private static KubeletHarness cluster(MetricsServer server) {
    KubeletHarness h = new KubeletHarness();
    server.start(h.ctx);
    server.register(h.kubelet("n1")); // 4 CPUs, 8Gi
    server.register(h.kubelet("n2"));
    return h;
  }

  @Test
  void publishesNodeMetricsFromRunningPodsUsage() {
    KubeletHarness h = cluster(MetricsServer.withDefaults());
    h.store.create(KubeletHarness.pod("a", "n1", usage(1000, 1L << 30)));
    h.store.create(KubeletHarness.pod("b", "n1", usage(500, 1L << 30)));
    h.store.create(KubeletHarness.pod("c", "n2", usage(200, 0)));
    h.runTo(15);
    NodeMetrics n1 = h.store.get(NodeMetrics.class, null, "n1");
    assertThat(n1.apiVersion()).isEqualTo("metrics.k8s.io/v1beta1");
    assertThat(n1.usage().get("cpu").milliValue()).isEqualTo(1500);
    assertThat(n1.usage().get("memory").value()).isEqualTo(2L << 30);
    assertThat(n1.timestamp()).isEqualTo(h.loop.clock().rfc3339()).endsWith(":15Z");
    assertThat(n1.window()).isEqualTo("15s");
    Map<String, String> a = n1.metadata().annotations();
    assertThat(a.get(NodeMetrics.CPU_AVERAGE)).isEqualTo("37.5"); // 1500m of 4000m
    assertThat(a.get(NodeMetrics.MEMORY_AVERAGE)).isEqualTo("25.0"); // 2Gi of 8Gi
    assertThat(a.get(NodeMetrics.CPU_STDDEV)).isEqualTo("0.0");
    assertThat(a.get(NodeMetrics.STATS_WINDOW)).isEqualTo("15s");
    assertThat(h.store.get(NodeMetrics.class, null, "n2").usage().get("cpu").milliValue())
        .isEqualTo(200);
  }

  @Test
  void windowAverageAndDeviationFollowUsageOverTime() {
    KubeletHarness h = cluster(new MetricsServer(10 * Durations.SECOND, 2));
    h.store.create(KubeletHarness.pod("a", "n1", usage(2000, 0)));
    h.runTo(10); // sample 1: 50 %
    h.store.create(KubeletHarness.pod("b", "n1", usage(1000, 0)));
    h.runTo(20); // sample 2: 75 %
    Map<String, String> a = h.store.get(NodeMetrics.class, null, "n1").metadata().annotations();
    assertThat(a.get(NodeMetrics.CPU_AVERAGE)).isEqualTo("62.5");
    assertThat(a.get(NodeMetrics.CPU_STDDEV)).isEqualTo("12.5");
    assertThat(a.get(NodeMetrics.STATS_WINDOW)).isEqualTo("20s");
    h.runTo(30); // sample 3: 75 %; the 50 % sample slides out of a two-sample window
    a = h.store.get(NodeMetrics.class, null, "n1").metadata().annotations();
    assertThat(a.get(NodeMetrics.CPU_AVERAGE)).isEqualTo("75.0");
    assertThat(a.get(NodeMetrics.CPU_STDDEV)).isEqualTo("0.0");
  }

  @Test
  void unreachableKubeletLeavesStaleMetrics() {
    KubeletHarness h = new KubeletHarness();
    MetricsServer server = new MetricsServer(10 * Durations.SECOND, 4);
    server.start(h.ctx);
    Kubelet k = h.kubelet("n1");
    server.register(k);
    h.store.create(KubeletHarness.pod("a", "n1", usage(1000, 0)));
    h.runTo(10);
    String before = h.store.get(NodeMetrics.class, null, "n1").timestamp();
    k.partition(true);
    h.runTo(30);
    assertThat(h.store.get(NodeMetrics.class, null, "n1").timestamp()).isEqualTo(before);
  }

  @Test
  void nothingPublishedWithoutAServer() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(KubeletHarness.pod("a", "n1", usage(1000, 0)));
    h.runTo(60);
    assertThat(h.store.list(NodeMetrics.class)).isEmpty();
  }

  @Test
  void nodeMetricsIsAKnownKind() {
    assertThat(KubeKinds.classFor("NodeMetrics")).isEqualTo(NodeMetrics.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "one sample           | 2 | 40            | 40.0 | 0.0",
      "two samples          | 2 | 40,60         | 50.0 | 10.0",
      "oldest slides out    | 2 | 0,40,60       | 50.0 | 10.0",
      "four, population sd  | 4 | 10,20,30,40   | 25.0 | 11.180339887498949"})
  void windowStatistics(String name, int size, String samples, double mean, double sd) {
    MetricsServer.Window w = new MetricsServer.Window(size);
    for (String s : samples.split(",")) {
      w.add(Double.parseDouble(s));
    }
    assertThat(w.mean()).isEqualTo(mean);
    assertThat(w.stddev()).isEqualTo(sd);
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new MetricsServer(0, 1))
        .hasMessage("metrics-server resolution: expected a positive duration, got 0s");
    assertThatThrownBy(() -> new MetricsServer(Durations.SECOND, 0))
        .hasMessage("metrics-server window: expected at least 1 sample, got 0");
  }
}
