package io.schedlab.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.Status;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import io.schedlab.testing.TestHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every in-tree range scorer gives, run by run, exactly the scores of node-by-node calls. */
class RangeScorerTest {
  @Test
  void rangeScorersAgreeWithScoreNodeByNode() {
    SplittableRandom rnd = new SplittableRandom(7);
    List<Node> nodes = new ArrayList<>();
    List<Pod> running = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      NodeBuilder b = NodeBuilder.node("n" + i).label("zone", "z" + (i % 3))
          .capacity("cpu", Integer.toString(2 + rnd.nextInt(14)))
          .capacity("memory", (4 + rnd.nextInt(60)) + "Gi").capacity("pods", "110");
      if (rnd.nextInt(4) == 0) {
        b.taint("spot", "true", "PreferNoSchedule");
      }
      if (rnd.nextInt(3) == 0) {
        b.image("app:v1", 300L << 20);
      }
      nodes.add(b.build());
      for (int k = rnd.nextInt(4); k > 0; k--) {
        running.add(PodBuilder.pod("r" + i + "-" + k).namespace("default").nodeName("n" + i)
            .req("cpu", (100 + rnd.nextInt(900)) + "m").req("memory", (64 + rnd.nextInt(900)) + "Mi")
            .build());
      }
    }
    StaticHandle h = TestHandles.of(nodes, running);
    Pod built = PodBuilder.pod("p").namespace("default").req("cpu", "500m").req("memory", "1Gi")
        .nodeAffinityPreferred(5, "zone", "In", "z1")
        .build();
    io.schedlab.api.Container c = built.spec().containers().get(0);
    io.schedlab.api.Container withImage = new io.schedlab.api.Container(c.name(), "app:v1",
        c.command(), c.args(), c.resources(), c.ports(), c.restartPolicy());
    PodInfo pod = h.compile(Pod.of(built.metadata(),
        built.spec().withContainers(List.of(withImage)), built.status()));
    Registry registry = InTreeRegistry.create();
    List<NodeInfo> list = h.snapshot().list();
    int checked = 0;
    for (String name : registry.names()) {
      Plugin plugin = registry.create(name, null, h);
      if (!(plugin instanceof ScorePlugin sp) || sp.rangeScorer() == null) {
        continue;
      }
      CycleState state = new CycleState();
      if (plugin instanceof PreScorePlugin pre) {
        Status s = pre.preScore(state, pod, list);
        if (s.isSkip()) {
          continue;
        }
      }
      long[] ranged = new long[list.size()];
      sp.rangeScorer().score(state, pod, list, 0, 25, ranged);
      sp.rangeScorer().score(state, pod, list, 25, list.size(), ranged);
      for (int i = 0; i < list.size(); i++) {
        assertThat(ranged[i]).as("%s on %s", name, list.get(i).name())
            .isEqualTo(sp.score(state, pod, list.get(i)));
      }
      checked++;
    }
    assertThat(checked).as("plugins with a range scorer").isGreaterThanOrEqualTo(5);
  }
}
