package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.BindPlugin;
import io.schedlab.framework.PermitPlugin;
import io.schedlab.framework.PermitResult;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ReservePlugin;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulerTest {
  private static final long S = 1_000_000_000L;

  /** Records Reserve/Unreserve calls, shared by the test plugins. */
  static final List<String> CALLS = new CopyOnWriteArrayList<>();

  /** Makes pods labelled wait=yes wait 10 s; pods labelled release=yes allow every waiting pod. */
  static final class WaitingPermit implements PermitPlugin, ReservePlugin {
    static final String NAME = "WaitingPermit";
    private final Handle handle;

    WaitingPermit(Handle handle) {
      this.handle = handle;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public PermitResult permit(CycleState state, PodInfo pod, String nodeName) {
      Map<String, String> l = pod.pod().metadata().labels();
      if ("yes".equals(l.get("release"))) {
        handle.iterateWaitingPods(w -> w.allow(NAME));
      }
      if ("yes".equals(l.get("wait"))) {
        return PermitResult.waitFor(10 * S);
      }
      return PermitResult.ALLOW;
    }

    @Override
    public Status reserve(CycleState state, PodInfo pod, String nodeName) {
      CALLS.add("reserve " + pod.name() + " " + nodeName);
      return Status.SUCCESS;
    }

    @Override
    public void unreserve(CycleState state, PodInfo pod, String nodeName) {
      CALLS.add("unreserve " + pod.name() + " " + nodeName);
    }
  }

  /** Fails the first bind of each pod labelled flaky=yes, then delegates to the store. */
  static final class FlakyBinder implements BindPlugin {
    static final String NAME = "FlakyBinder";
    private final Handle handle;
    private final List<String> failed = new ArrayList<>();

    FlakyBinder(Handle handle) {
      this.handle = handle;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Status bind(CycleState state, PodInfo pod, String nodeName) {
      if ("yes".equals(pod.pod().metadata().labels().get("flaky")) && !failed.contains(pod.uid())) {
        failed.add(pod.uid());
        return Status.error("injected bind failure");
      }
      return handle.client().bind(pod, nodeName);
    }
  }

  private static Registry registry() {
    return InTreeRegistry.create()
        .register(WaitingPermit.NAME, WaitingPermit.class, WaitingPermit::new)
        .register(FlakyBinder.NAME, FlakyBinder.class, FlakyBinder::new);
  }

  private static SchedulerConfig config(String yaml) {
    return SchedulerConfigLoader.parse(yaml, "test.yaml", registry());
  }

  private static SchedulerConfig defaults() {
    return SchedulerConfig.defaults(registry());
  }

  private static final String TEST_PLUGINS =
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
      - schedulerName: default-scheduler
        plugins:
          reserve:
            enabled: [{name: WaitingPermit}]
          permit:
            enabled: [{name: WaitingPermit}]
          bind:
            disabled: [{name: "*"}]
            enabled: [{name: FlakyBinder}]
      """;

  private static List<Node> nodes(int n, String cpu) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(NodeBuilder.node("node-" + i).capacity("cpu", cpu).capacity("memory", "32Gi").capacity("pods", "110").build());
    }
    return out;
  }

  private static Map<String, BatchRun.Outcome> byKey(BatchRun.Result r) {
    Map<String, BatchRun.Outcome> m = new java.util.LinkedHashMap<>();
    for (BatchRun.Outcome o : r.outcomes()) {
      m.put(o.key(), o);
    }
    return m;
  }

  @Test
  void aggregatedFitErrorMessageMatchesUpstream() {
    List<Node> nodes =
        List.of(
            NodeBuilder.node("small-1").capacity("cpu", "1").capacity("memory", "4Gi").capacity("pods", "110").build(),
            NodeBuilder.node("small-2").capacity("cpu", "1").capacity("memory", "4Gi").capacity("pods", "110").build(),
            NodeBuilder.node("tainted").capacity("cpu", "8").capacity("memory", "4Gi").capacity("pods", "110")
                .taint("dedicated", "gpu", "NoSchedule").build());
    Pod pod = PodBuilder.pod("big").namespace("default").req("cpu", "2").build();
    BatchRun.Result r = BatchRun.run(defaults(), registry(), nodes, List.of(pod), 1);
    BatchRun.Outcome o = r.outcomes().get(0);
    assertThat(o.scheduled()).isFalse();
    assertThat(o.message())
        .isEqualTo(
            "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu."
                + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
  }

  @Test
  void sameSeedSamePlacementsAndSeedChangesTieBreaks() {
    List<Node> nodes = nodes(8, "64");
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pods.add(PodBuilder.pod("p" + i).namespace("default").req("cpu", "100m").req("memory", "128Mi").build());
    }
    List<String> a = placements(BatchRun.run(defaults(), registry(), nodes, pods, 7));
    List<String> b = placements(BatchRun.run(defaults(), registry(), nodes, pods, 7));
    List<String> c = placements(BatchRun.run(defaults(), registry(), nodes, pods, 8));
    assertThat(a).isEqualTo(b).doesNotContainNull();
    assertThat(c).isNotEqualTo(a);
  }

  private static List<String> placements(BatchRun.Result r) {
    List<String> out = new ArrayList<>();
    for (BatchRun.Outcome o : r.outcomes()) {
      out.add(o.nodeName());
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void parallelAndSerialFilterScoreGiveEqualResults(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Node> nodes = new ArrayList<>();
    // 1,500 nodes scored at 100 % give waves large enough for the parallel path.
    for (int i = 0; i < 1500; i++) {
      NodeBuilder b = NodeBuilder.node("n" + i)
          .capacity("cpu", Integer.toString(2 + rnd.nextInt(30)))
          .capacity("memory", (4 + rnd.nextInt(60)) + "Gi")
          .capacity("pods", "110");
      if (rnd.nextInt(10) == 0) {
        b.taint("spot", "true", rnd.nextBoolean() ? "NoSchedule" : "PreferNoSchedule");
      }
      nodes.add(b.build());
    }
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      pods.add(PodBuilder.pod("p" + i).namespace("default")
          .req("cpu", (100 + rnd.nextInt(4000)) + "m")
          .req("memory", (64 + rnd.nextInt(8000)) + "Mi")
          .build());
    }
    String base = "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n"
        + "percentageOfNodesToScore: 100\n";
    SchedulerConfig serial = config(base + "parallelism: 1\n");
    SchedulerConfig parallel = config(base + "parallelism: 8\n");
    BatchRun.Result s = BatchRun.run(serial, registry(), nodes, pods, seed);
    BatchRun.Result p = BatchRun.run(parallel, registry(), nodes, pods, seed);
    assertThat(p.outcomes()).isEqualTo(s.outcomes());
    assertThat(s.scheduled()).isGreaterThan(0);
  }

  @Test
  void permitWaitIsReleasedByAnotherPlugin() {
    CALLS.clear();
    List<Pod> pods =
        List.of(
            PodBuilder.pod("waiter").namespace("default").label("wait", "yes").req("cpu", "1").build(),
            PodBuilder.pod("releaser").namespace("default").label("release", "yes").req("cpu", "1").build());
    BatchRun.Result r = BatchRun.run(config(TEST_PLUGINS), registry(), nodes(2, "4"), pods, 1);
    Map<String, BatchRun.Outcome> m = byKey(r);
    assertThat(m.get("default/waiter").scheduled()).isTrue();
    assertThat(m.get("default/releaser").scheduled()).isTrue();
    // The waiter is released when the releaser passes Permit, 1 ms of virtual time later.
    assertThat(m.get("default/waiter").boundAtNanos()).isEqualTo(BatchRun.SUBMIT_SPACING_NANOS);
    assertThat(CALLS).noneMatch(c -> c.startsWith("unreserve"));
  }

  @Test
  void permitWaitTimesOutAndUnreserves() {
    CALLS.clear();
    List<Pod> pods = List.of(PodBuilder.pod("waiter").namespace("default").label("wait", "yes").build());
    BatchRun.Result r = BatchRun.run(config(TEST_PLUGINS), registry(), nodes(1, "4"), pods, 1);
    BatchRun.Outcome o = r.outcomes().get(0);
    assertThat(o.scheduled()).isFalse();
    assertThat(o.message()).isEqualTo("rejected due to timeout after waiting 10s at plugin WaitingPermit");
    assertThat(CALLS).contains("reserve waiter node-0", "unreserve waiter node-0");
    assertThat(r.virtualNanos()).isGreaterThanOrEqualTo(10 * S);
  }

  @Test
  void bindFailureUnreservesAndRequeues() {
    CALLS.clear();
    List<Pod> pods = List.of(PodBuilder.pod("flaky").namespace("default").label("flaky", "yes").build());
    BatchRun.Result r = BatchRun.run(config(TEST_PLUGINS), registry(), nodes(1, "4"), pods, 1);
    BatchRun.Outcome o = r.outcomes().get(0);
    assertThat(CALLS).containsExactly("reserve flaky node-0", "unreserve flaky node-0", "reserve flaky node-0");
    assertThat(o.scheduled()).isTrue();
    assertThat(o.attempts()).isEqualTo(2);
    // The error sends the pod to backoffQ (1 s), so the second attempt is a second later.
    assertThat(o.boundAtNanos()).isGreaterThanOrEqualTo(1 * S);
  }
}
