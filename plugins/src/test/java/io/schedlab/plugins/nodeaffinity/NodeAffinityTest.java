package io.schedlab.plugins.nodeaffinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.plugins.testsupport.PluginHarness;
import io.schedlab.testing.NodeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeAffinityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<Node> NODES = List.of(
      NodeBuilder.node("node1").label("zone", "a").build(),
      NodeBuilder.node("node2").label("zone", "b").build());

  private static NodeAffinity plugin(PluginHarness h, String argsJson) {
    try {
      JsonNode args = argsJson == null ? null : JSON.readTree(argsJson);
      return (NodeAffinity) InTreeRegistry.create().create(NodeAffinity.NAME, args, h);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static PodInfo pod(PluginHarness h, String specJson) {
    return h.compile(KubeCodec.read("{\"metadata\":{\"name\":\"p\"},\"spec\":" + specJson + "}", Pod.class));
  }

  private static String required(String... termsJson) {
    return "{\"affinity\":{\"nodeAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":"
        + "{\"nodeSelectorTerms\":[" + String.join(",", termsJson) + "]}}}}";
  }

  private static String nameIn(String... names) {
    StringBuilder sb = new StringBuilder("{\"key\":\"metadata.name\",\"operator\":\"In\",\"values\":[");
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(names[i]).append('"');
    }
    return sb.append("]}").toString();
  }

  static Stream<Arguments> invalidArgs() {
    String req = "{\"addedAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":{\"nodeSelectorTerms\":[";
    String pref = "{\"addedAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":[";
    return Stream.of(
        Arguments.of("unknown operator in a required term",
            req + "{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Foo\"}]}]}}}",
            "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator"),
        Arguments.of("field selector with two values in the second term",
            req + "{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Exists\"}]},"
                + "{\"matchFields\":[{\"key\":\"metadata.name\",\"operator\":\"In\",\"values\":[\"a\",\"b\"]}]}]}}}",
            "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[1].matchFields[0].values"),
        Arguments.of("field selector with Exists",
            req + "{\"matchFields\":[{\"key\":\"metadata.name\",\"operator\":\"Exists\"}]}]}}}",
            "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].operator"),
        Arguments.of("In without values in a preferred term",
            pref + "{\"weight\":1,\"preference\":{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"In\"}]}}]}}",
            "addedAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].matchExpressions[0]"),
        Arguments.of("Gt with a non-integer in the second preferred term",
            pref + "{\"weight\":1,\"preference\":{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Exists\"}]}},"
                + "{\"weight\":2,\"preference\":{\"matchExpressions\":[{\"key\":\"cpus\",\"operator\":\"Gt\",\"values\":[\"x\"]}]}}]}}",
            "addedAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].matchExpressions[0]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidArgs")
  void invalidAddedAffinityIsRejectedWithItsFieldPath(String name, String args, String field) {
    PluginHarness h = new PluginHarness(NODES, List.of());
    assertThatThrownBy(() -> plugin(h, args))
        .isInstanceOfSatisfying(PluginArgsException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void preferredTermWithZeroWeightIsNotParsed() {
    PluginHarness h = new PluginHarness(NODES, List.of());
    String args = "{\"addedAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":["
        + "{\"weight\":0,\"preference\":{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Foo\"}]}}]}}";
    NodeAffinity p = plugin(h, args);
    CycleState s = new CycleState();
    assertThat(p.preScore(s, pod(h, "{}"), h.nodeInfos()).code()).isEqualTo(Code.SUCCESS);
    assertThat(p.score(s, pod(h, "{}"), h.nodeInfo("node1"))).isZero();
  }

  static Stream<Arguments> preFilterCases() {
    return Stream.of(
        Arguments.of("one term pinning two names", required("{\"matchFields\":[" + nameIn("node1", "node2") + "]}"),
            Code.SUCCESS, Set.of("node1", "node2"), List.of()),
        Arguments.of("ANDed name requirements intersect", required("{\"matchFields\":["
                + nameIn("node1", "node2") + "," + nameIn("node2", "node3") + "]}"),
            Code.SUCCESS, Set.of("node2"), List.of()),
        Arguments.of("ANDed name requirements without common name conflict", required("{\"matchFields\":["
                + nameIn("node1") + "," + nameIn("node2") + "]}"),
            Code.UNSCHEDULABLE_AND_UNRESOLVABLE, null, List.of(NodeAffinity.ERR_REASON_CONFLICT)),
        Arguments.of("a term without a name requirement allows every node", required(
                "{\"matchFields\":[" + nameIn("node1") + "]}",
                "{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Exists\"}]}"),
            Code.SUCCESS, null, List.of()),
        Arguments.of("NotIn on the name does not narrow", required(
                "{\"matchFields\":[{\"key\":\"metadata.name\",\"operator\":\"NotIn\",\"values\":[\"node1\"]}]}"),
            Code.SUCCESS, null, List.of()),
        Arguments.of("required affinity without terms", required(), Code.SUCCESS, null, List.of()),
        Arguments.of("only a nodeSelector", "{\"nodeSelector\":{\"zone\":\"a\"}}", Code.SUCCESS, null, List.of()),
        Arguments.of("nothing required", "{\"affinity\":{\"nodeAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":"
                + "[{\"weight\":1,\"preference\":{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Exists\"}]}}]}}}",
            Code.SKIP, null, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preFilterCases")
  void preFilter(String name, String spec, Code code, Set<String> nodeNames, List<String> reasons) {
    PluginHarness h = new PluginHarness(NODES, List.of());
    PreFilterResult r = plugin(h, null).preFilter(new CycleState(), pod(h, spec), h.nodeInfos());
    assertThat(r.status().code()).isEqualTo(code);
    assertThat(r.nodeNames()).isEqualTo(nodeNames);
    assertThat(r.status().reasons()).isEqualTo(reasons);
  }

  @Test
  void requiredAffinityWithoutTermsMatchesNoNode() {
    PluginHarness h = new PluginHarness(NODES, List.of());
    NodeAffinity p = plugin(h, null);
    CycleState s = new CycleState();
    PodInfo pod = pod(h, required());
    p.preFilter(s, pod, h.nodeInfos());
    assertThat(p.filter(s, pod, h.nodeInfo("node1"))).isEqualTo(Status.unresolvable(NodeAffinity.ERR_REASON_POD));
  }

  @Test
  void addedAffinityAloneKeepsPreFilterAndIsCheckedFirst() {
    PluginHarness h = new PluginHarness(NODES, List.of());
    NodeAffinity p = plugin(h, "{\"addedAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":"
        + "{\"nodeSelectorTerms\":[{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"In\",\"values\":[\"a\"]}]}]}}}");
    CycleState s = new CycleState();
    PodInfo pod = pod(h, "{\"nodeSelector\":{\"zone\":\"c\"}}");
    assertThat(p.preFilter(s, pod, h.nodeInfos()).status().code()).isEqualTo(Code.SUCCESS);
    assertThat(p.filter(s, pod, h.nodeInfo("node1"))).isEqualTo(Status.unresolvable(NodeAffinity.ERR_REASON_POD));
    assertThat(p.filter(s, pod, h.nodeInfo("node2"))).isEqualTo(Status.unresolvable(NodeAffinity.ERR_REASON_ENFORCED));
  }

  @Test
  void invalidPreferredTermOfThePodFailsPreScoreAndScore() {
    PluginHarness h = new PluginHarness(NODES, List.of());
    NodeAffinity p = plugin(h, null);
    PodInfo pod = pod(h, "{\"affinity\":{\"nodeAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":["
        + "{\"weight\":1,\"preference\":{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Exists\"}]}},"
        + "{\"weight\":1,\"preference\":{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Near\"}]}}]}}}");
    Status s = p.preScore(new CycleState(), pod, h.nodeInfos());
    assertThat(s.code()).isEqualTo(Code.ERROR);
    assertThat(s.message()).startsWith("[1].matchExpressions[0].operator: Unsupported value: \"Near\"");
    assertThatThrownBy(() -> p.score(new CycleState(), pod, h.nodeInfo("node1")))
        .isInstanceOf(io.schedlab.framework.StatusException.class);
  }

  @Test
  void preferredTermsOnTheNodeNameAndAddedTermsAddUp() {
    PluginHarness h = new PluginHarness(NODES, List.of());
    NodeAffinity p = plugin(h, "{\"addedAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":["
        + "{\"weight\":5,\"preference\":{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"In\",\"values\":[\"b\"]}]}}]}}");
    PodInfo pod = pod(h, "{\"affinity\":{\"nodeAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":["
        + "{\"weight\":3,\"preference\":{\"matchFields\":[" + nameIn("node2") + "]}},"
        + "{\"weight\":7,\"preference\":{\"matchFields\":[" + nameIn("node1") + "]}}]}}}");
    CycleState s = new CycleState();
    assertThat(p.preScore(s, pod, h.nodeInfos()).code()).isEqualTo(Code.SUCCESS);
    long[] scores = {p.score(s, pod, h.nodeInfo("node1")), p.score(s, pod, h.nodeInfo("node2"))};
    assertThat(scores).containsExactly(7, 8);
    p.normalizeScore(s, pod, h.nodeInfos(), scores);
    assertThat(scores).containsExactly(87, 100);
  }

  @Test
  void registersNodeAddAndLabelChange() {
    PluginHarness h = new PluginHarness(NODES, List.of());
    assertThat(plugin(h, null).eventsToRegister())
        .containsExactly(new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD | ClusterEvent.UPDATE_NODE_LABEL));
  }
}
