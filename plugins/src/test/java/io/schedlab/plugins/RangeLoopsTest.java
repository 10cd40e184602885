package io.schedlab.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.FilterRun;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
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

/**
 * The in-tree plugins' own run loops ({@link FilterPlugin.RangeFilter}, {@link
 * ScorePlugin.RangeScorer}) give exactly what node-by-node calls give, on one random cluster:
 * small and large nodes, tainted (NoSchedule and PreferNoSchedule), cordoned, some holding the
 * pod's image, each running a few pods.
 */
class RangeLoopsTest {
  private final StaticHandle h = world(new SplittableRandom(11));
  private final PodInfo pod = h.compile(withImage(PodBuilder.pod("p").namespace("default")
      .req("cpu", "900m").req("memory", "1Gi").nodeAffinityRequired("zone", "In", "z0", "z1")
      .nodeAffinityPreferred(5, "zone", "In", "z1").build(), "app:v1"));

  private static StaticHandle world(SplittableRandom rnd) {
    List<Node> nodes = new ArrayList<>();
    List<Pod> running = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      NodeBuilder b = NodeBuilder.node("n" + i).label("zone", "z" + (i % 3))
          .capacity("cpu", Integer.toString(1 + rnd.nextInt(14)))
          .capacity("memory", (1 + rnd.nextInt(60)) + "Gi")
          .capacity("pods", rnd.nextBoolean() ? "4" : "110");
      switch (rnd.nextInt(6)) {
        case 0 -> b.taint("dedicated", "x", "NoSchedule");
        case 1 -> b.taint("spot", "true", "PreferNoSchedule");
        default -> { }
      }
      if (rnd.nextInt(7) == 0) {
        b.unschedulable();
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
    return TestHandles.of(nodes, running);
  }

  private static Pod withImage(Pod built, String image) {
    io.schedlab.api.Container c = built.spec().containers().get(0);
    io.schedlab.api.Container withImage = new io.schedlab.api.Container(c.name(), image,
        c.command(), c.args(), c.resources(), c.ports(), c.restartPolicy());
    return Pod.of(built.metadata(), built.spec().withContainers(List.of(withImage)), built.status());
  }

  /** Every range filter rejects, over a wrapped-around wave, what filter rejects node by node. */
  @Test
  void rangeFiltersAgreeWithFilterNodeByNode() {
    Registry registry = InTreeRegistry.create();
    List<NodeInfo> list = h.snapshot().list();
    int n = list.size();
    int start = 37; // the wave wraps past the end of the list
    int checked = 0;
    for (String name : registry.names()) {
      Plugin plugin = registry.create(name, null, h);
      if (!(plugin instanceof FilterPlugin fp) || fp.rangeFilter() == null) {
        continue;
      }
      CycleState state = new CycleState();
      if (plugin instanceof PreFilterPlugin pre) {
        PreFilterResult r = pre.preFilter(state, pod, list);
        if (r.status().isSkip()) {
          continue;
        }
      }
      Status earlier = Status.unschedulable("rejected earlier");
      Status[] outcomes = new Status[n];
      outcomes[5] = earlier;
      FilterRun first = new FilterRun(list, start, 0, 30, outcomes, (p, s) -> s);
      first.setPlugin(fp);
      fp.rangeFilter().filter(state, pod, first);
      FilterRun second = new FilterRun(list, start, 30, n, outcomes, (p, s) -> s);
      second.setPlugin(fp);
      fp.rangeFilter().filter(state, pod, second);
      for (int i = 0; i < n; i++) {
        NodeInfo node = list.get((start + i) % n);
        if (i == 5) {
          assertThat(outcomes[i]).as("%s leaves an earlier rejection", name).isSameAs(earlier);
          continue;
        }
        Status one = fp.filter(state, pod, node);
        if (one.isSuccess()) {
          assertThat(outcomes[i]).as("%s on %s", name, node.name()).isNull();
        } else {
          assertThat(outcomes[i]).as("%s on %s", name, node.name()).isNotNull();
          assertThat(outcomes[i].code()).isEqualTo(one.code());
          assertThat(outcomes[i].reasons()).isEqualTo(one.reasons());
        }
      }
      checked++;
    }
    assertThat(checked).as("plugins with a range filter").isGreaterThanOrEqualTo(5);
  }

  @Test
  void rangeScorersAgreeWithScoreNodeByNode() {
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
