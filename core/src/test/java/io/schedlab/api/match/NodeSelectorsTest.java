package io.schedlab.api.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Affinity;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases from component-helpers' scheduling/corev1/nodeaffinity/nodeaffinity_test.go and
 * scheduling/corev1/helpers_test.go, plus labels/selector_test.go's Gt/Lt rows.
 */
class NodeSelectorsTest {

  private static NodeSelectorRequirement req(String key, String op, String... values) {
    return new NodeSelectorRequirement(key, op, List.of(values));
  }

  private static NodeSelectorTerm exprs(NodeSelectorRequirement... rs) {
    return new NodeSelectorTerm(List.of(rs), null);
  }

  private static NodeSelectorTerm fields(NodeSelectorRequirement... rs) {
    return new NodeSelectorTerm(null, List.of(rs));
  }

  private static NodeSelectorTerm both(NodeSelectorRequirement expr,
      NodeSelectorRequirement field) {
    return new NodeSelectorTerm(List.of(expr), List.of(field));
  }

  private static NodeSelector terms(NodeSelectorTerm... ts) {
    return new NodeSelector(List.of(ts));
  }

  private static Map<String, String> labels(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Node node(String name, Map<String, String> labels) {
    return Node.of(ObjectMeta.named(null, name).withLabels(labels), null, null);
  }

  /** Upstream TestNodeSelectorMatch and TestMatchNodeSelectorTerms. */
  static Stream<Arguments> nodeSelectorMatch() {
    NodeSelectorRequirement label1 = req("label_1", "In", "label_1_val");
    NodeSelectorRequirement host1 = req("metadata.name", "In", "host_1");
    return Stream.of(
        Arguments.of("node matches field selector, but not labels",
            terms(both(label1, host1)), node("host_1", labels()), false),
        Arguments.of("node matches field selector and label selector",
            terms(both(label1, host1)), node("host_1", labels("label_1", "label_1_val")), true),
        Arguments.of("second term matches",
            terms(exprs(label1), fields(host1)), node("host_1", labels()), true),
        Arguments.of("invalid terms never match, valid ones still do",
            terms(fields(req("metadata.name", "In", "host_1", "host_2")),
                exprs(req("invalid key", "In", "label_value")), exprs(label1)),
            node("host_1", labels("label_1", "label_1_val")), true),
        Arguments.of("node label matches matchExpressions terms",
            terms(exprs(label1)), node("", labels("label_1", "label_1_val")), true),
        Arguments.of("node field matches matchFields terms",
            terms(fields(host1)), node("host_1", labels()), true),
        Arguments.of("invalid node field requirement",
            terms(fields(req("metadata.name", "In", "host_1", "host_2"))),
            node("host_1", labels()), false),
        Arguments.of("fieldSelectorTerm with node labels",
            terms(fields(host1)), node("not_host_1", labels("metadata.name", "host_1")), false),
        Arguments.of("labelSelectorTerm with node fields",
            terms(exprs(req("metadata.name", "In", "host_1"))), node("host_1", labels()), false),
        Arguments.of("labelSelectorTerm and fieldSelectorTerm was set, but only node fields",
            terms(both(label1, host1)), node("host_1", labels()), false),
        Arguments.of("both node fields and labels (both matched)",
            terms(both(label1, host1)), node("host_1", labels("label_1", "label_1_val")), true),
        Arguments.of("both node fields and labels (one mismatched)",
            terms(both(label1, host1)),
            node("host_1", labels("label_1", "label_1_val-failed")), false),
        Arguments.of("multi-selector was set, both node fields and labels (one mismatched)",
            terms(exprs(label1), fields(host1)),
            node("host_1", labels("label_1", "label_1_val-failed")), true),
        Arguments.of("empty term matches nothing",
            terms(new NodeSelectorTerm(null, null)), node("host_1", labels("a", "b")), false),
        Arguments.of("no terms match nothing", terms(), node("host_1", labels()), false),
        Arguments.of("NotIn on a field",
            terms(fields(req("metadata.name", "NotIn", "host_2"))), node("host_1", labels()),
            true),
        Arguments.of("field selector is ignored for a node without a name",
            terms(fields(req("metadata.name", "In", "host_2"))), node("", labels()), true),
        Arguments.of("Exists is no field operator",
            terms(fields(req("metadata.name", "Exists"))), node("host_1", labels()), false),
        Arguments.of("Gt on a label", terms(exprs(req("x", "Gt", "1"))),
            node("n", labels("x", "2")), true),
        Arguments.of("Lt on a label", terms(exprs(req("x", "Lt", "1"))),
            node("n", labels("x", "0")), true),
        Arguments.of("Gt not met", terms(exprs(req("x", "Gt", "1"))),
            node("n", labels("x", "0")), false),
        Arguments.of("Lt not met", terms(exprs(req("x", "Lt", "1"))),
            node("n", labels("x", "2")), false),
        Arguments.of("Gt with a non-integer label", terms(exprs(req("z", "Gt", "1"))),
            node("n", labels("z", "v2")), false),
        Arguments.of("Gt with a missing label", terms(exprs(req("z", "Gt", "1"))),
            node("n", labels()), false),
        Arguments.of("Gt with a non-integer requirement", terms(exprs(req("z", "Gt", "one"))),
            node("n", labels("z", "2")), false),
        Arguments.of("Gt with two values", terms(exprs(req("z", "Gt", "1", "2"))),
            node("n", labels("z", "5")), false),
        Arguments.of("unknown operator", terms(exprs(req("z", "Like", "1"))),
            node("n", labels("z", "1")), false),
        Arguments.of("In without values", terms(exprs(req("z", "In"))),
            node("n", labels("z", "1")), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodeSelectorMatch")
  void matches(String name, NodeSelector selector, Node node, boolean want) {
    assertThat(NodeSelectors.matches(selector, node)).isEqualTo(want);
    assertThat(NodeSelectors.compile(selector).matches(node)).isEqualTo(want);
  }

  @Test
  void nullSelectorOrNodeMatchesNothing() {
    assertThat(NodeSelectors.matches(null, node("n", labels()))).isFalse();
    assertThat(NodeSelectors.matches(terms(exprs(req("a", "Exists"))), null)).isFalse();
  }

  @Test
  void invalidTermExplainsItself() {
    NodeSelectors.CompiledTerm t = NodeSelectors.compileTerm(
        exprs(req("invalid key", "In", "label_value")));
    assertThat(t.error()).contains("key: \"invalid key\"").contains("name part must consist");
    assertThat(NodeSelectors.compileTerm(fields(req("metadata.name", "In", "a", "b"))).error())
        .contains("values must have one element");
    assertThat(NodeSelectors.compileTerm(new NodeSelectorTerm(null, null)).isEmpty()).isTrue();
  }

  @Test
  void matchesTermWithLabelsAndName() {
    NodeSelectorTerm term = both(req("zone", "In", "a"), req("metadata.name", "NotIn", "n2"));
    assertThat(NodeSelectors.matchesTerm(term, labels("zone", "a"), "n1")).isTrue();
    assertThat(NodeSelectors.matchesTerm(term, labels("zone", "a"), "n2")).isFalse();
    assertThat(NodeSelectors.matchesTerm(term, labels("zone", "b"), "n1")).isFalse();
  }

  private static Pod pod(Map<String, String> nodeSelector, NodeSelector required) {
    Affinity affinity = required == null
        ? null
        : new Affinity(new NodeAffinity(required, null), null, null);
    PodSpec spec = PodSpec.EMPTY.withNodeSelector(nodeSelector).withAffinity(affinity);
    return Pod.of(ObjectMeta.named("default", "p"), spec, null);
  }

  /** Upstream TestPodMatchesNodeSelectorAndAffinityTerms. */
  static Stream<Arguments> podMatchesNode() {
    return Stream.of(
        Arguments.of("no selector", pod(null, null), "", labels(), true),
        Arguments.of("missing labels", pod(labels("foo", "bar"), null), "", labels(), false),
        Arguments.of("same labels", pod(labels("foo", "bar"), null), "", labels("foo", "bar"),
            true),
        Arguments.of("node labels are superset", pod(labels("foo", "bar"), null), "",
            labels("foo", "bar", "baz", "blah"), true),
        Arguments.of("node labels are subset", pod(labels("foo", "bar", "baz", "blah"), null),
            "", labels("foo", "bar"), false),
        Arguments.of("matchExpressions using In operator that matches the existing node",
            pod(null, terms(exprs(req("foo", "In", "bar", "value2")))), "",
            labels("foo", "bar"), true),
        Arguments.of("matchExpressions using Gt operator that matches the existing node",
            pod(null, terms(exprs(req("kernel-version", "Gt", "0204")))), "",
            labels("kernel-version", "0206"), true),
        Arguments.of("matchExpressions using NotIn operator that matches the existing node",
            pod(null, terms(exprs(req("mem-type", "NotIn", "DDR", "DDR2")))), "",
            labels("mem-type", "DDR3"), true),
        Arguments.of("matchExpressions using Exists operator that matches the existing node",
            pod(null, terms(exprs(req("GPU", "Exists")))), "", labels("GPU", "NVIDIA-GRID-K1"),
            true),
        Arguments.of("affinity that don't match node's labels won't schedule onto the node",
            pod(null, terms(exprs(req("foo", "In", "value1", "value2")))), "",
            labels("foo", "bar"), false),
        Arguments.of("an empty []NodeSelectorTerm in affinity won't schedule onto the node",
            pod(null, terms()), "", labels("foo", "bar"), false),
        Arguments.of("empty MatchExpressions will match no objects",
            pod(null, terms(new NodeSelectorTerm(List.of(), null))), "", labels("foo", "bar"),
            false),
        Arguments.of("no Affinity will schedule onto a node", pod(null, null), "",
            labels("foo", "bar"), true),
        Arguments.of("multiple matchExpressions ANDed that matches the existing node",
            pod(null, terms(exprs(req("GPU", "Exists"), req("GPU", "NotIn", "AMD", "INTER")))),
            "", labels("GPU", "NVIDIA-GRID-K1"), true),
        Arguments.of("multiple matchExpressions ANDed that doesn't match the existing node",
            pod(null, terms(exprs(req("GPU", "Exists"), req("GPU", "In", "AMD", "INTER")))), "",
            labels("GPU", "NVIDIA-GRID-K1"), false),
        Arguments.of("multiple NodeSelectorTerms ORed in affinity, matches the node's labels",
            pod(null, terms(exprs(req("foo", "In", "bar", "value2")),
                exprs(req("diffkey", "In", "wrong", "value2")))), "", labels("foo", "bar"),
            true),
        Arguments.of("Affinity and NodeSelector both satisfied",
            pod(labels("foo", "bar"), terms(exprs(req("foo", "Exists")))), "",
            labels("foo", "bar"), true),
        Arguments.of("Affinity matches but NodeSelector is not satisfied",
            pod(labels("foo", "bar"), terms(exprs(req("foo", "Exists")))), "",
            labels("foo", "barrrrrr"), false),
        Arguments.of("an invalid value in Affinity term won't be scheduled onto the node",
            pod(null, terms(exprs(req("foo", "NotIn", "invalid value: ___@#$%^")))), "",
            labels("foo", "bar"), false),
        Arguments.of("matchFields using In operator that matches the existing node",
            pod(null, terms(fields(req("metadata.name", "In", "node_1")))), "node_1", labels(),
            true),
        Arguments.of("matchFields using In operator that does not match the existing node",
            pod(null, terms(fields(req("metadata.name", "In", "node_1")))), "node_2", labels(),
            false),
        Arguments.of("two terms: matchFields does not match, but matchExpressions matches",
            pod(null, terms(fields(req("metadata.name", "In", "node_1")),
                exprs(req("foo", "In", "bar")))), "node_2", labels("foo", "bar"), true),
        Arguments.of("one term: matchFields does not match, but matchExpressions matches",
            pod(null, terms(both(req("foo", "In", "bar"), req("metadata.name", "In", "node_1")))),
            "node_2", labels("foo", "bar"), false),
        Arguments.of("one term: both matchFields and matchExpressions match",
            pod(null, terms(both(req("foo", "In", "bar"), req("metadata.name", "In", "node_1")))),
            "node_1", labels("foo", "bar"), true),
        Arguments.of("two terms: both matchFields and matchExpressions do not match",
            pod(null, terms(fields(req("metadata.name", "In", "node_1")),
                exprs(req("foo", "In", "not-match-to-bar")))), "node_2", labels("foo", "bar"),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("podMatchesNode")
  void podMatchesNode(String name, Pod pod, String nodeName, Map<String, String> nodeLabels,
      boolean want) {
    Node node = node(nodeName, nodeLabels);
    assertThat(NodeSelectors.podMatchesNode(pod, node)).isEqualTo(want);
    assertThat(NodeSelectors.requiredNodeAffinity(pod).matches(node)).isEqualTo(want);
  }
}
