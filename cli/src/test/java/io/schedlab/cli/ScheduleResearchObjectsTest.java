package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schedlab schedule} passes the research plugins' objects from {@code --pods} to the run:
 * PodGroups to Coscheduling and ElasticQuotas to CapacityScheduling, with the sample profiles.
 */
class ScheduleResearchObjectsTest {
  @TempDir Path dir;

  private static final String NODES = """
      apiVersion: v1
      kind: Node
      metadata: {name: n1}
      status:
        allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
        capacity: {cpu: "4", memory: 8Gi, pods: "110"}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: n2}
      status:
        allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
        capacity: {cpu: "4", memory: 8Gi, pods: "110"}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: n3}
      status:
        allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
        capacity: {cpu: "4", memory: 8Gi, pods: "110"}
      """;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static String gang(int minMember, int members) {
    StringBuilder b = new StringBuilder("""
        apiVersion: scheduling.x-k8s.io/v1alpha1
        kind: PodGroup
        metadata: {name: trainers, namespace: default}
        spec: {minMember: %d}
        """.formatted(minMember));
    for (int i = 0; i < members; i++) {
      b.append("""
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: t-%d, namespace: default, labels: {scheduling.x-k8s.io/pod-group: trainers}}
          spec: {containers: [{name: c, image: pause, resources: {requests: {cpu: "3"}}}]}
          """.formatted(i));
    }
    return b.toString();
  }

  @Test
  void aGangThatFitsBindsWholeAndOneThatDoesNotBindsNone() throws IOException {
    Path nodes = write("nodes.yaml", NODES);
    String profile = Cli.repoPath("traces/samples/profiles/coscheduling.yaml");

    Cli fits = Cli.run("schedule", "--config", profile, "--nodes", nodes.toString(),
        "--pods", write("fits.yaml", gang(3, 3)).toString());
    assertThat(fits.exitCode()).as(fits.err()).isZero();
    assertThat(fits.out()).contains("scheduled 3/3 pods").doesNotContain("PodGroup not found");
    assertThat(fits.err()).doesNotContain("PodGroup");

    // Four members of 3 cpu on three 4-cpu nodes: room for three, so none may bind.
    Cli tooBig = Cli.run("schedule", "--config", profile, "--nodes", nodes.toString(),
        "--pods", write("too-big.yaml", gang(4, 4)).toString());
    assertThat(tooBig.exitCode()).as(tooBig.err()).isZero();
    assertThat(tooBig.out()).contains("scheduled 0/4 pods");
  }

  @Test
  void anElasticQuotaMaxKeepsAPodPending() throws IOException {
    Path nodes = write("nodes.yaml", NODES);
    Path pods = write("pods.yaml", """
        apiVersion: scheduling.x-k8s.io/v1alpha1
        kind: ElasticQuota
        metadata: {name: quota, namespace: team-a}
        spec: {min: {cpu: "2"}, max: {cpu: "2"}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a-1, namespace: team-a}
        spec: {containers: [{name: c, image: pause, resources: {requests: {cpu: 1500m}}}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a-2, namespace: team-a}
        spec: {containers: [{name: c, image: pause, resources: {requests: {cpu: 1500m}}}]}
        """);
    Cli r = Cli.run("schedule", "--config", Cli.repoPath("traces/samples/profiles/capacity-scheduling.yaml"),
        "--nodes", nodes.toString(), "--pods", pods.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("scheduled 1/2 pods")
        .contains("team-a/a-2 unschedulable")
        .contains("ElasticQuota team-a is more than Max");
  }

  @Test
  void givenNodeMetricsSteerTheLoadAwareScoreWhereRequestsTie() throws IOException {
    Path nodes = write("nodes.yaml", NODES);
    // No pod runs anywhere, so requests tie; the measured usage names one idle node, and the pod
    // follows it wherever it is.
    for (String idle : new String[] {"n2", "n3", "n1"}) {
      StringBuilder in = new StringBuilder();
      for (String n : new String[] {"n1", "n2", "n3"}) {
        in.append("""
            apiVersion: metrics.k8s.io/v1beta1
            kind: NodeMetrics
            metadata: {name: %s}
            timestamp: "2026-01-01T00:00:00Z"
            window: 15s
            usage: {cpu: %s, memory: 1Gi}
            ---
            """.formatted(n, n.equals(idle) ? "200m" : "3600m"));
      }
      in.append("""
          apiVersion: v1
          kind: Pod
          metadata: {name: web, namespace: default}
          spec: {containers: [{name: c, image: pause, resources: {requests: {cpu: 500m}}}]}
          """);
      Cli r = Cli.run("schedule", "--config", Cli.repoPath("traces/samples/profiles/target-load-packing.yaml"),
          "--nodes", nodes.toString(), "--pods", write("pods-" + idle + ".yaml", in.toString()).toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).as("idle node %s", idle).contains("default/web -> " + idle);
    }
  }

  @Test
  void malformedResearchObjectsStopTheRunInOneLine() throws IOException {
    Path nodes = write("nodes.yaml", NODES);
    Path metrics = write("bad-metrics.yaml", """
        apiVersion: metrics.k8s.io/v1beta1
        kind: NodeMetrics
        metadata: {name: n1, annotations: {schedlab.io/cpu-utilization-average: lots}}
        timestamp: "2026-01-01T00:00:00Z"
        usage: {cpu: 100m}
        """);
    Path quota = write("bad-quota.yaml", """
        apiVersion: scheduling.x-k8s.io/v1alpha1
        kind: ElasticQuota
        metadata: {name: quota, namespace: team-a}
        spec: {min: {cpu: "3"}, max: {cpu: "2"}}
        """);
    for (Path bad : new Path[] {metrics, quota}) {
      Cli r = Cli.run("schedule", "--nodes", nodes.toString(), "--pods", bad.toString());
      assertThat(r.exitCode()).as(bad.toString()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip()).startsWith("schedlab: " + bad).doesNotContain("\n").doesNotContain("Exception");
    }
  }
}
