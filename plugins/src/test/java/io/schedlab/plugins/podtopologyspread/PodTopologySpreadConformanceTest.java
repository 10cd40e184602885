package io.schedlab.plugins.podtopologyspread;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.Service;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Registry;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of conformance/PodTopologySpread-{filter,score}.json (upstream's own test
 * expectations) through the plugin and compares every expectation present, including the
 * PreFilter state (tpPairToMatchNum / tpKeyToDomainsNum) and the PreScore status.
 */
class PodTopologySpreadConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> filterCases() throws IOException {
    return cases("PodTopologySpread-filter.json");
  }

  static Stream<Arguments> scoreCases() throws IOException {
    return cases("PodTopologySpread-score.json");
  }

  private static Stream<Arguments> cases(String file) throws IOException {
    JsonNode root;
    try (InputStream in =
        PodTopologySpreadConformanceTest.class.getResourceAsStream("/conformance/" + file)) {
      root = JSON.readTree(in);
    }
    assertThat(root.path("plugin").asText()).isEqualTo(PodTopologySpread.NAME);
    JsonNode fileArgs = root.path("args");
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : root.path("cases")) {
      out.add(Arguments.of(Named.of(c.path("name").asText(), c), fileArgs));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filterCase(JsonNode c, JsonNode fileArgs) {
    run(c, fileArgs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scoreCases")
  void scoreCase(JsonNode c, JsonNode fileArgs) {
    run(c, fileArgs);
  }

  private static void run(JsonNode c, JsonNode fileArgs) {
    TestCluster cluster =
        new TestCluster(
            read(c.path("nodes"), Node.class), read(c.path("pods"), Pod.class), objects(c));
    PodTopologySpread plugin = plugin(fileArgs, c.path("args"), c.path("featureGates"), cluster);
    PodInfo pod = cluster.compile(KubeCodec.read(c.path("pod").toString(), Pod.class));
    JsonNode expect = c.path("expect");

    if (expect.has("preFilter") || expect.has("filter") || expect.has("preFilterState")) {
      CycleState state = new CycleState();
      PreFilterResult pre = plugin.preFilter(state, pod, cluster.nodes());
      if (expect.has("preFilter")) {
        assertThat(pre.status().code().upstreamName())
            .as("preFilter (%s)", pre.status())
            .isEqualTo(expect.path("preFilter").asText());
      }
      if (expect.has("preFilterState")) {
        PreFilterState s = PodTopologySpread.preFilterState(state);
        assertThat(s).as("preFilterState written").isNotNull();
        JsonNode want = expect.path("preFilterState");
        assertThat(s.tpPairToMatchNum())
            .as("tpPairToMatchNum")
            .isEqualTo(nestedIntMap(want.path("tpPairToMatchNum")));
        assertThat(s.tpKeyToDomainsNum())
            .as("tpKeyToDomainsNum")
            .isEqualTo(intMap(want.path("tpKeyToDomainsNum")));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("filter").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        // A PreFilter Skip means the framework never calls Filter: the node passes.
        Status got =
            pre.status().isSkip()
                ? Status.SUCCESS
                : plugin.filter(state, pod, cluster.node(e.getKey()));
        assertThat(got.code().upstreamName()).as("filter %s (%s)", e.getKey(), got).isEqualTo(e.getValue().asText());
        JsonNode reasons = expect.path("filterReasons").path(e.getKey());
        if (!reasons.isMissingNode()) {
          assertThat(got.reasons()).as("filter reasons %s", e.getKey()).isEqualTo(strings(reasons));
        }
      }
    }

    if (expect.has("score") || expect.has("preScore")) {
      List<NodeInfo> scored = new ArrayList<>();
      if (c.has("scoreNodes")) {
        for (JsonNode n : c.path("scoreNodes")) {
          scored.add(cluster.node(n.asText()));
        }
      } else {
        scored.addAll(cluster.nodes());
      }
      CycleState state = new CycleState();
      Status pre = plugin.preScore(state, pod, scored);
      if (expect.has("preScore")) {
        assertThat(pre.code().upstreamName()).as("preScore (%s)", pre).isEqualTo(expect.path("preScore").asText());
      }
      if (expect.has("score")) {
        assertThat(pre.isSuccess()).as("preScore succeeded (%s)", pre).isTrue();
        long[] scores = new long[scored.size()];
        for (int i = 0; i < scores.length; i++) {
          scores[i] = plugin.score(state, pod, scored.get(i));
        }
        assertThat(plugin.normalizeScore(state, pod, scored, scores).isSuccess()).isTrue();
        Map<String, Long> got = new TreeMap<>();
        for (int i = 0; i < scores.length; i++) {
          got.put(scored.get(i).name(), scores[i]);
        }
        Map<String, Long> want = new TreeMap<>();
        expect.path("score").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asLong()));
        assertThat(got).as("normalized scores").isEqualTo(want);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static PodTopologySpread plugin(
      JsonNode fileArgs, JsonNode caseArgs, JsonNode gates, TestCluster cluster) {
    ObjectNode args = JSON.createObjectNode();
    if (fileArgs.isObject()) {
      args.setAll((ObjectNode) fileArgs);
    }
    if (caseArgs.isObject()) {
      args.setAll((ObjectNode) caseArgs);
    }
    Registry.Registration<PodTopologySpreadArgs> reg =
        (Registry.Registration<PodTopologySpreadArgs>) InTreeRegistry.create().get(PodTopologySpread.NAME);
    Map<String, Boolean> gateMap = new LinkedHashMap<>();
    gates.fields().forEachRemaining(e -> gateMap.put(e.getKey(), e.getValue().asBoolean()));
    return new PodTopologySpread(
        Registry.decodeArgs(reg, args), cluster, PodTopologySpread.Features.fromGates(gateMap));
  }

  private static List<KubeObject> objects(JsonNode c) {
    List<KubeObject> out = new ArrayList<>();
    out.addAll(read(c.path("services"), Service.class));
    out.addAll(read(c.path("replicaSets"), ReplicaSet.class));
    out.addAll(read(c.path("statefulSets"), StatefulSet.class));
    return out;
  }

  private static <T> List<T> read(JsonNode array, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(KubeCodec.read(n.toString(), type));
    }
    return out;
  }

  private static Map<String, Map<String, Integer>> nestedIntMap(JsonNode n) {
    Map<String, Map<String, Integer>> m = new TreeMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), intMap(e.getValue())));
    return m;
  }

  private static Map<String, Integer> intMap(JsonNode n) {
    Map<String, Integer> m = new TreeMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
    return m;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out;
  }
}
