package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ElasticQuota;
import io.schedlab.api.ElasticQuotaSpec;
import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.NodeMetrics;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodGroup;
import io.schedlab.api.PodGroupSpec;
import io.schedlab.api.Quantity;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The research plugins' sample profiles place every pod the same way on one thread and on eight:
 * a cluster large enough for parallel Filter and Score waves, with gangs, two elastic quotas and
 * measured node usage, so each profile has its own plugins' inputs.
 */
class ResearchProfilesDeterminismTest {
  private static final Registry REGISTRY = InTreeRegistry.create();

  private static SchedulerConfig profile(String file) throws IOException {
    Path p = Path.of("..", "traces", "samples", "profiles", file);
    return SchedulerConfigLoader.parse(Files.readString(p), p.toString(), REGISTRY);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "coscheduling.yaml", "capacity-scheduling.yaml", "target-load-packing.yaml",
    "load-variation-risk-balancing.yaml"
  })
  void oneThreadAndEightPlaceAlike(String file) throws IOException {
    SplittableRandom rnd = new SplittableRandom(17);
    List<Node> nodes = new ArrayList<>();
    List<KubeObject> objects = new ArrayList<>();
    // 600 nodes: a wave of numFeasibleNodesToFind (276) is large enough to run in parallel.
    for (int i = 0; i < 600; i++) {
      int cpu = 4 + rnd.nextInt(28);
      nodes.add(NodeBuilder.node("n" + i).capacity("cpu", Integer.toString(cpu))
          .capacity("memory", (8 + rnd.nextInt(56)) + "Gi").capacity("pods", "110").build());
      objects.add(NodeMetrics.of(ObjectMeta.named(null, "n" + i), "2026-01-01T00:00:00Z", "15s",
          Map.of("cpu", Quantity.parse(rnd.nextInt(cpu * 1000) + "m"),
              "memory", Quantity.parse((1 + rnd.nextInt(8)) + "Gi"))));
    }
    for (String team : new String[] {"team-a", "team-b"}) {
      objects.add(ElasticQuota.of(ObjectMeta.named(team, "quota"),
          new ElasticQuotaSpec(
              Map.of("cpu", Quantity.parse("150"), "memory", Quantity.parse("600Gi")),
              Map.of("cpu", Quantity.parse("400"), "memory", Quantity.parse("2Ti")))));
    }
    List<Pod> pods = new ArrayList<>();
    for (int g = 0; g < 20; g++) {
      String ns = g % 2 == 0 ? "team-a" : "team-b";
      objects.add(new PodGroup("scheduling.x-k8s.io/v1alpha1", "PodGroup",
          ObjectMeta.named(ns, "gang-" + g), new PodGroupSpec(4, 30, null, null)));
      for (int m = 0; m < 4; m++) {
        pods.add(PodBuilder.pod("gang-" + g + "-" + m).namespace(ns)
            .label("scheduling.x-k8s.io/pod-group", "gang-" + g)
            .req("cpu", (500 + rnd.nextInt(3000)) + "m").req("memory", (256 + rnd.nextInt(4096)) + "Mi")
            .build());
      }
    }
    for (int i = 0; i < 200; i++) {
      pods.add(PodBuilder.pod("p" + i).namespace(i % 2 == 0 ? "team-a" : "team-b")
          .req("cpu", (100 + rnd.nextInt(4000)) + "m").req("memory", (64 + rnd.nextInt(8000)) + "Mi")
          .build());
    }
    SchedulerConfig config = profile(file);
    BatchRun.Result serial = BatchRun.run(config.withParallelism(1), REGISTRY, objects, nodes, pods, 5);
    BatchRun.Result parallel = BatchRun.run(config.withParallelism(8), REGISTRY, objects, nodes, pods, 5);
    assertThat(parallel.outcomes()).isEqualTo(serial.outcomes());
    assertThat(serial.scheduled()).as("pods scheduled under %s", file).isGreaterThan(100);
  }
}
