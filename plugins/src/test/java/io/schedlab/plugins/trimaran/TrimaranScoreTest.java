package io.schedlab.plugins.trimaran;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.Node;
import io.schedlab.api.NodeMetrics;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.Quantity;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.Registry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.StaticObjectLister;
import io.schedlab.node.MetricsServer;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.sim.Durations;
import io.schedlab.sim.VirtualClock;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import io.schedlab.testing.TestHandles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TargetLoadPacking and LoadVariationRiskBalancing against hand-computed values of upstream's
 * formulas (scheduler-plugins pkg/trimaran), including the cases of upstream's own tests.
 */
class TrimaranScoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Virtual now of every handle here: 10 minutes after the epoch. */
  private static final long NOW = 600 * Durations.SECOND;

  private static String at(long seconds) {
    return VirtualClock.DEFAULT_EPOCH.plusSeconds(seconds).toString();
  }

  /** A NodeMetrics for n1 stamped now, with cpu usage (null: none) and annotations. */
  private static NodeMetrics metrics(String cpu, String memory, Map<String, String> annotations) {
    Map<String, Quantity> usage = new LinkedHashMap<>();
    if (cpu != null) {
      usage.put("cpu", Quantity.parse(cpu));
    }
    if (memory != null) {
      usage.put("memory", Quantity.parse(memory));
    }
    return NodeMetrics.of(ObjectMeta.named(null, "n1").withAnnotations(annotations),
        at(NOW / Durations.SECOND), "15s", usage);
  }

  private static Node node(String cpu) {
    return NodeBuilder.node("n1").capacity("cpu", cpu, "memory", "1Gi").build();
  }

  private static long score(Object plugin, Node node, List<Pod> running, NodeMetrics m, Pod pod) {
    StaticHandle h = TestHandles.of(List.of(node), running);
    h.setNowNanos(NOW);
    h.setObjects(new StaticObjectLister(m == null ? List.of() : List.of(m)));
    io.schedlab.framework.ScorePlugin p = plugin instanceof TargetLoadPackingArgs a
        ? new TargetLoadPacking(a, h)
        : new LoadVariationRiskBalancing((LoadVariationRiskBalancingArgs) plugin, h);
    return p.score(new CycleState(), h.compile(pod), h.snapshot().get("n1"));
  }

  private static Pod bound(String name, String limitCpu, long boundAtSeconds) {
    Pod p = PodBuilder.pod(name).container("c").limit("cpu", limitCpu).nodeName("n1").build();
    return p.withStatus(p.status().withConditions(
        List.of(new PodCondition("PodScheduled", "True", null, null, at(boundAtSeconds)))));
  }

  // ------------------------------------------------------------------ TargetLoadPacking

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "idle node scores the target         | 0     | 40 | 40",
      "at the target scores 100            | 40    | 40 | 100",
      "below: (100-T)*U/T+T, 77.5 up       | 25    | 40 | 78",
      "above: T*(100-U)/(100-T), 33.3      | 50    | 40 | 33",
      "above, other target                 | 90    | 80 | 40",
      "full node                           | 100   | 40 | 0",
      "over capacity is the minimum        | 100.5 | 40 | 0"})
  void targetLoadPackingFormula(String name, double predicted, long target, long score) {
    assertThat(TargetLoadPacking.score(predicted, target)).isEqualTo(score);
  }

  static Stream<Arguments> targetLoadPackingCases() {
    Pod empty = PodBuilder.pod("p").build();
    return Stream.of(
        // Upstream's "new node", "hot node" and "excess utilization" cases.
        Arguments.of("new node", "1000m", metrics("0", null, Map.of()), List.of(), empty, 40),
        Arguments.of("hot node: 50 %", "1000m", metrics("500m", null, Map.of()), List.of(), empty,
            33),
        Arguments.of("excess utilization: 30 % + a 1000m limit", "1000m",
            metrics("300m", null, Map.of()), List.of(),
            PodBuilder.pod("p").container("c").limit("cpu", "1000m").req("cpu", "1000m").build(), 0),
        Arguments.of("no NodeMetrics: minimum", "1000m", null, List.of(), empty, 0),
        Arguments.of("no cpu metric: minimum", "1000m", metrics(null, "1Gi", Map.of()), List.of(),
            empty, 0),
        Arguments.of("window average wins over the latest usage", "1000m",
            metrics("0", null, Map.of(NodeMetrics.CPU_AVERAGE, "20")), List.of(), empty, 70),
        Arguments.of("request x 1.5 without a limit: 10 % + 150m = 25 %", "1000m",
            metrics("100m", null, Map.of()), List.of(),
            PodBuilder.pod("p").container("c", "cpu", "100m").build(), 78),
        Arguments.of("best effort predicts 1000m: 25 % of 4 CPUs", "4",
            metrics("0", null, Map.of()), List.of(), PodBuilder.pod("p").container("c").build(), 78),
        Arguments.of("overhead counts", "1000m", metrics("0", null, Map.of()), List.of(),
            PodBuilder.pod("p").overhead("cpu", "200m").build(), 70),
        Arguments.of("pod bound 30 s before the metrics is not in them yet", "1000m",
            metrics("0", null, Map.of()), List.of(bound("q", "200m", NOW / Durations.SECOND - 30)),
            empty, 70),
        Arguments.of("pod bound after the metrics is not in them", "1000m",
            metrics("0", null, Map.of()), List.of(bound("q", "200m", NOW / Durations.SECOND + 5)),
            empty, 70),
        Arguments.of("pod bound 2 min before the metrics is in them", "1000m",
            metrics("0", null, Map.of()), List.of(bound("q", "200m", NOW / Durations.SECOND - 120)),
            empty, 40));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targetLoadPackingCases")
  void targetLoadPackingScore(String name, String nodeCpu, NodeMetrics m, List<Pod> running,
      Pod pod, long score) {
    assertThat(score(TargetLoadPackingArgs.defaults(), node(nodeCpu), running, m, pod))
        .isEqualTo(score);
  }

  // ------------------------------------------------------------------ LoadVariationRiskBalancing

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "idle                              | 0    | 0    | 0   | 1000 | 1 | 1 | 100",
      "mu .5 sigma .1                    | 300  | 100  | 200 | 1000 | 1 | 1 | 70",
      "sensitivity 2: sqrt(.04)          | 300  | 40   | 200 | 1000 | 1 | 2 | 65",
      "margin 2                          | 300  | 100  | 200 | 1000 | 2 | 1 | 65",
      "average above capacity clamps     | 1500 | 0    | 0   | 1000 | 1 | 1 | 50",
      "deviation x margin clamps at 1    | 1000 | 1000 | 0   | 1000 | 2 | 1 | 0",
      "sensitivity 0 zeroes sigma < 1    | 0    | 500  | 0   | 1000 | 1 | 0 | 100",
      "sensitivity 0 keeps sigma = 1     | 0    | 1000 | 0   | 1000 | 1 | 0 | 50",
      "no capacity                       | 10   | 0    | 0   | 0    | 1 | 1 | 0"})
  void riskFormula(String name, double avg, double std, double req, double cap, double margin,
      double sensitivity, double score) {
    assertThat(LoadVariationRiskBalancing.computeScore(avg, std, req, cap, margin, sensitivity))
        .isCloseTo(score, org.assertj.core.data.Offset.offset(1e-9));
  }

  static Stream<Arguments> riskCases() {
    Pod pod = PodBuilder.pod("p").container("c", "cpu", "200m", "memory", "256Mi").build();
    Map<String, String> stats = Map.of(NodeMetrics.CPU_AVERAGE, "30", NodeMetrics.CPU_STDDEV,
        "10", NodeMetrics.MEMORY_AVERAGE, "50", NodeMetrics.MEMORY_STDDEV, "0");
    return Stream.of(
        // cpu: mu (300+200)/1000, sigma .1 -> 70; memory: mu (512+256)/1024 -> 62.5; min, rounded.
        Arguments.of("both resources: the lower, rounded", metrics("0", "0", stats), pod, 63),
        // cpu 30 % latest, no deviation: mu .5 -> 75; no memory metric: the higher of 75 and 0.
        Arguments.of("cpu only: the higher", metrics("300m", null, Map.of()), pod, 75),
        Arguments.of("no NodeMetrics: minimum", null, pod, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("riskCases")
  void riskBalancingScore(String name, NodeMetrics m, Pod pod, long score) {
    assertThat(score(LoadVariationRiskBalancingArgs.defaults(), node("1000m"), List.of(), m, pod))
        .isEqualTo(score);
  }

  @Test
  void requestIsContainersRaisedToInitContainersPlusOverhead() {
    Pod pod = PodBuilder.pod("p").container("a", "cpu", "100m", "memory", "1Mi")
        .container("b", "cpu", "100m", "memory", "1Mi")
        .initContainer("i", false).req("cpu", "300m").req("memory", "1Mi")
        .overhead("cpu", "50m").overhead("memory", "1Mi").build();
    assertThat(LoadVariationRiskBalancing.requested(pod, new io.schedlab.framework.ResourceRegistry()))
        .containsExactly(350, 3L << 20);
  }

  // ------------------------------------------------------------------ args

  @SuppressWarnings("unchecked")
  private static <A> A decode(String plugin, String json) throws Exception {
    Registry.Registration<A> r = (Registry.Registration<A>) InTreeRegistry.create().get(plugin);
    return Registry.decodeArgs(r, json == null ? null : JSON.readTree(json));
  }

  @Test
  void targetLoadPackingArgs() throws Exception {
    TargetLoadPackingArgs d = decode(TargetLoadPacking.NAME, null);
    assertThat(d.targetUtilization()).isEqualTo(40);
    assertThat(d.defaultRequests().get("cpu").milliValue()).isEqualTo(1000);
    assertThat(d.defaultRequestsMultiplier()).isEqualTo("1.5");
    TargetLoadPackingArgs a = decode(TargetLoadPacking.NAME, "{\"targetUtilization\":70,"
        + "\"defaultRequests\":{\"cpu\":\"2\"},\"defaultRequestsMultiplier\":\"2\","
        + "\"watcherAddress\":\"http://load-watcher:2020\",\"metricProvider\":{\"type\":\"Prometheus\"}}");
    assertThat(a.targetUtilization()).isEqualTo(70);
    assertThat(a.defaultRequests().get("cpu").milliValue()).isEqualTo(2000);
    TargetLoadPackingArgs zero = decode(TargetLoadPacking.NAME, "{\"targetUtilization\":0}");
    assertThat(zero.targetUtilization()).isEqualTo(40);
    TargetLoadPackingArgs bad = decode(TargetLoadPacking.NAME, "{\"defaultRequestsMultiplier\":\"x\"}");
    assertThatThrownBy(() -> new TargetLoadPacking(bad, TestHandles.of(List.of())))
        .isInstanceOf(PluginArgsException.class)
        .hasMessage("defaultRequestsMultiplier: unable to parse \"x\" as a number");
  }

  @Test
  void loadVariationRiskBalancingArgs() throws Exception {
    LoadVariationRiskBalancingArgs d = decode(LoadVariationRiskBalancing.NAME, null);
    assertThat(d.safeVarianceMargin()).isEqualTo(1.0);
    assertThat(d.safeVarianceSensitivity()).isEqualTo(1.0);
    LoadVariationRiskBalancingArgs a = decode(LoadVariationRiskBalancing.NAME,
        "{\"safeVarianceMargin\":2.5,\"safeVarianceSensitivity\":-1}");
    assertThat(a.safeVarianceMargin()).isEqualTo(2.5);
    assertThat(a.safeVarianceSensitivity()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "half up           | 2.5   | 3",
      "half away from 0  | -2.5  | -3",
      "just below half   | 0.49999999999999994 | 0",
      "whole             | 7.0   | 7"})
  void goRound(String name, double x, long rounded) {
    assertThat(GoMath.round(x)).isEqualTo(rounded);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "the store's form          | 2026-01-01T00:00:05Z      | 1767225605",
      "leap day                  | 2024-02-29T23:59:59Z      | 1709251199",
      "before 1970               | 1969-12-31T23:59:59Z      | -1",
      "fraction and offset       | 2026-01-01T01:00:05.5+01:00 | 1767225605",
      "no such day               | 2026-02-29T00:00:00Z      | " + Long.MIN_VALUE,
      "not a time                | soon                      | " + Long.MIN_VALUE})
  void timestamps(String name, String text, long seconds) {
    assertThat(Rfc3339.epochSeconds(text)).isEqualTo(seconds);
    if (seconds != Rfc3339.INVALID) {
      assertThat(seconds).isEqualTo(java.time.OffsetDateTime.parse(text).toEpochSecond());
    }
  }

  @Test
  void newNodeMetricsReplaceTheDecodedLoad() {
    StaticHandle h = TestHandles.of(List.of(node("1000m")));
    h.setNowNanos(NOW);
    TargetLoadPacking p = new TargetLoadPacking(TargetLoadPackingArgs.defaults(), h);
    Pod pod = PodBuilder.pod("p").build();
    h.setObjects(new StaticObjectLister(List.of(metrics("0", null, Map.of()))));
    assertThat(p.score(new CycleState(), h.compile(pod), h.snapshot().get("n1"))).isEqualTo(40);
    assertThat(p.score(new CycleState(), h.compile(pod), h.snapshot().get("n1"))).isEqualTo(40);
    h.setObjects(new StaticObjectLister(List.of(metrics("500m", null, Map.of()))));
    assertThat(p.score(new CycleState(), h.compile(pod), h.snapshot().get("n1"))).isEqualTo(33);
    h.setObjects(StaticObjectLister.empty());
    assertThat(p.score(new CycleState(), h.compile(pod), h.snapshot().get("n1"))).isZero();
  }
}
