package io.schedlab.plugins.imagelocality;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.plugins.testsupport.PluginHarness;
import io.schedlab.testing.NodeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageLocalityTest {
  private static final long MB = 1024 * 1024;

  private static PodInfo pod(PluginHarness h, String... images) {
    StringBuilder containers = new StringBuilder();
    for (int i = 0; i < images.length; i++) {
      containers.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append("\",\"image\":\"")
          .append(images[i]).append("\"}");
    }
    return h.compile(KubeCodec.read(
        "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[" + containers + "]}}", Pod.class));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "gcr.io/pause, gcr.io/pause:latest",
    "gcr.io/pause:3.10, gcr.io/pause:3.10",
    "localhost:5000/pause, localhost:5000/pause:latest",
    "localhost:5000/pause:v1, localhost:5000/pause:v1",
    "pause@sha256:abc, pause@sha256:abc",
    "pause, pause:latest"
  })
  void normalizedImageName(String name, String normalized) {
    assertThat(ImageLocality.normalizedImageName(name)).isEqualTo(normalized);
  }

  @ParameterizedTest(name = "sum {0} MiB over {1} containers -> {2}")
  @CsvSource({
    "0, 1, 0",
    "23, 1, 0",
    "24, 1, 0",
    "34, 1, 1",
    "1000, 1, 100",
    "5000, 1, 100",
    "1000, 2, 49",
    "0, 0, 0"
  })
  void calculatePriority(long sumMiB, int containers, long score) {
    assertThat(ImageLocality.calculatePriority(sumMiB * MB, containers)).isEqualTo(score);
  }

  @Test
  void imageScoreIsDampedByItsShareOfNodes() {
    // 500 MiB on 1 of 2 nodes counts 250 MiB: 100 * (250 - 23) / (1000 - 23) = 23.
    // Once both nodes hold it, it counts fully: 100 * (500 - 23) / 977 = 48.
    PluginHarness one = new PluginHarness(List.of(
        NodeBuilder.node("a").image("big:latest", 500 * MB).build(), NodeBuilder.node("b").build()), List.of());
    PluginHarness both = new PluginHarness(List.of(
        NodeBuilder.node("a").image("big:latest", 500 * MB).build(),
        NodeBuilder.node("b").image("big:latest", 500 * MB).build()), List.of());
    assertThat(scores(one, pod(one, "big"))).containsExactly(23, 0);
    assertThat(scores(both, pod(both, "big"))).containsExactly(48, 48);
  }

  @Test
  void everyContainerCountsEvenWithTheSameImage() {
    PluginHarness h = new PluginHarness(List.of(NodeBuilder.node("a").image("big:v1", 500 * MB).build()), List.of());
    // 2 x 500 MiB over 2 containers: 100 * (1000 - 23) / (2000 - 23) = 49.
    assertThat(scores(h, pod(h, "big:v1", "big:v1"))).containsExactly(49);
  }

  @Test
  void imagesNoNodeHoldsScoreZero() {
    PluginHarness h = new PluginHarness(List.of(
        NodeBuilder.node("a").image("big:latest", 500 * MB).build(), NodeBuilder.node("b").build()), List.of());
    assertThat(scores(h, pod(h, "other", "more:v2"))).containsExactly(0, 0);
  }

  @Test
  void aCycleKeepsItsCountsAndTheNextCycleSeesAReplacedNode() {
    PluginHarness h = new PluginHarness(List.of(
        NodeBuilder.node("a").image("big:latest", 500 * MB).build(), NodeBuilder.node("b").build()), List.of());
    ImageLocality p = new ImageLocality(h);
    PodInfo pod = pod(h, "big");
    CycleState first = new CycleState();
    assertThat(p.score(first, pod, h.nodeInfo("a"))).isEqualTo(23);
    h.nodeInfo("b").setNode(NodeBuilder.node("b").image("big:latest", 500 * MB).build(), h.resources(), h.labels());
    assertThat(p.score(first, pod, h.nodeInfo("a"))).as("same cycle").isEqualTo(23);
    assertThat(p.score(new CycleState(), pod, h.nodeInfo("a"))).as("next cycle").isEqualTo(48);
  }

  @Test
  void parallelScoreCallsOfOneCycleAgreeWithSerialOnes() throws Exception {
    List<Node> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      NodeBuilder b = NodeBuilder.node("n" + i);
      if (i % 3 == 0) {
        b.image("big:latest", 700 * MB);
      }
      if (i % 5 == 0) {
        b.image("side:v1", 300 * MB);
      }
      nodes.add(b.build());
    }
    PluginHarness h = new PluginHarness(nodes, List.of());
    PodInfo pod = pod(h, "big", "side:v1");
    long[] serial = scores(h, pod);
    ImageLocality p = new ImageLocality(h);
    CycleState s = new CycleState();
    long[] parallel = new long[serial.length];
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int i = 0; i < parallel.length; i++) {
        int at = i;
        done.add(pool.submit(() -> parallel[at] = p.score(s, pod, h.nodeInfos().get(at))));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(parallel).containsExactly(serial);
    assertThat(serial[0]).isPositive();
  }

  @Test
  void aNodeOutsideTheSnapshotIsScoredFromItsOwnImages() {
    PluginHarness h = new PluginHarness(List.of(
        NodeBuilder.node("a").image("big:latest", 500 * MB).build(), NodeBuilder.node("b").build()), List.of());
    ImageLocality p = new ImageLocality(h);
    PodInfo pod = pod(h, "big");
    NodeInfo stranger = new NodeInfo();
    stranger.setNode(NodeBuilder.node("c").image("big:latest", 500 * MB).build(), h.resources(), h.labels());
    assertThat(p.score(new CycleState(), pod, stranger)).isEqualTo(23);
  }

  @Test
  void tableCountsANameOncePerNodeAndGoesStaleWhenANodeIsReplaced() {
    ResourceRegistry resources = new ResourceRegistry();
    LabelInterner labels = new LabelInterner();
    Node a = NodeBuilder.node("a").image("x:1", 10).image("x:1", 30).build();
    Node b = NodeBuilder.node("b").image("x:1", 20).build();
    NodeInfo na = new NodeInfo();
    na.setNode(a, resources, labels);
    na.setIndex(0);
    NodeInfo nb = new NodeInfo();
    nb.setNode(b, resources, labels);
    nb.setIndex(1);
    List<NodeInfo> snapshot = List.of(na, nb);
    ImageTable t = ImageTable.build(snapshot);
    int id = t.id("x:1");
    assertThat(t.numNodes(id)).isEqualTo(2);
    assertThat(t.size(t.row(na), id)).isEqualTo(30);
    assertThat(t.size(t.row(nb), id)).isEqualTo(20);
    assertThat(t.id("y:1")).isEqualTo(-1);
    assertThat(t.isCurrent(snapshot)).isTrue();
    assertThat(t.isCurrent(List.of(na.copy(), nb.copy()))).as("copies share the Node").isTrue();
    nb.setNode(NodeBuilder.node("b").build(), resources, labels);
    assertThat(t.isCurrent(snapshot)).isFalse();
    assertThat(t.row(nb)).isEqualTo(-1);
  }

  private static long[] scores(PluginHarness h, PodInfo pod) {
    ImageLocality p = new ImageLocality(h);
    CycleState s = new CycleState();
    long[] out = new long[h.nodeInfos().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.score(s, pod, h.nodeInfos().get(i));
    }
    return out;
  }
}
