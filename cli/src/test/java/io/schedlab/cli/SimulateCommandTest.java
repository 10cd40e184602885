package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code schedlab simulate} on the sample scenarios: the node-failure sequence at upstream's
 * times, checkpoints that resume into the same log, trace replay, bad input.
 */
class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCENARIOS = "traces/samples/scenarios/";
  private static final String NODE_FAILURE = Cli.repoPath(SCENARIOS + "node-failure.yaml");

  private static List<JsonNode> events(Path file) throws IOException {
    return EventLog.read(file);
  }

  private static Stream<JsonNode> of(List<JsonNode> events, String type) {
    return events.stream().filter(e -> e.get("type").asText().equals(type));
  }

  /**
   * The acceptance: node-3 crashes at 60 s; Ready turns Unknown about 40 s later (within
   * one 5 s monitor period), the NoExecute taint follows, the pods are evicted about 300 s after
   * that, and their replacements are scheduled on the other nodes.
   */
  @Test
  void nodeFailureFollowsUpstreamsTimings(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("events.jsonl");
    Cli r = Cli.run("simulate", "--scenario", NODE_FAILURE, "--events-out", log.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("simulated 10m0s of node-failure");
    List<JsonNode> ev = events(log);
    assertThat(ev).allMatch(e -> e.has("t") && e.has("type"));

    assertThat(of(ev, "fault").filter(e -> e.path("node").asText().equals("node-3")))
        .allMatch(e -> e.get("t").asDouble() == 60.0).isNotEmpty();
    double unknown = of(ev, "node_condition")
        .filter(e -> e.path("node").asText().equals("node-3")
            && e.path("condition").asText().equals("Ready")
            && e.path("status").asText().equals("Unknown"))
        .findFirst().orElseThrow().get("t").asDouble();
    assertThat(unknown).isBetween(100.0, 105.0);
    double tainted = of(ev, "taint_added")
        .filter(e -> e.path("node").asText().equals("node-3")
            && e.path("taint").asText().equals("node.kubernetes.io/unreachable:NoExecute"))
        .findFirst().orElseThrow().get("t").asDouble();
    assertThat(tainted).isBetween(unknown, unknown + 10);

    Set<String> onNode3 = new HashSet<>();
    of(ev, "pod_bound").filter(e -> e.path("node").asText().equals("node-3"))
        .forEach(e -> onNode3.add(e.get("pod").asText()));
    List<JsonNode> evicted = of(ev, "pod_evicted").toList();
    assertThat(evicted).extracting(e -> e.get("pod").asText())
        .containsExactlyInAnyOrderElementsOf(onNode3);
    assertThat(evicted).allSatisfy(e -> assertThat(e.get("t").asDouble())
        .isBetween(tainted + 300, tainted + 301));
    double evictedAt = evicted.get(0).get("t").asDouble();
    List<JsonNode> replacements = of(ev, "pod_bound")
        .filter(e -> e.get("t").asDouble() >= evictedAt).toList();
    assertThat(replacements).hasSize(onNode3.size())
        .allMatch(e -> !e.get("node").asText().equals("node-3"));
    assertThat(of(ev, "pod_bound").filter(e -> e.get("t").asDouble() > 60
        && e.get("node").asText().equals("node-3"))).isEmpty();
  }

  /** Checkpoints before, during and after the failure: each resumes into the same log. */
  @ParameterizedTest(name = "at {0}s")
  @org.junit.jupiter.params.provider.ValueSource(doubles = {0.5, 60, 105.1, 200, 405.1, 599})
  void aResumedCheckpointWritesTheRestOfTheUninterruptedLog(double at, @TempDir Path dir)
      throws IOException {
    Path whole = dir.resolve("whole.jsonl");
    Path cp = dir.resolve("cp.json");
    Path rest = dir.resolve("rest.jsonl");
    Cli a = Cli.run("simulate", "--scenario", NODE_FAILURE, "--checkpoint-at", at + "s",
        "--checkpoint-out", cp.toString(), "--events-out", whole.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(a.out()).contains("checkpoint at ").contains("written to");
    Cli b = Cli.run("simulate", "--resume", cp.toString(), "--events-out", rest.toString());
    assertThat(b.exitCode()).as(b.err()).isZero();

    List<String> after = new ArrayList<>();
    for (String line : Files.readAllLines(whole)) {
      if (JSON.readTree(line).get("t").asDouble() > at) {
        after.add(line);
      }
    }
    assertThat(Files.readAllLines(rest)).isEqualTo(after);
  }

  @Test
  void aCheckpointForksIntoAnotherProfile(@TempDir Path dir) throws IOException {
    Path cp = dir.resolve("cp.json");
    Cli a = Cli.run("simulate", "--scenario", NODE_FAILURE, "--checkpoint-at", "200s",
        "--checkpoint-out", cp.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();

    // A fork: the same state, then another scheduler profile.
    Path config = dir.resolve("most-allocated.yaml");
    Files.writeString(config, """
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        profiles:
        - schedulerName: default-scheduler
          pluginConfig:
          - name: NodeResourcesFit
            args: {scoringStrategy: {type: MostAllocated}}
        """);
    Cli fork = Cli.run("simulate", "--resume", cp.toString(), "--config", config.toString());
    assertThat(fork.exitCode()).as(fork.err()).isZero();
  }

  @Test
  void replaysARecordedTrace(@TempDir Path dir) throws IOException {
    Path nodes = dir.resolve("nodes.csv");
    Path pods = dir.resolve("pods.csv");
    Files.writeString(nodes, "sn,cpu_milli,memory_mib,gpu,model\n"
        + "n1,32000,65536,0,\nn2,32000,65536,0,\n");
    Files.writeString(pods, "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,"
        + "creation_time,deletion_time,scheduled_time\n"
        + "p0,4000,4096,0,0,,LS,Succeeded,10,70,10\n"
        + "p1,4000,4096,0,0,,LS,Succeeded,20,50,20\n");
    Path log = dir.resolve("events.jsonl");
    Cli r = Cli.run("simulate", "--trace", nodes.toString(), pods.toString(), "--from",
        "alibaba-gpu-2023", "--events-out", log.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<JsonNode> ev = events(log);
    assertThat(of(ev, "pod_started")).hasSize(2);
    assertThat(of(ev, "pod_completed")).extracting(e -> e.get("pod").asText())
        .containsExactlyInAnyOrder("default/p0", "default/p1");
  }

  @Test
  void aNodesStaticPodsRunAsMirrorPods(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("static"));
    Files.writeString(dir.resolve("static/proxy.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata: {name: proxy, namespace: kube-system}
        spec:
          containers: [{name: p, image: proxy:1, resources: {requests: {cpu: 100m}}}]
        """);
    Path s = dir.resolve("s.yaml");
    Files.writeString(s, """
        apiVersion: schedlab.io/v1alpha1
        kind: Scenario
        metadata: {name: static}
        spec:
          until: 1m
          cluster:
            objects:
            - apiVersion: v1
              kind: Node
              metadata:
                name: n1
                annotations: {schedlab.io/static-pod-path: static}
              status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
        """);
    Path log = dir.resolve("e.jsonl");
    Cli r = Cli.run("simulate", "--scenario", s.toString(), "--events-out", log.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<JsonNode> ev = events(log);
    assertThat(of(ev, "pod_created")).extracting(e -> e.get("pod").asText())
        .containsExactly("kube-system/proxy-n1");
    assertThat(of(ev, "pod_started")).extracting(e -> e.get("node").asText()).containsExactly("n1");
    assertThat(of(ev, "pod_scheduled")).isEmpty();
  }

  @Test
  void aPodWithAnUnknownPriorityClassIsRefusedByAdmission(@TempDir Path dir) throws IOException {
    Path s = dir.resolve("s.yaml");
    Files.writeString(s, """
        apiVersion: schedlab.io/v1alpha1
        kind: Scenario
        metadata: {name: p}
        spec:
          until: 1m
          workloads:
          - at: 5s
            objects:
            - {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: default}, spec: {priorityClassName: gold, containers: [{name: c, image: x}]}}
        """);
    Cli r = Cli.run("simulate", "--scenario", s.toString(), "--events-out",
        dir.resolve("e.jsonl").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .contains("Pod default/p: spec.priorityClassName: no PriorityClass with name gold was found");
    assertThat(dir.resolve("e.jsonl")).doesNotExist();
  }

  @Test
  void writesTheRunsMetrics(@TempDir Path dir) throws IOException {
    Path m = dir.resolve("metrics");
    Cli r = Cli.run("simulate", "--scenario", NODE_FAILURE, "--metrics-out", m.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("evictions").contains("metrics written to");
    List<String> rows = Files.readAllLines(m.resolve("summary.csv"));
    assertThat(rows).contains("node-failure,1,evictions,pods,3",
        "node-failure,1,pods_scheduled,pods,23");
    assertThat(Files.readAllLines(m.resolve("series.csv"))).anyMatch(l -> l.startsWith("pending_pods,"));
    assertThat(m.resolve("latency.csv")).exists();
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("missing scenario", List.of("--scenario", "no/such.yaml"),
            "no/such.yaml: no such file"),
        Arguments.of("checkpoint time without file",
            List.of("--scenario", NODE_FAILURE, "--checkpoint-at", "1m"),
            "--checkpoint-at and --checkpoint-out go together"),
        Arguments.of("bad until", List.of("--scenario", NODE_FAILURE, "--until", "later"),
            "--until: expected a duration"),
        Arguments.of("resume from a file that is no checkpoint",
            List.of("--resume", NODE_FAILURE), "expected a schedlab checkpoint"),
        Arguments.of("missing checkpoint", List.of("--resume", "no/such.ckpt"),
            "no/such.ckpt: no such file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputIsOneLineAndLeavesNoLog(String name, List<String> args, String message,
      @TempDir Path dir) {
    List<String> all = new ArrayList<>(List.of("simulate", "--events-out",
        dir.resolve("e.jsonl").toString()));
    all.addAll(args);
    Cli r = Cli.run(all.toArray(String[]::new));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(message);
    assertThat(dir.resolve("e.jsonl")).doesNotExist();
  }

  @Test
  void aScenarioErrorNamesFileAndField(@TempDir Path dir) throws IOException {
    Path s = dir.resolve("s.yaml");
    Files.writeString(s, """
        apiVersion: schedlab.io/v1alpha1
        kind: Scenario
        metadata: {name: s}
        spec:
          events:
          - {at: 10s, action: crash-node, node: ghost}
        """);
    Cli r = Cli.run("simulate", "--scenario", s.toString(), "--events-out",
        dir.resolve("e.jsonl").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .contains(s.toString()).contains("crash-node").contains("no node ghost");
    assertThat(dir.resolve("e.jsonl")).doesNotExist();
    assertThat(Files.list(dir)).hasSize(1);
  }
}
