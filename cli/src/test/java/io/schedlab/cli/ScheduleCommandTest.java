package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedule} on small hand-made inputs. */
class ScheduleCommandTest {
  private static final String TWO_NODES = """
      apiVersion: v1
      kind: Node
      metadata: {name: n1}
      status:
        allocatable: {cpu: "2", memory: 4Gi, pods: "10"}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: n2}
      status:
        allocatable: {cpu: "2", memory: 4Gi, pods: "10"}
      """;

  @TempDir Path dir;

  private String write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  private static String pod(String name, String extraSpec) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + "}\nspec:\n" + extraSpec
        + "  containers:\n  - name: main\n    resources: {requests: {cpu: \"1\"}}\n---\n";
  }

  @Test
  void podsOfAnotherSchedulerAreSkipped() throws IOException {
    String nodes = write("nodes.yaml", TWO_NODES);
    String pods = write("pods.yaml", pod("mine", "") + pod("theirs", "  schedulerName: other\n"));
    Cli r = Cli.run("schedule", "--nodes", nodes, "--pods", pods);
    assertThat(r.exitCode()).isZero();
    assertThat(r.outLines().get(1)).isEqualTo("default/theirs skipped: schedulerName \"other\""
        + " matches no profile of this scheduler");
    assertThat(r.outLines().get(2)).startsWith(
        "scheduled 1/2 pods on 2 nodes (0 unschedulable, 1 skipped) in ");
  }

  @Test
  void boundPodsTakeRoomButGetNoLine() throws IOException {
    String nodes = write("nodes.yaml", TWO_NODES);
    String pods = write("pods.yaml", pod("running", "  nodeName: n1\n")
        + pod("big", "").replace("cpu: \"1\"", "cpu: \"2\""));
    Cli r = Cli.run("schedule", "--nodes", nodes, "--pods", pods);
    assertThat(r.outLines()).hasSize(2);
    assertThat(r.outLines().get(0)).isEqualTo("default/big -> n2");
    assertThat(r.outLines().get(1)).startsWith("scheduled 1/1 pods on 2 nodes in ");
  }

  @Test
  void unschedulableLineCarriesTheFitError() throws IOException {
    String nodes = write("nodes.yaml", TWO_NODES);
    String pods = write("pods.yaml", pod("huge", "").replace("cpu: \"1\"", "cpu: \"3\""));
    Cli r = Cli.run("schedule", "--nodes", nodes, "--pods", pods);
    assertThat(r.exitCode()).isZero();
    assertThat(r.outLines()).first().isEqualTo(
        "default/huge unschedulable: 0/2 nodes are available: 2 Insufficient cpu."
            + " preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.");
    assertThat(r.outLines().get(1)).startsWith("scheduled 0/1 pods on 2 nodes (1 unschedulable)");
  }

  @Test
  void priorityClassesInTheNodesPathResolveClassNames() throws IOException {
    String node = "apiVersion: v1\nkind: Node\nmetadata: {name: only}\n"
        + "status: {allocatable: {cpu: \"1\", pods: \"10\"}}\n";
    String urgent = "---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\n"
        + "metadata: {name: urgent}\nvalue: 1000\n";
    String pods = write("pods.yaml", pod("p", "  priorityClassName: urgent\n"));
    Cli with = Cli.run("schedule", "--nodes", write("with.yaml", node + urgent), "--pods", pods);
    assertThat(with.exitCode()).as(with.err()).isZero();
    assertThat(with.outLines().get(0)).isEqualTo("default/p -> only");
    Cli without = Cli.run("schedule", "--nodes", write("without.yaml", node), "--pods", pods);
    assertThat(without.exitCode()).isEqualTo(2);
    assertThat(without.errLines()).containsExactly("schedlab: " + pods + ": Pod default/p: "
        + "spec.priorityClassName: no PriorityClass with name urgent was found");
  }

  @Test
  void aNodesPathWithoutNodesIsBadInput() throws IOException {
    String nodes = write("empty.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    String pods = write("pods.yaml", pod("p", ""));
    Cli r = Cli.run("schedule", "--nodes", nodes, "--pods", pods);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "schedlab: " + nodes + ": no Node object found; expected at least one");
  }

  @Test
  void duplicateNodeNamesAreBadInput() throws IOException {
    String nodes = write("nodes.yaml", TWO_NODES.replace("name: n2", "name: n1"));
    String pods = write("pods.yaml", pod("p", ""));
    Cli r = Cli.run("schedule", "--nodes", nodes, "--pods", pods);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("schedlab: " + nodes
        + ": Node n1: metadata.name: Duplicate value: another Node in the input has this name");
  }

  @Test
  void aReservedPriorityClassNameIsBadInput() throws IOException {
    String nodes = write("nodes.yaml", TWO_NODES);
    String pods = write("pods.yaml", pod("p", "")
        + "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: system-x}\n"
        + "value: 5\n");
    Cli r = Cli.run("schedule", "--nodes", nodes, "--pods", pods);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("schedlab: " + pods + ": PriorityClass system-x: metadata.name: Forbidden");
  }
}
