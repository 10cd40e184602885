package io.schedlab.traces.kubedump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceEvent.NodeAdded;
import io.schedlab.traces.TraceEvent.PodSubmitted;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceFormats;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubeDumpFormatTest {
  private static final Path SAMPLES = Path.of("samples/open-simulator");
  private static final Path DUMP = Path.of("src/test/resources/kubedump/cluster-dump.yaml");

  @TempDir Path tmp;

  private record Read(List<TraceEvent> events, TraceHeader header, long badRows) {
    List<String> nodes() {
      List<String> out = new ArrayList<>();
      for (TraceEvent e : events) {
        if (e instanceof NodeAdded n) {
          out.add(n.node().metadata().name());
        }
      }
      return out;
    }

    List<PodSubmitted> pods() {
      List<PodSubmitted> out = new ArrayList<>();
      for (TraceEvent e : events) {
        if (e instanceof PodSubmitted p) {
          out.add(p);
        }
      }
      return out;
    }
  }

  /** Exact counts of the open-simulator samples (counted by kind in the files). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // 4 node YAMLs; 4 static-pod manifests x 3 masters; 3 DaemonSets, 1 Deployment,
      // 3 StorageClasses; nodes/*.json are device inventories without a kind.
      "cluster/demo_1,          4, 12, 12, 7, 2",
      "cluster/gpushare,        2,  0,  0, 0, 0",
      // 1 Pod; a Deployment, DaemonSet, Job, ReplicaSet and StatefulSet are not pods.
      "application/simple,      0,  1,  0, 5, 0",
      "application/gpushare,    0,  3,  0, 1, 0"})
  void openSimulatorSamples(String folder, int nodes, int pods, int bound, int ignored,
      int skippedFiles) {
    Read r = read(TraceOptions.DEFAULTS, SAMPLES.resolve(folder));
    assertThat(r.nodes()).hasSize(nodes);
    assertThat(r.pods()).hasSize(pods);
    assertThat(r.pods()).filteredOn(p -> p.pod().spec().nodeName() != null).hasSize(bound);
    assertThat(r.events()).allMatch(e -> e.timeNanos() == 0);
    assertThat(r.header().attributes()).containsEntry("nodes", Integer.toString(nodes))
        .containsEntry("pods", Integer.toString(pods))
        .containsEntry("ignoredObjects", Integer.toString(ignored))
        .containsEntry("skippedFiles", Integer.toString(skippedFiles));
  }

  @Test
  void demoClusterStaticPodsStayOnTheirMasters() {
    Read r = read(TraceOptions.DEFAULTS, SAMPLES.resolve("cluster/demo_1"));
    assertThat(r.nodes()).containsExactly("master-1", "master-2", "master-3", "worker-1");
    assertThat(r.pods()).extracting(p -> p.pod().spec().nodeName())
        .containsOnly("master-1", "master-2", "master-3");
    // Every node comes before every pod.
    assertThat(r.events().subList(0, 4)).allMatch(e -> e instanceof NodeAdded);
  }

  @Test
  void kubectlListDumpIsReadAsAnInitialState() {
    Read r = read(TraceOptions.DEFAULTS, DUMP);
    assertThat(r.nodes()).containsExactly("node-a", "node-b");
    assertThat(r.pods()).extracting(p -> p.pod().metadata().namespace() + "/"
            + p.pod().metadata().name() + "@" + p.pod().spec().nodeName())
        .containsExactly("kube-system/coredns-1@node-a", "shop/web-1@node-b", "shop/web-2@null");
    NodeAdded a = (NodeAdded) r.events().get(0);
    assertThat(a.node().status().allocatable()).containsEntry("cpu", Quantity.parse("7800m"));
    assertThat(a.node().spec().taints()).hasSize(1);
    assertThat(r.pods()).allMatch(p -> p.durationNanos() == PodSubmitted.UNKNOWN_DURATION);
    assertThat(r.header().format()).isEqualTo("kube-dump");
  }

  @Test
  void severalInputsAreReadInOrder() {
    Read r = read(TraceOptions.DEFAULTS, SAMPLES.resolve("cluster/gpushare"),
        SAMPLES.resolve("application/gpushare"), DUMP);
    assertThat(r.nodes()).containsExactly("pai-node-00", "pai-node-01", "node-a", "node-b");
    assertThat(r.pods()).hasSize(6);
  }

  @Test
  void malformedFileNamesFileAndLineAndIsSkippedWhenAsked() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dump"));
    Files.copy(DUMP, dir.resolve("a.yaml"));
    Path bad = dir.resolve("b.yaml");
    Files.writeString(bad, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: [\n");
    assertThatThrownBy(() -> read(TraceOptions.DEFAULTS, dir))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith(bad + ":")
        .satisfies(e -> assertThat(((TraceFormatException) e).line()).isPositive())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    Read r = read(new TraceOptions(true, Map.of()), dir);
    assertThat(r.badRows()).isEqualTo(1);
    assertThat(r.nodes()).hasSize(2);
    assertThat(r.pods()).hasSize(3);
  }

  @Test
  void wrongFieldTypeNamesTheField() throws IOException {
    Path bad = tmp.resolve("pod.yaml");
    Files.writeString(bad, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n"
        + "  containers:\n  - name: c\n    resources:\n      requests:\n        cpu: lots\n");
    assertThatThrownBy(() -> read(TraceOptions.DEFAULTS, bad))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith(bad + ": ")
        .hasMessageContaining("spec.containers[0].resources.requests.cpu");
  }

  @Test
  void missingInputIsNamed() {
    Path missing = tmp.resolve("nope.yaml");
    assertThatThrownBy(() -> read(TraceOptions.DEFAULTS, missing))
        .hasMessage(missing + ": expected a file or a folder, got nothing (no such file)");
  }

  @Test
  void registeredInTraceFormats() {
    assertThat(TraceFormats.names()).contains("kube-dump", "alibaba-gpu-2023");
    assertThat(TraceFormats.get("kube-dump")).isInstanceOf(KubeDumpFormat.class);
  }

  private static Read read(TraceOptions options, Path... inputs) {
    List<TraceEvent> events = new ArrayList<>();
    try (TraceSource s = new KubeDumpFormat().open(List.of(inputs), options)) {
      s.forEachRemaining(events::add);
      return new Read(events, s.header(), s.badRows());
    }
  }
}
