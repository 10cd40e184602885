package io.schedlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.sim.Durations;
import io.schedlab.plugins.InTreeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness with a stand-in cluster model (a node agent that registers its node and reports
 * faults, a control plane that ticks): scenario actions at their times, and checkpoints that
 * resume into the same event log.
 */
class ClusterSimulationTest {
  static final String SCENARIO = """
      apiVersion: schedlab.io/v1alpha1
      kind: Scenario
      metadata: {name: t}
      spec:
        seed: 3
        cluster:
          objects:
          - {apiVersion: v1, kind: Node, metadata: {name: n1}, status: {allocatable: {cpu: "4", memory: 8Gi, pods: "10"}}}
          - {apiVersion: v1, kind: Node, metadata: {name: n2}, status: {allocatable: {cpu: "4", memory: 8Gi, pods: "10"}}}
        workloads:
        - at: 5s
          objects:
          - {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: default}, spec: {containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]}}
          - {apiVersion: v1, kind: Pod, metadata: {name: b, namespace: default}, spec: {containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]}}
        events:
        - {at: 30s, action: crash-node, node: n1}
        - {at: 40s, action: delete-pod, pod: default/b}
      """;

  /** Registers its node Ready at start; a crash flips Ready to False (stand-in for a kubelet). */
  static final class FakeAgent implements NodeAgent {
    private final Node template;
    private ClusterContext ctx;

    FakeAgent(Node template) {
      this.template = template;
    }

    @Override
    public String name() {
      return "kubelet/" + nodeName();
    }

    @Override
    public String nodeName() {
      return template.metadata().name();
    }

    @Override
    public void start(ClusterContext context) {
      ctx = context;
      ctx.store().create(template.withStatus(template.status().withConditions(
          List.of(new NodeCondition("Ready", "True", "KubeletReady", null, null, null)))));
      ctx.record(SimEvent.Types.NODE_ADDED, nodeName(), null);
    }

    @Override
    public void crash() {
      Node n = ctx.store().get(Node.class, "", nodeName());
      ctx.store().update(n.withStatus(n.status().withConditions(
          List.of(new NodeCondition("Ready", "False", "Crashed", null, null, null)))));
    }

    @Override
    public void recover() {}

    @Override
    public void partition(boolean partitioned) {}
  }

  static final class Model implements ClusterModel {
    @Override
    public NodeAgent nodeAgent(Node template) {
      return new FakeAgent(template);
    }

    @Override
    public List<ClusterComponent> controlPlane() {
      return List.of(new ClusterComponent() {
        @Override
        public String name() {
          return "ticker";
        }

        @Override
        public void start(ClusterContext ctx) {
          ctx.loop().every(10 * Durations.SECOND, "tick", () -> ctx.record(SimEvent.of(ctx.now(),
              SimEvent.Types.CONTROLLER_ACTION, null, null).with("controller", "ticker")));
        }
      });
    }
  }

  private static ClusterSimulation sim(EventLog log) {
    Scenario s = ScenarioLoader.parse(SCENARIO, "t.yaml", null);
    Registry registry = InTreeRegistry.create();
    SchedulerConfig config = SchedulerConfig.defaults(registry);
    return new ClusterSimulation(s, config, registry, new Model(), log);
  }

  private static List<String> lines(EventLog.InMemory log) {
    List<String> out = new ArrayList<>();
    for (SimEvent e : log.events()) {
      out.add(e.toJson());
    }
    return out;
  }

  @Test
  void actionsHappenAtTheirTimes() {
    EventLog.InMemory log = new EventLog.InMemory();
    ClusterSimulation sim = sim(log);
    sim.runUntil(60 * Durations.SECOND);
    assertThat(log.ofType(SimEvent.Types.NODE_ADDED)).extracting(SimEvent::node)
        .containsExactly("n1", "n2");
    assertThat(log.ofType(SimEvent.Types.POD_CREATED)).extracting(SimEvent::tNanos)
        .containsOnly(5 * Durations.SECOND);
    assertThat(log.ofType(SimEvent.Types.POD_BOUND)).hasSize(2);
    assertThat(log.ofType(SimEvent.Types.FAULT)).extracting(e -> e.detail().get("action"))
        .containsExactly("crash-node", "delete-pod");
    Pod b = sim.store().get(Pod.class, "default", "b");
    assertThat(b.metadata().deletionTimestamp()).isEqualTo("2026-01-01T00:01:10Z");
    assertThat(log.ofType(SimEvent.Types.CONTROLLER_ACTION)).hasSize(6);
  }

  @Test
  void aResumedCheckpointWritesTheRestOfTheSameLog(@TempDir Path dir) throws Exception {
    EventLog.InMemory whole = new EventLog.InMemory();
    sim(whole).runUntil(60 * Durations.SECOND);

    EventLog.InMemory first = new EventLog.InMemory();
    ClusterSimulation a = sim(first);
    a.runUntil(33 * Durations.SECOND);
    Path file = dir.resolve("cp.json");
    Checkpoint.of(a, dir.resolve("t.yaml"), SCENARIO, null).write(file);

    Checkpoint cp = Checkpoint.read(file);
    assertThat(cp.atNanos()).isEqualTo(33 * Durations.SECOND);
    assertThat(cp.objects()).hasSize(a.store().snapshot().size());
    assertThat(Checkpoint.digest(cp.objects())).isEqualTo(cp.digest());
    EventLog.InMemory rest = new EventLog.InMemory();
    boolean[] replaying = {true};
    ClusterSimulation b = sim(e -> {
      if (!replaying[0]) {
        rest.record(e);
      }
    });
    b.runUntil(cp.atNanos());
    assertThat(cp.matches(b)).isTrue();
    replaying[0] = false;
    b.runUntil(60 * Durations.SECOND);

    List<String> joined = new ArrayList<>(lines(first));
    joined.addAll(lines(rest));
    assertThat(joined).isEqualTo(lines(whole));
    assertThat(Files.size(file)).isPositive();
  }
}
