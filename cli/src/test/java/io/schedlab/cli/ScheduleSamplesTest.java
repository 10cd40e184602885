package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code schedule} on the sample folders kept in traces/samples. */
class ScheduleSamplesTest {
  private static final String DEMO_NODES =
      Cli.repoPath("traces/samples/open-simulator/cluster/demo_1");
  private static final String SIMPLE_APP =
      Cli.repoPath("traces/samples/open-simulator/application/simple");
  private static final String FGD_NODES =
      Cli.repoPath("traces/samples/fgd-quickstart/test-cluster/node");
  private static final String FGD_PODS =
      Cli.repoPath("traces/samples/fgd-quickstart/test-cluster/pod");

  private static final Pattern PLACED = Pattern.compile("[a-z0-9-]+/[a-z0-9.-]+ -> [a-z0-9.-]+");
  private static final Pattern SUMMARY = Pattern.compile(
      "scheduled \\d+/\\d+ pods on \\d+ nodes( \\(\\d+ unschedulable\\))? in \\d+\\.\\d\\d s wall,"
          + " seed \\d+");

  private static void assertEveryPodHasALine(Cli r, int pods, int nodes) {
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.outLines();
    assertThat(lines).hasSize(pods + 1);
    Pattern unschedulable = Pattern.compile(
        "[a-z0-9-]+/[a-z0-9.-]+ unschedulable: 0/" + nodes + " nodes are available: .+");
    for (String line : lines.subList(0, pods)) {
      assertThat(PLACED.matcher(line).matches() || unschedulable.matcher(line).matches())
          .as(line).isTrue();
    }
    assertThat(lines.get(pods)).matches(SUMMARY);
  }

  @Test
  void openSimulatorSimpleOnDemoCluster() {
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP);
    // 4 Deployment + 1 DaemonSet (worker-1 only: the others are masters) + 1 Job + 1 Pod
    // + 2 ReplicaSet + 8 StatefulSet pods.
    assertEveryPodHasALine(r, 17, 4);
    assertThat(r.outLines()).contains("simple/busybox-sts-new-0 -> " + nodeOf(r,
        "simple/busybox-sts-new-0"));
    assertThat(r.outLines()).anySatisfy(l -> assertThat(l).startsWith("simple/busybox-ds-")
        .endsWith(" -> worker-1"));
    assertThat(r.outLines()).anySatisfy(l -> assertThat(l).startsWith("default/pi-"));
    // The StatefulSet's 8 replicas repel each other by hostname (required anti-affinity), so
    // only 4 of them fit the 4 nodes.
    assertThat(r.outLines())
        .filteredOn(l -> l.startsWith("simple/busybox-sts-new-") && l.contains(" unschedulable: "))
        .hasSize(4)
        .allSatisfy(l -> assertThat(l).endsWith(
            " unschedulable: 0/4 nodes are available: 4 node(s) didn't match pod anti-affinity rules."
                + " preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod."));
    assertThat(r.outLines().get(17)).startsWith("scheduled 13/17 pods on 4 nodes (4 unschedulable) in ");
  }

  @Test
  void demoClusterNotesTellWhatWasLeftOut() {
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP);
    assertThat(r.errLines()).hasSize(3);
    assertThat(r.errLines().get(0))
        .startsWith("note: skipped 2 files holding no Kubernetes object: ")
        .contains("master-1.json", "worker-1.json");
    assertThat(r.errLines().get(1)).isEqualTo("note: left out objects of kinds schedule does not"
        + " use here: --nodes: 3 DaemonSet, 12 Pod, 1 Deployment, 3 StorageClass");
    assertThat(r.errLines().get(2))
        .startsWith("note: default plugins not modelled yet, left out: ")
        .contains("VolumeBinding");
  }

  @Test
  void fgdQuickstart() {
    Cli r = Cli.run("schedule", "--nodes", FGD_NODES, "--pods", FGD_PODS);
    assertEveryPodHasALine(r, 3, 2);
    assertThat(r.outLines().subList(0, 3)).allSatisfy(l -> assertThat(l).startsWith("pai-gpu/"));
  }

  @Test
  void fgdQuickstartWithTheArtifactsPolicyInV1() {
    String config = Cli.repoPath("traces/samples/fgd-quickstart/schedlab-scheduler-config.yaml");
    for (String seed : List.of("0", "1", "2")) {
      Cli r = Cli.run("schedule", "--nodes", FGD_NODES, "--pods", FGD_PODS, "--config", config,
          "--seed", seed);
      assertEveryPodHasALine(r, 3, 2);
      assertThat(r.outLines().get(3)).startsWith("scheduled 3/3 pods on 2 nodes in ");
    }
  }

  @Test
  void unschedulablePodsCarryTheFitErrorAndAreCounted() {
    String complicate = Cli.repoPath("traces/samples/open-simulator/application/complicate");
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", complicate);
    int pods = r.outLines().size() - 1;
    assertEveryPodHasALine(r, pods, 4);
    long unschedulable = r.outLines().stream().filter(l -> l.contains(" unschedulable: ")).count();
    assertThat(unschedulable).isPositive();
    assertThat(r.outLines().get(pods)).contains("(" + unschedulable + " unschedulable)");
    // complicate/ holds an extra Node, which --pods does not take.
    assertThat(r.err()).contains("--pods: 1 Node");
  }

  @Test
  void jsonOutputParsesAndMatchesTheText() throws Exception {
    Cli text = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP);
    Cli json = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP,
        "--output", "json");
    assertThat(json.exitCode()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.out());
    JsonNode pods = root.get("pods");
    assertThat(pods.size()).isEqualTo(17);
    for (int i = 0; i < pods.size(); i++) {
      JsonNode p = pods.get(i);
      String expected = p.get("node").isNull()
          ? p.get("pod").asText() + " unschedulable: " + p.get("message").asText()
          : p.get("pod").asText() + " -> " + p.get("node").asText();
      assertThat(text.outLines().get(i)).isEqualTo(expected);
      assertThat(p.get("attempts").asInt()).isPositive();
      assertThat(p.get("message").isNull()).isEqualTo(!p.get("node").isNull());
    }
    JsonNode summary = root.get("summary");
    assertThat(summary.get("pods").asInt()).isEqualTo(17);
    assertThat(summary.get("scheduled").asInt()).isEqualTo(13);
    assertThat(summary.get("nodes").asInt()).isEqualTo(4);
    assertThat(summary.get("seed").asLong()).isZero();
  }

  @Test
  void jsonOutputOfUnschedulablePods() throws Exception {
    String complicate = Cli.repoPath("traces/samples/open-simulator/application/complicate");
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", complicate, "--output", "json");
    JsonNode root = new ObjectMapper().readTree(r.out());
    int unschedulable = 0;
    for (JsonNode p : root.get("pods")) {
      if (p.get("node").isNull()) {
        unschedulable++;
        assertThat(p.get("status").asText()).isEqualTo("unschedulable");
        assertThat(p.get("message").asText()).startsWith("0/4 nodes are available: ");
      }
    }
    assertThat(unschedulable).isPositive();
    assertThat(root.get("summary").get("unschedulable").asInt()).isEqualTo(unschedulable);
  }

  @Test
  void sameSeedSameOutputOtherSeedOtherNames() {
    Cli a = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP, "--seed", "5");
    Cli b = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP, "--seed", "5");
    Cli c = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP, "--seed", "6");
    List<String> podsA = a.outLines().subList(0, 17);
    assertThat(b.outLines().subList(0, 17)).isEqualTo(podsA);
    assertThat(c.outLines().subList(0, 17)).isNotEqualTo(podsA);
    assertThat(a.outLines().get(17)).endsWith("seed 5");
  }

  @Test
  void configFileIsApplied() {
    Cli r = Cli.run("schedule", "--nodes", FGD_NODES, "--pods", FGD_PODS,
        "--config", Cli.fixture("most-allocated-config.yaml"));
    assertEveryPodHasALine(r, 3, 2);
    // MostAllocated packs: the second pod joins the first on its node, where the default
    // LeastAllocated spreads it to the empty one.
    assertThat(nodeOf(r, "pai-gpu/gpu-pod-01")).isEqualTo(nodeOf(r, "pai-gpu/gpu-pod-00"));
    Cli defaults = Cli.run("schedule", "--nodes", FGD_NODES, "--pods", FGD_PODS);
    assertThat(nodeOf(defaults, "pai-gpu/gpu-pod-01"))
        .isNotEqualTo(nodeOf(defaults, "pai-gpu/gpu-pod-00"));
  }

  private static String nodeOf(Cli r, String pod) {
    for (String line : r.outLines()) {
      if (line.startsWith(pod + " -> ")) {
        return line.substring(pod.length() + 4);
      }
    }
    throw new AssertionError(pod + " not placed in:\n" + r.out());
  }
}
