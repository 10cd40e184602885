package io.schedlab.plugins.interpodaffinity;

import static io.schedlab.testing.NodeBuilder.node;
import static io.schedlab.testing.PodBuilder.pod;
import static io.schedlab.testing.PodBuilder.term;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Pod;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.scheduler.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One plugin instance over many cycles keeps tables from cycle to cycle (terms per node, counts
 * per node, running pair sums). After each change to the cluster its PreFilter and PreScore
 * state must equal what a plugin that never saw an earlier cycle computes.
 */
class CrossCycleStateTest {
  /** A snapshot the test can replace, as the scheduler's cache does when the node set changes. */
  private static final class SwappableSnapshot implements NodeInfoLister {
    Snapshot current;

    @Override
    public List<NodeInfo> list() {
      return current.list();
    }

    @Override
    public List<NodeInfo> havePodsWithAffinity() {
      return current.havePodsWithAffinity();
    }

    @Override
    public List<NodeInfo> havePodsWithRequiredAntiAffinity() {
      return current.havePodsWithRequiredAntiAffinity();
    }

    @Override
    public NodeInfo get(String nodeName) {
      return current.get(nodeName);
    }

    @Override
    public int size() {
      return current.size();
    }
  }

  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();
  private final SwappableSnapshot snapshot = new SwappableSnapshot();
  private final StaticHandle handle = new StaticHandle(snapshot, resources, labels);
  private final List<NodeInfo> nodes = new ArrayList<>();

  private static Pod green(String name, String node) {
    return pod(name).namespace("ns").nodeName(node).label("color", "green")
        .podAntiAffinityRequired(term("host", "color", "green"))
        .podAffinityRequired(term("zone", "color", "green"))
        .podAffinityPreferred(3, term("zone", "color", "green"))
        .podAntiAffinityPreferred(2, term("host", "color", "green"))
        .build();
  }

  private PodInfo compile(Pod p) {
    return new PodInfo(p, resources, labels);
  }

  private void resnapshot() {
    snapshot.current = Snapshot.of(new ArrayList<>(nodes));
  }

  private void addNode(String name, String zone) {
    NodeInfo n = new NodeInfo();
    n.setNode(node(name).label("zone", zone).label("host", name).build(), resources, labels);
    nodes.add(n);
  }

  /** The changes a cluster goes through between two cycles. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "pod bound in place,                  bind",
    "pod removed in place,                unbind",
    "last node removed (snapshot shrinks), drop-last",
    "first node removed (indexes shift),  drop-first",
    "node added,                          add-node",
    "node relabelled into another zone,   relabel",
  })
  void stateMatchesAFreshPluginAfter(String name, String change) throws Exception {
    addNode("n0", "z1");
    addNode("n1", "z1");
    addNode("n2", "z2");
    addNode("n3", "z2");
    nodes.get(0).addPod(compile(green("p0", "n0")));
    nodes.get(1).addPod(compile(green("p1", "n1")));
    nodes.get(3).addPod(compile(green("p3", "n3")));
    resnapshot();
    InterPodAffinity longLived = new InterPodAffinity(new InterPodAffinityArgs(1, false), handle);
    PodInfo incoming = compile(green("in", ""));
    cycle(longLived, incoming);

    switch (change) {
      case "bind" -> nodes.get(2).addPod(compile(green("p2", "n2")));
      case "unbind" -> nodes.get(0).removePod(compile(green("p0", "n0")));
      case "drop-last" -> nodes.remove(3);
      case "drop-first" -> nodes.remove(0);
      case "add-node" -> addNode("n4", "z3");
      case "relabel" -> nodes.get(1).setNode(
          node("n1").label("zone", "z2").label("host", "n1").build(), resources, labels);
      default -> throw new IllegalArgumentException(change);
    }
    resnapshot();
    CycleState seen = cycle(longLived, incoming);
    CycleState fresh =
        cycle(new InterPodAffinity(new InterPodAffinityArgs(1, false), handle), incoming);

    InterPodAffinity.PreFilterState a = seen.read(InterPodAffinity.PRE_FILTER_KEY);
    InterPodAffinity.PreFilterState b = fresh.read(InterPodAffinity.PRE_FILTER_KEY);
    assertSamePairs(a.affinityCounts, b.affinityCounts, "affinity");
    assertSamePairs(a.antiAffinityCounts, b.antiAffinityCounts, "anti-affinity");
    assertSamePairs(a.existingAntiAffinityCounts, b.existingAntiAffinityCounts, "existing");
    InterPodAffinity.PreScoreState sa = seen.read(InterPodAffinity.PRE_SCORE_KEY);
    InterPodAffinity.PreScoreState sb = fresh.read(InterPodAffinity.PRE_SCORE_KEY);
    assertSamePairs(sa.scores(), sb.scores(), "scores");
    assertThat(sa.scores().entries()).isEqualTo(sb.scores().entries());
    for (NodeInfo n : snapshot.list()) {
      assertThat(longLived.filter(seen, incoming, n)).as("filter %s", n.name())
          .isEqualTo(longLived.filter(fresh, incoming, n));
      assertThat(longLived.score(seen, incoming, n)).as("score %s", n.name())
          .isEqualTo(longLived.score(fresh, incoming, n));
    }
  }

  private CycleState cycle(InterPodAffinity plugin, PodInfo incoming) {
    CycleState state = new CycleState();
    assertThat(plugin.preFilter(state, incoming, snapshot.list()).status().isSuccess()).isTrue();
    assertThat(plugin.preScore(state, incoming, snapshot.list()).isSuccess()).isTrue();
    return state;
  }

  /** Equal counts for every pair a node here could ask for, and the same number of non-zero pairs. */
  private void assertSamePairs(TopologyPairMap a, TopologyPairMap b, String what) {
    assertThat(a.nonZero()).as(what + " non-zero pairs").isEqualTo(b.nonZero());
    for (String key : List.of("zone", "host")) {
      for (String value : List.of("z1", "z2", "z3", "n0", "n1", "n2", "n3", "n4")) {
        long pair = TopologyPairMap.pair(labels.id(key), labels.id(value));
        assertThat(a.get(pair)).as(what + " " + key + "=" + value).isEqualTo(b.get(pair));
      }
    }
  }
}
