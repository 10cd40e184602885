package io.schedlab.plugins.imagelocality;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.StaticHandle;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.TestHandles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageLocalityTest {
  private static final long MB = 1024 * 1024;

  private static PodInfo pod(StaticHandle h, String... images) {
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
    StaticHandle one = bigOnAOnly();
    StaticHandle both = TestHandles.of(List.of(
        NodeBuilder.node("a").image("big:latest", 500 * MB).build(),
        NodeBuilder.node("b").image("big:latest", 500 * MB).build()));
    assertThat(scores(one, pod(one, "big"))).containsExactly(23, 0);
    assertThat(scores(both, pod(both, "big"))).containsExactly(48, 48);
  }

  @Test
  void everyContainerCountsEvenWithTheSameImage() {
    StaticHandle h = TestHandles.of(List.of(NodeBuilder.node("a").image("big:v1", 500 * MB).build()));
    // 2 x 500 MiB over 2 containers: 100 * (1000 - 23) / (2000 - 23) = 49.
    assertThat(scores(h, pod(h, "big:v1", "big:v1"))).containsExactly(49);
  }

  @Test
  void imagesNoNodeHoldsScoreZero() {
    StaticHandle h = bigOnAOnly();
    assertThat(scores(h, pod(h, "other", "more:v2"))).containsExactly(0, 0);
  }

  @Test
  void aCycleKeepsItsCountsAndTheNextCycleSeesAReplacedNode() {
    // As the scheduler does it: the cache replaces the node, the next cycle's snapshot shows it.
    io.schedlab.framework.ResourceRegistry resources = new io.schedlab.framework.ResourceRegistry();
    io.schedlab.framework.LabelInterner labels = new io.schedlab.framework.LabelInterner();
    io.schedlab.scheduler.SchedulerCache cache =
        new io.schedlab.scheduler.SchedulerCache(resources, labels);
    cache.addNode(NodeBuilder.node("a").image("big:latest", 500 * MB).build());
    cache.addNode(NodeBuilder.node("b").build());
    io.schedlab.scheduler.Snapshot snapshot = new io.schedlab.scheduler.Snapshot();
    cache.updateSnapshot(snapshot);
    StaticHandle h = new StaticHandle(snapshot, resources, labels);
    ImageLocality p = new ImageLocality(h);
    PodInfo pod = pod(h, "big");
    CycleState first = new CycleState();
    assertThat(p.score(first, pod, h.snapshot().get("a"))).isEqualTo(23);
    cache.updateNode(NodeBuilder.node("b").image("big:latest", 500 * MB).build());
    assertThat(p.score(first, pod, h.snapshot().get("a"))).as("same cycle").isEqualTo(23);
    cache.updateSnapshot(snapshot);
    assertThat(p.score(new CycleState(), pod, h.snapshot().get("a"))).as("next cycle").isEqualTo(48);
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
    StaticHandle h = TestHandles.of(nodes);
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
        done.add(pool.submit(() -> parallel[at] = p.score(s, pod, h.snapshot().list().get(at))));
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
    StaticHandle h = bigOnAOnly();
    ImageLocality p = new ImageLocality(h);
    PodInfo pod = pod(h, "big");
    NodeInfo stranger = new NodeInfo();
    stranger.setNode(NodeBuilder.node("c").image("big:latest", 500 * MB).build(), h.resources(), h.labels());
    assertThat(p.score(new CycleState(), pod, stranger)).isEqualTo(23);
  }

  @Test
  void tableCountsANameOncePerNodeAndGoesStaleWithTheNodesVersion() {
    StaticHandle h = TestHandles.of(List.of(
        NodeBuilder.node("a").image("x:1", 10).image("x:1", 30).build(),
        NodeBuilder.node("b").image("x:1", 20).build()));
    List<NodeInfo> snapshot = h.snapshot().list();
    NodeInfo na = snapshot.get(0);
    NodeInfo nb = snapshot.get(1);
    ImageTable t = ImageTable.build(h.snapshot());
    int id = t.id("x:1");
    assertThat(t.numNodes(id)).isEqualTo(2);
    assertThat(t.size(t.row(na), id)).isEqualTo(30);
    assertThat(t.size(t.row(nb), id)).isEqualTo(20);
    assertThat(t.id("y:1")).isEqualTo(-1);
    assertThat(t.isCurrent(h.snapshot())).isTrue();
    assertThat(t.isCurrent(io.schedlab.scheduler.Snapshot.of(List.of(na.copy(), nb.copy()))))
        .as("another snapshot").isFalse();
    nb.setNode(NodeBuilder.node("b").build(), h.resources(), h.labels());
    assertThat(t.row(nb)).as("a replaced Node object has no row").isEqualTo(-1);
  }

  /** Node a holds big:latest (500 MiB), node b no image. */
  private static StaticHandle bigOnAOnly() {
    return TestHandles.of(List.of(
        NodeBuilder.node("a").image("big:latest", 500 * MB).build(), NodeBuilder.node("b").build()));
  }

  private static long[] scores(StaticHandle h, PodInfo pod) {
    ImageLocality p = new ImageLocality(h);
    CycleState s = new CycleState();
    long[] out = new long[h.snapshot().list().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.score(s, pod, h.snapshot().list().get(i));
    }
    return out;
  }
}
