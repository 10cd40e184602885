package io.schedlab.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.FilterRun;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.ScoreRun;
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
 * pod's image, some overcommitted, each running a few pods; both from the snapshot's
 * {@link NodeTable} rows and from the NodeInfos, for pods that request both resources, one, or
 * none.
 */
class RangeLoopsTest {
  private final StaticHandle h = world(new SplittableRandom(11));
  private final List<PodInfo> pods = List.of(
      h.compile(withImage(PodBuilder.pod("p").namespace("default")
          .req("cpu", "900m").req("memory", "1Gi").nodeAffinityRequired("zone", "In", "z0", "z1")
          .nodeAffinityPreferred(5, "zone", "In", "z1").build(), "app:v1")),
      h.compile(PodBuilder.pod("cpu-only").namespace("default").req("cpu", "2").build()),
      h.compile(PodBuilder.pod("best-effort").namespace("default").build()));

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
      if (i % 10 == 4) {
        // More memory asked than the node has: a node whose allocatable shrank under its pods.
        running.add(PodBuilder.pod("big" + i).namespace("default").nodeName("n" + i)
            .req("memory", "100Gi").build());
      }
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
    NodeTable table = h.snapshot().table();
    assertThat(table).as("the snapshot's table").isNotNull();
    int checked = 0;
    for (PodInfo pod : pods) {
      checked += checkFilters(pod, table.nodes(), table);
      checked += checkFilters(pod, new ArrayList<>(table.nodes()), null);
    }
    assertThat(checked).as("plugin and pod pairs with a range filter").isGreaterThanOrEqualTo(20);
  }

  private int checkFilters(PodInfo pod, List<NodeInfo> list, NodeTable table) {
    Registry registry = InTreeRegistry.create();
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
      FilterRun first = new FilterRun(list, table, start, 0, 30, outcomes, (p, s) -> s);
      first.setPlugin(fp);
      fp.rangeFilter().filter(state, pod, first);
      FilterRun second = new FilterRun(list, table, start, 30, n, outcomes, (p, s) -> s);
      second.setPlugin(fp);
      fp.rangeFilter().filter(state, pod, second);
      for (int i = 0; i < n; i++) {
        NodeInfo node = list.get((start + i) % n);
        if (i == 5) {
          assertThat(outcomes[i]).as("%s leaves an earlier rejection", name).isSameAs(earlier);
          continue;
        }
        Status one = fp.filter(state, pod, node);
        String what = name + " on " + node.name() + " for " + pod.name() + (table != null ? " (rows)" : "");
        if (one.isSuccess()) {
          assertThat(outcomes[i]).as(what).isNull();
        } else {
          assertThat(outcomes[i]).as(what).isNotNull();
          assertThat(outcomes[i].code()).as(what).isEqualTo(one.code());
          assertThat(outcomes[i].reasons()).as(what).isEqualTo(one.reasons());
        }
      }
      checked++;
    }
    return checked;
  }

  @Test
  void rangeScorersAgreeWithScoreNodeByNode() {
    NodeTable table = h.snapshot().table();
    int checked = 0;
    for (PodInfo pod : pods) {
      checked += checkScorers(pod, table);
      checked += checkScorers(pod, null);
    }
    assertThat(checked).as("plugin and pod pairs with a range scorer").isGreaterThanOrEqualTo(20);
  }

  private int checkScorers(PodInfo pod, NodeTable table) {
    Registry registry = InTreeRegistry.create();
    List<NodeInfo> list = h.snapshot().list();
    // Scored in an order that is not the table's, as a cycle's feasible nodes are.
    List<NodeInfo> feasible = new ArrayList<>(list.subList(31, list.size()));
    feasible.addAll(list.subList(0, 31));
    int[] rows = new int[feasible.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = feasible.get(i).index();
    }
    int checked = 0;
    for (String name : registry.names()) {
      Plugin plugin = registry.create(name, null, h);
      if (!(plugin instanceof ScorePlugin sp) || sp.rangeScorer() == null) {
        continue;
      }
      CycleState state = new CycleState();
      if (plugin instanceof PreScorePlugin pre) {
        Status s = pre.preScore(state, pod, feasible);
        if (s.isSkip()) {
          continue;
        }
      }
      long[] ranged = new long[feasible.size()];
      sp.rangeScorer().score(state, pod, new ScoreRun(feasible, table, rows, 0, 25), ranged);
      sp.rangeScorer().score(state, pod, new ScoreRun(feasible, table, rows, 25, feasible.size()), ranged);
      for (int i = 0; i < feasible.size(); i++) {
        assertThat(ranged[i])
            .as("%s on %s for %s%s", name, feasible.get(i).name(), pod.name(), table != null ? " (rows)" : "")
            .isEqualTo(sp.score(state, pod, feasible.get(i)));
      }
      checked++;
    }
    return checked;
  }
}
