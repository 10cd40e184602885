package io.schedlab.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Affinity;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.Pod;
import io.schedlab.api.match.NodeSelectors;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interned matcher against the string one it stands in for, on random selectors (valid and
 * invalid, every operator, name fields) and random nodes.
 */
class InternedNodeAffinityTest {
  private static final String[] KEYS = {"zone", "disk", "gen", "kubernetes.io/hostname", "bad key!"};
  private static final String[] VALUES = {"a", "b", "c", "1", "7", "12", "n1", "n2", ""};
  private static final String[] OPS = {"In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Eq"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void agreesWithTheStringMatcher(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    LabelInterner interner = new LabelInterner();
    ResourceRegistry resources = new ResourceRegistry();
    List<NodeInfo> nodes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      NodeBuilder b = NodeBuilder.node("n" + i);
      for (String k : KEYS) {
        if (rnd.nextInt(3) > 0) {
          b.label(k, pick(rnd, VALUES));
        }
      }
      NodeInfo info = new NodeInfo();
      info.setNode(b.build(), resources, interner);
      nodes.add(info);
    }
    int checked = 0;
    int matched = 0;
    for (int p = 0; p < 300; p++) {
      Pod pod = randomPod(rnd);
      NodeSelectors.RequiredNodeAffinity strings = NodeSelectors.requiredNodeAffinity(pod);
      InternedNodeAffinity interned = InternedNodeAffinity.of(pod, interner);
      for (NodeInfo n : nodes) {
        Node node = n.node();
        boolean want = strings.matches(node);
        assertThat(interned.matches(n)).as("pod %s on %s", pod.spec(), node.metadata())
            .isEqualTo(want);
        checked++;
        matched += want ? 1 : 0;
      }
    }
    // The random cases must exercise both outcomes.
    assertThat(matched).isBetween(checked / 20, checked - checked / 20);
  }

  private static Pod randomPod(SplittableRandom rnd) {
    PodBuilder b = PodBuilder.pod("p");
    Pod pod = b.build();
    Map<String, String> selector = new LinkedHashMap<>();
    if (rnd.nextInt(3) == 0) {
      selector.put(pick(rnd, KEYS), pick(rnd, VALUES));
    }
    NodeSelector required = null;
    if (rnd.nextInt(4) > 0) {
      List<NodeSelectorTerm> terms = new ArrayList<>();
      int termCount = rnd.nextInt(3);
      for (int t = 0; t < termCount; t++) {
        List<NodeSelectorRequirement> exprs = new ArrayList<>();
        List<NodeSelectorRequirement> fields = new ArrayList<>();
        for (int e = rnd.nextInt(3); e > 0; e--) {
          String op = pick(rnd, OPS);
          List<String> values = new ArrayList<>();
          int count = op.equals("Exists") || op.equals("DoesNotExist") ? rnd.nextInt(4) == 0 ? 1 : 0
              : op.equals("Gt") || op.equals("Lt") ? rnd.nextInt(4) == 0 ? 2 : 1
              : rnd.nextInt(3);
          for (int v = 0; v < count; v++) {
            values.add(pick(rnd, VALUES));
          }
          exprs.add(new NodeSelectorRequirement(pick(rnd, KEYS), op, values));
        }
        if (rnd.nextInt(4) == 0) {
          fields.add(new NodeSelectorRequirement(rnd.nextInt(5) == 0 ? "spec.x" : "metadata.name",
              rnd.nextBoolean() ? "In" : "NotIn", List.of("n" + rnd.nextInt(4))));
        }
        terms.add(new NodeSelectorTerm(exprs, fields));
      }
      required = new NodeSelector(terms);
    }
    return Pod.of(pod.metadata(), pod.spec().withNodeSelector(selector)
        .withAffinity(required == null ? null
            : new Affinity(new NodeAffinity(required, List.of()), null, null)), pod.status());
  }

  private static String pick(SplittableRandom rnd, String[] from) {
    return from[rnd.nextInt(from.length)];
  }
}
