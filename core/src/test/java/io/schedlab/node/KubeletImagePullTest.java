package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ContainerImage;
import io.schedlab.api.Node;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeletImagePullTest {
  private static final KubeletConfig CONFIG = KubeletConfig.DEFAULTS
      .withImagePulls(10_000_000L, 500_000_000L, 20_000_000L) // 10 MB/s, 0.5 s, 20 MB
      .withImageSizes(Map.of("catalog:1", 50_000_000L));

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of("image on the node starts at once", KubeletHarness.PRESENT_IMAGE, Map.of(),
            0.0),
        Arguments.of("size from the catalog", "catalog:1", Map.of(), 5.5),
        Arguments.of("size from the pod annotation", "other:1",
            Map.of(WorkloadAnnotations.IMAGE_SIZE, "30000000"), 3.5),
        Arguments.of("default size", "other:1", Map.of(), 2.5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sizes")
  void pullTakesLatencyPlusSizeOverBandwidth(String name, String image,
      Map<String, String> annotations, double startedAt) {
    KubeletHarness h = new KubeletHarness();
    h.kubelet(KubeletHarness.node("n1", "4", "8Gi", List.of()), CONFIG);
    h.store.create(KubeletHarness.pod("p", "n1", image, Map.of(), annotations));
    h.runTo(1);
    if (startedAt > 0) {
      assertThat(h.get("p").status().phase()).isEqualTo("Pending");
      assertThat(h.get("p").status().containerStatuses().get(0).state().waiting().reason())
          .isEqualTo("ContainerCreating");
    }
    h.runTo(30);
    assertThat(h.times(SimEvent.Types.POD_STARTED, "default/p")).containsExactly(startedAt);
  }

  static Stream<Arguments> policies() {
    return Stream.of(
        Arguments.of("nginx", true),
        Arguments.of("nginx:latest", true),
        Arguments.of("localhost:5000/nginx", true),
        Arguments.of("nginx:1.27", false),
        Arguments.of("localhost:5000/nginx:1.27", false),
        Arguments.of("nginx@sha256:0123", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void defaultPullPolicy(String image, boolean always) {
    assertThat(Kubelet.pullsAlways(image)).isEqualTo(always);
  }

  @Test
  void latestImageOnTheNodeStillAsksTheRegistry() {
    KubeletHarness h = new KubeletHarness();
    Node template = KubeletHarness.node("n1", "4", "8Gi", List.of());
    template = template.withStatus(template.status().withImages(List.of(
        new ContainerImage(List.of("tool:latest"), 90_000_000L))));
    h.kubelet(template, CONFIG);
    h.store.create(KubeletHarness.pod("p", "n1", "tool:latest", Map.of(), Map.of()));
    h.runTo(10);
    assertThat(h.times(SimEvent.Types.POD_STARTED, "default/p")).containsExactly(0.5);
  }

  @Test
  void pullsAreSerializedAndSharedAndReported() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet(KubeletHarness.node("n1", "4", "8Gi", List.of()), CONFIG);
    h.store.create(KubeletHarness.pod("a", "n1", "catalog:1", Map.of(), Map.of()));
    h.store.create(KubeletHarness.pod("b", "n1", "other:1", Map.of(), Map.of()));
    h.store.create(KubeletHarness.pod("c", "n1", "catalog:1", Map.of(), Map.of()));
    h.runTo(60);
    assertThat(h.times(SimEvent.Types.POD_STARTED, "default/a")).containsExactly(5.5);
    // serializeImagePulls: b's pull waits for a's
    assertThat(h.times(SimEvent.Types.POD_STARTED, "default/b")).containsExactly(8.0);
    // c shares a's pull
    assertThat(h.times(SimEvent.Types.POD_STARTED, "default/c")).containsExactly(5.5);
    List<String> names = new ArrayList<>();
    for (ContainerImage i : h.store.get(Node.class, null, "n1").status().images()) {
      names.add(i.names().get(0) + "=" + i.sizeBytes());
    }
    // largest first, as the kubelet reports them
    assertThat(names).containsExactly("catalog:1=50000000", "other:1=20000000",
        KubeletHarness.PRESENT_IMAGE + "=700000");
  }
}
