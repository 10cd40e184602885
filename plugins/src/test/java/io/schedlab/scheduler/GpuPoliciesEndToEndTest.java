package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.plugins.gpushare.GpuPolicy;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the artifact's six policies as a profile (its score plugin alone, Open-Gpu-Share with its
 * device choice) on a mixed workload: every bound GPU pod holds as many devices as it asked for, on
 * a node of an accepted model, no device is over-committed, and the pods that do not fit are
 * refused with a fit error, never an internal one.
 */
class GpuPoliciesEndToEndTest {
  private static final String COUNT = "alibabacloud.com/gpu-count";
  private static final String MILLI = "alibabacloud.com/gpu-milli";
  private static final String MODEL = "alibabacloud.com/gpu-card-model";

  static Stream<GpuPolicy> policies() {
    return GpuPolicy.ALL.stream();
  }

  private static String config(GpuPolicy p) {
    return GpuProfiles.config(p, "", "    postBind:\n      enabled: [{name: %s}]\n"
        .formatted(GpuProfiles.DeviceProbe.NAME), "");
  }

  private static Node node(String name, String cpu, int gpus, String model) {
    NodeBuilder b = NodeBuilder.node(name).capacity("cpu", cpu, "memory", "256Gi");
    if (gpus > 0) {
      b.capacity(COUNT, Integer.toString(gpus)).label(MODEL, model);
    }
    return b.build();
  }

  private static final int[] SHARES = {100, 200, 250, 300, 500, 700, 900};

  /** 80 pods from a fixed seed: shares, 1-4 whole GPUs, CPU-only; some ask for a model. */
  private static List<Pod> workload(Map<String, int[]> asked, Map<String, String> models) {
    SplittableRandom r = new SplittableRandom(42);
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String name = "p" + i;
      PodBuilder b = PodBuilder.pod(name)
          .container("c", "cpu", Integer.toString(1 + r.nextInt(6)), "memory", "4Gi");
      int kind = r.nextInt(10);
      int count = kind < 5 ? 1 : kind < 8 ? 1 << r.nextInt(3) : 0;
      int milli = kind < 5 ? SHARES[r.nextInt(SHARES.length)] : kind < 8 ? 1000 : 0;
      if (count > 0) {
        b.annotation(COUNT, Integer.toString(count)).annotation(MILLI, Integer.toString(milli));
        if (r.nextInt(5) == 0) {
          String model = r.nextBoolean() ? "V100" : "T4";
          b.annotation(MODEL, model);
          models.put(name, model);
        }
      }
      asked.put(name, new int[] {count, milli});
      pods.add(b.build());
    }
    return pods;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void policyKeepsTheDevicesConsistent(GpuPolicy policy) {
    GpuProfiles.DeviceProbe.HELD.clear();
    Registry registry = InTreeRegistry.create().register(GpuProfiles.DeviceProbe.NAME,
        GpuProfiles.DeviceProbe.class, GpuProfiles.DeviceProbe::new);
    SchedulerConfig config = SchedulerConfigLoader.parse(config(policy), "policy.yaml", registry);
    List<Node> nodes = List.of(
        node("v100-a", "32", 8, "V100"), node("v100-b", "32", 8, "V100"),
        node("t4-a", "16", 4, "T4"), node("t4-b", "16", 4, "T4"),
        node("small", "8", 2, "V100"), node("cpu", "64", 0, null));
    Map<String, String> modelOf = new HashMap<>();
    for (Node n : nodes) {
      modelOf.put(n.metadata().name(), n.metadata().labels().getOrDefault(MODEL, ""));
    }
    Map<String, int[]> asked = new HashMap<>();
    Map<String, String> models = new HashMap<>();

    BatchRun.Result r = BatchRun.run(config, registry, nodes, workload(asked, models), 11);

    assertThat(r.scheduled()).isBetween(30, 79);
    Map<String, int[]> used = new HashMap<>();
    for (BatchRun.Outcome o : r.outcomes()) {
      String pod = o.key().substring(o.key().indexOf('/') + 1);
      if (!o.scheduled()) {
        assertThat(o.message()).as(pod).startsWith("0/6 nodes are available: ");
        continue;
      }
      GpuProfiles.Held held = GpuProfiles.DeviceProbe.HELD.get(pod);
      assertThat(held.node()).isEqualTo(o.nodeName());
      int count = asked.get(pod)[0];
      int milli = asked.get(pod)[1];
      assertThat(held.devices()).as(pod).hasSize(count);
      if (models.containsKey(pod)) {
        assertThat(modelOf.get(held.node())).as(pod).isEqualTo(models.get(pod));
      }
      int[] devices = used.computeIfAbsent(held.node(), n -> new int[8]);
      for (int d : held.devices()) {
        devices[d] += milli;
        assertThat(devices[d]).as(held.node() + " device " + d).isLessThanOrEqualTo(1000);
      }
    }
  }
}
