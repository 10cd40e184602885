package io.schedlab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.runtime.Framework;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.Snapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The roofline must decide fit and score exactly as NodeResourcesFit does (through the
 * resources-only profile), or the ratio to it measures nothing.
 */
class ResourceRooflineTest {
  /** A node with the given allocatable, running pods with the given cpu/memory requests ("" = none). */
  record Case(String cpu, String memory, String pods, List<String[]> running, boolean fits, long score) {
    @Override
    public String toString() {
      return cpu + "/" + memory + "/" + pods + " with " + running.size() + " pods";
    }
  }

  static String[] req(String cpu, String memory) {
    return new String[] {cpu, memory};
  }

  static List<String[]> times(int n, String cpu, String memory) {
    String[][] out = new String[n][];
    for (int i = 0; i < n; i++) {
      out[i] = req(cpu, memory);
    }
    return List.of(out);
  }

  static Stream<Arguments> cases() {
    // The incoming pod asks 100m and 500Mi. Scores: floor((alloc - used) * 100 / alloc) per
    // resource over non-zero requests, then the integer mean.
    return Stream.of(
        Arguments.of("empty node", new Case("4", "32Gi", "110", List.of(), true, (97 + 98) / 2)),
        Arguments.of("ten pause pods", new Case("4", "32Gi", "110", times(10, "100m", "500Mi"), true, (72 + 83) / 2)),
        Arguments.of("cpu filled exactly", new Case("4", "32Gi", "110", times(39, "100m", "500Mi"), true, (0 + 38) / 2)),
        Arguments.of("cpu short by the last 100m", new Case("4", "32Gi", "110", times(40, "100m", "500Mi"), false, 0)),
        Arguments.of("memory short", new Case("4", "1Gi", "110", times(2, "100m", "300Mi"), false, 0)),
        Arguments.of("pod slots full", new Case("4", "32Gi", "3", times(3, "", ""), false, 0)),
        Arguments.of("request-less pods score as 100m and 200Mi", new Case("4", "32Gi", "110", times(10, "", ""), true, (72 + 92) / 2)),
        Arguments.of("no memory on the node", new Case("4", "0", "110", List.of(), false, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesAndScoresAsNodeResourcesFit(String name, Case c) {
    ResourceRegistry resources = new ResourceRegistry();
    LabelInterner labels = new LabelInterner();
    NodeInfo node = new NodeInfo();
    Map<String, Quantity> alloc =
        Map.of("cpu", Quantity.parse(c.cpu()), "memory", Quantity.parse(c.memory()), "pods", Quantity.parse(c.pods()));
    node.setNode(
        Node.of(ObjectMeta.named(null, "n"), NodeSpec.EMPTY, NodeStatus.EMPTY.withCapacity(alloc).withAllocatable(alloc)),
        resources, labels);
    for (int i = 0; i < c.running().size(); i++) {
      String[] r = c.running().get(i);
      node.addPod(new PodInfo(pod("run-" + i, r[0], r[1]).withNodeName("n"), resources, labels));
    }
    Snapshot snapshot = Snapshot.of(List.of(node));
    PodInfo incoming = new PodInfo(pod("incoming", "100m", "500Mi"), resources, labels);

    long[] scores = new long[1];
    int feasible = ResourceRoofline.fitAndScore(snapshot.table(), incoming, scores);

    Registry registry = InTreeRegistry.create();
    Framework fwk =
        FilterScoreCycle.framework(
            RooflineBenchmark.resourcesOnlyConfig(registry), registry, new StaticHandle(snapshot, resources, labels));
    CycleState state = new CycleState();
    fwk.runPreFilterPlugins(state, incoming, snapshot.list(), new HashSet<>());
    boolean pluginFits = fwk.runFilterPlugins(state, incoming, node).isSuccess();
    assertThat(feasible == 1).as("roofline fits").isEqualTo(c.fits()).isEqualTo(pluginFits);
    if (c.fits()) {
      fwk.runPreScorePlugins(state, incoming, snapshot.list());
      long[][] rows = new long[fwk.scorePluginCount()][1];
      fwk.runScorePlugins(state, incoming, snapshot.list(), rows);
      assertThat(fwk.scorePluginCount()).isEqualTo(1);
      assertThat(scores[0]).as("roofline score").isEqualTo(c.score()).isEqualTo(rows[0][0]);
      assertThat(scores[0]).isBetween(ScorePlugin.MIN_NODE_SCORE, ScorePlugin.MAX_NODE_SCORE);
    } else {
      assertThat(scores[0]).isEqualTo(ResourceRoofline.INFEASIBLE);
    }
  }

  static Pod pod(String name, String cpu, String memory) {
    Map<String, Quantity> req = new HashMap<>();
    if (!cpu.isEmpty()) {
      req.put("cpu", Quantity.parse(cpu));
    }
    if (!memory.isEmpty()) {
      req.put("memory", Quantity.parse(memory));
    }
    Container c = new Container("c", "pause", null, null, new ResourceRequirements(req, Map.of()), List.of(), null);
    return Pod.of(
        ObjectMeta.named("default", name).withUid(name), PodSpec.EMPTY.withContainers(List.of(c)), PodStatus.EMPTY);
  }
}
