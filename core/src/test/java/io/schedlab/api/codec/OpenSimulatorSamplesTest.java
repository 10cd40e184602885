package io.schedlab.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the hand-written example manifests of alibaba/open-simulator (a copy with its README
 * under samples/open-simulator) and checks the counts of {@code kind:} its README states.
 */
class OpenSimulatorSamplesTest {
  private static ReadResult result;
  private static Map<String, Integer> countByKind;

  @BeforeAll
  static void readSamples() throws URISyntaxException {
    Path dir = Path.of(OpenSimulatorSamplesTest.class.getResource("/samples/open-simulator")
        .toURI());
    result = KubeCodec.readAllWithWarnings(dir);
    countByKind = new TreeMap<>();
    for (KubeObject o : result.objects()) {
      countByKind.merge(o.kind(), 1, Integer::sum);
    }
  }

  /** README: "Pod 17 (static + plain), Node 9, Deployment 8, StatefulSet 8, DaemonSet 4, ..." */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"Pod, 17", "Node, 9", "Deployment, 8", "StatefulSet, 8", "DaemonSet, 4",
      "ReplicaSet, 2", "Job, 1", "StorageClass, 3", "Config, 1"})
  void countsMatchTheReadme(String kind, int count) {
    assertThat(countByKind.getOrDefault(kind, 0)).isEqualTo(count);
  }

  @Test
  void openLocalJsonFilesAreSkippedWithWarnings() {
    List<String> skipped = result.warnings().stream()
        .map(w -> Path.of(w.substring(0, w.indexOf(": "))).getFileName().toString())
        .toList();
    assertThat(skipped).containsExactly("master-1.json", "worker-1.json", "node-1.json");
  }

  @Test
  void mixedQuantityStylesReadAlike() {
    Node pai = node("pai-node-00");
    assertThat(pai.status().allocatable().get("cpu")).isEqualTo(Quantity.parse("64"));
    assertThat(pai.status().allocatable().get("memory").toString()).isEqualTo("250Gi");
    assertThat(pai.status().allocatable().get("alibabacloud.com/gpu-count").value())
        .isEqualTo(2);
    assertThat(pai.status().allocatable().get("pods").value()).isEqualTo(110);
  }

  /** README quirk: the demo_1 nodes advertise more allocatable than capacity. */
  @Test
  void demoNodesKeepAllocatableLargerThanCapacity() {
    Node master = node("master-1");
    assertThat(master.status().capacity().get("cpu").value()).isEqualTo(4);
    assertThat(master.status().allocatable().get("cpu").value()).isEqualTo(8);
    assertThat(master.spec().taints()).extracting(Object::toString)
        .contains("node-role.kubernetes.io/master:NoSchedule");
  }

  @Test
  void gpuSharePodCarriesItsDemandInAnnotations() {
    Pod pod = (Pod) result.objects().stream()
        .filter(o -> o instanceof Pod && "gpu-pod-00".equals(o.metadata().name()))
        .findFirst().orElseThrow();
    assertThat(pod.metadata().annotations()).containsEntry("alibabacloud.com/gpu-mem", "1024Mi");
    assertThat(pod.spec().containers().get(0).resources().requests().get("cpu").value())
        .isEqualTo(4);
  }

  private static Node node(String name) {
    return (Node) result.objects().stream()
        .filter(o -> o instanceof Node && name.equals(o.metadata().name()))
        .findFirst().orElseThrow();
  }
}
