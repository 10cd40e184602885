package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.plugins.gpushare.EventSeries;
import io.schedlab.plugins.gpushare.FgdProtocol;
import io.schedlab.plugins.gpushare.GpuDemand;
import io.schedlab.plugins.gpushare.GpuNode;
import io.schedlab.plugins.gpushare.GpuPod;
import io.schedlab.plugins.gpushare.GpuPolicy;
import io.schedlab.plugins.gpushare.GpuSelection;
import io.schedlab.plugins.gpushare.GpuShareSimulation;
import io.schedlab.plugins.gpushare.TypicalPods;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The framework plugins against the experiment engine ({@link GpuShareSimulation}), which
 * implements the same policies directly: on one workload every pod must land on the same node
 * (or fail in both). The engine breaks score ties by node rank; the profile gets the same order
 * from a test score plugin of weight 1 that gives the nodes 100, 99, ... (under the policy's
 * weight 1000 it only ever decides ties). Random is left out: the two draw from different
 * generators.
 */
class GpuPluginsMatchTheEngineTest {
  private static final String COUNT = "alibabacloud.com/gpu-count";
  private static final String MILLI = "alibabacloud.com/gpu-milli";
  private static final String MODEL = "alibabacloud.com/gpu-card-model";

  /** Scores node "nNN" 100 − NN: the engine's tie-break order. */
  static final class NodeOrder implements ScorePlugin {
    static final String NAME = "NodeOrder";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
      return MAX_NODE_SCORE - Integer.parseInt(node.name().substring(1));
    }
  }

  static Stream<GpuPolicy> policies() {
    return GpuPolicy.ALL.stream().filter(p -> p.score() != GpuPolicy.Score.RANDOM
        && p.selection() != GpuSelection.RANDOM);
  }

  private record Shape(String cpu, int gpus, String model) {}

  private static final List<Shape> NODES = List.of(
      new Shape("64", 8, "V100"), new Shape("64", 8, "V100"), new Shape("96", 8, "A100"),
      new Shape("32", 4, "T4"), new Shape("32", 4, "T4"), new Shape("32", 4, "T4"),
      new Shape("16", 2, "V100"), new Shape("16", 1, "P100"), new Shape("48", 0, ""),
      new Shape("48", 0, ""));

  private static final int[] SHARES = {50, 100, 200, 250, 300, 400, 500, 600, 750, 900};

  private static List<Node> nodes() {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < NODES.size(); i++) {
      Shape s = NODES.get(i);
      NodeBuilder b = NodeBuilder.node(String.format(Locale.ROOT, "n%02d", i))
          .capacity("cpu", s.cpu(), "memory", "512Gi");
      if (s.gpus() > 0) {
        b.capacity(COUNT, Integer.toString(s.gpus())).label(MODEL, s.model());
      }
      out.add(b.build());
    }
    return out;
  }

  /** 220 pods, more than the cluster holds: shares, 1, 2, 4 or 8 whole GPUs, CPU pods. */
  private static List<Pod> pods() {
    SplittableRandom r = new SplittableRandom(2023);
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < 220; i++) {
      PodBuilder b = PodBuilder.pod(String.format(Locale.ROOT, "p%03d", i)).container("c",
          "cpu", (1 + r.nextInt(12)) * 500 + "m", "memory", (1 + r.nextInt(16)) + "Gi");
      int kind = r.nextInt(20);
      if (kind < 12) {
        b.annotation(COUNT, "1").annotation(MILLI, Integer.toString(SHARES[r.nextInt(10)]));
      } else if (kind < 18) {
        b.annotation(COUNT, Integer.toString(1 << r.nextInt(4))).annotation(MILLI, "1000");
      }
      if (kind < 18 && r.nextInt(6) == 0) {
        b.annotation(MODEL, List.of("V100", "T4", "A100|V100", "P100").get(r.nextInt(4)));
      }
      out.add(b.build());
    }
    return out;
  }

  private static List<GpuNode> engineNodes(List<Node> nodes) {
    List<GpuNode> out = new ArrayList<>();
    for (Node n : nodes) {
      int gpus = n.status().capacity().containsKey(COUNT)
          ? (int) n.status().capacity().get(COUNT).value() : 0;
      out.add(new GpuNode(n.metadata().name(), n.status().capacity().get("cpu").milliValue(),
          n.status().capacity().get("memory").value(), 110,
          n.metadata().labels().getOrDefault(MODEL, ""), gpus));
    }
    return out;
  }

  private static List<GpuPod> enginePods(List<Pod> pods) {
    List<GpuPod> out = new ArrayList<>();
    for (Pod p : pods) {
      var requests = p.spec().containers().get(0).resources().requests();
      out.add(new GpuPod(p.metadata().name(), requests.get("cpu").milliValue(),
          requests.get("memory").value(), GpuDemand.of(p)));
    }
    return out;
  }

  private static String typicalPodsJson(TypicalPods t) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < t.size(); i++) {
      TypicalPods.PodClass c = t.get(i);
      sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
          "{cpuMilli: %d, gpuMilli: %d, gpuCount: %d, gpuModel: \"%s\", popularity: %s}",
          c.cpuMilli(), c.gpuMilli(), c.gpuCount(), c.gpuModel(),
          Double.toString(c.popularity())));
    }
    return sb.append(']').toString();
  }

  private static String config(GpuPolicy p, TypicalPods typical) {
    return GpuProfiles.config(p, ", {name: NodeOrder, weight: 1}", "",
        "  - name: FGDScore\n    args:\n      typicalPods: " + typicalPodsJson(typical) + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void samePlacementsAsTheEngine(GpuPolicy policy) {
    List<Node> nodes = nodes();
    List<Pod> pods = pods();
    List<GpuPod> gpuPods = enginePods(pods);
    TypicalPods typical = FgdProtocol.typicalPods(gpuPods);
    int[] rank = new int[nodes.size()];
    for (int i = 0; i < rank.length; i++) {
      rank[i] = i;
    }
    EventSeries engine = GpuShareSimulation.run(engineNodes(nodes), gpuPods, typical, policy,
        new SplittableRandom(1), rank);

    Registry registry = InTreeRegistry.create()
        .register(NodeOrder.NAME, NodeOrder.class, h -> new NodeOrder());
    SchedulerConfig config = SchedulerConfigLoader.parse(config(policy, typical), "p.yaml",
        registry);
    BatchRun.Result run = BatchRun.run(config, registry, nodes, pods, 1);

    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < pods.size(); i++) {
      int n = engine.node(i);
      failed += n < 0 ? 1 : 0;
      expected.add(pods.get(i).metadata().name() + " " + (n < 0 ? "-" : nodes.get(n).metadata().name()));
      BatchRun.Outcome o = run.outcomes().get(i);
      actual.add(pods.get(i).metadata().name() + " " + (o.scheduled() ? o.nodeName() : "-"));
    }
    assertThat(failed).as("the workload overfills the cluster").isBetween(20, 200);
    assertThat(actual).containsExactlyElementsOf(expected);
  }
}
