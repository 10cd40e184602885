package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.cluster.ClusterSampler;
import io.schedlab.cluster.ClusterSimulation;
import io.schedlab.cluster.PodMetrics;
import io.schedlab.cluster.Scenario;
import io.schedlab.cluster.ScenarioLoader;
import io.schedlab.cluster.StandardClusterModel;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.reports.HdrLatencyRecorder;
import io.schedlab.reports.RunMetrics;
import io.schedlab.reports.RunResult;
import io.schedlab.reports.Series;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Run metrics over whole sample scenarios on the standard cluster model. */
class RunMetricsSimulationTest {
  private static RunResult run(String scenarioFile) {
    return run(scenarioFile, null);
  }

  private static RunResult run(String scenarioFile, HdrLatencyRecorder latencies) {
    Scenario s = ScenarioLoader.load(Path.of(Cli.repoPath("traces/samples/scenarios/"
        + scenarioFile)));
    Registry registry = InTreeRegistry.create();
    PodMetrics pods = new PodMetrics();
    ClusterSimulation sim = new ClusterSimulation(s, SchedulerConfig.defaults(registry), registry,
        StandardClusterModel.create(), pods);
    ClusterSampler sampler = new ClusterSampler();
    sampler.start(sim.context());
    sim.setLatencyRecorder(latencies);
    sim.runUntil(s.untilNanos());
    return RunMetrics.of("default", s.seed(), pods, sampler, latencies);
  }

  @Test
  void nodeFailureEvictsAndReplacesThePodsOfTheFailedNode() {
    RunResult r = run("node-failure.yaml");
    // 20 replicas, and one replacement for each pod the failed node held.
    double evictions = r.metrics().get("evictions");
    assertThat(evictions).isGreaterThan(0);
    assertThat(r.metrics().get("pods_scheduled")).isEqualTo(20 + evictions);
    assertThat(r.metrics()).containsEntry("pods_unschedulable", 0.0)
        .containsEntry("preemptions", 0.0);
    Series nodes = r.series().get(ClusterSampler.NODES_READY);
    assertThat(nodes.v()[0]).isEqualTo(5);
    assertThat(nodes.v()[nodes.size() - 1]).isEqualTo(4);
    Series running = r.series().get(ClusterSampler.RUNNING_PODS);
    assertThat(running.v()[running.size() - 1]).isGreaterThanOrEqualTo(20);
    // One sample every 10 s over the 10 minutes.
    assertThat(nodes.t()).hasSize(60);
    assertThat(nodes.t()[0]).isEqualTo(10.0);
    assertThat(r.series()).containsKeys("allocation_cpu", "allocation_memory",
        ClusterSampler.PENDING_PODS);
    assertThat(r.metrics().get("cpu_allocation_mean_pct")).isGreaterThan(0);
  }

  @Test
  void jobCompletionGivesCompletionTimesOfThirtySecondsAndMore() {
    RunResult r = run("job-completion.yaml");
    double[] jct = r.samples().get(RunMetrics.JCT);
    assertThat(jct).hasSize(6);
    for (double v : jct) {
      assertThat(v).isGreaterThanOrEqualTo(30.0);
    }
    assertThat(r.metrics().get("attempts_mean")).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aRunIsReproducible() {
    RunResult a = run("node-failure.yaml");
    RunResult b = run("node-failure.yaml");
    assertThat(a.metrics()).isEqualTo(b.metrics());
    assertThat(a.series()).isEqualTo(b.series());
  }

  @Test
  void latenciesAreRecordedForOneAttemptInTen() {
    HdrLatencyRecorder rec = new HdrLatencyRecorder();
    RunResult r = run("node-failure.yaml", rec);
    // 20 + replacements pods, each placed at its first attempt: attempts 1, 11, 21 are timed.
    double attempts = r.metrics().get("pods_scheduled");
    long sampled = ((long) attempts + 9) / 10;
    assertThat(r.latencies()).containsKeys("Filter/NodeResourcesFit", "Score/NodeResourcesFit",
        "Bind/DefaultBinder", "PreFilter/NodeResourcesFit");
    assertThat(r.latencies().get("Bind/DefaultBinder")).hasSize((int) sampled);
    assertThat(r.latencies().get("PreFilter/NodeResourcesFit")).hasSize((int) sampled);
  }

  @Test
  void everyAttemptIsTimedWithItsResultAndGivesAThroughput() {
    HdrLatencyRecorder rec = new HdrLatencyRecorder();
    Scenario s = ScenarioLoader.parse(PREEMPTION, "preemption.yaml", null);
    Registry registry = InTreeRegistry.create();
    PodMetrics pods = new PodMetrics();
    ClusterSimulation sim = new ClusterSimulation(s, SchedulerConfig.defaults(registry), registry,
        StandardClusterModel.create(), pods);
    sim.setLatencyRecorder(rec);
    ClusterSampler sampler = new ClusterSampler();
    sampler.start(sim.context());
    sim.runUntil(s.untilNanos());
    RunResult r = RunMetrics.of("default", s.seed(), pods, sampler, rec);
    // low placed at once; high fails once (preempting low), then is placed.
    assertThat(r.latencies().get("SchedulingAttempt/scheduled")).hasSize(2);
    assertThat(r.latencies().get("SchedulingAttempt/unschedulable")).hasSize(1);
    assertThat(r.latencies()).doesNotContainKey("SchedulingAttempt/error");
    io.schedlab.reports.Throughput t = io.schedlab.reports.Throughput.of(r);
    assertThat(t.attempts()).isEqualTo(3);
    assertThat(t.scheduled()).isEqualTo(2);
    assertThat(t.cycleSeconds()).isPositive();
    assertThat(t.podsPerSecond()).isCloseTo(2 / t.cycleSeconds(), within(1e-6));
  }

  @Test
  void anAttemptsOnlyRecorderGetsNoPluginCalls() {
    HdrLatencyRecorder rec = new HdrLatencyRecorder();
    Scenario s = ScenarioLoader.parse(PREEMPTION, "preemption.yaml", null);
    Registry registry = InTreeRegistry.create();
    ClusterSimulation sim = new ClusterSimulation(s, SchedulerConfig.defaults(registry), registry,
        StandardClusterModel.create(), new PodMetrics());
    sim.setLatencyRecorder(io.schedlab.framework.runtime.LatencyRecorder.attemptsOnly(rec));
    sim.runUntil(s.untilNanos());
    assertThat(rec.keys()).containsExactly("SchedulingAttempt/scheduled",
        "SchedulingAttempt/unschedulable");
  }

  static final String PREEMPTION = """
      apiVersion: schedlab.io/v1alpha1
      kind: Scenario
      metadata: {name: preemption}
      spec:
        seed: 2
        until: 2m
        cluster:
          objects:
          - {apiVersion: v1, kind: Node, metadata: {name: n1}, status: {capacity: {cpu: "1", memory: 4Gi, pods: "10"}, allocatable: {cpu: "1", memory: 4Gi, pods: "10"}}}
          - {apiVersion: scheduling.k8s.io/v1, kind: PriorityClass, metadata: {name: high}, value: 1000}
        workloads:
        - at: 0s
          objects:
          - {apiVersion: v1, kind: Pod, metadata: {name: low, namespace: default}, spec: {containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]}}
        - at: 20s
          objects:
          - {apiVersion: v1, kind: Pod, metadata: {name: high, namespace: default}, spec: {priorityClassName: high, containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]}}
      """;

  @Test
  void aPreemptedVictimCountsAsAPreemption() {
    Scenario s = ScenarioLoader.parse(PREEMPTION, "preemption.yaml", null);
    Registry registry = InTreeRegistry.create();
    PodMetrics pods = new PodMetrics();
    ClusterSimulation sim = new ClusterSimulation(s, SchedulerConfig.defaults(registry), registry,
        StandardClusterModel.create(), pods);
    ClusterSampler sampler = new ClusterSampler();
    sampler.start(sim.context());
    sim.runUntil(s.untilNanos());
    RunResult r = RunMetrics.of("default", s.seed(), pods, sampler, null);
    // high arrives at 20 s and preempts at once: none by the 10 s sample, one from 20 s on.
    Series preempted = r.series().get(RunMetrics.PREEMPTIONS_SERIES);
    assertThat(preempted.t()).startsWith(10.0, 20.0, 30.0);
    assertThat(preempted.v()).startsWith(0.0, 1.0, 1.0);
    assertThat(preempted.v()[preempted.size() - 1]).isEqualTo(1.0);
    assertThat(r.series().get(RunMetrics.EVICTIONS_SERIES).v()).containsOnly(0.0);
    assertThat(r.metrics()).containsEntry("preemptions", 1.0)
        .containsEntry("pods_scheduled", 2.0)
        .containsEntry("pods_unschedulable", 0.0);
    assertThat(r.metrics().get("attempts_mean")).isGreaterThan(1.0); // high failed first
  }
}
