package io.schedlab.plugins.interpodaffinity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.api.Namespace;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the InterPodAffinity conformance files (upstream's filtering_test.go and
 * scoring_test.go expectations), run through the plugin as registered in {@link
 * InTreeRegistry}: PreFilter code and message, Filter code and reasons per node, PreScore code,
 * and the normalized score per node.
 */
class InterPodAffinityConformanceTest {
  private static final ObjectMapper JSON = KubeCodec.jsonMapper();

  static Stream<Arguments> filterCases() throws IOException {
    return cases("InterPodAffinity-filter.json", 31);
  }

  static Stream<Arguments> scoreCases() throws IOException {
    return cases("InterPodAffinity-score.json", 22);
  }

  private static Stream<Arguments> cases(String file, int expectedCount) throws IOException {
    JsonNode root;
    try (InputStream in =
        InterPodAffinityConformanceTest.class.getResourceAsStream("/conformance/" + file)) {
      assertThat(in).as(file).isNotNull();
      root = JSON.readTree(in);
    }
    assertThat(root.get("plugin").asText()).isEqualTo(InterPodAffinity.NAME);
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      out.add(Arguments.of(c.get("name").asText(), root.get("args"), c));
    }
    assertThat(out).as(file + " cases").hasSize(expectedCount);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filter(String name, JsonNode fileArgs, JsonNode c) throws IOException {
    Run run = new Run(fileArgs, c);
    JsonNode expect = c.get("expect");
    CycleState state = new CycleState();
    PreFilterResult pre = run.plugin.preFilter(state, run.pod, run.cluster.snapshot().list());
    assertThat(pre.status().code().upstreamName())
        .as("preFilter: %s", pre.status())
        .isEqualTo(expect.get("preFilter").asText());
    if (expect.has("preFilterMessage")) {
      assertThat(pre.status().message()).isEqualTo(expect.get("preFilterMessage").asText());
    }
    JsonNode filter = expect.get("filter");
    if (filter == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      NodeInfo node = run.cluster.node(e.getKey());
      Status s = run.plugin.filter(state, run.pod, node);
      assertThat(s.code().upstreamName()).as("filter %s: %s", e.getKey(), s)
          .isEqualTo(e.getValue().asText());
      JsonNode reasons = expect.path("filterReasons").get(e.getKey());
      if (reasons != null) {
        List<String> want = new ArrayList<>();
        reasons.forEach(r -> want.add(r.asText()));
        assertThat(s.reasons()).as("filter reasons %s", e.getKey()).isEqualTo(want);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scoreCases")
  void score(String name, JsonNode fileArgs, JsonNode c) throws IOException {
    Run run = new Run(fileArgs, c);
    JsonNode expect = c.get("expect");
    List<NodeInfo> nodes = new ArrayList<>();
    if (c.has("scoreNodes")) {
      c.get("scoreNodes").forEach(n -> nodes.add(run.cluster.node(n.asText())));
    } else {
      nodes.addAll(run.cluster.snapshot().list());
    }
    CycleState state = new CycleState();
    Status pre = run.plugin.preScore(state, run.pod, nodes);
    assertThat(pre.code().upstreamName()).as("preScore: %s", pre)
        .isEqualTo(expect.path("preScore").asText("Success"));
    if (expect.has("preScoreMessageContains")) {
      assertThat(pre.message()).contains(expect.get("preScoreMessageContains").asText());
    }
    if (!pre.isSuccess()) {
      assertThat(expect.has("score")).as("score expected although PreScore is " + pre).isFalse();
      return;
    }
    long[] scores = new long[nodes.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = run.plugin.score(state, run.pod, nodes.get(i));
    }
    Status norm = run.plugin.scoreExtensions().normalizeScore(state, run.pod, nodes, scores);
    assertThat(norm.isSuccess()).as("normalizeScore: %s", norm).isTrue();
    JsonNode want = expect.get("score");
    assertThat(want).as("expect.score").isNotNull();
    for (int i = 0; i < scores.length; i++) {
      String node = nodes.get(i).name();
      assertThat(scores[i]).as("score %s", node).isEqualTo(want.get(node).asLong());
    }
    assertThat(want.size()).isEqualTo(nodes.size());
  }

  /** One case's cluster, incoming pod and plugin (file args overlaid with the case's). */
  private static final class Run {
    final TestCluster cluster;
    final PodInfo pod;
    final InterPodAffinity plugin;

    Run(JsonNode fileArgs, JsonNode c) throws IOException {
      List<Node> nodes = new ArrayList<>();
      for (JsonNode n : c.path("nodes")) {
        nodes.add(JSON.treeToValue(n, Node.class));
      }
      List<Pod> pods = new ArrayList<>();
      for (JsonNode p : c.path("pods")) {
        pods.add(JSON.treeToValue(p, Pod.class));
      }
      List<Namespace> namespaces = new ArrayList<>();
      for (JsonNode ns : c.path("namespaces")) {
        namespaces.add(JSON.treeToValue(ns, Namespace.class));
      }
      cluster = new TestCluster(nodes, pods, namespaces);
      pod = cluster.compile(JSON.treeToValue(c.get("pod"), Pod.class));
      ObjectNode args = JSON.createObjectNode();
      if (fileArgs != null && fileArgs.isObject()) {
        args.setAll((ObjectNode) fileArgs);
      }
      if (c.has("args")) {
        args.setAll((ObjectNode) c.get("args"));
      }
      plugin = (InterPodAffinity) InTreeRegistry.create().create(InterPodAffinity.NAME, args, cluster);
    }
  }
}
